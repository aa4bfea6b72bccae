import * as assert from "assert";
import * as vscode from "vscode";
import { api, file, hoverText, offsetOf, open, until } from "./util";

const TYPES = ["money", "stake", "percentage", "dealDate", "dealTerm", "organization"];

async function tokensOf(doc: vscode.TextDocument): Promise<Array<{ text: string; type: string; contradicted: boolean }>> {
  const legend = await vscode.commands.executeCommand<vscode.SemanticTokensLegend>("vscode.provideDocumentSemanticTokensLegend", doc.uri);
  const tokens = await vscode.commands.executeCommand<vscode.SemanticTokens>("vscode.provideDocumentSemanticTokens", doc.uri);
  assert.ok(legend && tokens, "semantic tokens provided");
  const out: Array<{ text: string; type: string; contradicted: boolean }> = [];
  let line = 0, char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, len, type, mods] = Array.from(tokens.data.slice(i, i + 5));
    line += dl!; char = dl ? dc! : char + dc!;
    out.push({ text: doc.getText(new vscode.Range(line, char, line, char + len!)), type: legend.tokenTypes[type!]!, contradicted: (mods! & 1) === 1 });
  }
  return out;
}

suite("highlighting, hovers, Problems", () => {
  test("semantic tokens tell stakes from other percentages and mark contradicted statements", async () => {
    await api();
    const ed = await open("01-halvorsen-agrees-to-buy-northwind.md");
    const toks = await tokensOf(ed.document);
    assert.ok(toks.every((t) => TYPES.includes(t.type)));
    assert.deepStrictEqual(toks.find((t) => t.text === "12%"), { text: "12%", type: "stake", contradicted: true });
    assert.deepStrictEqual(toks.find((t) => t.text === "18%"), { text: "18%", type: "percentage", contradicted: false });
    assert.ok(toks.some((t) => t.text === "$6.8 billion" && t.type === "money"));
    assert.ok(toks.some((t) => t.text === "exclusive license" && t.type === "dealTerm" && t.contradicted));
    assert.ok(toks.some((t) => t.text === "March 2023" && t.type === "dealDate"));
  });

  test("hover on a figure: the fact first, then its slot's history with sources and dates as links, review actions last", async () => {
    await api();
    const ed = await open("01-halvorsen-agrees-to-buy-northwind.md");
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", ed.document.uri, offsetOf(ed.document, "12% stake"));
    const text = hoverText(hovers);
    const at = (re: RegExp) => { const m = re.exec(text); assert.ok(m, `${re} in ${text}`); return m.index; };
    const fact = at(/^\*\*12%\*\* — Ownership stake: `12%`/m);
    const slot = at(/\*\*Stake\*\* · Halvorsen, Northwind: 12%/);
    const mine = at(/- \*\*12%\*\* \*\(this\)\* — \[01\]\(command:claimscope\.openClaim\?[^)]*\) 2026-01-12/);
    const later = at(/- 15% — \[0\d\]\(command:claimscope\.openClaim\?[^)]*\) 2026-\d\d-\d\d · ⚠ conflict/);
    const order = at(/published 2026-01-12 · #1 of 6 in corpus order/);
    const review = at(/\[Review flag…\]\(command:claimscope\.reviewContradiction\?/);
    const sheet = at(/\[Deal sheet\]\(command:claimscope\.showDealSheet\?/);
    assert.ok(fact < slot && slot < mine && mine < later && later < order && order < review && review < sheet, text);
  });

  test("Problems: one entry per change on the later statement, the change first, severity by nature, pointing at the earlier ones", async () => {
    const a = await api();
    await a.problems.updated;
    const all = a.corpus.paths().flatMap((p) => (a.diagnostics.get(a.corpus.uriFor(p)!) ?? []).map((d) => ({ path: p, d })));
    // The samples' 11 flags as 8 changes: a later statement changing what several earlier ones said is one entry.
    assert.strictEqual(a.corpus.snapshot().contradictions.length, 11);
    assert.deepStrictEqual(all.map((x) => x.d.message).sort(), [
      "Cloud exclusivity: holds → ends (superseded, 05)", "Completed on: June 29, 2026 → July 2, 2026 (conflict, 05)",
      "Deal value: $6.8 billion → $7.4 billion (superseded, 01)", "Exclusive license: ends → holds (conflict, 04)",
      "Exclusive license: holds → ends (superseded, 02)", "Price per share: $54 → $59 (superseded, 01)",
      "Revenue share: holds → ends (superseded, 03)", "Stake: 12% → 15% (conflict, 01)",
    ]);
    // Each flag's earlier statement, and those that repeated it (alsoEarlier), pointed at once.
    const earlier = a.corpus.snapshot().contradictions.reduce((n, c) => n + 1 + (c.alsoEarlier?.length ?? 0), 0);
    assert.strictEqual(all.reduce((n, x) => n + (x.d.relatedInformation ?? []).filter((r) => r.message.startsWith("earlier, ")).length, 0), earlier, "every earlier statement pointed at");
    for (const { d } of all) {
      assert.ok(d.message.length <= 80, d.message);
      assert.match(d.message, /^[A-Z][^:]+: .+ → .+ \((superseded|conflict)(, reviewed)?, [^)]+\)$/);
      assert.strictEqual(d.severity, /\(conflict/.test(d.message) ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Information, d.message);
    }
    // The first article is only ever the earlier side: it has no entries of its own.
    assert.deepStrictEqual(all.filter((x) => x.path.startsWith("01-")).map((x) => x.d.message), []);
    const stake = all.find((x) => x.d.message.startsWith("Stake: 12% → 15% (conflict, 01)"));
    assert.ok(stake, all.map((x) => x.d.message).join(" | "));
    const doc = await vscode.workspace.openTextDocument(a.corpus.uriFor(stake.path)!);
    assert.strictEqual(doc.getText(stake.d.range), "15%", "on the changed figure");
    assert.strictEqual(stake.d.relatedInformation?.[0]?.location.uri.path, file("01-halvorsen-agrees-to-buy-northwind.md").path);
    const value = all.find((x) => x.d.message.startsWith("Deal value: $6.8 billion → $7.4 billion (superseded, 01)"));
    assert.strictEqual(value?.d.severity, vscode.DiagnosticSeverity.Information);
    // Two earlier statements of one arrangement changed by one later statement: one entry, pointing at both.
    const license = all.filter((x) => x.d.message.startsWith("Exclusive license: holds → ends"));
    assert.strictEqual(license.length, 1, license.map((x) => x.d.message).join(" | "));
    assert.strictEqual(license[0]!.d.relatedInformation?.length, 2);
    const shown = vscode.languages.getDiagnostics().flatMap(([, list]) => list).filter((d) => d.source === "claimscope");
    assert.strictEqual(shown.length, all.length, "visible in the Problems panel");
  });

  test("a conflict's severity follows the setting", async () => {
    const a = await api();
    const config = vscode.workspace.getConfiguration("claimscope");
    await config.update("flagSeverity", { conflict: "error", superseded: "hint" }, vscode.ConfigurationTarget.Workspace);
    try {
      const stake = () => a.corpus.paths().flatMap((p) => a.diagnostics.get(a.corpus.uriFor(p)!) ?? []).find((d) => d.message.startsWith("Stake: 12% → 15%"));
      await until("an error", () => stake()?.severity === vscode.DiagnosticSeverity.Error);
    } finally {
      await config.update("flagSeverity", undefined, vscode.ConfigurationTarget.Workspace);
    }
    await until("a warning again", () => a.corpus.paths().flatMap((p) => a.diagnostics.get(a.corpus.uriFor(p)!) ?? []).find((d) => d.message.startsWith("Stake: 12% → 15%"))?.severity === vscode.DiagnosticSeverity.Warning);
  });

  test("an edit re-analyses the article and updates every view", async () => {
    const a = await api();
    const ed = await open("06-six-months-later.txt");
    const range = new vscode.Range(ed.document.positionAt(ed.document.getText().indexOf("July 2, 2026")), ed.document.positionAt(ed.document.getText().indexOf("July 2, 2026") + "July 2, 2026".length));
    assert.ok(a.corpus.snapshot().contradictions.some((c) => c.kind === "date"));
    await ed.edit((e) => e.replace(range, "June 29, 2026"));
    await until("date contradiction gone", () => !a.corpus.snapshot().contradictions.some((c) => c.kind === "date"));
    // The views hear of the edit with the next batch of changes (claimscope.debounceMs after it).
    await until("Problems updated", () => !(a.diagnostics.get(file("06-six-months-later.txt")) ?? []).some((d) => d.code === "contradiction/date"));
    await vscode.commands.executeCommand("workbench.action.files.revert");
    await until("date contradiction back", () => a.corpus.snapshot().contradictions.some((c) => c.kind === "date"));
  });
});
