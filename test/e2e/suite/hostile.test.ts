import * as assert from "assert";
import * as vscode from "vscode";
import { applyEdits, emptyAnnotationFile, HOVER_COMMANDS, hoverArgumentRefusal, noteOn, reviewContradiction, serializeAnnotationFile, type Claim, type Contradiction } from "../../../src/core";
import type { ClaimscopeApi } from "../../../src/extension/extension";
import { knownIds } from "../../../src/extension/reviewCommands";
import { renderMarkdown, type Rendered } from "../../markdownRender";
import { pageElements, pageProblems, pageText } from "../../webviewPolicy";
import { api, file, offsetOf, open, until, webviewRules } from "./util";

// test/fixtures/hostile, copied by run.mjs into a dot-folder of the workspace (outside the corpus) and
// copied from there into the corpus by this suite. The names are payloads too: a path is shown in hovers,
// tooltips, Problems and the deal sheet.
const FIXTURES = ".fixtures/hostile";
const FIRST = "hostile/[one](command:workbench.action.quit) <img src=x onerror=alert(7)>.txt";
// An unbalanced parenthesis: a link the hover writes to this article must still be one link.
const SECOND = "hostile/`two` **b** <b onmouseover=alert(8)>x ![p](javascript:alert(9).txt";
const ANNOTATIONS = ".claimscope/annotations.json";
/** Notes and a reviewer's name as another person's annotations file may hold them. */
const NOTE = "[Open](command:workbench.action.terminal.new) <img src=x onerror=alert(10)> `code` <https://evil.example/n>";
const REVIEW_NOTE = "<script>alert(11)</script> ![x](javascript:alert(12)) **loud**";
const CREATOR = "<b onclick=alert(13)>Mallory</b> [me](command:workbench.action.quit)";
/** Each flagged figure of the two articles, by text that starts with it in the body (the headline repeats the price). */
const FIGURES: Array<[string, string]> = [
  [FIRST, "$4.2 billion <img"], [FIRST, "$31 a share"], [FIRST, "60% stake"], [FIRST, "the end of 2025"],
  [SECOND, "$5.1 billion <img"], [SECOND, "$36 a share"], [SECOND, "75% stake"], [SECOND, "the first half of 2026"],
];
/** What the article text holds that a renderer could take for syntax: it must reach the reader as text. */
const PAYLOADS = ['<img src=x onerror="alert(1)">', "[click](javascript:alert(1))", "<https://evil.example/x>", "<script>alert(2)</script>", "`rm -rf`", "<script>alert(4)</script>"];

/** Markup our own Markdown makes (bold, emphasis, lists, links, a rule, inline code for a value). */
const OUR_MARKUP = new Set(["p", "strong", "em", "ul", "li", "a", "hr", "code", "br"]);

const flat = (s: string) => s.replace(/\s+/g, " ").trim();

function hostileFlags(a: ClaimscopeApi): Contradiction[] {
  return a.corpus.snapshot().contradictions.filter((c) => c.later.startsWith("hostile/"));
}

function claimOf(a: ClaimscopeApi, id: string): Claim {
  const c = a.corpus.claim(id);
  assert.ok(c, id);
  return c;
}

/**
 * A tooltip or hover as rendered: only the markup we write, no element or attribute from article text;
 * every link one of the hover's commands with an argument it accepts (none at all when `links` is false).
 */
function assertInert(a: ClaimscopeApi, md: vscode.MarkdownString, links: boolean, where: string): Rendered {
  const r = renderMarkdown(md.value);
  const stray = r.elements.filter((e) => !OUR_MARKUP.has(e.tag) || Object.keys(e.attrs).some((k) => k !== "href" && k !== "title"));
  assert.deepStrictEqual(stray, [], `${where}: markup from article text in ${md.value}`);
  const known = knownIds(a.corpus, a.reviews);
  for (const link of r.elements.filter((e) => e.tag === "a")) {
    assert.ok(links, `${where}: a link in ${md.value}`);
    const m = /^command:(claimscope\.[A-Za-z]+)\?(.*)$/.exec(link.attrs.href ?? "");
    assert.ok(m && (HOVER_COMMANDS as readonly string[]).includes(m[1]!), `${where}: a link to ${link.attrs.href}`);
    const args = JSON.parse(decodeURIComponent(m[2]!)) as unknown[];
    assert.strictEqual(args.length, 1, link.attrs.href);
    assert.strictEqual(hoverArgumentRefusal(m[1] as (typeof HOVER_COMMANDS)[number], args[0], known), undefined, `${where}: the hover's own link is accepted`);
  }
  return r;
}

async function hoverAt(path: string, needle: string): Promise<vscode.MarkdownString> {
  const ed = await open(path);
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", ed.document.uri, offsetOf(ed.document, needle));
  const ours = hovers.flatMap((h) => h.contents).filter((c): c is vscode.MarkdownString => typeof c === "object" && "value" in c && c.value.includes("in corpus order"));
  assert.strictEqual(ours.length, 1, `one Claimscope hover on ${needle}`);
  return ours[0]!;
}

suite("hostile article text: shown as text everywhere, inert", () => {
  let hadAnnotations: Uint8Array | undefined;

  suiteSetup(async function () {
    this.timeout(60000);
    const a = await api();
    await a.reviews.ready;
    hadAnnotations = await vscode.workspace.fs.readFile(file(ANNOTATIONS)).then((b) => b, () => undefined);
    for (const [from, to] of [["01.txt", FIRST], ["02.txt", SECOND]] as const) await vscode.workspace.fs.writeFile(file(to), await vscode.workspace.fs.readFile(file(`${FIXTURES}/${from}`)));
    // The second article raises the price, the price per share, the stake and the expected closing.
    await until("the hostile articles indexed and flagged", () => a.corpus.index.get(FIRST) && a.corpus.index.get(SECOND) && hostileFlags(a).length === 4, 30000);
    // Another person's annotations (a colleague's file, an import): a note on the first price, a review of the stake's flag.
    const snap = a.corpus.snapshot();
    const doc = a.corpus.index.get(FIRST)!;
    const at = doc.text.indexOf("$4.2 billion <img");
    const stake = hostileFlags(a).find((c) => claimOf(a, c.earlier).text.includes("60% stake"))!;
    const stamp = (i: number) => ({ id: `00000000-0000-4000-8000-0000000000a${i}`, now: "2026-11-21T10:00:00.000Z", creator: CREATOR });
    const annotations = applyEdits(emptyAnnotationFile(), [
      { type: "put", annotation: noteOn(FIRST, doc.text, at, at + "$4.2 billion".length, NOTE, stamp(1)) },
      { type: "put", annotation: reviewContradiction(snap, stake, "conflict", REVIEW_NOTE, stamp(2)) },
    ]);
    await vscode.workspace.fs.writeFile(file(ANNOTATIONS), new TextEncoder().encode(serializeAnnotationFile(annotations)));
    await until("the annotations read", () => a.reviews.index().all.length === 2 && a.reviews.index().ofContradiction(stake));
  });

  suiteTeardown(async function () {
    this.timeout(60000);
    const a = await api();
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    if (hadAnnotations) await vscode.workspace.fs.writeFile(file(ANNOTATIONS), hadAnnotations);
    else await vscode.workspace.fs.delete(file(".claimscope"), { recursive: true }).then(undefined, () => undefined);
    await vscode.workspace.fs.delete(file("hostile"), { recursive: true });
    await until("the hostile articles dropped", () => !a.corpus.index.get(FIRST) && !a.corpus.index.get(SECOND) && !hostileFlags(a).length, 30000);
    await until("their annotations gone", () => hadAnnotations !== undefined || a.reviews.index().all.length === 0);
  });

  test("hovers on every figure of both articles: names, notes and the reviewer shown as text; only our links; trusted for our commands alone; no HTML", async () => {
    const a = await api();
    for (const [path, figure] of FIGURES) {
      const md = await hoverAt(path, figure);
      const where = `${figure} in ${path.slice(8, 20)}`;
      assert.deepStrictEqual(md.isTrusted, { enabledCommands: [...HOVER_COMMANDS] }, `${where}: trusted for the hover's commands alone`);
      assert.ok(!md.supportHtml, `${where}: no HTML`);
      assert.ok(!md.supportThemeIcons, `${where}: no $(icon) syntax either`);
      const r = assertInert(a, md, true, where);
      // The article's own name, in full, as text: it is the card's caption.
      assert.ok(r.text.includes(`${path} · published`), `${where}: the name as text in “${r.text}”`);
      // Each statement of the slot links to its article: the other article's name (cut to 24) is a link label.
      // (A sentence with two figures has two claims, each with its history: the names come once per claim.)
      const sources = r.elements.filter((e) => e.tag === "a" && e.attrs.href!.startsWith("command:claimscope.openClaim?")).map((e) => e.text);
      assert.deepStrictEqual([...new Set(sources)], [FIRST, SECOND].map((p) => flat(p.slice(8, 8 + 23)) + "…"), `${where}: both statements, each linked under its article's name`);
    }
    // The note (on the first price) and the stake's reviewed flag, with its reviewer, are text too.
    const price = renderMarkdown((await hoverAt(FIRST, "$4.2 billion <img")).value).text;
    assert.ok(price.includes(`Note: ${NOTE} (${CREATOR})`), price);
    const stake = renderMarkdown((await hoverAt(SECOND, "75% stake")).value).text;
    assert.ok(stake.includes(`Stake: 60% → 75%: conflict — ${REVIEW_NOTE}`), stake);
  });

  test("the tree: labels and descriptions are plain text holding the article's text; tooltips render it as text, untrusted, without HTML", async () => {
    const a = await api();
    const plain = (item: vscode.TreeItem, where: string) => {
      assert.strictEqual(typeof item.label, "string", `${where}: a plain label`);
      assert.ok(item.description === undefined || typeof item.description === "string", `${where}: a plain description`);
      const tip = item.tooltip as vscode.MarkdownString;
      assert.ok(tip instanceof vscode.MarkdownString, `${where}: a Markdown tooltip`);
      assert.ok(!tip.isTrusted && !tip.supportHtml, `${where}: not trusted, no HTML`);
      return assertInert(a, tip, false, where);
    };
    a.tree.setGrouping("deal");
    const deal = a.tree.deals().find((d) => d.label === "Maple – Quillon");
    assert.ok(deal, a.tree.deals().map((d) => d.label).join(" | "));
    plain(a.tree.getTreeItem(deal), "the deal");
    const changes = a.tree.getChildren(deal).map((n) => ({ n, item: a.tree.getTreeItem(n) })).filter((c) => c.item.contextValue === "claimscope.change");
    assert.deepStrictEqual(changes.map((c) => c.item.label).sort(), [
      "Deal value: $4.2 billion → $5.1 billion", "Expected closing: the end of 2025 → the first half of 2026", "Price per share: $31 → $36", "Stake: 60% → 75%",
    ]);
    for (const { n, item } of changes) {
      const tip = plain(item, String(item.label));
      assert.ok(tip.text.includes(`Later: ${SECOND} (2025-09-09); earlier: ${FIRST}`), tip.text);
      if (item.label === "Stake: 60% → 75%") assert.ok(tip.text.includes(`Note: ${REVIEW_NOTE}`), tip.text);
      // Its two sides: the statement's text as the description and, whole, in the tooltip.
      const sides = a.tree.getChildren(n).map((s) => ({ s, item: a.tree.getTreeItem(s) }));
      assert.deepStrictEqual(sides.map((x) => String(x.item.label).split(":")[0]), ["Earlier", "Later"], String(item.label));
      for (const side of sides) {
        const id = (side.s as { claim?: string }).claim!;
        const claim = claimOf(a, id);
        const sideTip = plain(side.item, `${item.label} / ${side.item.label}`);
        const path = id.startsWith(FIRST) ? FIRST : SECOND;
        assert.ok(sideTip.text.includes(`${path} · `) && sideTip.text.includes(flat(claim.text)), `${sideTip.text} holds ${claim.text}`);
        assert.ok(String(side.item.description).startsWith(flat(claim.text).slice(0, 100)), String(side.item.description));
        assert.ok(String(side.item.label).includes(` · ${path.slice(8, 8 + 23)}`), `${side.item.label}: the article's name as it is`);
      }
    }
    const payloadsIn = (texts: string[]) => PAYLOADS.filter((p) => texts.some((t) => t.includes(p)));
    const sideTexts = changes.flatMap((c) => a.tree.getChildren(c.n).map((s) => renderMarkdown((a.tree.getTreeItem(s).tooltip as vscode.MarkdownString).value).text));
    assert.deepStrictEqual(payloadsIn(sideTexts), PAYLOADS, "every payload of the flagged statements reaches a tooltip, as text");

    // By topic: each claim's label is its text, as it is; the tooltip has all of it.
    a.tree.setGrouping("topic");
    const stake = a.tree.roots().find((g) => g.label === "Stake · Maple, Quillon");
    assert.ok(stake, a.tree.roots().map((g) => g.label).join(" | "));
    const claims = a.tree.getChildren(stake).map((n) => ({ id: (n as { id: string }).id, item: a.tree.getTreeItem(n) }));
    assert.strictEqual(claims.length, 2);
    for (const { id, item } of claims) {
      const text = claimOf(a, id).text;
      assert.ok(text.includes("<script>alert("), text);
      assert.ok(text.startsWith(String(item.label).replace(/…$/, "")), `${item.label} is the start of ${text}`);
      assert.ok(String(item.description).startsWith(id.startsWith(FIRST) ? FIRST : SECOND), String(item.description));
      assert.ok(plain(item, text.slice(0, 30)).text.includes(flat(text)));
    }
    // The notes, listed with the tree's annotations: the note as the label, escaped in the tooltip.
    const notes = a.tree.getChildren().find((n) => n.type === "annotations" && n.id === "notes");
    assert.ok(notes, "a Notes group");
    const note = a.tree.getChildren(notes).map((n) => a.tree.getTreeItem(n));
    assert.deepStrictEqual(note.map((i) => i.label), [NOTE.slice(0, 79) + "…"]);
    const tip = plain(note[0]!, "the note");
    assert.ok(tip.text.startsWith(`${NOTE} “$4.2 billion” in ${FIRST}`), tip.text);
    a.tree.setGrouping("deal");
  });

  test("Problems: messages and related information are plain text with the article's names and statements as they are", async () => {
    const a = await api();
    const uri = a.corpus.uriFor(SECOND)!;
    const diags = await until("four entries on the later article", () => { const d = a.diagnostics.get(uri) ?? []; return d.length === 4 && d; });
    const messages = diags.map((d) => d.message).sort();
    // The earlier article's name, cut as the entry cuts it: 80 characters at most, the change first.
    for (const m of messages) assert.ok(m.length <= 80 && /^(Deal value|Expected closing|Price per share|Stake): .+ → .+ \((superseded|conflict, reviewed), \[one\]\(command:workbench/.test(m), m);
    for (const d of diags) {
      const [earlier, ...rest] = d.relatedInformation ?? [];
      assert.ok(earlier, d.message);
      assert.strictEqual(earlier.location.uri.toString(), a.corpus.uriFor(FIRST)!.toString());
      // The earlier statement as it reads, its markup and all, not escaped (Problems shows plain text).
      assert.ok(earlier.message.startsWith(`earlier, ${FIRST}: `), earlier.message);
      const said = earlier.message.slice(`earlier, ${FIRST}: `.length).replace(/…$/, "");
      assert.ok(said.length >= 60 && hostileFlags(a).some((f) => flat(claimOf(a, f.earlier).text).startsWith(said)), earlier.message);
      assert.ok(!earlier.message.includes("\\"), "not Markdown-escaped");
      if (d.message.startsWith("Stake:")) assert.deepStrictEqual(rest.map((r) => r.message), [`reviewed conflict: ${REVIEW_NOTE}`]);
      else assert.deepStrictEqual(rest, []);
    }
    const said = diags.flatMap((d) => d.relatedInformation ?? []).map((r) => r.message);
    assert.ok(said.some((m) => m.includes('<img src=x onerror="alert(1)">')) && said.some((m) => m.includes("<script>alert(2)</script>")), said.join(" | "));
  });

  test("the deal sheet: statements, names and a review's note appear only as text; the page passes the policy check", async () => {
    const a = await api();
    assert.ok(await vscode.commands.executeCommand("claimscope.showDealSheet", "maple+quillon"), "the sheet of the fixture's deal");
    const html = a.dealSheet.html;
    assert.match(html, /<h1>Maple – Quillon<\/h1>/);
    const rules = await webviewRules();
    assert.deepStrictEqual(pageProblems(html, rules), [], `${JSON.stringify(rules)} for ${html.slice(0, 400)}`);
    const els = pageElements(html);
    assert.deepStrictEqual(els.filter((e) => e.tag === "script").length, 1, "our script alone");
    assert.deepStrictEqual(els.filter((e) => ["img", "iframe", "object", "embed", "b"].includes(e.tag)), [], "no element from article text");
    assert.ok(els.filter((e) => e.tag === "a").every((e) => e.attrs.href === "#"), "links stay on the page");
    assert.ok(els.some((e) => e.tag === "a" && e.attrs.title === FIRST) && els.some((e) => e.tag === "a" && e.attrs.title === SECOND), "each article's name, whole, as a link's title");
    const text = flat(pageText(html));
    for (const p of [...PAYLOADS, REVIEW_NOTE]) assert.ok(text.includes(p), `shown as text: ${p}`);
    await vscode.commands.executeCommand("workbench.action.closeActiveEditor");
  });

  test("each command a hover may run refuses a forged argument and does nothing; the hover's own link works", async () => {
    const a = await api();
    const flag = hostileFlags(a)[0]!;
    const ed = await open(SECOND);
    const before = { annotations: new TextDecoder().decode(await vscode.workspace.fs.readFile(file(ANNOTATIONS))), sheet: a.dealSheet.html, editor: vscode.window.activeTextEditor?.document.uri.toString() };
    assert.strictEqual(before.editor, ed.document.uri.toString());
    const forged: Array<[string, unknown]> = [
      ["claimscope.openClaim", `${FIRST}#99`], ["claimscope.openClaim", { id: flag.earlier }], ["claimscope.openClaim", "x".repeat(5000)],
      ["claimscope.reviewClaim", `${SECOND}#99`], ["claimscope.reviewClaim", 42], ["claimscope.reviewClaim", [flag.later]],
      ["claimscope.reviewContradiction", { earlier: flag.later, later: flag.earlier }], ["claimscope.reviewContradiction", { earlier: flag.earlier, later: flag.later, run: "workbench.action.quit" }],
      ["claimscope.removeAnnotation", "00000000-0000-4000-8000-0000000000a9"], ["claimscope.removeAnnotation", { annotation: "00000000-0000-4000-8000-0000000000a1 " }],
      ["claimscope.showDealSheet", "maple+evil"], ["claimscope.showDealSheet", { type: "item", deal: "evil" }], ["claimscope.showDealSheet", 7],
    ];
    assert.deepStrictEqual([...new Set(forged.map(([c]) => c))].sort(), [...HOVER_COMMANDS].sort(), "every hover command is tried");
    for (const [command, arg] of forged) {
      const r = await vscode.commands.executeCommand(command, arg);
      assert.ok(r === false || r === undefined, `${command} ${JSON.stringify(arg).slice(0, 60)} refused (gave ${JSON.stringify(r)})`);
    }
    assert.strictEqual(new TextDecoder().decode(await vscode.workspace.fs.readFile(file(ANNOTATIONS))), before.annotations, "no annotation written or removed");
    assert.strictEqual(a.reviews.index().all.length, 2);
    assert.strictEqual(a.dealSheet.html, before.sheet, "no deal sheet shown");
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), before.editor, "no article opened");
    // The near miss: the link the hover wrote, followed as a click follows it, opens the statement.
    const md = await hoverAt(SECOND, "75% stake");
    const link = /\(command:claimscope\.openClaim\?([^ )]+) "[^"]*"\)/.exec(md.value);
    assert.ok(link, md.value);
    const [id] = JSON.parse(decodeURIComponent(link[1]!)) as [string];
    assert.ok(id.startsWith(FIRST), id);
    assert.strictEqual(await vscode.commands.executeCommand("claimscope.openClaim", id), true);
    const now = vscode.window.activeTextEditor!;
    assert.strictEqual(now.document.uri.toString(), a.corpus.uriFor(FIRST)!.toString());
    assert.strictEqual(now.document.getText(now.selection), claimOf(a, id).text);
  });
});
