import type { Claim, DocumentAnalysis, Fact, FactKind } from "./types";
import type { AnalysisOptions } from "./analyzer";
import { isRecord } from "./isRecord";

/**
 * Analyses kept between sessions, so reopening a workspace re-reads its files but analyses only those that
 * changed. A document's analysis depends only on its path, its text and the analysis options, so an entry
 * is reused when the text hashes the same under the same fingerprint (options + the caller's build).
 * Entries are compact (offset arrays, no text: strings are sliced back out of the document).
 *
 * The file is a header line, then one line per document — its path (JSON), the hash of its text and its
 * analysis (JSON), separated by tabs — so that reading the cache is only splitting it: an analysis is
 * decoded and parsed when its document is found unchanged, one at a time, where one JSON.parse of the whole
 * file held the editor's thread for half a second at 10,000 articles. It is split as bytes (decoding all 33 MB
 * of a 10,000-article cache to one string took a fifth of a warm start). JSON never writes a raw newline or tab.
 * Last lines may keep the corpus's topics and contradictions (see cachedCorpus.ts).
 */
export const CACHE_FORMAT = 7;

/** [hash of the text, the analysis's JSON as UTF-8 bytes] */
export type CachedDocument = [string, Uint8Array];

/** What a cache file holds: the analyses by path, and the corpus section written with them (its lines' JSON), if any. */
export class AnalysisCache extends Map<string, CachedDocument> {
  corpus: string[] = [];
}

/** Starts each line of the corpus section; a document's line starts with its path in JSON, a quote. */
const CORPUS_LINE = "*corpus\t";
const NL = 10, TAB = 9;
const utf8 = new TextDecoder();

const FACT_KINDS: FactKind[] = ["money", "stake", "percent", "date", "duration", "term", "org"];

declare const CLAIMSCOPE_BUILD: string;
/** A hash of the analysis code, set by the build; unbuilt (tests, tsx), "dev". */
const BUILD = typeof CLAIMSCOPE_BUILD === "string" ? CLAIMSCOPE_BUILD : "dev";

/** What an analysis depends on besides the text: the options, and the code. */
export function cacheFingerprint(options: Required<AnalysisOptions>, build = BUILD): string {
  return JSON.stringify([CACHE_FORMAT, build, options.orgAliases, options.extraTerms, options.tolerance]);
}

/** A text's hash, by which its cache entry is known (src/node/textHash.ts: the core hashes nothing itself). */
export type TextHash = (text: string) => string;

/**
 * The cache file's text for these analyses, in pieces of about `per` documents, so that a caller on the
 * editor's thread can yield between them; `corpus`, the corpus section of exactly these documents
 * (encodeCorpus), goes last, so a file cut short lacks some of it (which its reader notices).
 */
export function* cacheText(docs: Iterable<DocumentAnalysis>, fingerprint: string, hash: TextHash, corpus: string[] = [], per = 200): Generator<string> {
  let piece = JSON.stringify({ format: CACHE_FORMAT, fingerprint }) + "\n";
  let n = 0;
  for (const d of docs) {
    piece += `${JSON.stringify(d.path)}\t${hash(d.text)}\t${JSON.stringify(encodeAnalysis(d))}\n`;
    if (++n % per === 0) { yield piece; piece = ""; }
  }
  yield piece;
  for (const line of corpus) yield CORPUS_LINE + line + "\n";
}

/**
 * The cache's entries if it is one of ours with this fingerprint; otherwise none (a cache is never trusted
 * blindly). Throws when the file is not a cache at all (its first line is not JSON), for the caller to say so.
 */
export function readCache(file: Uint8Array | string, fingerprint: string): AnalysisCache {
  const out = new AnalysisCache();
  const bytes = typeof file === "string" ? new TextEncoder().encode(file) : file;
  let end = lineEnd(bytes, 0);
  const header: unknown = JSON.parse(utf8.decode(bytes.subarray(0, end)));
  if (!isRecord(header) || header.format !== CACHE_FORMAT || header.fingerprint !== fingerprint) return out;
  for (let at = end; at < bytes.length; at = end) {
    at++; // past the newline
    end = lineEnd(bytes, at);
    const line = bytes.subarray(at, end);
    if (utf8.decode(line.subarray(0, CORPUS_LINE.length)) === CORPUS_LINE) { out.corpus.push(utf8.decode(line.subarray(CORPUS_LINE.length))); continue; }
    // Its path, its hash, its analysis: a line without two tabs is no entry (a second tab implies a first).
    const a = line.indexOf(TAB), b = line.indexOf(TAB, a + 1);
    if (b === -1) continue;
    let path: unknown;
    try {
      path = JSON.parse(utf8.decode(line.subarray(0, a)));
    } catch {
      // not a path: no entry
    }
    if (typeof path === "string") out.set(path, [utf8.decode(line.subarray(a + 1, b)), line.subarray(b + 1)]);
  }
  return out;
}

function lineEnd(bytes: Uint8Array, from: number): number {
  const i = bytes.indexOf(NL, from);
  return i === -1 ? bytes.length : i;
}

/** The analysis a cache entry holds for this text; throws when the entry does not decode. */
export function decodeEntry(path: string, text: string, entry: CachedDocument): DocumentAnalysis {
  const data: unknown = JSON.parse(utf8.decode(entry[1]));
  if (!Array.isArray(data)) throw new Error("not a cached analysis");
  return decodeAnalysis(path, text, data);
}

/** The analysis of this text (whose hash is `hash`) from its cache entry, or undefined when the entry is for another text or unreadable. */
export function cachedAnalysis(path: string, text: string, hash: string, entry: CachedDocument | undefined): DocumentAnalysis | undefined {
  let out: DocumentAnalysis | undefined;
  if (!entry || entry[0] !== hash) return out;
  try {
    out = decodeEntry(path, text, entry);
  } catch {
    // unreadable: analysed afresh
  }
  return out;
}

/** One analysis as compact JSON text (what a worker thread sends back instead of the object graph). */
export function encodeDocument(d: DocumentAnalysis): string {
  return JSON.stringify(encodeAnalysis(d));
}

/** The analysis of `text` from encodeDocument's output. */
export function decodeDocument(path: string, text: string, json: string): DocumentAnalysis {
  return decodeAnalysis(path, text, JSON.parse(json) as unknown[]);
}

function encodeAnalysis(d: DocumentAnalysis): unknown[] {
  const slice = (s: { start: number; end: number; text: string }) => (d.text.slice(s.start, s.end) === s.text ? 0 : s.text);
  const facts = d.facts.map((f) => {
    const { start, end, kind, text, value, ...rest } = f;
    const t = slice(f);
    const more = Object.keys(rest).length ? rest : 0;
    return t === 0 && more === 0 ? [start, end, FACT_KINDS.indexOf(kind), value] : [start, end, FACT_KINDS.indexOf(kind), value, t, more];
  });
  const claims = d.claims.map((c) => [c.start, c.end, c.id, c.concept, c.orgs, c.polarity, c.facts, c.fromHeading ? 1 : 0, c.status ?? 0, c.measure ?? 0, slice(c), c.slot ?? 0]);
  return [d.format, d.title, d.published, d.publishedSource, d.frontMatter, d.problems, packOffsets(d.sentences), facts, claims, d.deal];
}

function decodeAnalysis(path: string, text: string, data: unknown[]): DocumentAnalysis {
  const [format, title, published, publishedSource, frontMatter, problems, sentences, facts, claims, deal] = data as [
    DocumentAnalysis["format"], string | null, string | null, DocumentAnalysis["publishedSource"], DocumentAnalysis["frontMatter"],
    DocumentAnalysis["problems"], string, unknown[][], unknown[][], DocumentAnalysis["deal"] | undefined,
  ];
  const outFacts = facts.map((f): Fact => {
    const [start, end, kind, value, t, more] = f as [number, number, number, Fact["value"], string | 0 | undefined, Partial<Fact> | 0 | undefined];
    // `| 0`: JSON.parse reads an all-number entry ([start, end, kind, 0.27]) as doubles, and one double stored in a
    // field makes V8 box that field in every object of the shape — two boxed numbers per fact, ever after. The
    // rest is spread into the literal: properties added later are kept outside the object, in a store of their own.
    const k = kindAt(FACT_KINDS, kind), factText = t || text.slice(start, end);
    return more ? { kind: k, text: factText, start: start | 0, end: end | 0, value, ...more } : { kind: k, text: factText, start: start | 0, end: end | 0, value };
  });
  // A sentence's claims mostly name the same facts and parties: one list each, shared, as the analysis made them.
  let lastFacts: number[] = [], lastOrgs: string[] = [];
  const outClaims = claims.map((c): Claim => {
    const [start, end, id, concept, orgsRead, polarity, factsRead, fromHeading, status, measure, t, slot] = c as [
      number, number, string, string, string[], Claim["polarity"], number[], number, Claim["status"] | 0, Claim["measure"] | 0, string | 0, Claim["slot"] | 0 | undefined,
    ];
    const factIds = sameList(factsRead, lastFacts) ? lastFacts : (lastFacts = factsRead);
    const orgs = sameList(orgsRead, lastOrgs) ? lastOrgs : (lastOrgs = orgsRead);
    const more: Partial<Claim> = {};
    if (status) more.status = status;
    if (measure) more.measure = measure;
    if (slot) more.slot = slot;
    return { id, document: path, start: start | 0, end: end | 0, text: t || text.slice(start, end), concept, orgs, polarity, facts: factIds, fromHeading: fromHeading === 1, topic: "", ...more };
  });
  if (typeof format !== "string" || !Array.isArray(problems) || typeof sentences !== "string") throw new Error("not a cached analysis");
  return { path, text, format, title, published, publishedSource, frontMatter, sentences: unpackOffsets(sentences), facts: outFacts, claims: outClaims, problems, deal: deal ?? null };
}

function sameList<T>(a: T[], b: T[]): boolean {
  if (!Array.isArray(a) || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Ascending offsets as one string of base-36 steps: a string is parsed at once, an array number by number. */
function packOffsets(offsets: Uint32Array): string {
  let out = "", prev = 0;
  for (let i = 0; i < offsets.length; i++) { out += (i ? "," : "") + (offsets[i]! - prev).toString(36); prev = offsets[i]!; }
  return out;
}

function unpackOffsets(packed: string): Uint32Array {
  if (!packed) return new Uint32Array(0);
  const steps = packed.split(",");
  const out = new Uint32Array(steps.length);
  let at = 0;
  steps.forEach((s, i) => { const n = parseInt(s, 36); if (!(n >= 0)) throw new Error("not a cached analysis"); out[i] = at += n; });
  return out;
}

function kindAt<T>(kinds: T[], i: number): T {
  const k = kinds[i];
  if (k === undefined) throw new Error(`unknown kind ${i}`);
  return k;
}
