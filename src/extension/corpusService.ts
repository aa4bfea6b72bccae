import * as vscode from "vscode";
import {
  ChangeQueue, CONFIG_FILE, CorpusLoader, DEFAULT_SETTINGS, FactLookup, progressText, runSteps,
  type Change, type Claim, type CorpusIndex, type CorpusSnapshot, type DocumentAnalysis, type Notice, type Settings,
} from "../core";
import { analysisThreads } from "../node/analysisPool";
import { readConfigFile, readWorkspaceSettings } from "./settings";
import { WorkspaceSource } from "./workspaceSource";
import { CacheFile } from "./cacheFile";
import { yieldToHost } from "./yieldToHost";


/**
 * The workspace's corpus for every feature: its settings, the CorpusLoader that reads it (through a
 * WorkspaceSource, its cache in a CacheFile), the watchers whose changes a ChangeQueue gathers, and the
 * snapshot every feature reads, published once per index or batch of changes.
 */
export class CorpusService implements vscode.Disposable {
  settings: Settings;
  highlight = new Set<string>();
  /** How long after the last change the changes are applied (the claimscope.debounceMs setting). */
  debounceMs = 300;
  indexing = false;
  private loader: CorpusLoader;
  private source: WorkspaceSource;
  private readonly changes: ChangeQueue;
  /** Where the files of queued changes are (a re-index may bring a new source before they are applied). */
  private readonly changedUris = new Map<string, vscode.Uri>();
  private readonly changed = new vscode.EventEmitter<CorpusSnapshot>();
  readonly onDidChange = this.changed.event;
  private lookupCache: { snap: CorpusSnapshot; lookup: FactLookup } | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private settled: Promise<void> = Promise.resolve();
  private generation = 0;
  /** The corpus as the cache kept it, shown while the index behind it is built (a workspace reopened with nothing changed). */
  private shown: CorpusSnapshot | undefined;
  /** An open document was analysed as it reads (fresh) and the features are not told yet: the change queue's next batch tells them. */
  private unpublished = false;
  private readonly cacheFile: CacheFile;

  /** How the latest full index went: articles analysed, how many came from the cache, and when the cached corpus was shown (0: it was not). */
  lastIndex = { articles: 0, fromCache: 0, ms: { find: 0, cacheRead: 0, articles: 0, shown: 0, regroup: 0, publish: 0 } };
  /** Settles when the analyses of the latest full index are kept (or keeping them failed, which is logged). */
  cacheSaved: Promise<void> = Promise.resolve();

  /** `storage`: the workspace's storage folder, where analyses are kept between sessions (none: no cache). */
  constructor(private readonly log: vscode.OutputChannel, storage?: vscode.Uri) {
    this.cacheFile = new CacheFile(storage);
    this.settings = this.loadSettings();
    this.source = new WorkspaceSource(this.settings.include);
    this.loader = this.newLoader(this.source, this.settings);
    this.changes = new ChangeQueue(() => void this.flush(), this.debounceMs);
    const watcher = vscode.workspace.createFileSystemWatcher("**/*");
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => (isConfig(u) ? void this.reindex() : this.queue(u))),
      watcher.onDidChange((u) => (isConfig(u) ? void this.reindex() : this.queue(u))),
      watcher.onDidDelete((u) => (isConfig(u) ? void this.reindex() : this.queueDelete(u))),
      vscode.workspace.onDidChangeTextDocument((e) => { if (e.contentChanges.length && this.keyFor(e.document.uri)) this.queue(e.document.uri); }),
      vscode.workspace.onDidRenameFiles((e) => { for (const f of e.files) { this.queueDelete(f.oldUri); this.queue(f.newUri); } }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
      vscode.workspace.onDidChangeConfiguration((e) => { if (e.affectsConfiguration("claimscope")) void this.reindex(); }),
    );
  }

  /** The index every feature reads (the loader's). */
  get index(): CorpusIndex {
    return this.loader.index;
  }

  /** Files left out, with why (binary, too large, unreadable). */
  get skipped(): Map<string, string> {
    return this.loader.skipped();
  }

  /** The files skipped or read with a problem (what the CLI's reports list). */
  notices(): Notice[] {
    return this.loader.notices();
  }

  /** How long keeping the cache last took (encoding and writing, in pieces), and its size. */
  get lastCacheWrite(): { ms: number; bytes: number } {
    return this.cacheFile.lastWrite;
  }

  /** Where analyses are kept between sessions (in the workspace's storage; none without a workspace). */
  get cacheUri(): vscode.Uri | undefined {
    return this.cacheFile.uri;
  }

  /** Resolves when the first index (or the latest re-index) is done. */
  get ready(): Promise<void> {
    return this.settled;
  }

  snapshot(): CorpusSnapshot {
    return this.shown ?? this.index.result();
  }

  /** An article's analysis by its corpus key. */
  document(key: string): DocumentAnalysis | undefined {
    return this.shown ? this.shown.documentAt.get(key)?.analysis : this.index.get(key);
  }

  /** The corpus keys of every article. */
  paths(): string[] {
    return this.shown ? this.shown.documents.map((d) => d.path) : this.index.paths();
  }

  lookup(): FactLookup {
    const snap = this.snapshot();
    if (this.lookupCache?.snap !== snap) this.lookupCache = { snap, lookup: new FactLookup(snap, this.index.analyzer.lexicon) };
    return this.lookupCache.lookup;
  }

  /** Corpus key of a file: its path relative to its workspace folder (prefixed by the folder's name in a multi-root workspace), if it is an article. */
  keyFor(uri: vscode.Uri): string | undefined {
    const key = WorkspaceSource.keyOf(uri);
    return key !== undefined && this.loader.accept(key) ? key : undefined;
  }

  uriFor(key: string): vscode.Uri | undefined {
    return this.source.uriFor(key);
  }

  analysisFor(uri: vscode.Uri): DocumentAnalysis | undefined {
    const key = this.keyFor(uri);
    return key ? this.document(key) : undefined;
  }

  /**
   * The analysis of an open document as it reads now: an edit not yet applied is analysed here, for the
   * caller alone — the features hear of it with the change queue's next batch (the edit queued it).
   */
  fresh(doc: vscode.TextDocument): DocumentAnalysis | undefined {
    const key = this.keyFor(doc.uri);
    if (!key) return undefined;
    const current = this.document(key);
    // Only articles the index knows: a deleted file still open in an editor does not come back. While the
    // cached corpus is shown, the edit waits (queued) for the index behind it.
    if (!current || current.text === doc.getText() || this.shown) return current;
    if (doc.getText().length > this.settings.maxFileSize) return current;
    this.unpublished = true;
    return this.loader.analyseText(key, doc.getText());
  }

  claim(id: string): Claim | undefined {
    return this.snapshot().claims.get(id);
  }

  /** Reads every article of the workspace, with progress; cancellable, never blocking the host. */
  reindex(): Promise<void> {
    const gen = ++this.generation;
    // The full index reads every file as it is then: changes queued until now are in it, and a batch being
    // applied stops (see flush) rather than analyse on this thread what the new index analyses anyway.
    this.changes.clear();
    this.changedUris.clear();
    this.settled = this.settled.then(() => (gen === this.generation ? this.indexAll(gen) : undefined));
    return this.settled;
  }

  private async indexAll(gen: number): Promise<void> {
    const fileProblems: string[] = [];
    const file = await readConfigFile(fileProblems);
    const s = (this.settings = this.loadSettings(file, fileProblems));
    const source = new WorkspaceSource(s.include);
    const loader = this.newLoader(source, s);
    // The first index fills the live one, so features see articles as they arrive; a re-index is built
    // aside and swapped in whole, so hovers and the tree keep working meanwhile.
    if (!this.index.size) { this.loader = loader; this.source = source; }
    this.setIndexing(true);
    const t0 = globalThis.performance.now();
    let shownEarly = false;
    try {
      const cache = await this.cacheFile.read();
      const tCache = globalThis.performance.now();
      const current = () => gen === this.generation;
      // Listed first (the loader gets the same list) to tell a large corpus, whose progress is a notification the user can cancel.
      const files = (await source.list()).length;
      const done = await vscode.window.withProgress(
        { location: files > 200 ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: "Claimscope: reading articles", cancellable: true },
        (progress, token) => runSteps(loader.load({ cache }), {
          // Once the cache's corpus is shown, the index behind it is finished (edits wait for it), unless a new index starts.
          go: () => current() && (shownEarly || !token.isCancellationRequested),
          yieldToHost,
          progress: (p) => progress.report({ message: progressText(p) }),
          shown: (snap) => { shownEarly = true; this.show(snap); progress.report({ message: "preparing for edits" }); },
        }),
      );
      if (!done || !current()) return;
      const loaded = done.value;
      this.loader = loader;
      this.source = source;
      this.show(undefined);
      const ms = (n: number) => Math.round(n);
      const read = tCache - t0 + loaded.ms.read;
      this.lastIndex = {
        articles: loader.index.size, fromCache: loaded.fromCache,
        ms: { find: ms(read), cacheRead: ms(tCache - t0), articles: ms(loaded.ms.articles - loaded.ms.read), shown: loaded.ms.shown && ms(tCache - t0 + loaded.ms.shown), regroup: ms(loaded.ms.regrouped - loaded.ms.articles), publish: 0 },
      };
      if (loaded.cacheProblem) this.log.appendLine(`analysis cache ${loaded.cacheProblem}`);
      if (loaded.threadsFailed) this.log.appendLine(`analysis threads failed (${loaded.threadsFailed}); the rest was analysed on the extension host`);
      for (const n of loader.notices()) this.log.appendLine(`${n.path}: ${n.message}`);
      const skipped = loader.skipped().size;
      this.log.appendLine(`indexed ${loader.index.size} articles${loaded.fromCache ? ` (${loaded.fromCache} unchanged, from the cache${loaded.cached ? ", shown as the cache kept them" : ""})` : ""}${skipped ? `, skipped ${skipped}` : ""}`);
      // Kept unless the cache's corpus was shown: the cache holds it already.
      if (!loaded.cached) this.cacheSaved = this.writeCache(loader, gen);
    } finally {
      this.setIndexing(false);
      // Shown already, the same corpus is not published again (the index gives what the cache kept).
      if (!shownEarly) {
        const tPublish = globalThis.performance.now();
        this.fire();
        this.lastIndex.ms.publish = Math.round(globalThis.performance.now() - tPublish);
      }
    }
  }

  /** Shows the corpus as the cache kept it, or (undefined) goes back to the index's. */
  private show(snap: CorpusSnapshot | undefined): void {
    this.shown = snap;
    if (!snap) return;
    this.setIndexing(false);
    this.fire();
  }

  private async writeCache(loader: CorpusLoader, gen: number): Promise<void> {
    try {
      // After the index is published (a turn of the host between them).
      await yieldToHost();
      const current = () => gen === this.generation;
      // The analyses and the corpus section are taken when the steps start, together: the index may change while the pieces are written.
      const pieces = await runSteps(loader.cacheSteps(), { go: current, yieldToHost });
      if (pieces) await this.cacheFile.write(pieces.value, current);
    } catch (e) {
      this.log.appendLine(`analysis cache not written (${e instanceof Error ? e.message : String(e)})`);
    }
  }

  private queue(uri: vscode.Uri): void {
    const key = this.keyFor(uri);
    if (!key) return;
    this.changedUris.set(key, uri);
    this.changes.changed(key);
  }

  private queueDelete(uri: vscode.Uri): void {
    // A deleted folder takes its articles with it.
    const inside = uri.path.replace(/\/$/, "") + "/";
    for (const [key, u] of this.source.keys()) if (u.toString() === uri.toString() || u.path.startsWith(inside)) this.changes.deleted(key);
    const key = this.keyFor(uri);
    if (key) this.changes.deleted(key);
  }

  /** Applies every queued change in one pass and tells the features once. */
  async flush(): Promise<void> {
    this.changes.cancel();
    if (!this.changes.size) return;
    await this.settled;
    const work: Change[] = this.changes.take();
    for (const c of work) {
      const uri = this.changedUris.get(c.path);
      this.changedUris.delete(c.path);
      if (c.deleted) this.source.forget(c.path);
      else if (uri) this.source.remember(uri);
    }
    const gen = this.generation;
    // Stopped when a full re-index starts: it reads these files too.
    const done = await runSteps(this.loader.apply(work), { go: () => gen === this.generation, yieldToHost });
    if (!done) return;
    const paths = new Set(work.map((c) => c.path));
    for (const n of this.loader.notices()) if (paths.has(n.path)) this.log.appendLine(`${n.path}: ${n.message}`);
    // Files saved or touched without a change in their text (a branch switched back, a tool rewriting them)
    // change nothing: the features are not told, which at 10,000 articles spares them a rebuild each.
    if (done.value || this.unpublished) this.fire();
  }

  private fire(): void {
    this.unpublished = false;
    void vscode.commands.executeCommand("setContext", "claimscope.hasCorpus", (this.shown?.documents.length ?? this.index.size) > 0);
    this.changed.fire(this.snapshot());
  }

  private setIndexing(on: boolean): void {
    this.indexing = on;
    void vscode.commands.executeCommand("setContext", "claimscope.indexing", on);
  }

  private loadSettings(file?: Record<string, unknown>, fileProblems: string[] = []): Settings {
    const { settings, problems, highlight, debounceMs } = readWorkspaceSettings(file, fileProblems);
    this.highlight = highlight;
    this.debounceMs = debounceMs;
    if (this.changes) this.changes.delayMs = debounceMs;
    for (const p of problems) {
      this.log.appendLine(p);
      void vscode.window.showWarningMessage(p, "Open Settings").then((a) => { if (a) void vscode.commands.executeCommand("workbench.action.openSettings", "claimscope"); });
    }
    return settings;
  }

  private newLoader(source: WorkspaceSource, settings: Settings = DEFAULT_SETTINGS): CorpusLoader {
    return new CorpusLoader(source, settings, { sizeLimit: "claimscope.maxFileSize", threads: analysisThreads({ keepThreadFree: true }) });
  }

  dispose(): void {
    this.changes.cancel();
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}

/** The corpus config file at a workspace folder's root: a change to it re-reads the settings. */
function isConfig(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return !!folder && uri.path === vscode.Uri.joinPath(folder.uri, CONFIG_FILE).path;
}
