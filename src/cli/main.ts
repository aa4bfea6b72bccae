import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { applyEdits, cacheFingerprint, cachedAnalysis, cacheText, readCache, type CachedDocument, CorpusIndex, emptyAnnotationFile, fromWebAnnotations, mergeEdits, resolveReviews, toContract, toWebAnnotations, ANNOTATIONS_PATH, type CorpusSnapshot } from "../core";
import { readCorpus, type ReadCorpus } from "./readCorpus";
import { readAnnotations, writeAnnotations } from "./annotationsFile";
import { formatText } from "./format/text";
import { formatSarif } from "./format/sarif";

declare const CLAIMSCOPE_VERSION: string;
const VERSION = typeof CLAIMSCOPE_VERSION === "string" ? CLAIMSCOPE_VERSION : "dev";

const USAGE = `usage: claimscope analyze DIR [--format text|json|sarif] [--fail-on-contradiction] [--max-size BYTES] [--cache FILE] [--no-color]
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
  --no-color                 plain text output
  --version, --help

  annotations export DIR       print the annotations as a W3C Web Annotation collection (JSON-LD)
  annotations import DIR FILE  add Web Annotations from FILE to DIR/${ANNOTATIONS_PATH}`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line; returns what to print and the exit code (kept apart from process for tests). */
export function run(argv: string[], env: { isTTY?: boolean; noColor?: boolean } = {}): CliResult {
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
  let cache: string | undefined;
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
      cache = rest[++i];
      if (!cache) return fail("--cache takes the file to keep analyses in");
    } else if (a.startsWith("-")) return fail(`unknown option "${a}"\n${USAGE}`);
    else if (dir === undefined) dir = a;
    else return fail(`one folder at a time ("${dir}" and "${a}" given)`);
  }
  const abs = folder(dir);
  if (typeof abs !== "string") return fail(abs.error);

  const corpus = readCorpus(abs, maxSize ? { maxFileSize: maxSize } : {});
  for (const m of corpus.messages) err.push(`claimscope: ${m}`);
  if (!corpus.documents.length) err.push(`claimscope: no articles (.txt, .md) found in ${dir}`);
  const snap = analyze(corpus, err, cache);
  const stored = readAnnotations(abs);
  if (stored.problem) err.push(`claimscope: ${stored.problem}`);
  const reviews = stored.file ? resolveReviews(snap, stored.file) : undefined;
  for (const o of reviews?.orphans ?? []) err.push(`claimscope: ${ANNOTATIONS_PATH}: annotation ${o.annotation.id} is orphaned: ${o.reason}`);
  const stdout = format === "json" ? JSON.stringify(toContract(snap, reviews), null, 2) + "\n" : format === "sarif" ? formatSarif(snap, abs, VERSION, reviews) : formatText(snap, color, reviews);
  const open = reviews ? reviews.open(snap.contradictions) : snap.contradictions;
  const code = failOn && open.length ? 1 : 0;
  return { code, stdout, stderr: err.length ? err.join("\n") + "\n" : "" };
}

function folder(dir: string | undefined): string | { error: string } {
  if (!dir) return { error: `a folder is needed\n${USAGE}` };
  const abs = resolve(dir);
  if (!existsSync(abs)) return { error: `folder not found: ${dir}` };
  if (!statSync(abs).isDirectory()) return { error: `not a folder: ${dir}` };
  return abs;
}

function analyze(corpus: ReadCorpus, err: string[], cacheFile?: string): CorpusSnapshot {
  const s = corpus.settings;
  const index = new CorpusIndex({ orgAliases: s.orgAliases, extraTerms: s.extraTerms, tolerance: s.tolerance, order: s.order, published: s.published });
  const cache = cacheFile ? readCacheFile(cacheFile, cacheFingerprint(index.analyzer.options), err) : new Map<string, CachedDocument>();
  let fresh = 0;
  for (const d of corpus.documents) {
    const cached = cachedAnalysis(d.path, d.text, cache.get(d.path));
    const a = cached ? index.restore(cached) : index.set(d);
    if (!cached) fresh++;
    for (const p of a.problems) err.push(`claimscope: ${p.path}: ${p.message}`);
  }
  if (cacheFile && (fresh || cache.size !== corpus.documents.length)) {
    try {
      writeFileSync(cacheFile, [...cacheText(corpus.documents.map((d) => index.get(d.path)!), cacheFingerprint(index.analyzer.options))].join(""));
    } catch (e) {
      err.push(`claimscope: ${cacheFile}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); analyses not kept`);
    }
  }
  return index.result();
}

/** The cache's entries; a missing file is an empty cache, an unreadable one is said and ignored. */
function readCacheFile(file: string, fingerprint: string, err: string[]): Map<string, CachedDocument> {
  if (!existsSync(file)) return new Map();
  try {
    return readCache(JSON.parse(readFileSync(file, "utf8")), fingerprint);
  } catch (e) {
    err.push(`claimscope: ${file}: not a readable cache (${(e as Error).message}); every article analysed afresh`);
    return new Map();
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
  const merge = mergeEdits(current, got.annotations);
  if (merge.edits.length) writeAnnotations(abs, applyEdits(current, merge.edits));
  const summary = `imported ${merge.added} new, ${merge.updated} updated, ${merge.unchanged} already present, ${got.skipped.length} skipped`;
  return { code: 0, stdout: `${summary}\n`, stderr: got.skipped.map((s) => `claimscope: skipped ${s}\n`).join("") };
}
