import * as assert from "assert";
import * as vscode from "vscode";
import { api, until } from "./util";

suite("claims tree, lookup, commands, settings", () => {
  test("tree: topics → claims, contradicted claims flagged with the contradicting source", async () => {
    const a = await api();
    a.tree.setGrouping("topic");
    const roots = a.tree.roots();
    const license = roots.find((g) => g.label === "Exclusive license · Lumen, Northwind");
    assert.ok(license, roots.map((r) => r.label).join(" | "));
    const items = a.tree.getChildren(license).map((n) => a.tree.getTreeItem(n));
    const keeps = items.find((i) => String(i.label).startsWith("Northwind keeps its exclusive license"))!;
    assert.ok(keeps, items.map((i) => i.label).join(" | "));
    assert.strictEqual((keeps.iconPath as vscode.ThemeIcon).id, "warning");
    assert.match(String(keeps.description), /01-halvorsen-agrees-to-buy-northwind\.md · affirms · contradicted by 04-lumen-ends-exclusive-license\.txt/);
    assert.strictEqual(keeps.command?.command, "claimscope.openClaim");
    const group = a.tree.getTreeItem(license);
    assert.match(String(group.description), /5 claims · 4 flagged/);
  });

  test("tree: group by document and by organisation; filter", async () => {
    const a = await api();
    a.tree.setGrouping("document");
    assert.deepStrictEqual(a.tree.roots().map((g) => g.label.split(" ")[0]), ["1.", "2.", "3.", "4.", "5.", "6."]);
    a.tree.setGrouping("organization");
    assert.ok(a.tree.roots().some((g) => g.label === "Halvorsen"));
    a.tree.setGrouping("topic");
    await vscode.commands.executeCommand("claimscope.filter", "revenue");
    assert.ok(a.tree.roots().length >= 1 && a.tree.roots().every((g) => g.id.startsWith("revenue-share")), a.tree.roots().map((g) => g.id).join());
    await vscode.commands.executeCommand("claimscope.clearFilter");
    assert.ok(a.tree.roots().length > 3);
    await vscode.commands.executeCommand("claimscope.claims.focus");
  });

  test("fact lookup: fuzzy over every fact and claim, with value, source and date", async () => {
    const a = await api();
    const top = a.lookup("halvorsen 7.4")[0]!;
    assert.match(top.label, /\$7\.4 billion/);
    assert.match(top.description!, /money · 7,400,000,000 USD/);
    assert.match(top.detail!, /^(03-brussels-opens-probe\.md · 2026-03-02|06-six-months-later\.txt · 2026-07-15)/);
    const stakes = a.lookup("stake").slice(0, 5);
    assert.ok(stakes.some((s) => /12%|15%|12 percent/.test(s.label)));
    assert.ok(a.lookup("exclusive").some((s) => /exclusive/i.test(s.label)));
    assert.ok(a.lookup("brusels probe").length > 0, "typos are forgiven");
  });

  test("next/previous contradiction walks the flagged statements; openClaim refuses bad arguments", async () => {
    await api();
    await vscode.commands.executeCommand("workbench.action.closeAllEditors");
    const first = await vscode.commands.executeCommand<string>("claimscope.nextContradiction");
    assert.ok(first && first.startsWith("01-"), first);
    const ed = vscode.window.activeTextEditor!;
    assert.ok(ed.document.uri.path.endsWith("01-halvorsen-agrees-to-buy-northwind.md"));
    assert.ok(!ed.selection.isEmpty);
    const second = await vscode.commands.executeCommand<string>("claimscope.nextContradiction");
    assert.notStrictEqual(second, first);
    assert.strictEqual(await vscode.commands.executeCommand<string>("claimscope.previousContradiction"), first);
    assert.strictEqual(await vscode.commands.executeCommand("claimscope.openClaim", { evil: true }), false);
    assert.strictEqual(await vscode.commands.executeCommand("claimscope.openClaim", "no-such#1"), false);
  });

  test("show topic: reveals the topic in the tree and opens its first claim", async () => {
    const a = await api();
    await vscode.commands.executeCommand("claimscope.showTopic", "cloud-exclusivity:contoso+northwind");
    const ed = await until("editor on the topic's first claim", () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.path.endsWith("01-halvorsen-agrees-to-buy-northwind.md") && e.document.getText(e.selection).startsWith("Contoso Cloud remains") ? e : undefined;
    });
    assert.ok(ed);
    assert.strictEqual(a.tree.grouping, "topic");
    // Anything but a known topic id is not trusted: the user picks from the list instead.
    const asked = vscode.commands.executeCommand("claimscope.showTopic", "<not a topic>");
    await new Promise((r) => setTimeout(r, 500));
    await vscode.commands.executeCommand("workbench.action.closeQuickOpen");
    await asked;
  });

  test("settings: a value of the wrong type is reported and its default used; valid ones apply", async () => {
    const a = await api();
    const config = vscode.workspace.getConfiguration("claimscope");
    await config.update("tolerance", "lots", vscode.ConfigurationTarget.Workspace);
    await until("re-index with default", async () => { await a.corpus.ready; return a.corpus.settings.tolerance === 0 && a.corpus.index.size === 6; });
    await config.update("tolerance", 0.5, vscode.ConfigurationTarget.Workspace);
    await until("tolerance applied", async () => { await a.corpus.ready; return a.corpus.settings.tolerance === 0.5 && !a.corpus.snapshot().contradictions.some((c) => c.kind === "value" && c.topic.startsWith("stake")); });
    await config.update("tolerance", undefined, vscode.ConfigurationTarget.Workspace);
    await until("tolerance back", async () => { await a.corpus.ready; return a.corpus.snapshot().contradictions.length === 11; });
  });

  test("the corpus config file the CLI reads (.claimscope.json) applies in the editor too; explicit settings win", async () => {
    const a = await api();
    const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0]!.uri, ".claimscope.json");
    const original = await vscode.workspace.fs.readFile(uri);
    try {
      await vscode.workspace.fs.writeFile(uri, Buffer.from(JSON.stringify({ tolerance: 0.5 })));
      await until("file's tolerance applied", async () => { await a.corpus.ready; return a.corpus.settings.tolerance === 0.5; });
      const config = vscode.workspace.getConfiguration("claimscope");
      await config.update("tolerance", 0.1, vscode.ConfigurationTarget.Workspace);
      await until("explicit setting wins", async () => { await a.corpus.ready; return a.corpus.settings.tolerance === 0.1; });
      await config.update("tolerance", undefined, vscode.ConfigurationTarget.Workspace);
      await vscode.workspace.fs.writeFile(uri, Buffer.from("{ not json"));
      await until("broken file ignored", async () => { await a.corpus.ready; return a.corpus.settings.tolerance === 0; });
    } finally {
      await vscode.workspace.fs.writeFile(uri, original);
    }
    await until("back to the sample's config", async () => { await a.corpus.ready; return a.corpus.snapshot().contradictions.length === 11; });
  });
});
