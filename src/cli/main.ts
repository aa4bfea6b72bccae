import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { applyEdits, AnalysisCache, cacheFingerprint, cachedAnalysis, cachedSnapshot, cacheText, encodeCorpus, readCache, type DocumentAnalysis, type FoundDocument, CorpusIndex, emptyAnnotationFile, fromWebAnnotations, mergeEdits, resolveReviews, contractJsonText, toWebAnnotations, ANNOTATIONS_PATH, type CorpusSnapshot } from "../core";
import { readCorpus, type ReadCorpus } from "./readCorpus";
import { readAnnotations } from "./annotationsFile";
import { ANNOTATION_LOCK, updateAnnotationFileSync } from "../node/annotationWriter";
import { textReport } from "./format/text";
import { formatSarif } from "./format/sarif";
import { AnalysisPool, defaultThreads, POOL_THRESHOLD } from "../node/analysisPool";
import { textHash } from "../node/textHash";

declare const CLAIMSCOPE_VERSION: string;
const VERSION = typeof CLAIMSCOPE_VERSION === "string" ? CLAIMSCOPE_VERSION : "dev";

const USAGE = `usage: claimscope analyze DIR [--format text|json|sarif] [--fail-on-contradiction] [--max-size BYTES] [--cache FILE] [--jobs N] [--no-color]
       claimscope annotations export DIR
       claimscope annotations import DIR FILE

Reads the .txt and .md articles under DIR and reports their facts, claims, topics and the
statements that later articles contradict. Settings may be given in DIR/.claimscope.json;
reviews (superseded, conflict, dismissed, verified, disputed, notes) are read from
DIR/${ANNOTATIONS_PATH}.

  --format text|json|sarif   output (default text); json follows the claimscope/analysis@1 contract
  --fail-on-contradiction    exit 1 when a contradiction no reviewer has judged is found
  --max-size BYTES           skip files larger than this (default 5 MB)
  --cache FILE               reuse the analyses kept in FILE for unchanged articles, and update it
  --jobs N                   analyse on N threads (default: one per core, up to 8, on 4 cores or more;
                             corpora under 500 articles use one)
  --no-color                 plain text output
  --version, --help

  annotations export DIR       print the annotations as a W3C Web Annotation collection (JSON-LD)
  annotations import DIR FILE  add Web Annotations from FILE to DIR/${ANNOTATIONS_PATH}`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Output too large to hold as one string (the JSON contract of a large corpus): written after stdout, piece by piece. */
  pieces?: Iterable<string>;
  /** Set when worker threads analysed the corpus: the documents each one answered for. */
  threads?: number[];
}

type Env = { isTTY?: boolean; noColor?: boolean };

/** What `analyze` was asked to do, once the arguments are understood and the corpus is read. */
interface Plan {
  abs: string;
  corpus: ReadCorpus;
  format: string;
  failOn: boolean;
  color: boolean;
  cacheFile?: string;
  /** 0: as many as the machine has (the threaded entry point only). */
  jobs: number;
  err: string[];
}

/**
 * Runs the command line on this thread; returns what to print and the exit code (kept apart from
 * process for tests).
 */
export function run(argv: string[], env: Env = {}): CliResult {
  const p = plan(argv, env);
  if ("code" in p) return p;
  const idx = index(p);
  const cache = readCacheFile(p, idx);
  const found = hashed(p, cache);
  const { pieces, ...result } = report(p, fromCache(p, idx, cache, found) ?? analyze(p, idx, reusable(cache, found)));
  return pieces ? { ...result, stdout: result.stdout + [...pieces].join("") } : result;
}

/**
 * The command line as `claimscope` runs it: like run, but a large corpus is analysed on worker threads
 * (`--jobs`; by default one per core on a machine with four or more), with the same result.
 */
export async function runThreaded(argv: string[], env: Env = {}): Promise<CliResult> {
  const p = plan(argv, env);
  if ("code" in p) return p;
  const idx = index(p);
  const cache = readCacheFile(p, idx);
  const found = hashed(p, cache);
  const shown = fromCache(p, idx, cache, found);
  if (shown) return report(p, shown);
  const cached = reusable(cache, found);
  const todo = p.corpus.documents.filter((d) => !cached.has(d.path));
  // By default only where there are cores to spare: on two, the threads' start-up and the decoding eat the gain.
  const threads = p.jobs || (defaultThreads() >= 4 ? defaultThreads() : 1);
  if (threads < 2 || todo.length < POOL_THRESHOLD) return report(p, analyze(p, idx, cached));
  const pool = new AnalysisPool(idx.analyzer.options, Math.min(threads, Math.ceil(todo.length / 50)));
  let made: Map<string, DocumentAnalysis> | undefined;
  try {
    made = new Map((await Promise.all(todo.map((d) => pool.analyze(d)))).map((a) => [a.path, a]));
  } catch (e) {
    p.err.push(`claimscope: analysis threads failed (${e instanceof Error ? e.message : String(e)}); analysing on one thread`);
  } finally {
    await pool.close();
  }
  return { ...report(p, analyze(p, idx, cached, made)), ...(made ? { threads: [...pool.answered] } : {}) };
}

function plan(argv: string[], env: Env): Plan | CliResult {
  const err: string[] = [];
  const fail = (msg: string, code = 2): CliResult => ({ code, stdout: "", stderr: `claimscope: ${msg}\n` });
  if (argv.includes("--help") || argv.includes("-h")) return { code: 0, stdout: `${USAGE}\n`, stderr: "" };
  if (argv.includes("--version")) return { code: 0, stdout: `${VERSION}\n`, stderr: "" };
  const [cmd, ...rest] = argv;
  if (cmd === "annotations") return annotations(rest, fail);
  if (cmd !== "analyze") return fail(cmd ? `unknown command "${cmd}"\n${USAGE}` : USAGE);
  let dir: string | undefined;
  let format = "text";
  let failOn = false;
  let color = !!env.isTTY && !env.noColor;
  let maxSize: number | undefined;
  let cacheFile: string | undefined;
  let jobs = 0;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === "--format" || a.startsWith("--format=")) {
      format = a.includes("=") ? a.split("=")[1]! : (rest[++i] ?? "");
      if (!["text", "json", "sarif"].includes(format)) return fail(`--format takes text, json or sarif, not "${format}"`);
    } else if (a === "--fail-on-contradiction") failOn = true;
    else if (a === "--no-color") color = false;
    else if (a === "--max-size") {
      maxSize = Number(rest[++i]);
      if (!Number.isFinite(maxSize) || maxSize <= 0) return fail("--max-size takes a positive number of bytes");
    } else if (a === "--cache") {
      cacheFile = rest[++i];
      if (!cacheFile) return fail("--cache takes the file to keep analyses in");
    } else if (a === "--jobs") {
      jobs = Number(rest[++i]);
      if (!Number.isInteger(jobs) || jobs < 1) return fail("--jobs takes a whole number of threads, 1 or more");
    } else if (a.startsWith("-")) return fail(`unknown option "${a}"\n${USAGE}`);
    else if (dir === undefined) dir = a;
    else return fail(`one folder at a time ("${dir}" and "${a}" given)`);
  }
  const abs = folder(dir);
  if (typeof abs !== "string") return fail(abs.error);
  const corpus = readCorpus(abs, maxSize ? { maxFileSize: maxSize } : {});
  for (const m of corpus.messages) err.push(`claimscope: ${m}`);
  if (!corpus.documents.length) err.push(`claimscope: no articles (.txt, .md) found in ${dir}`);
  return { abs, corpus, format, failOn, color, cacheFile, jobs, err };
}

function report(p: Plan, snap: CorpusSnapshot): CliResult {
  const { err, abs, format } = p;
  const stored = readAnnotations(abs);
  if (stored.problem) err.push(`claimscope: ${stored.problem}`);
  const reviews = stored.file ? resolveReviews(snap, stored.file) : undefined;
  for (const o of reviews?.orphans ?? []) err.push(`claimscope: ${ANNOTATIONS_PATH}: annotation ${o.annotation.id} is orphaned: ${o.reason}`);
  const open = reviews ? reviews.open(snap.contradictions) : snap.contradictions;
  const code = p.failOn && open.length ? 1 : 0;
  const stderr = err.length ? err.join("\n") + "\n" : "";
  if (format === "sarif") return { code, stdout: formatSarif(snap, abs, VERSION, p.corpus.settings.flagSeverity, reviews), stderr };
  return { code, stdout: "", stderr, pieces: format === "json" ? contractJsonText(snap, reviews) : textReport(snap, p.color, reviews) };
}

function folder(dir: string | undefined): string | { error: string } {
  if (!dir) return { error: `a folder is needed\n${USAGE}` };
  const abs = resolve(dir);
  if (!existsSync(abs)) return { error: `folder not found: ${dir}` };
  if (!statSync(abs).isDirectory()) return { error: `not a folder: ${dir}` };
  return abs;
}

function index(p: Plan): CorpusIndex {
  const s = p.corpus.settings;
  return new CorpusIndex({ orgAliases: s.orgAliases, extraTerms: s.extraTerms, tolerance: s.tolerance, order: s.order, published: s.published });
}

/**
 * The corpus as the cache kept it, when every article is the one cached and nothing else is there (its
 * analyses decoded as the report reads them); otherwise undefined.
 */
function fromCache(p: Plan, idx: CorpusIndex, cache: AnalysisCache, found: FoundDocument[]): CorpusSnapshot | undefined {
  const snap = cachedSnapshot(cache, found, idx.override, (d) => idx.analyzer.analyzeDocument(d));
  if (!snap) return undefined;
  for (const d of p.corpus.documents) tellProblems(p, snap.documentAt.get(d.path)!.analysis);
  return snap;
}

/**
 * The corpus's topics and contradictions. Each article's analysis comes from the cache when its text is
 * the one cached, else from `made` (analysed on threads), else is made here; the cache is brought up to date.
 */
function analyze(p: Plan, idx: CorpusIndex, cached: Map<string, DocumentAnalysis>, made?: Map<string, DocumentAnalysis>): CorpusSnapshot {
  const docs = p.corpus.documents;
  for (const d of docs) {
    const ready = cached.get(d.path) ?? made?.get(d.path);
    tellProblems(p, ready ? idx.restore(ready) : idx.set(d));
  }
  // Written whenever the corpus was analysed here: had nothing changed, the cached corpus would have been used.
  if (p.cacheFile) {
    try {
      // Written piece by piece, as the editor writes it: joined, a large corpus's cache is a second copy in memory.
      const fd = openSync(p.cacheFile, "w");
      try {
        for (const piece of cacheText(docs.map((d) => idx.get(d.path)!), cacheFingerprint(idx.analyzer.options), textHash, encodeCorpus(idx))) writeFileSync(fd, piece);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      p.err.push(`claimscope: ${p.cacheFile}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); analyses not kept`);
    }
  }
  return idx.result();
}

function tellProblems(p: Plan, a: DocumentAnalysis): void {
  for (const pr of a.problems) p.err.push(`claimscope: ${pr.path}: ${pr.message}`);
}

/** The articles with their texts' hashes, when there is a cache to look them up in. */
function hashed(p: Plan, cache: AnalysisCache): FoundDocument[] {
  return cache.size ? p.corpus.documents.map((d) => ({ ...d, hash: textHash(d.text) })) : [];
}

/** The articles whose analysis the cache holds for their current text, decoded once. */
function reusable(cache: AnalysisCache, found: FoundDocument[]): Map<string, DocumentAnalysis> {
  const out = new Map<string, DocumentAnalysis>();
  for (const d of found) {
    const a = cachedAnalysis(d.path, d.text, d.hash, cache.get(d.path));
    if (a) out.set(d.path, a);
  }
  return out;
}

/** The cache; empty without --cache or when the file is missing; an unreadable file is said and ignored. */
function readCacheFile(p: Plan, idx: CorpusIndex): AnalysisCache {
  if (!p.cacheFile || !existsSync(p.cacheFile)) return new AnalysisCache();
  try {
    return readCache(readFileSync(p.cacheFile), cacheFingerprint(idx.analyzer.options));
  } catch (e) {
    p.err.push(`claimscope: ${p.cacheFile}: not a readable cache (${(e as Error).message}); every article analysed afresh`);
    return new AnalysisCache();
  }
}

/** `annotations export DIR` and `annotations import DIR FILE`: the W3C Web Annotation exchange format. */
function annotations(args: string[], fail: (msg: string, code?: number) => CliResult): CliResult {
  const [sub, dir, file, ...extra] = args;
  if (extra.length || (sub !== "export" && sub !== "import")) return fail(`annotations takes "export DIR" or "import DIR FILE"\n${USAGE}`);
  const abs = folder(dir);
  if (typeof abs !== "string") return fail(abs.error);
  const base = pathToFileURL(abs).href.replace(/\/?$/, "/");
  const stored = readAnnotations(abs);
  if (stored.problem) return fail(stored.problem);
  const current = stored.file ?? emptyAnnotationFile();
  if (sub === "export") {
    if (file) return fail("annotations export takes one folder");
    return { code: 0, stdout: JSON.stringify(toWebAnnotations(current, base), null, 2) + "\n", stderr: "" };
  }
  if (!file) return fail("annotations import needs the file to read");
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    return fail(`${file}: ${(e as NodeJS.ErrnoException).code === "ENOENT" ? "not found" : `not valid JSON (${(e as Error).message})`}`);
  }
  const corpus = readCorpus(abs);
  const got = fromWebAnnotations(json, { base, paths: corpus.documents.map((d) => d.path), newId: randomUUID, now: new Date().toISOString() });
  // Merged with the file as it is once the lock is held: another writer may have changed it since it was read above.
  let merge = mergeEdits(current, []);
  const written = updateAnnotationFileSync(abs, (now) => {
    merge = mergeEdits(now, got.annotations);
    return merge.edits.length ? applyEdits(now, merge.edits) : undefined;
  }, ANNOTATION_LOCK);
  if (!written.ok) return fail(`${ANNOTATIONS_PATH}: ${written.error}; nothing imported (the file is left as it is)`);
  const summary = `imported ${merge.added} new, ${merge.updated} updated, ${merge.unchanged} already present, ${got.skipped.length} skipped`;
  return { code: 0, stdout: `${summary}\n`, stderr: got.skipped.map((s) => `claimscope: skipped ${s}\n`).join("") };
}
