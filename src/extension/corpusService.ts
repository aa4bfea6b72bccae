import * as vscode from "vscode";
import { mkdir, open, readFile, rename } from "node:fs/promises";
import { readFile as readFileThen, stat as statThen } from "node:fs";
import { promisify } from "node:util";
import {
  AnalysisCache, CachedCorpus, CorpusIndex, cacheFingerprint, cachedAnalysis, cacheText, corpusFilter, decodeArticle, DEFAULT_INCLUDE, encodeCorpus, FactLookup, readCache, tooLarge,
  type Claim, type CorpusSnapshot, type DocumentAnalysis, type FoundDocument, type Settings,
} from "../core";
import { AnalysisPool, defaultThreads, POOL_THRESHOLD } from "../node/analysisPool";
import { textHash } from "../node/textHash";
import { readConfigFile, readWorkspaceSettings, CONFIG_FILE } from "./settings";

/** Files in the first slice of an index or of a batch of changes; later slices follow their time (nextSliceSize). */
const BATCH = 25;

/** The next slice's size: slices are kept near SLICE_MS each, between `least` files and 16 times as many. */
const SLICE_MS = 25;
function nextSliceSize(size: number, tookMs: number, least: number): number {
  if (tookMs < SLICE_MS / 2) return Math.min(size * 2, 16 * least);
  if (tookMs > SLICE_MS * 2) return Math.max(Math.floor(size / 2), least);
  return size;
}

/**
 * The workspace's corpus: which files are articles, their analyses (kept current as files and editors
 * change), and the snapshot every feature reads. Files on disk are read with Node's file system, others through `vscode.workspace.fs`.
 */
export class CorpusService implements vscode.Disposable {
  index: CorpusIndex;
  settings: Settings;
  highlight = new Set<string>();
  debounceMs = 300;
  /** Files left out, with why (binary, too large, unreadable). */
  readonly skipped = new Map<string, string>();
  indexing = false;
  private accept: (rel: string) => boolean;
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly changed = new vscode.EventEmitter<CorpusSnapshot>();
  readonly onDidChange = this.changed.event;
  private readonly pending = new Map<string, vscode.Uri | null>();
  private timer: NodeJS.Timeout | undefined;
  private lookupCache: { snap: CorpusSnapshot; lookup: FactLookup } | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private settled: Promise<void> = Promise.resolve();
  private generation = 0;
  /** The corpus as the cache kept it, shown while the index behind it is built (a workspace reopened with nothing changed). */
  private shown: CorpusSnapshot | undefined;

  /** How the latest full index went: articles analysed, how many came from the cache, and when the cached corpus was shown (0: it was not). */
  lastIndex = { articles: 0, fromCache: 0, ms: { find: 0, cacheRead: 0, articles: 0, shown: 0, regroup: 0, publish: 0 } };
  /** How long keeping the cache last took (encoding and writing, in pieces), and its size. */
  lastCacheWrite = { ms: 0, bytes: 0 };
  /** Settles when the analyses of the latest full index are kept (or keeping them failed, which is logged). */
  cacheSaved: Promise<void> = Promise.resolve();

  /** `storage`: the workspace's storage folder, where analyses are kept between sessions (none: no cache). */
  constructor(private readonly log: vscode.OutputChannel, private readonly storage?: vscode.Uri) {
    const s = this.loadSettings();
    this.settings = s;
    this.index = this.newIndex();
    this.accept = corpusFilter(s.include, s.exclude);
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
    if (this.lookupCache?.snap !== snap) this.lookupCache = { snap, lookup: new FactLookup(snap) };
    return this.lookupCache.lookup;
  }

  /** Corpus key of a file: its path relative to its workspace folder (prefixed by the folder's name in a multi-root workspace). */
  keyFor(uri: vscode.Uri): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    let rel = uri.path.slice(folder.uri.path.replace(/\/$/, "").length + 1);
    if (!rel || !this.accept(rel)) return undefined;
    if ((vscode.workspace.workspaceFolders?.length ?? 0) > 1) rel = `${folder.name}/${rel}`;
    return rel;
  }

  uriFor(key: string): vscode.Uri | undefined {
    return this.uris.get(key);
  }

  analysisFor(uri: vscode.Uri): DocumentAnalysis | undefined {
    const key = this.keyFor(uri);
    return key ? this.document(key) : undefined;
  }

  /** The analysis of an open document as it reads now (edits not yet re-analysed are analysed here). */
  fresh(doc: vscode.TextDocument): DocumentAnalysis | undefined {
    const key = this.keyFor(doc.uri);
    if (!key) return undefined;
    const current = this.document(key);
    // Only articles the index knows: a deleted file still open in an editor does not come back. While the
    // cached corpus is shown, the edit waits (queued) for the index behind it.
    if (!current || current.text === doc.getText() || this.shown) return current;
    if (doc.getText().length > this.settings.maxFileSize) return current;
    this.uris.set(key, doc.uri);
    const a = this.index.set({ path: key, text: doc.getText() });
    this.fire();
    return a;
  }

  claim(id: string): Claim | undefined {
    return this.snapshot().claims.get(id);
  }

  /** Reads every article of the workspace, with progress; cancellable, never blocking the host. */
  reindex(): Promise<void> {
    const gen = ++this.generation;
    // The full index reads every file as it is then: changes queued until now are in it, and a batch being
    // applied stops (see flush) rather than analyse on this thread what the new index analyses anyway.
    this.pending.clear();
    this.settled = this.settled.then(() => (gen === this.generation ? this.indexAll(gen) : undefined));
    return this.settled;
  }

  private async indexAll(gen: number): Promise<void> {
    const fileProblems: string[] = [];
    const file = await readConfigFile(fileProblems);
    const s = this.loadSettings(file, fileProblems);
    this.settings = s;
    this.accept = corpusFilter(s.include, s.exclude);
    // The first index fills the live one, so features see articles as they arrive; a re-index is built
    // aside and swapped in whole, so hovers and the tree keep working meanwhile.
    const target = this.index.size ? this.newIndex() : (this.index = this.newIndex());
    this.skipped.clear();
    this.setIndexing(true);
    const tFind = globalThis.performance.now();
    let shownEarly = false;
    try {
      const found = new Map<string, vscode.Uri>();
      // One search where the patterns allow it: each findFiles walks the whole workspace (10,000 files: 1.3 s for three).
      const patterns = s.include.length ? s.include : DEFAULT_INCLUDE;
      const searches = patterns.length > 1 && !patterns.some((x) => /[{},]/.test(x)) ? [`{${patterns.join(",")}}`] : patterns;
      for (const pattern of searches) {
        for (const u of await vscode.workspace.findFiles(pattern, "**/node_modules/**")) {
          const key = this.keyFor(u);
          if (key) found.set(key, u);
        }
      }
      const files = [...found.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      const fingerprint = cacheFingerprint(target.analyzer.options);
      const tRead = globalThis.performance.now();
      const cache = await this.readCache(fingerprint);
      const tArticles = globalThis.performance.now();
      let tShown = 0, tRegroup = tArticles;
      let fromCache = 0;
      let shown: CorpusSnapshot | undefined;
      // Where the cache keeps the corpus as well, unchanged articles are only read and hashed at first: if
      // every one is unchanged, the cached corpus is shown at once and they are decoded into the index after.
      const unchanged: FoundDocument[] | undefined = cache.corpus !== undefined ? [] : undefined;
      // A large workspace is analysed on worker threads: the extension host only decodes what they send
      // (about a third of the work), and on more cores the index is ready sooner.
      const pool = files.length - cache.size >= POOL_THRESHOLD && defaultThreads() > 1 ? new AnalysisPool(target.analyzer.options) : undefined;
      const least = pool ? BATCH * pool.threads : BATCH;
      try {
        await vscode.window.withProgress(
          { location: files.length > 200 ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: "Claimscope: reading articles", cancellable: true },
          async (progress, token) => {
            const current = () => gen === this.generation;
            const go = () => !token.isCancellationRequested && current();
            // Articles taken from the cache cost a tenth of analysing them: slices grow while they stay short.
            const all = await inSlices(files, least, least, go, ([key, uri]) => this.load(key, uri, target, cache, pool, unchanged), (got, done) => {
              fromCache += got.filter((g) => g === "cached").length;
              progress.report({ message: `${done} of ${files.length}`, increment: (got.length / Math.max(1, files.length)) * 100 });
            });
            if (!all) return;
            const cached = unchanged?.length && !target.size ? CachedCorpus.open(cache, unchanged, target.override, (d) => target.analyzer.analyzeDocument(d)) : undefined;
            if (cached && !(await inSteps((deadline) => cached.readSome(deadline), go))) return;
            shown = cached?.snapshot();
            if (shown) {
              tShown = globalThis.performance.now();
              shownEarly = true;
              this.show(shown);
              progress.report({ message: "preparing for edits" });
            }
            // Once the corpus is shown, the index behind it is finished (edits wait for it), unless a new index starts.
            const rest = shown ? current : go;
            // Unchanged articles go into the index (decoded where they were shown, else from the cache).
            const ok = await inSlices(unchanged ?? [], least, least, rest, async (d) => {
              const a = shown?.documentAt.get(d.path)?.analysis ?? cachedAnalysis(d.path, d.text, d.hash, cache.get(d.path));
              for (const p of (a ? target.restore(a) : target.set(d)).problems) this.log.appendLine(`${d.path}: ${p.message}`);
            });
            if (!ok) return;
            tRegroup = globalThis.performance.now();
            if (!shown) progress.report({ message: "grouping claims and checking them against each other" });
            await inSteps((deadline) => target.regroupSome(deadline), rest);
          },
        );
      } finally {
        if (pool?.failure) this.log.appendLine(`analysis threads failed (${pool.failure.message}); the rest was analysed on the extension host`);
        void pool?.close();
      }
      if (gen === this.generation) {
        this.index = target;
        this.show(undefined);
        for (const key of [...this.uris.keys()]) if (!found.has(key)) this.uris.delete(key);
        const ms = (from: number, to = globalThis.performance.now()) => Math.round(to - from);
        this.lastIndex = { articles: target.size, fromCache, ms: { find: ms(tFind, tRead), cacheRead: ms(tRead, tArticles), articles: ms(tArticles, tRegroup), shown: tShown && ms(tFind, tShown), regroup: ms(tRegroup), publish: 0 } };
        // Kept unless the cache's corpus was shown, which it still is.
        if (!shown) this.cacheSaved = this.writeCache(target, fingerprint, gen);
      }
      this.log.appendLine(`indexed ${this.index.size} articles${fromCache ? ` (${fromCache} unchanged, from the cache${shown ? ", shown as the cache kept them" : ""})` : ""}${this.skipped.size ? `, skipped ${this.skipped.size}` : ""}`);
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

  /**
   * Reads and analyses one article, or takes its analysis from `cache` when the text is the one cached —
   * or, given `unchanged`, only notes it there (see indexAll).
   */
  private async load(key: string, uri: vscode.Uri, index = this.index, cache?: AnalysisCache, pool?: AnalysisPool, unchanged?: FoundDocument[]): Promise<"cached" | void> {
    this.uris.set(key, uri);
    let fromCache = false;
    const put = async (text: string): Promise<DocumentAnalysis | undefined> => {
      const entry = cache?.get(key);
      const hash = entry && textHash(text);
      if (unchanged && hash !== undefined && entry?.[0] === hash) {
        unchanged.push({ path: key, text, hash });
        fromCache = true;
        return undefined;
      }
      const cached = hash === undefined ? undefined : cachedAnalysis(key, text, hash, entry);
      fromCache = !!cached;
      if (cached) return index.restore(cached);
      if (pool) {
        try {
          return index.restore(await pool.analyze({ path: key, text }));
        } catch {
          // The threads failed (said once by indexAll): analysed here instead.
        }
      }
      return index.set({ path: key, text });
    };
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      if (open.getText().length > this.settings.maxFileSize) return this.skip(key, uri, tooLarge(open.getText().length, this.settings.maxFileSize, "claimscope.maxFileSize"), index);
      await put(open.getText());
      return fromCache ? "cached" : undefined;
    }
    try {
      const size = await sizeOf(uri);
      if (size > this.settings.maxFileSize) {
        return this.skip(key, uri, tooLarge(size, this.settings.maxFileSize, "claimscope.maxFileSize"), index);
      }
      const decoded = decodeArticle(await bytesOf(uri), this.settings.maxFileSize);
      if (!decoded.ok) return this.skip(key, uri, decoded.reason, index);
      for (const w of decoded.warnings) this.log.appendLine(`${key}: ${w}`);
      this.skipped.delete(key);
      const a = await put(decoded.text);
      for (const p of a?.problems ?? []) this.log.appendLine(`${key}: ${p.message}`);
      if (fromCache) return "cached";
    } catch (e) {
      this.skip(key, uri, `cannot be read (${e instanceof Error ? e.message : String(e)}); skipped`, index);
    }
  }

  /** Where analyses are kept between sessions (in the workspace's storage; none without a workspace). */
  get cacheUri(): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, "analysis-cache.json");
  }

  /** The kept analyses for this fingerprint; a missing, stale or damaged cache is simply not used. */
  private async readCache(fingerprint: string): Promise<AnalysisCache> {
    const uri = this.cacheUri;
    if (!uri) return new AnalysisCache();
    let bytes: Uint8Array;
    try {
      bytes = await readFile(uri.fsPath);
    } catch {
      return new AnalysisCache();
    }
    try {
      return readCache(bytes, fingerprint);
    } catch (e) {
      this.log.appendLine(`analysis cache unreadable (${e instanceof Error ? e.message : String(e)}); every article analysed afresh`);
      return new AnalysisCache();
    }
  }

  /** Keeps the index's analyses for the next session, yielding between pieces so the host never blocks. */
  private async writeCache(index: CorpusIndex, fingerprint: string, gen: number): Promise<void> {
    const uri = this.cacheUri;
    if (!uri) return;
    const t0 = globalThis.performance.now();
    let bytes = 0;
    const tmp = `${uri.fsPath}.tmp`;
    try {
      // Node's file system, not workspace.fs: the storage folder is this machine's, and a remote host's
      // workspace.fs would carry megabytes through the window. Written piece by piece (each write yields to
      // the host) beside the old cache, then renamed into place.
      await mkdir(this.storage!.fsPath, { recursive: true });
      const file = await open(tmp, "w");
      try {
        // The analyses and the corpus section are taken now, together: the index may change while the pieces are written.
        for (const piece of cacheText(index.paths().map((p) => index.get(p)!), fingerprint, textHash, encodeCorpus(index))) {
          if (gen !== this.generation) return; // a newer index will write its own
          // writeFile on an open file continues where the last write ended, and writes the whole piece.
          await file.writeFile(piece);
          bytes += Buffer.byteLength(piece);
        }
      } finally {
        await file.close();
      }
      await rename(tmp, uri.fsPath);
    } catch (e) {
      this.log.appendLine(`analysis cache not written (${e instanceof Error ? e.message : String(e)})`);
    }
    this.lastCacheWrite = { ms: Math.round(globalThis.performance.now() - t0), bytes };
  }

  private skip(key: string, uri: vscode.Uri, reason: string, index = this.index): void {
    this.skipped.set(key, reason);
    index.delete(key);
    this.uris.set(key, uri);
    this.log.appendLine(`${key}: ${reason}`);
  }

  /** Changes arrive one by one (a branch switch brings a thousand); they are applied together after a pause. */
  private queue(uri: vscode.Uri): void {
    const key = this.keyFor(uri);
    if (!key) return;
    this.pending.set(key, uri);
    this.schedule();
  }

  private queueDelete(uri: vscode.Uri): void {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    const prefix = folder ? uri.path.slice(folder.uri.path.replace(/\/$/, "").length + 1) : "";
    // A deleted folder takes its articles with it.
    for (const key of this.paths()) {
      const u = this.uris.get(key);
      if (u && (u.toString() === uri.toString() || (prefix && u.path.startsWith(uri.path + "/")))) this.pending.set(key, null);
    }
    const key = this.keyFor(uri);
    if (key) this.pending.set(key, null);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), this.debounceMs);
  }

  /** Applies every queued change in one pass and tells the features once. */
  async flush(): Promise<void> {
    if (this.timer) { clearTimeout(this.timer); this.timer = undefined; }
    if (!this.pending.size) return;
    const work = [...this.pending];
    this.pending.clear();
    await this.settled;
    const gen = this.generation;
    const before = { index: this.index, version: this.index.version, skipped: this.skipped.size };
    // Stopped when a full re-index starts: it reads these files too. Slices may shrink to a few files: a
    // batch of long articles is analysed here, on the host.
    const go = () => gen === this.generation;
    const all = await inSlices(work, BATCH, 4, go, async ([key, uri]) => {
      if (uri) await this.load(key, uri);
      else { this.index.delete(key); this.uris.delete(key); this.skipped.delete(key); }
    });
    if (!all) return;
    await inSteps((deadline) => this.index.regroupSome(deadline), go);
    if (!go()) return;
    // Files saved or touched without a change in their text (a branch switched back, a tool rewriting them)
    // change nothing: the features are not told, which at 10,000 articles spares them a rebuild each.
    if (this.index !== before.index || this.index.version !== before.version || this.skipped.size !== before.skipped) this.fire();
  }

  private fire(): void {
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
    for (const p of problems) {
      this.log.appendLine(p);
      void vscode.window.showWarningMessage(p, "Open Settings").then((a) => { if (a) void vscode.commands.executeCommand("workbench.action.openSettings", "claimscope"); });
    }
    return settings;
  }

  private newIndex(): CorpusIndex {
    const s = this.settings;
    return new CorpusIndex({ orgAliases: s.orgAliases, extraTerms: s.extraTerms, tolerance: s.tolerance, order: s.order, published: s.published });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
    this.changed.dispose();
  }
}

const yieldToHost = () => new Promise((r) => setImmediate(r));

/**
 * Runs `each` over `items` a slice at a time, the slices kept near SLICE_MS (starting at `first`, never below
 * `least`), yielding to the host after each; `sliceDone` hears each slice's results and how many items are done.
 * Stops before a slice when `go` turns false; says whether every item was run.
 */
async function inSlices<T, R>(items: T[], first: number, least: number, go: () => boolean, each: (item: T) => Promise<R>, sliceDone?: (got: R[], done: number) => void): Promise<boolean> {
  let step = first;
  for (let i = 0; i < items.length; ) {
    if (!go()) return false;
    const started = globalThis.performance.now();
    const got = await Promise.all(items.slice(i, i + step).map(each));
    i += got.length;
    sliceDone?.(got, i);
    step = nextSliceSize(step, globalThis.performance.now() - started, least);
    await yieldToHost();
  }
  return true;
}

/**
 * Runs `step` (which works until the deadline it is given and says whether all is done) a slice at a time,
 * yielding to the host between slices: the index regrouping and re-checking what changes left (half a
 * second for a whole 10,000-article corpus; the next result() does what is left when `go` stops it), or the
 * cached corpus being read. Says whether it finished.
 */
async function inSteps(step: (deadline: number) => boolean, go: () => boolean): Promise<boolean> {
  while (!step(globalThis.performance.now() + SLICE_MS)) {
    await yieldToHost();
    if (!go()) return false;
  }
  return true;
}

/** The corpus config file at a workspace folder's root: a change to it re-reads the settings. */
function isConfig(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return !!folder && uri.path === vscode.Uri.joinPath(folder.uri, CONFIG_FILE).path;
}

// Files on this machine's disk are read with Node's file system: workspace.fs would take each of ten
// thousand files through the window and back when the extension host is remote (a warm re-index of
// 10,000 articles in code-server: 10.9 s through workspace.fs, 4.5 s this way).
// Any other scheme (virtual file systems) goes through workspace.fs. Articles are read with the callback
// API: fs/promises' readFile opens, stats, reads and closes in separate steps, and stat and read 10,000
// small files in 0.9–1.0 s here where the callback API takes 0.2 s.
const statFile = promisify(statThen), readWhole = promisify(readFileThen);

async function sizeOf(uri: vscode.Uri): Promise<number> {
  return uri.scheme === "file" ? (await statFile(uri.fsPath)).size : (await vscode.workspace.fs.stat(uri)).size;
}

async function bytesOf(uri: vscode.Uri): Promise<Uint8Array> {
  return uri.scheme === "file" ? readWhole(uri.fsPath) : vscode.workspace.fs.readFile(uri);
}
