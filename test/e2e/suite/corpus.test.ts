import * as assert from "assert";
import * as vscode from "vscode";
import * as fs from "fs";
import * as path from "path";
import type { CorpusSnapshot } from "../../../src/core";
import { api, file, hoverText, open, until } from "./util";

/**
 * The longest the extension host may stall (a 50 ms timer firing late) while a 10,000-article workspace is
 * indexed, kept, reopened and edited: the limit the README states beside the stalls measured, left that far
 * above them so a busier machine does not fail it while a host blocked for seconds (work done in one piece) does.
 */
const STALL_LIMIT_MS = 1500;

suite("corpus and language", () => {
  test("activates, reads the workspace's articles and leaves out READMEs and binary files", async () => {
    const a = await api();
    const snap = a.corpus.snapshot();
    assert.deepStrictEqual(snap.documents.map((d) => d.analysis.path), [
      "01-halvorsen-agrees-to-buy-northwind.md", "02-analysts-weigh-the-price.txt", "03-brussels-opens-probe.md",
      "04-lumen-ends-exclusive-license.txt", "05-deal-completed.md", "06-six-months-later.txt",
    ]);
    assert.match(a.corpus.skipped.get("bad/binary.txt") ?? "", /binary file/);
    assert.strictEqual(snap.contradictions.length, 11);
    const t = await until("first index timed", () => a.timings.firstIndexMs !== undefined && a.timings);
    assert.ok(t.activateMs > 0 && t.firstIndexMs! >= t.activateMs);
    // Reported, not asserted: timings belong to benchmarks, and this machine is shared.
    console.log(`      activation: activate() ${t.activateMs.toFixed(1)} ms; first index of ${snap.documents.length} articles ready ${t.firstIndexMs!.toFixed(0)} ms after activation`);
  });

  test("a full re-index shows the corpus kept last time when nothing changed, and a damaged cache is rebuilt", async () => {
    const a = await api();
    const seen = (s: CorpusSnapshot) => ({ docs: s.documents.map((d) => d.analysis.path), topics: s.topics.map((t) => `${t.id}:${t.claims.join(",")}`), flags: s.contradictions.map((x) => `${x.earlier}>${x.later}`) });
    const shown = () => seen(a.corpus.snapshot());
    await a.corpus.cacheSaved;
    const before = shown();
    assert.ok(a.corpus.cacheUri && fs.existsSync(a.corpus.cacheUri.fsPath), "kept in the workspace's storage");
    const published: Array<ReturnType<typeof seen>> = [];
    const listening = a.corpus.onDidChange((s) => published.push(seen(s)));
    await a.corpus.reindex();
    listening.dispose();
    assert.deepStrictEqual({ ...a.corpus.lastIndex, ms: undefined }, { articles: before.docs.length, fromCache: before.docs.length, ms: undefined });
    assert.ok(a.corpus.lastIndex.ms.shown > 0, "the cached corpus was shown before the index behind it was built");
    assert.deepStrictEqual(published, [before], "published once, as the cache kept it");
    assert.deepStrictEqual(shown(), before, "the index built behind it gives the same");
    fs.writeFileSync(a.corpus.cacheUri.fsPath, "{ damaged");
    await a.corpus.reindex();
    assert.deepStrictEqual({ ...a.corpus.lastIndex, ms: undefined }, { articles: before.docs.length, fromCache: 0, ms: undefined });
    assert.deepStrictEqual(shown(), before);
    await a.corpus.cacheSaved;
    const [header, ...lines] = fs.readFileSync(a.corpus.cacheUri.fsPath, "utf8").trimEnd().split("\n");
    const corpus = lines.filter((l) => l.startsWith("*corpus\t"));
    assert.ok(JSON.parse(header!).fingerprint && lines.length - corpus.length === before.docs.length, "written again whole: a header, a line per article…");
    assert.match(corpus[0] ?? "", /^\*corpus\t\{/, "…and the corpus");
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

  test("a file written again with the same text changes nothing and is not published again; a real change is", async () => {
    const a = await api();
    const uri = file("bulk-same.txt");
    const text = "Bulk note: Halvorsen paid $7 million.\n";
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    await until("file indexed", () => a.corpus.index.get("bulk-same.txt"));
    await new Promise((r) => setTimeout(r, 1000));
    let events = 0;
    const sub = a.corpus.onDidChange(() => events++);
    try {
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text)); // touched, same text
      await new Promise((r) => setTimeout(r, 1000));
      await a.corpus.flush();
      assert.strictEqual(events, 0, "the same text: nothing to tell the features");
      await vscode.workspace.fs.writeFile(uri, Buffer.from(text.replace("$7", "$8")));
      await until("the change published", () => events > 0 || undefined, 10000);
      assert.match(a.corpus.snapshot().documentAt.get("bulk-same.txt")!.analysis.text, /\$8 million/, "the new text is the one published");
    } finally {
      sub.dispose();
      await vscode.workspace.fs.delete(uri);
      await until("file dropped", () => !a.corpus.index.get("bulk-same.txt"));
    }
  });

  test("a thousand files changed at once (a branch switch) are applied as one re-analysis: one batch, each file analysed once", async function () {
    this.timeout(60000);
    const a = await api();
    const config = vscode.workspace.getConfiguration("claimscope");
    // The burst is gathered until its events pause for claimscope.debounceMs. At the default 300 ms a shared,
    // loaded machine can deliver a burst's events in chunks further apart than that (measured: two batches in
    // one run of three); 3 s is a pause no chunk of this burst takes, so the batch is the queue's doing alone.
    await config.update("debounceMs", 3000, vscode.ConfigurationTarget.Workspace);
    await until("the longer pause applied", async () => { await a.corpus.ready; return a.corpus.debounceMs === 3000; });
    // Counted where the analysis happens (the index's analyzer), not where it is published.
    const analyzer = a.corpus.index.analyzer, analyze = analyzer.analyzeDocument;
    const analysed = new Map<string, number>();
    analyzer.analyzeDocument = (d) => { analysed.set(d.path, (analysed.get(d.path) ?? 0) + 1); return analyze(d); };
    const published: number[] = [];
    const t0 = Date.now();
    const sub = a.corpus.onDidChange(() => published.push(Date.now() - t0));
    const dir = file("bulk").fsPath;
    try {
      // Written on disk as git writes them, not through the editor: the watcher tells the extension. The folder
      // first, until the watcher reports it, so that it watches the folder before the files arrive (one run in
      // about a dozen timed out before this wait with files unindexed; not reproduced since, so the timeout
      // below says what was missing).
      const folderSeen = new Promise<void>((resolve) => { const w = vscode.workspace.createFileSystemWatcher("**/bulk"); w.onDidCreate(() => { w.dispose(); resolve(); }); });
      fs.mkdirSync(dir, { recursive: true });
      await folderSeen;
      for (let i = 0; i < 1000; i++) fs.writeFileSync(path.join(dir, `b${String(i).padStart(4, "0")}.txt`), `Bulk note ${i}: Halvorsen paid $${i + 1} million.\n`);
      const written = Date.now() - t0;
      await until("bulk files indexed", () => a.corpus.index.size >= 1006, 60000).catch((e: Error) => {
        throw new Error(`${e.message}: ${a.corpus.index.size} articles, ${analysed.size} analysed, published at ${published.join(", ")} ms, indexing ${a.corpus.indexing}`);
      });
      // Late events for the same files would make a second batch: they are given the time to arrive.
      await new Promise((r) => setTimeout(r, 4000));
      console.log(`      1,000 files written in ${written} ms; published at ${published.join(", ")} ms; ${analysed.size} files analysed`);
      const bulk = [...analysed].filter(([p]) => p.startsWith("bulk/"));
      assert.strictEqual(bulk.length, 1000, "every new file analysed");
      assert.deepStrictEqual(bulk.filter(([, n]) => n !== 1), [], "each file analysed once");
      assert.deepStrictEqual([...analysed.keys()].filter((p) => !p.startsWith("bulk/")), [], "no other article analysed again");
      assert.strictEqual(published.length, 1, `one re-analysis, told to the features once (at ${published.join(", ")} ms)`);
    } finally {
      analyzer.analyzeDocument = analyze;
      sub.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
      await until("bulk files dropped", () => a.corpus.index.size === 6, 30000);
      await config.update("debounceMs", undefined, vscode.ConfigurationTarget.Workspace);
      await until("the default pause back", async () => { await a.corpus.ready; return a.corpus.debounceMs === 300; });
    }
  });

  test("a 10,000-article workspace indexes in the background: the extension host stays responsive", async function () {
    this.timeout(240000);
    const a = await api();
    const dir = path.join(file("load").fsPath);
    fs.mkdirSync(dir, { recursive: true });
    // CLAIMSCOPE_LOAD_CORPUS names a folder whose articles (.txt, .md) are copied in instead, such as the real
    // reporting ../shared/bench/real-corpus.mjs writes; it lives outside the repository, so CI generates.
    const given = process.env.CLAIMSCOPE_LOAD_CORPUS;
    let articles = 10000;
    if (given) {
      const names = fs.readdirSync(given, { withFileTypes: true }).filter((f) => f.isFile() && /\.(txt|md)$/i.test(f.name)).map((f) => f.name);
      assert.ok(names.length, `no .txt or .md articles in CLAIMSCOPE_LOAD_CORPUS=${given}`);
      for (const n of names) fs.copyFileSync(path.join(given, n), path.join(dir, n));
      articles = names.length;
    } else {
      for (let i = 0; i < articles; i++) {
        fs.writeFileSync(path.join(dir, `a${String(i).padStart(5, "0")}.txt`), `Story ${i}\nMarch ${1 + (i % 28)}, 2026\n\nCompany${i % 50} Holdings agreed to acquire Target${i % 70} Labs for $${1 + (i % 90)} billion, a ${i % 40}% premium.\nCompany${i % 50} Holdings already owns a ${1 + (i % 30)}% stake in Target${i % 70} Labs.\n`);
      }
    }
    // Opened first: opening an article activates VS Code's language support on the same host, which is not
    // this extension's to measure. This one holds later statements, where Problems entries go.
    const ed = await open("04-lumen-ends-exclusive-license.txt");
    // Measure how late a 50 ms timer fires while the index is rebuilt: the host's event loop must keep turning.
    // The longest stall is kept per phase (indexing, keeping the cache, indexing again from it).
    const stalls = { index: 0, cache: 0, warm: 0, edit: 0 };
    let phase: keyof typeof stalls = "index", last = Date.now();
    const timer = setInterval(() => { const now = Date.now(); stalls[phase] = Math.max(stalls[phase], now - last - 50); last = now; }, 50);
    try {
      const started = Date.now();
      const reindex = vscode.commands.executeCommand("claimscope.reanalyze");
      await until("indexing under way", () => a.corpus.indexing || undefined, 30000);
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>("vscode.executeHoverProvider", ed.document.uri, ed.document.positionAt(ed.document.getText().indexOf("15%") + 1));
      const answeredWhileIndexing = a.corpus.indexing;
      await reindex;
      const indexed = Date.now();
      phase = "cache";
      await a.corpus.cacheSaved; // the analyses are kept for the next session without blocking either
      const saved = Date.now();
      // Reopening the same workspace: a full index again, now from the kept analyses.
      phase = "warm";
      await vscode.commands.executeCommand("claimscope.reanalyze");
      const warm = Date.now() - saved;
      // Typing in one article of the large corpus: re-analysed and published to every view after the pause.
      phase = "edit";
      const editOnce = async (change: (e: vscode.WorkspaceEdit) => void) => {
        const published = new Promise<void>((resolve) => { const sub = a.corpus.onDidChange(() => { sub.dispose(); resolve(); }); });
        const t = Date.now();
        const e = new vscode.WorkspaceEdit();
        change(e);
        await vscode.workspace.applyEdit(e);
        await published;
        return Date.now() - t;
      };
      const end = ed.document.positionAt(ed.document.getText().length);
      const edited = await editOnce((e) => e.insert(ed.document.uri, end, " "));
      await editOnce((e) => e.delete(ed.document.uri, new vscode.Range(end, end.translate(0, 1))));
      clearInterval(timer);
      assert.ok(a.corpus.lastIndex.fromCache >= articles, `${a.corpus.lastIndex.fromCache} articles taken from the cache`);
      const shownAfter = a.corpus.lastIndex.ms.shown;
      assert.ok(shownAfter > 0, "reopened unchanged, the corpus was shown as the cache kept it");
      assert.match(hoverText(hovers), /^\*\*15%\*\* — Ownership stake/m, "a hover answers while the corpus is read: the stake's card");
      assert.ok(answeredWhileIndexing, "the hover was answered before indexing finished");
      assert.strictEqual(a.corpus.index.size, articles + 6);
      await a.problems.updated;
      let problems = 0;
      a.diagnostics.forEach((_u, list) => { problems += list.length; });
      const flags = a.corpus.snapshot().contradictions.length;
      // Generated, the corpus flags more than it has articles; any corpus given must at least go over the cap.
      assert.ok(flags > (given ? a.corpus.settings.maxProblems : articles) && problems <= 2 * a.corpus.settings.maxProblems, `${flags} contradictions, ${problems} problems shown`);
      const mine = (a.diagnostics.get(ed.document.uri) ?? []).map((d) => d.message);
      assert.ok(mine.some((m) => m.startsWith("Exclusive license: holds → ends")), `over the cap, the open article's flags are shown first: ${mine.join(" | ")}`);
      const report = `${articles.toLocaleString("en-US")} articles${given ? ` from ${given}` : ""} indexed in ${((indexed - started) / 1000).toFixed(1)} s (longest event-loop stall ${stalls.index} ms), cache kept in ${((saved - indexed) / 1000).toFixed(1)} s more (${stalls.cache} ms), indexed again from it in ${(warm / 1000).toFixed(1)} s, shown after ${(shownAfter / 1000).toFixed(1)} s (${stalls.warm} ms), an edit published ${edited} ms after it was made, debounce included (${stalls.edit} ms)`;
      const heap = (await import("v8")).getHeapStatistics();
      console.log(`      ${report}; cache ${JSON.stringify(a.corpus.lastCacheWrite)}, warm ${JSON.stringify(a.corpus.lastIndex.ms)}; heap ${Math.round(heap.used_heap_size / 2 ** 20)} of ${Math.round(heap.heap_size_limit / 2 ** 20)} MB`);
      assert.ok(Math.max(stalls.index, stalls.cache, stalls.warm, stalls.edit) < STALL_LIMIT_MS, `the extension host was blocked: ${report}`);
    } finally {
      clearInterval(timer);
      fs.rmSync(dir, { recursive: true, force: true });
      await vscode.commands.executeCommand("claimscope.reanalyze");
    }
    assert.strictEqual(a.corpus.index.size, 6);
  });
});
