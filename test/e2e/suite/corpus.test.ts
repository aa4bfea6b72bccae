import * as assert from "assert";
import * as vscode from "vscode";
import { api, file, open, until } from "./util";

suite("corpus and language", () => {
  test("activates, reads the workspace's articles and leaves out READMEs and binary files", async () => {
    const a = await api();
    const snap = a.corpus.snapshot();
    assert.deepStrictEqual(snap.documents.map((d) => d.analysis.path), [
      "01-halvorsen-agrees-to-buy-northwind.md", "02-analysts-weigh-the-price.txt", "03-brussels-opens-probe.md",
      "04-lumen-ends-exclusive-license.txt", "05-deal-completed.md", "06-six-months-later.txt",
    ]);
    assert.match(a.corpus.skipped.get("bad/binary.txt") ?? "", /binary file/);
    assert.strictEqual(snap.contradictions.length, 15);
    assert.strictEqual(vscode.env.uiKind !== undefined, true);
  });

  test("plain-text articles open in the article language; other files do not", async () => {
    const ed = await open("02-analysts-weigh-the-price.txt");
    await until("language switch", () => ed.document.languageId === "claimscope-article" || undefined);
    const readme = await vscode.workspace.openTextDocument(file("README.md"));
    assert.strictEqual(readme.languageId, "markdown");
    const notes = await vscode.workspace.openTextDocument(file("bad/notes.log"));
    assert.notStrictEqual(notes.languageId, "claimscope-article");
  });

  test("created, edited and deleted files are picked up", async () => {
    const a = await api();
    const uri = file("07-late-news.txt");
    await vscode.workspace.fs.writeFile(uri, Buffer.from("Late news\nAugust 1, 2026\n\nHalvorsen Industries now holds no stake in Lumen Labs, a filing showed.\n"));
    await until("new file indexed", () => a.corpus.snapshot().documents.some((d) => d.analysis.path === "07-late-news.txt"));
    const doc = a.corpus.index.get("07-late-news.txt")!;
    assert.strictEqual(doc.published, "2026-08-01");
    await vscode.workspace.fs.delete(uri);
    await until("deleted file dropped", () => !a.corpus.snapshot().documents.some((d) => d.analysis.path === "07-late-news.txt"));
  });

  test("a thousand changed files are applied as one re-analysis", async () => {
    const a = await api();
    let events = 0;
    const sub = a.corpus.onDidChange(() => events++);
    const dir = file("bulk");
    await vscode.workspace.fs.createDirectory(dir);
    const writes: Thenable<void>[] = [];
    for (let i = 0; i < 1000; i++) writes.push(vscode.workspace.fs.writeFile(vscode.Uri.joinPath(dir, `b${String(i).padStart(4, "0")}.txt`), Buffer.from(`Bulk note ${i}: Halvorsen paid $${i + 1} million.\n`)));
    await Promise.all(writes);
    await until("bulk files indexed", () => a.corpus.index.size >= 1006, 30000);
    await new Promise((r) => setTimeout(r, 1000));
    sub.dispose();
    assert.ok(events >= 1 && events <= 5, `expected the changes coalesced, saw ${events} updates`);
    await vscode.workspace.fs.delete(dir, { recursive: true });
    await until("bulk files dropped", () => a.corpus.index.size === 6, 30000);
  });
});
