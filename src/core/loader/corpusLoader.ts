import { AnalysisCache, cachedAnalysis, cacheFingerprint, cacheText, readCache } from "../analysisCache";
import type { AnalysisOptions } from "../analyzer";
import { CachedCorpus, corpusLines, type FoundDocument } from "../cachedCorpus";
import { CorpusIndex, type CorpusSnapshot } from "../corpus";
import { corpusFilter } from "../corpusFiles";
import type { Settings } from "../settings";
import { decodeArticle, tooLarge } from "../text/decode";
import type { DocumentAnalysis, DocumentInput } from "../types";
import { SKIPPING, type ArticleSource, type Notice, type NoticeReason } from "./source";
import { all, attempt, runSync, SLICE_MS, type Steps } from "./steps";

/** Analysis on other threads (src/node/analysisPool.ts), the same analysis as on this one. */
export interface AnalysisThreads {
  readonly threads: number;
  readonly failure: Error | undefined;
  analyze(input: DocumentInput): Promise<DocumentAnalysis>;
  close(): Promise<void>;
}

export interface LoaderOptions {
  /** How a notice names the size limit (the CLI's flag, the editor's setting). */
  sizeLimit: string;
  /** Threads for `todo` articles to be analysed on, or none (this thread); the loader closes them when done. */
  threads?: (todo: number, options: Required<AnalysisOptions>) => AnalysisThreads | undefined;
}

export interface LoadOptions {
  /** The cache file's bytes; none: every article is analysed. */
  cache?: Uint8Array;
  /**
   * When every article is the one cached: stop at the cache's corpus (a report needs nothing more) rather
   * than show it and fill the index behind it (an editor, where edits will come).
   */
  stopWhenCached?: boolean;
}

export interface Loaded {
  /** The cache's corpus, when every article was the one cached (then the cache needs no writing). */
  cached: CorpusSnapshot | undefined;
  articles: number;
  /** Articles whose analysis came from the cache. */
  fromCache: number;
  /** Why the cache could not be used, when it was unreadable. */
  cacheProblem?: string;
  /** Why the threads stopped, when they did (the rest was analysed on this thread). */
  threadsFailed?: string;
  /** Milliseconds from the start of the load: files read, analyses done, cache's corpus shown (0: not shown), index regrouped. */
  ms: { read: number; articles: number; shown: number; regrouped: number };
}

/** A change to apply: a file created or changed (read again), or deleted. */
export interface Change {
  path: string;
  deleted?: boolean;
}

/** Files at once in a read: enough to keep a disk or a remote file system busy, few enough to yield often. */
const READ_BATCH = 64;
/** Files of a listing handled between pauses: matched against the settings' patterns here, taken in by a source that lists them in one answer (the editor's workspace). */
export const LIST_PIECE = 2000;
/** Results taken from each thread at once between yields. */
const PER_THREAD = 25;

const now = () => globalThis.performance.now();

/**
 * A corpus read from an ArticleSource into a CorpusIndex, once for the CLI and the editor: which files are
 * articles (the settings' patterns), reading and decoding them (notices for those skipped or read with a
 * problem), reuse of the analyses a cache kept (the cache's whole corpus when nothing changed), analysis on
 * threads when given, and the cache's new text. Its work is steps (see steps.ts), run at once or a slice at a time.
 */
export class CorpusLoader {
  readonly index: CorpusIndex;
  /** What the cache's analyses depend on besides the texts (the options and the build). */
  readonly fingerprint: string;
  readonly accept: (path: string) => boolean;
  /** Notices about the files themselves, by path (the analyses hold their own problems). */
  private readonly files = new Map<string, Notice>();

  constructor(private readonly source: ArticleSource, readonly settings: Settings, private readonly options: LoaderOptions) {
    const s = settings;
    this.index = new CorpusIndex({ orgAliases: s.orgAliases, extraTerms: s.extraTerms, tolerance: s.tolerance, order: s.order, published: s.published });
    this.fingerprint = cacheFingerprint(this.index.analyzer.options);
    this.accept = corpusFilter(s.include, s.exclude);
  }

  /** Reads every article of the source, reusing what `options.cache` kept. */
  *load(options: LoadOptions = {}): Steps<Loaded> {
    const t0 = now();
    const ms = () => Math.round(now() - t0);
    const [listed] = yield* all([this.source.list()]);
    // The settings' patterns are matched with a pause now and then: at ten thousand files, in one piece, they held the host up.
    const paths: string[] = [];
    for (let i = 0; i < listed!.length; i++) {
      if (i && i % LIST_PIECE === 0) yield { pause: { phase: "reading", done: 0, total: listed!.length } };
      if (this.accept(listed![i]!)) paths.push(listed![i]!);
    }
    paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.files.clear();
    const { cache, problem } = this.readCache(options.cache);
    const found = yield* this.read(paths, cache);
    const out: Loaded = { cached: undefined, articles: found.length, fromCache: 0, ms: { read: ms(), articles: 0, shown: 0, regrouped: 0 } };
    if (problem) out.cacheProblem = problem;
    const unchanged: FoundDocument[] = [], todo: FoundDocument[] = [];
    for (const d of found) (d.hash && cache.get(d.path)?.[0] === d.hash ? unchanged : todo).push(d);
    out.fromCache = unchanged.length;
    // Nothing changed: the corpus as the cache kept it, its topics read a part at a time.
    const whole = !todo.length && unchanged.length ? CachedCorpus.open(cache, unchanged, this.index.override, (d) => this.index.analyzer.analyzeDocument(d)) : undefined;
    if (whole) {
      // Opening it, reading its parts and making the snapshot are slices of their own.
      const reading = { pause: { phase: "reading", done: found.length, total: found.length } } as const;
      do yield reading; while (!whole.readSome(now() + SLICE_MS));
      yield reading;
      out.cached = whole.snapshot();
    }
    if (out.cached) {
      out.ms.shown = ms();
      if (options.stopWhenCached) return out;
      yield { shown: out.cached };
    }
    const failed = yield* this.analyse(todo);
    if (failed) out.threadsFailed = failed;
    let done = todo.length;
    for (const d of unchanged) {
      const a = out.cached?.documentAt.get(d.path)?.analysis ?? cachedAnalysis(d.path, d.text, d.hash, cache.get(d.path));
      if (a) this.index.restore(a);
      else { this.index.set(d); out.fromCache--; }
      yield { pause: { phase: "analysing", done: ++done, total: found.length } };
    }
    out.ms.articles = ms();
    yield* this.regroup();
    out.ms.regrouped = ms();
    return out;
  }

  /** Applies changes (files read again, or gone); says whether the corpus or its notices changed. */
  *apply(changes: Change[]): Steps<boolean> {
    const before = { version: this.index.version, notices: JSON.stringify([...this.files.values()]) };
    for (const c of changes) if (c.deleted) { this.index.delete(c.path); this.files.delete(c.path); }
    const read = changes.filter((c) => !c.deleted && this.accept(c.path)).map((c) => c.path);
    const found = yield* this.read(read, undefined);
    const kept = new Set(found.map((d) => d.path));
    for (const p of read) if (!kept.has(p)) this.index.delete(p);
    let done = 0;
    for (const d of found) {
      this.index.set(d);
      yield { pause: { phase: "analysing", done: ++done, total: found.length } };
    }
    yield* this.regroup();
    return this.index.version !== before.version || JSON.stringify([...this.files.values()]) !== before.notices;
  }

  /** An article's analysis for this text, put in the index (an open document as it reads now). */
  analyseText(path: string, text: string): DocumentAnalysis {
    return this.index.set({ path, text });
  }

  /** What to tell the user about the files: those skipped, those read with a problem (the analyses' front matter problems included), by path. */
  notices(snapshot: CorpusSnapshot = this.index.result()): Notice[] {
    const out = [...this.files.values()];
    for (const d of snapshot.documents) for (const p of d.analysis.problems) out.push({ path: p.path, reason: "front-matter", message: p.message });
    return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
  }

  /** The files left out of the corpus, with why. */
  skipped(): Map<string, string> {
    const out = new Map<string, string>();
    for (const n of this.files.values()) if (SKIPPING.has(n.reason)) out.set(n.path, n.message);
    return out;
  }

  /** The cache file's text for the index as it is now, in pieces (the caller may yield between them). */
  cachePieces(): Generator<string> {
    return runSync(this.cacheSteps());
  }

  /**
   * cachePieces as steps: the corpus section is encoded a line at a time (at 10,000 articles, all of it at
   * once held the editor's thread longer than any other step of keeping the cache), then the pieces are
   * made as they are written. The analyses and the corpus are the index's when the steps start.
   */
  *cacheSteps(): Steps<Generator<string>> {
    const docs = this.index.paths().sort().map((p) => this.index.get(p)!);
    const corpus: string[] = [];
    for (const line of corpusLines(this.index)) {
      corpus.push(line);
      yield { pause: { phase: "caching", done: corpus.length, total: 0 } };
    }
    return cacheText(docs, this.fingerprint, (t) => this.source.hash(t), corpus);
  }

  private readCache(bytes: Uint8Array | undefined): { cache: AnalysisCache; problem?: string } {
    if (!bytes?.length) return { cache: new AnalysisCache() };
    try {
      return { cache: readCache(bytes, this.fingerprint) };
    } catch (e) {
      return { cache: new AnalysisCache(), problem: `not a readable cache (${e instanceof Error ? e.message : String(e)}); every article analysed afresh` };
    }
  }

  /** Reads and decodes these files, noting those skipped or read with a problem; each text hashed when the cache has an entry for it. */
  private *read(paths: string[], cache: AnalysisCache | undefined): Steps<FoundDocument[]> {
    const max = this.settings.maxFileSize;
    const out: FoundDocument[] = [];
    const note = (path: string, reason: NoticeReason, message: string) => this.files.set(path, { path, reason, message });
    for (let i = 0; i < paths.length; i += READ_BATCH) {
      const batch = paths.slice(i, i + READ_BATCH);
      for (const p of batch) this.files.delete(p);
      const sizes = yield* all(batch.map((p) => attempt(() => this.source.stat(p))));
      const small = batch.filter((p, j) => {
        const s = sizes[j]!;
        if (!s.ok) note(p, "unreadable", unreadable(s.error));
        else if (s.value.size > max) note(p, "too-large", tooLarge(s.value.size, max, this.options.sizeLimit));
        else return true;
        return false;
      });
      const got = yield* all(small.map((p) => attempt(() => this.source.read(p))));
      small.forEach((path, j) => {
        const r = got[j]!;
        if (!r.ok) return note(path, "unreadable", unreadable(r.error));
        let text: string;
        if (typeof r.value === "string") text = r.value;
        else {
          const decoded = decodeArticle(r.value, max);
          if (!decoded.ok) return note(path, decoded.kind, decoded.kind === "too-large" ? tooLarge(r.value.length, max, this.options.sizeLimit) : decoded.reason);
          if (decoded.warnings.length) note(path, "not-utf8", decoded.warnings.join("; "));
          text = decoded.text;
        }
        if (!text.trim()) note(path, "empty", "empty file; listed, with nothing to read");
        out.push({ path, text, hash: cache?.has(path) ? this.source.hash(text) : "" });
      });
      yield { pause: { phase: "reading", done: Math.min(i + READ_BATCH, paths.length), total: paths.length } };
    }
    return out;
  }

  /** Analyses these articles into the index, on threads when given them; says why the threads failed, if they did. */
  private *analyse(todo: DocumentInput[]): Steps<string | undefined> {
    const threads = todo.length ? this.options.threads?.(todo.length, this.index.analyzer.options) : undefined;
    let failed: string | undefined;
    try {
      // Every article is queued on the threads at once, so they stay busy while this thread takes their
      // results a batch at a time (closing them drops what is left when the work is stopped).
      const queued = threads ? todo.map((d) => attempt(() => threads.analyze(d))) : [];
      const step = threads ? threads.threads * PER_THREAD : 1;
      for (let i = 0; i < todo.length; i += step) {
        const batch = todo.slice(i, i + step);
        const made = threads ? yield* all(queued.slice(i, i + step)) : [];
        // A pause after each article: taking a batch of long articles into the index is longer than a slice.
        for (let j = 0; j < batch.length; j++) {
          const m = made[j];
          if (m?.ok) this.index.restore(m.value);
          else {
            // The threads failed (said once, below): analysed here instead.
            if (m && !failed) failed = m.error.message;
            this.index.set(batch[j]!);
          }
          yield { pause: { phase: "analysing", done: i + j + 1, total: todo.length } };
        }
      }
    } finally {
      void threads?.close();
    }
    return failed;
  }

  private *regroup(): Steps<void> {
    while (!this.index.regroupSome(now() + SLICE_MS)) yield { pause: { phase: "grouping", done: 0, total: 0 } };
  }
}

function unreadable(e: Error): string {
  return `cannot be read (${(e as { code?: string }).code ?? e.message}); skipped`;
}
