import * as vscode from "vscode";
import {
  CorpusIndex, cacheFingerprint, cachedAnalysis, cacheText, corpusFilter, decodeArticle, FactLookup, readCache, tooLarge,
  type CachedDocument, type Claim, type CorpusSnapshot, type DocumentAnalysis, type Settings,
} from "../core";
import { readConfigFile, readWorkspaceSettings, CONFIG_FILE } from "./settings";

/** Files read per slice of the first index before yielding, so that the extension host never blocks. */
const BATCH = 25;

/**
 * The workspace's corpus: which files are articles, their analyses (kept current as files and editors
 * change), and the snapshot every feature reads. Files are read through `vscode.workspace.fs`.
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

  /** How the latest full index went: articles analysed, and how many of them came from the cache. */
  lastIndex = { articles: 0, fromCache: 0 };
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
    return this.index.result();
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
    return key ? this.index.get(key) : undefined;
  }

  /** The analysis of an open document as it reads now (edits not yet re-analysed are analysed here). */
  fresh(doc: vscode.TextDocument): DocumentAnalysis | undefined {
    const key = this.keyFor(doc.uri);
    if (!key) return undefined;
    const current = this.index.get(key);
    // Only articles the index knows: a deleted file still open in an editor does not come back.
    if (!current || current.text === doc.getText()) return current;
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
    try {
      const found = new Map<string, vscode.Uri>();
      for (const pattern of s.include.length ? s.include : ["**/*.txt", "**/*.md", "**/*.markdown"]) {
        for (const u of await vscode.workspace.findFiles(pattern, "**/node_modules/**")) {
          const key = this.keyFor(u);
          if (key) found.set(key, u);
        }
      }
      const files = [...found.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1));
      const fingerprint = cacheFingerprint(target.analyzer.options);
      const cache = await this.readCache(fingerprint);
      let fromCache = 0;
      await vscode.window.withProgress(
        { location: files.length > 200 ? vscode.ProgressLocation.Notification : vscode.ProgressLocation.Window, title: "Claimscope: reading articles", cancellable: true },
        async (progress, token) => {
          for (let i = 0; i < files.length; i += BATCH) {
            if (token.isCancellationRequested || gen !== this.generation) return;
            const got = await Promise.all(files.slice(i, i + BATCH).map(([key, uri]) => this.load(key, uri, target, cache)));
            fromCache += got.filter((g) => g === "cached").length;
            progress.report({ message: `${Math.min(i + BATCH, files.length)} of ${files.length}`, increment: (BATCH / Math.max(1, files.length)) * 100 });
            await new Promise((r) => setImmediate(r));
          }
        },
      );
      if (gen === this.generation) {
        this.index = target;
        for (const key of [...this.uris.keys()]) if (!found.has(key)) this.uris.delete(key);
        this.lastIndex = { articles: target.size, fromCache };
        if (fromCache !== target.size || cache.size !== target.size) this.cacheSaved = this.writeCache(target, fingerprint, gen);
      }
      this.log.appendLine(`indexed ${this.index.size} articles${fromCache ? ` (${fromCache} unchanged, from the cache)` : ""}${this.skipped.size ? `, skipped ${this.skipped.size}` : ""}`);
    } finally {
      this.setIndexing(false);
      this.fire();
    }
  }

  /** Reads and analyses one article, or takes its analysis from `cache` when the text is the one cached. */
  private async load(key: string, uri: vscode.Uri, index = this.index, cache?: Map<string, CachedDocument>): Promise<"cached" | void> {
    this.uris.set(key, uri);
    let fromCache = false;
    const put = (text: string): DocumentAnalysis => {
      const cached = cachedAnalysis(key, text, cache?.get(key));
      fromCache = !!cached;
      return cached ? index.restore(cached) : index.set({ path: key, text });
    };
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (open) {
      if (open.getText().length > this.settings.maxFileSize) return this.skip(key, uri, tooLarge(open.getText().length, this.settings.maxFileSize, "claimscope.maxFileSize"), index);
      put(open.getText());
      return fromCache ? "cached" : undefined;
    }
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > this.settings.maxFileSize) {
        return this.skip(key, uri, tooLarge(stat.size, this.settings.maxFileSize, "claimscope.maxFileSize"), index);
      }
      const decoded = decodeArticle(await vscode.workspace.fs.readFile(uri), this.settings.maxFileSize);
      if (!decoded.ok) return this.skip(key, uri, decoded.reason, index);
      for (const w of decoded.warnings) this.log.appendLine(`${key}: ${w}`);
      this.skipped.delete(key);
      const a = put(decoded.text);
      for (const p of a.problems) this.log.appendLine(`${key}: ${p.message}`);
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
  private async readCache(fingerprint: string): Promise<Map<string, CachedDocument>> {
    const uri = this.cacheUri;
    if (!uri) return new Map();
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(uri);
    } catch {
      return new Map();
    }
    try {
      return readCache(JSON.parse(new TextDecoder().decode(bytes)), fingerprint);
    } catch (e) {
      this.log.appendLine(`analysis cache unreadable (${e instanceof Error ? e.message : String(e)}); every article analysed afresh`);
      return new Map();
    }
  }

  /** Keeps the index's analyses for the next session, yielding between pieces so the host never blocks. */
  private async writeCache(index: CorpusIndex, fingerprint: string, gen: number): Promise<void> {
    const uri = this.cacheUri;
    if (!uri) return;
    const pieces: string[] = [];
    for (const piece of cacheText(index.paths().map((p) => index.get(p)!), fingerprint)) {
      pieces.push(piece);
      await new Promise((r) => setImmediate(r));
      if (gen !== this.generation) return; // a newer index will write its own
    }
    try {
      await vscode.workspace.fs.createDirectory(this.storage!);
      await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(pieces.join("")));
    } catch (e) {
      this.log.appendLine(`analysis cache not written (${e instanceof Error ? e.message : String(e)})`);
    }
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
    for (const key of this.index.paths()) {
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
    for (let i = 0; i < work.length; i += BATCH) {
      await Promise.all(work.slice(i, i + BATCH).map(async ([key, uri]) => {
        if (uri) await this.load(key, uri);
        else { this.index.delete(key); this.uris.delete(key); this.skipped.delete(key); }
      }));
      if (i + BATCH < work.length) await new Promise((r) => setImmediate(r));
    }
    this.fire();
  }

  private fire(): void {
    void vscode.commands.executeCommand("setContext", "claimscope.hasCorpus", this.index.size > 0);
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

/** The corpus config file at a workspace folder's root: a change to it re-reads the settings. */
function isConfig(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return !!folder && uri.path === vscode.Uri.joinPath(folder.uri, CONFIG_FILE).path;
}
