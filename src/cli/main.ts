import { closeSync, existsSync, openSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  applyEdits, CONFIG_FILE, contractJsonText, corpusFilter, CorpusLoader, emptyAnnotationFile, fromWebAnnotations, mergeEdits, parseConfigFile, progressText, readSettings, resolveReviews, runSteps, runSync,
  toWebAnnotations, ANNOTATIONS_PATH, type CorpusSnapshot, type Loaded, type LoaderOptions, type Notice, type Settings,
} from "../core";
import { FolderSource } from "../node/folderSource";
import { readAnnotations } from "./annotationsFile";
import { ANNOTATION_LOCK, updateAnnotationFileSync } from "../node/annotationWriter";
import { textReport } from "./format/text";
import { formatSarif } from "./format/sarif";
import { analysisThreads, type AnalysisPool } from "../node/analysisPool";

declare const CLAIMSCOPE_VERSION: string;
const VERSION = typeof CLAIMSCOPE_VERSION === "string" ? CLAIMSCOPE_VERSION : "dev";

const USAGE = `usage: claimscope analyze DIR [--format text|json|sarif] [--pretty] [--fail-on-contradiction] [--max-size BYTES] [--cache FILE] [--jobs N] [--no-color]
       claimscope annotations export DIR
       claimscope annotations import DIR FILE

Reads the .txt and .md articles under DIR and reports their facts, claims, topics and the
statements that later articles contradict. Settings may be given in DIR/.claimscope.json;
reviews (superseded, conflict, dismissed, verified, disputed, notes) are read from
DIR/${ANNOTATIONS_PATH}.

  --format text|json|sarif   output (default text); json follows the claimscope/analysis@1 contract
  --pretty                   json and sarif indented for people to read (default: compact)
  --fail-on-contradiction    exit 1 when a contradiction no reviewer has judged is found
  --max-size BYTES           skip files larger than this (default 5 MB)
  --cache FILE               reuse the analyses kept in FILE for unchanged articles, and update it
  --jobs N                   analyse on N threads (default: one per core, up to 8, for
                             5,000 articles or more; with --jobs, from 500 articles)
  --no-color                 plain text output
  --version, --help

  annotations export DIR       print the annotations as a W3C Web Annotation collection (JSON-LD)
  annotations import DIR FILE  add Web Annotations from FILE to DIR/${ANNOTATIONS_PATH}`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Output too large to hold as one string (a large corpus's report): written after stdout, piece by piece. */
  pieces?: Iterable<string>;
  /** Set when worker threads analysed the corpus: the documents each one answered for. */
  threads?: number[];
}

type Env = {
  isTTY?: boolean;
  noColor?: boolean;
  /** Told how the analysis is getting on, as it goes (the threaded entry point only: the one a person waits for). */
  progress?: (text: string) => void;
};

/** What `analyze` was asked to do, once the arguments are understood and the settings read. */
interface Plan {
  abs: string;
  source: FolderSource;
  settings: Settings;
  format: string;
  pretty: boolean;
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
  const loader = corpusLoader(p);
  const { pieces, ...result } = finish(p, loader, runSync(loader.load({ cache: cacheBytes(p), stopWhenCached: true })));
  return pieces ? { ...result, stdout: result.stdout + [...pieces].join("") } : result;
}

/**
 * The command line as `claimscope` runs it: like run, but a large corpus is analysed on worker threads
 * (`--jobs`; by default one per core), with the same result.
 */
export async function runThreaded(argv: string[], env: Env = {}): Promise<CliResult> {
  const p = plan(argv, env);
  if ("code" in p) return p;
  const make = analysisThreads({ jobs: p.jobs });
  let pool: AnalysisPool | undefined;
  const loader = corpusLoader(p, (todo, options) => (pool = make(todo, options)));
  const { progress } = env;
  const loaded = await runSteps(loader.load({ cache: cacheBytes(p), stopWhenCached: true }), {
    go: () => true,
    yieldToHost: () => Promise.resolve(),
    progress: progress && ((step) => progress(progressText(step))),
  });
  const result = finish(p, loader, loaded!.value);
  const threads: number[] | undefined = pool?.answered;
  return threads && !loaded!.value.threadsFailed ? { ...result, threads: [...threads] } : result;
}

function corpusLoader(p: Plan, threads?: LoaderOptions["threads"]): CorpusLoader {
  return new CorpusLoader(p.source, p.settings, { sizeLimit: "--max-size", threads });
}

/** The report of a loaded corpus, the cache brought up to date. */
function finish(p: Plan, loader: CorpusLoader, loaded: Loaded): CliResult {
  for (const m of p.source.problems) p.err.push(`claimscope: ${m}`);
  if (loaded.cacheProblem) p.err.push(`claimscope: ${p.cacheFile}: ${loaded.cacheProblem}`);
  if (loaded.threadsFailed) p.err.push(`claimscope: analysis threads failed (${loaded.threadsFailed}); analysing on one thread`);
  if (!loaded.articles) p.err.push(`claimscope: no articles (.txt, .md) found in ${p.abs}`);
  // Written whenever the corpus was analysed here: had nothing changed, the cache's corpus would have been used.
  if (p.cacheFile && !loaded.cached) {
    try {
      // Written piece by piece, as the editor writes it: joined, a large corpus's cache is a second copy in memory.
      const fd = openSync(p.cacheFile, "w");
      try {
        for (const piece of loader.cachePieces()) writeFileSync(fd, piece);
      } finally {
        closeSync(fd);
      }
    } catch (e) {
      p.err.push(`claimscope: ${p.cacheFile}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); analyses not kept`);
    }
  }
  const snap = loaded.cached ?? loader.index.result();
  return report(p, snap, loader.notices(snap));
}

/** The cache file's bytes; none without --cache or when the file is missing. */
function cacheBytes(p: Plan): Uint8Array | undefined {
  return p.cacheFile && existsSync(p.cacheFile) ? readFileSync(p.cacheFile) : undefined;
}

/** The settings of the corpus under `source`: its config file's, with the command line's overrides. */
function corpusSettings(source: FolderSource, err: string[], overrides: Partial<Settings> = {}): Settings {
  const problems: string[] = [];
  const bytes = source.readIfThere(CONFIG_FILE);
  const read = readSettings(bytes && parseConfigFile(bytes, problems), CONFIG_FILE);
  for (const m of [...problems, ...read.problems]) err.push(`claimscope: ${m}`);
  return { ...read.settings, ...overrides };
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
  let pretty = false;
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
    else if (a === "--pretty") pretty = true;
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
  const source = new FolderSource(abs);
  const settings = corpusSettings(source, err, maxSize ? { maxFileSize: maxSize } : {});
  return { abs, source, settings, format, pretty, failOn, color, cacheFile, jobs, err };
}

function report(p: Plan, snap: CorpusSnapshot, notices: Notice[]): CliResult {
  const { err, abs, format } = p;
  // The text report ends with the notices; the JSON and SARIF carry them, and they are said on stderr too.
  if (format !== "text") for (const n of notices) err.push(`claimscope: ${n.path}: ${n.message}`);
  const stored = readAnnotations(abs);
  if (stored.problem) err.push(`claimscope: ${stored.problem}`);
  const reviews = stored.file ? resolveReviews(snap, stored.file) : undefined;
  for (const o of reviews?.orphans ?? []) err.push(`claimscope: ${ANNOTATIONS_PATH}: annotation ${o.annotation.id} is orphaned: ${o.reason}`);
  const open = reviews ? reviews.open(snap.contradictions) : snap.contradictions;
  const code = p.failOn && open.length ? 1 : 0;
  const stderr = err.length ? err.join("\n") + "\n" : "";
  const pieces = format === "sarif" ? formatSarif(snap, abs, VERSION, p.settings.flagSeverity, reviews, notices, p.pretty) : format === "json" ? contractJsonText(snap, reviews, notices, p.pretty) : textReport(snap, p.color, reviews, notices);
  return { code, stdout: "", stderr, pieces };
}

function folder(dir: string | undefined): string | { error: string } {
  if (!dir) return { error: `a folder is needed\n${USAGE}` };
  const abs = resolve(dir);
  if (!existsSync(abs)) return { error: `folder not found: ${dir}` };
  if (!statSync(abs).isDirectory()) return { error: `not a folder: ${dir}` };
  return abs;
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
  const source = new FolderSource(abs);
  const settings = corpusSettings(source, []);
  const accept = corpusFilter(settings.include, settings.exclude);
  const got = fromWebAnnotations(json, { base, paths: source.list().filter(accept).sort(), newId: randomUUID, now: new Date().toISOString() });
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
