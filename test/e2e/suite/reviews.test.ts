import * as assert from "assert";
import * as vscode from "vscode";
import { execFileSync } from "child_process";
import { writeFileSync } from "fs";
import { flagChange, noteOn, type Contradiction } from "../../../src/core";
import { AnnotationStore } from "../../../src/extension/annotationStore";
import type { ClaimscopeApi } from "../../../src/extension/extension";
import { pageElements, pageProblems } from "../../webviewPolicy";
import { api, file, hoverText, offsetOf, open, root, until, webviewRules } from "./util";

const FIRST = "01-halvorsen-agrees-to-buy-northwind.md";
const STAKE = "Halvorsen already owns a 12% stake";
const LICENSE = "Northwind keeps its exclusive license";
const REVENUE = "A revenue-sharing agreement with Lumen Labs stays in place";
const CLOUD = "Contoso Cloud remains the exclusive cloud provider for Northwind";
const ANNOTATIONS = ".claimscope/annotations.json";

/** The flag whose earlier statement starts with `text` in the first article. */
function flagAt(a: ClaimscopeApi, text: string) {
  const snap = a.corpus.snapshot();
  const flag = snap.contradictions.find((c) => c.earlier.startsWith(FIRST) && snap.claims.get(c.earlier)!.text.startsWith(text));
  assert.ok(flag, `a flag on “${text}”`);
  return flag;
}


/** The Problems entries of a flag: on its later statement, telling its change. */
function flagDiagnostics(a: ClaimscopeApi, flag: Contradiction): vscode.Diagnostic[] {
  const snap = a.corpus.snapshot();
  const uri = a.corpus.uriFor(flag.later.split("#")[0]!)!;
  const change = flagChange(flag, snap);
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === "claimscope" && d.message.startsWith(`${change} (`));
}

async function stored(): Promise<{ annotations: Array<{ id: string; kind: string; state?: string; note?: string }> }> {
  return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file(ANNOTATIONS))));
}

suite("review workflow: states, notes, anchors, CLI, exchange, deal sheet", () => {
  let original = "";

  suiteSetup(async () => {
    const a = await api();
    await a.reviews.ready;
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(file(FIRST)));
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    await vscode.workspace.fs.writeFile(file(FIRST), new TextEncoder().encode(original));
    await vscode.workspace.fs.delete(file(".claimscope"), { recursive: true }).then(undefined, () => undefined);
    const a = await api();
    await until("annotations cleared", () => a.reviews.index().all.length === 0 && a.reviews.problems().length === 0);
  });

  test("the lightbulb dismisses a flag: it leaves Problems and the file records it", async () => {
    const a = await api();
    const ed = await open(FIRST);
    const uri = ed.document.uri;
    const stakeFlag = flagAt(a, STAKE);
    await until("the stake warning", () => flagDiagnostics(a, stakeFlag).some((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    const pos = offsetOf(ed.document, STAKE);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", uri, new vscode.Range(pos, pos));
    const titles = actions.map((x) => x.title);
    for (const state of ["superseded", "conflict", "dismissed"]) assert.ok(titles.some((t) => t.includes(`as ${state}`)), titles.join(" | "));
    assert.ok(titles.some((t) => t.includes("mark claim as verified")), titles.join(" | "));
    const dismiss = actions.find((x) => x.title.includes("as dismissed"))!;
    // The command asks for an optional note; Enter on the empty box saves without one.
    const done = vscode.commands.executeCommand(dismiss.command!.command, ...dismiss.command!.arguments!);
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand("workbench.action.acceptSelectedQuickOpenItem");
    await done;
    const flag = flagAt(a, STAKE);
    await until("the review placed", () => a.reviews.index().ofContradiction(flag));
    assert.strictEqual(a.reviews.index().ofContradiction(flag)!.annotation.kind, "contradiction");
    await until("the warning gone", () => !flagDiagnostics(a, flag).length);
    // A dismissed flag is no longer marked in the text either.
    const marked = await until("the marks updated", () => { const r = a.marks.rangesOf(ed.document.uri); return r && !r.some((x) => ed.document.getText(x) === "12%") && r; });
    assert.ok(marked.some((r) => ed.document.getText(r) === "$6.8 billion"), "the open flags stay marked");
    const file = await stored();
    assert.deepStrictEqual(file.annotations.map((x) => [x.kind, x.state]), [["contradiction", "dismissed"]]);
  });

  test("from the tree a flag is marked superseded, from the hover another is marked conflict, with notes", async () => {
    const a = await api();
    a.tree.setGrouping("topic");
    const license = a.tree.roots().find((g) => g.label === "Exclusive license · Lumen, Northwind")!;
    const node = a.tree.getChildren(license).find((n) => n.type === "claim" && a.corpus.claim(n.id)!.text.startsWith(LICENSE))!;
    assert.strictEqual(a.tree.getTreeItem(node).contextValue, "claimscope.claim.flagged", "the tree offers Review Flag on it");
    await vscode.commands.executeCommand("claimscope.reviewContradiction", node, "superseded", "Lumen ended the license in April");
    const flag = flagAt(a, LICENSE);
    await until("superseded", () => a.reviews.index().ofContradiction(flag));
    const item = a.tree.getTreeItem(node);
    assert.match(String(item.description), /flag superseded/);
    assert.strictEqual((item.iconPath as vscode.ThemeIcon).id, "history");
    const ed = await open(FIRST);
    const diag = await until("an information diagnostic", () => flagDiagnostics(a, flag).find((d) => /\(superseded, reviewed, /.test(d.message)));
    assert.strictEqual(diag.severity, vscode.DiagnosticSeverity.Information);
    assert.ok(diag.relatedInformation?.some((r) => /reviewed superseded: Lumen ended the license in April/.test(r.message)), JSON.stringify(diag.relatedInformation?.map((r) => r.message)));

    // The hover offers "review flag…" as a command link; following it with a state is what a click does.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", ed.document.uri, offsetOf(ed.document, "revenue-sharing agreement with Lumen"));
    const text = hoverText(hovers);
    const link = /\[Review flag…\]\(command:claimscope\.reviewContradiction\?([^)]+)\)/.exec(text);
    assert.ok(link, text);
    const args = JSON.parse(decodeURIComponent(link[1]!)) as unknown[];
    await vscode.commands.executeCommand("claimscope.reviewContradiction", ...args, "conflict", "the two sources disagree");
    const revenue = flagAt(a, REVENUE);
    await until("conflict", () => a.reviews.index().ofContradiction(revenue));
    const after = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", ed.document.uri, offsetOf(ed.document, "revenue-sharing agreement with Lumen")));
    assert.match(after, /\*Revenue share(:|&#58;) holds → ends: conflict\* — the two sources disagree/);
    assert.strictEqual(flagDiagnostics(a, revenue).find((d) => /\(conflict, reviewed, /.test(d.message))?.severity, vscode.DiagnosticSeverity.Warning);
  });

  test("claims are verified and disputed; a note goes on any selected text and shows in the hover", async () => {
    const a = await api();
    const ed = await open(FIRST);
    const pos = offsetOf(ed.document, CLOUD);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>("vscode.executeCodeActionProvider", ed.document.uri, new vscode.Range(pos, pos));
    const verify = actions.find((x) => x.title === "Claimscope: mark claim as verified")!;
    await vscode.commands.executeCommand(verify.command!.command, ...verify.command!.arguments!, "checked with the contract");
    const claimId = verify.command!.arguments![0] as string;
    await until("verified", () => a.reviews.index().ofClaim(claimId));
    await vscode.commands.executeCommand("claimscope.reviewClaim", claimId, "disputed", "the contract says otherwise");
    await until("disputed", () => { const r = a.reviews.index().ofClaim(claimId); return r?.annotation.kind === "claim" && r.annotation.state === "disputed"; });
    assert.strictEqual((await stored()).annotations.filter((x) => x.kind === "claim").length, 1, "a new review of a claim replaces the old one");

    const start = offsetOf(ed.document, "fleet-management platform");
    ed.selection = new vscode.Selection(start.translate(0, -1), start.translate(0, "fleet-management platform".length - 1));
    await vscode.commands.executeCommand("claimscope.addNote", undefined, "ask which platform version");
    await until("the note", () => a.reviews.index().notesIn(FIRST).length === 1);
    const hover = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", ed.document.uri, start));
    assert.match(hover, /Note:\*\* ask which platform version/);
    assert.match(hover, /\*\*Claim disputed\*\* — the contract says otherwise/);
    assert.ok(a.tree.getChildren().some((n) => n.type === "annotations" && n.id === "notes"));
  });

  test("the CLI reads the same file: reviewed flags do not fail the build, every format shows the state", async () => {
    const a = await api();
    const cli = vscode.Uri.joinPath(vscode.extensions.getExtension("claimscope.claimscope")!.extensionUri, "dist", "cli.js").fsPath;
    const json = JSON.parse(execFileSync(process.execPath, [cli, "analyze", root().fsPath, "--format", "json"], { encoding: "utf8", env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" } }));
    const states = json.contradictions.filter((x: { review?: unknown }) => x.review).map((x: { review: { state: string } }) => x.review.state).sort();
    assert.deepStrictEqual(states, ["conflict", "dismissed", "superseded"]);
    assert.strictEqual(json.claims.filter((c: { review?: unknown }) => c.review).length, 1);
    const stake = flagAt(a, STAKE);
    assert.strictEqual(json.contradictions.find((x: { earlier: string; later: string }) => x.earlier === stake.earlier && x.later === stake.later).review.state, "dismissed");
    let code = 0;
    try { execFileSync(process.execPath, [cli, "analyze", root().fsPath, "--fail-on-contradiction"], { env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" } }); } catch (e) { code = (e as { status: number }).status; }
    assert.strictEqual(code, 1, `${json.contradictions.length - 3} flags are still open`);
  });

  test("reviews follow their text through an edit; deleted text orphans them, restored text brings them back", async () => {
    const a = await api();
    const ed = await open(FIRST);
    const stake = flagAt(a, STAKE);
    const before = a.corpus.claim(stake.earlier)!.start;
    const edit = new vscode.WorkspaceEdit();
    edit.insert(ed.document.uri, offsetOf(ed.document, "Halvorsen Industries said on Monday").translate(0, -1), "An editor's note added at the top, with no figures in it.\n\n");
    await vscode.workspace.applyEdit(edit);
    await ed.document.save();
    const moved = await until("the stake statement moved", () => { const f = a.corpus.snapshot().contradictions.find((c) => a.corpus.claim(c.earlier)?.text.startsWith(STAKE)); return f && a.corpus.claim(f.earlier)!.start > before && f; });
    const r = await until("the review re-anchored", () => a.reviews.index().ofContradiction(moved));
    assert.strictEqual(r.status, "anchored");
    assert.ok(!flagDiagnostics(a, moved).length, "still dismissed after the edit");

    const gone = new vscode.WorkspaceEdit();
    const s = offsetOf(ed.document, STAKE).translate(0, -1);
    gone.replace(ed.document.uri, new vscode.Range(s, ed.document.lineAt(s.line).range.end), "Halvorsen declined to say how much of Northwind it owns.");
    await vscode.workspace.applyEdit(gone);
    await ed.document.save();
    const orphan = await until("orphaned", () => a.reviews.index().orphans.find((o) => o.annotation.kind === "contradiction" && o.annotation.state === "dismissed"));
    assert.match(orphan.reason!, /no longer in|no longer read|no longer flagged/);
    // The tree hears of the edit with the next batch of changes (claimscope.debounceMs after it).
    await until("listed under Orphaned annotations", () => a.tree.getChildren().some((n) => n.type === "annotations" && n.id === "orphans"));
    await until("reported on the annotations file", () => vscode.languages.getDiagnostics(file(ANNOTATIONS)).some((d) => d.code === "orphaned-annotation"));
    assert.strictEqual((await stored()).annotations.length, 5, "kept in the file");

    const back = new vscode.WorkspaceEdit();
    back.replace(ed.document.uri, new vscode.Range(0, 0, ed.document.lineCount, 0), original);
    await vscode.workspace.applyEdit(back);
    await ed.document.save();
    await until("re-attached when the text is back", () => !a.reviews.index().orphans.length && a.reviews.index().all.length === 5);
  });

  test("W3C Web Annotation export and import give back the same reviews", async () => {
    const a = await api();
    const before = a.reviews.index().all.map((r) => r.annotation).sort((x, y) => (x.id < y.id ? -1 : 1));
    const out = vscode.Uri.joinPath(root(), "..", "claimscope-export.jsonld");
    await vscode.commands.executeCommand("claimscope.exportAnnotations", out);
    const exported = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(out)));
    assert.strictEqual(exported["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert.strictEqual(exported.first.items.length, before.length);
    await vscode.workspace.fs.delete(file(ANNOTATIONS));
    await until("annotations gone", () => a.reviews.index().all.length === 0);
    await vscode.commands.executeCommand("claimscope.importAnnotations", out);
    await until("annotations back", () => a.reviews.index().all.length === before.length);
    assert.deepStrictEqual(a.reviews.index().all.map((r) => r.annotation).sort((x, y) => (x.id < y.id ? -1 : 1)), before);
  });

  test("two windows writing at once keep both annotations; a corrupt file is reported and never overwritten", async () => {
    const a = await api();
    const other = new AnnotationStore(vscode.workspace.workspaceFolders![0]!);
    await other.load();
    const doc = a.corpus.index.get(FIRST)!;
    const count = a.reviews.index().all.length;
    const snap = a.corpus.snapshot();
    const claim = snap.documents.find((d) => d.path === FIRST)!.analysis.claims.find((c) => !a.reviews.index().ofClaim(c.id))!;
    // Three rounds of both windows saving at the same moment: every annotation must survive.
    for (let i = 0; i < 3; i++) {
      const theirs = noteOn(FIRST, doc.text, i, i + 9, `from the other window ${i}`, { id: `other-window-note-${i}`, now: new Date().toISOString() });
      await Promise.all([other.update([{ type: "put", annotation: theirs }]), i === 0 ? a.reviews.reviewClaim(claim.id, "verified", "mine") : a.reviews.addNote(FIRST, 20 + i, 30 + i, `mine ${i}`)]);
    }
    other.dispose();
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file(ANNOTATIONS)));
    const ids = (JSON.parse(text) as { annotations: Array<{ id: string }> }).annotations.map((x) => x.id);
    assert.ok(["0", "1", "2"].every((i) => ids.includes(`other-window-note-${i}`)) && ids.length === count + 6, ids.join());
    // What another process writes (a window, a git checkout) shows up here.
    writeFileSync(file(ANNOTATIONS).fsPath, text.replace("from the other window 0", "edited elsewhere"));
    await until("the other window's note shown", () => a.reviews.index().all.some((r) => r.annotation.note === "edited elsewhere"));
    assert.strictEqual(a.reviews.index().all.length, count + 6);

    const broken = "{ \"schema\": \"claimscope/annotations@1\", \"annotations\": [ { \"id\": ";
    await vscode.workspace.fs.writeFile(file(ANNOTATIONS), new TextEncoder().encode(broken));
    await until("reported", () => a.reviews.problems().length === 1);
    await until("an error on the file", () => vscode.languages.getDiagnostics(file(ANNOTATIONS)).some((d) => d.severity === vscode.DiagnosticSeverity.Error));
    await vscode.commands.executeCommand("claimscope.reviewClaim", claim.id, "disputed", "should not be saved");
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(file(ANNOTATIONS))), broken, "left as it is");
    await vscode.workspace.fs.delete(file(ANNOTATIONS));
    await until("recovered", () => a.reviews.problems().length === 0);
  });

  test("the deal sheet renders a deal's facts in corpus order with flags, reviews and a chart, under a strict policy", async () => {
    const a = await api();
    const ed = await open(FIRST);
    const stake = flagAt(a, STAKE);
    await vscode.commands.executeCommand("claimscope.reviewContradiction", { earlier: stake.earlier, later: stake.later }, "dismissed", "counted before the share issue");
    await until("dismissed", () => a.reviews.index().ofContradiction(stake));
    // Opened from a hover's link (a claim id), the tree (a deal node) or the palette (a deal id); anything else is refused.
    assert.ok(await vscode.commands.executeCommand("claimscope.showDealSheet", stake.earlier));
    const html = a.dealSheet.html;
    assert.match(html, /<h1>Halvorsen – Northwind<\/h1>/);
    // The policy as a browser reads it (test/webviewPolicy.ts), against what VS Code gives this extension's webviews.
    assert.deepStrictEqual(pageProblems(html, await webviewRules()), []);
    assert.match(html, /<section class="slot changed" data-slot="deal-value">/);
    // The moving figure's chart: its series, as the page's script reads it, holds each reported value in order.
    const chart = pageElements(html).find((e) => e.tag === "canvas" && /Deal value over time/.test(e.attrs["aria-label"] ?? ""));
    assert.ok(chart, "a chart for the deal value");
    const series = JSON.parse(chart.attrs["data-series"]!) as { points: Array<{ value: number; label: string }> };
    assert.deepStrictEqual(series.points.map((p) => p.value).filter((v, i, all) => v !== all[i - 1]), [6.8e9, 7.4e9]);
    assert.match(html, /class="badge nature dismissed"[^>]*>dismissed ✓</);
    assert.match(html, /counted before the share issue/);
    const section = html.slice(html.indexOf('data-slot="deal-value"'));
    const order = [...section.slice(0, section.indexOf("</section>")).matchAll(/<td class="order">(\d+)<\/td>/g)].map((m) => Number(m[1]));
    assert.ok(order.length >= 2);
    assert.deepStrictEqual(order, [...order].sort((x, y) => x - y));
    a.tree.setGrouping("deal");
    const deal = a.tree.deals().find((d) => d.label === "Halvorsen – Northwind")!;
    assert.ok(deal);
    assert.ok(await vscode.commands.executeCommand("claimscope.showDealSheet", deal));
    assert.ok(await vscode.commands.executeCommand("claimscope.showDealSheet", deal.deal));
    assert.strictEqual(await vscode.commands.executeCommand("claimscope.showDealSheet", { type: "item", deal: "evil" }), false);
    assert.ok(ed.document.uri.path.endsWith(FIRST));
  });

});
