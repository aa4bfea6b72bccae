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

  test("hover on a figure: normalized value, topic, corpus order, and other sources with links", async () => {
    await api();
    const ed = await open("01-halvorsen-agrees-to-buy-northwind.md");
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", ed.document.uri, offsetOf(ed.document, "12% stake"));
    const text = hoverText(hovers);
    assert.match(text, /Ownership stake: `12%`/);
    assert.match(text, /published 2026-01-12 · #1 of 6 in corpus order/);
    assert.match(text, /Topic:\*\* Stake · Halvorsen, Northwind/);
    assert.match(text, /⚠ contradicted later \(value\): \[04-lumen-ends-exclusive-license\.txt\]\(command:claimscope\.openClaim\?/);
  });

  test("hover shows article text escaped: no links, commands or HTML from an article", async () => {
    const a = await api();
    const uri = file("08-hostile.md");
    await vscode.workspace.fs.writeFile(uri, Buffer.from("# Hostile\n\nHalvorsen agreed to acquire Northwind for $9 billion [click](command:workbench.action.quit) <img src=x onerror=alert(1)> https://evil.example.\n"));
    await until("hostile file indexed", () => a.corpus.index.get("08-hostile.md"));
    const ed = await open("08-hostile.md");
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", ed.document.uri, offsetOf(ed.document, "$9 billion"));
    const text = hoverText(hovers);
    assert.match(text, /\$9 billion/);
    assert.ok(!text.includes("](command:workbench"), text);
    assert.ok(!text.includes("<img"), text);
    assert.ok(!text.includes("https://evil"), text);
    for (const h of hovers) for (const c of h.contents) {
      const md = c as vscode.MarkdownString;
      if (typeof md.isTrusted === "object") assert.ok(md.isTrusted.enabledCommands.length && md.isTrusted.enabledCommands.every((c) => c.startsWith("claimscope.")), "only our own commands");
      else assert.notStrictEqual(md.isTrusted, true);
      assert.notStrictEqual(md.supportHtml, true);
    }
    // The tree's labels are plain text and its tooltips escaped Markdown, without trust.
    const node = a.tree.nodeOf(a.corpus.index.get("08-hostile.md")!.claims[0]!.id)!;
    const item = a.tree.getTreeItem(node);
    const tip = item.tooltip as vscode.MarkdownString;
    assert.ok(!tip.isTrusted && !tip.supportHtml);
    assert.ok(!tip.value.includes("](command:") && !tip.value.includes("<img") && !tip.value.includes("https://"), tip.value);
    assert.strictEqual(typeof item.label, "string");
    await vscode.workspace.fs.delete(uri);
    await until("hostile file dropped", () => !a.corpus.index.get("08-hostile.md"));
  });

  test("Problems: the contradicted statement warns and points at the later one, which points back", async () => {
    const a = await api();
    const earlier = a.diagnostics.get(file("01-halvorsen-agrees-to-buy-northwind.md")) ?? [];
    const w = earlier.find((d) => d.severity === vscode.DiagnosticSeverity.Warning && d.message.startsWith("Contradicted by a later article: 04-lumen-ends-exclusive-license.txt says") && d.code === "contradiction/polarity");
    assert.ok(w, JSON.stringify(earlier.map((d) => d.message)));
    assert.strictEqual(w.relatedInformation?.[0]?.location.uri.path, file("04-lumen-ends-exclusive-license.txt").path);
    const later = a.diagnostics.get(file("04-lumen-ends-exclusive-license.txt")) ?? [];
    const info = later.find((d) => d.severity === vscode.DiagnosticSeverity.Information && d.message.includes("01-halvorsen"));
    assert.ok(info);
    assert.strictEqual(info.relatedInformation?.[0]?.location.uri.path, file("01-halvorsen-agrees-to-buy-northwind.md").path);
    const all = vscode.languages.getDiagnostics(file("01-halvorsen-agrees-to-buy-northwind.md")).filter((d) => d.source === "claimscope");
    assert.strictEqual(all.length, earlier.length, "visible in the Problems panel");
  });

  test("an edit re-analyses the article and updates every view", async () => {
    const a = await api();
    const ed = await open("06-six-months-later.txt");
    const range = new vscode.Range(ed.document.positionAt(ed.document.getText().indexOf("July 2, 2026")), ed.document.positionAt(ed.document.getText().indexOf("July 2, 2026") + "July 2, 2026".length));
    assert.ok(a.corpus.snapshot().contradictions.some((c) => c.kind === "date"));
    await ed.edit((e) => e.replace(range, "June 29, 2026"));
    await until("date contradiction gone", () => !a.corpus.snapshot().contradictions.some((c) => c.kind === "date"));
    const diags = a.diagnostics.get(file("05-deal-completed.md")) ?? [];
    assert.ok(!diags.some((d) => d.code === "contradiction/date"));
    await vscode.commands.executeCommand("workbench.action.files.revert");
    await until("date contradiction back", () => a.corpus.snapshot().contradictions.some((c) => c.kind === "date"));
  });
});
