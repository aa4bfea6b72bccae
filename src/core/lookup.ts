import Fuse from "fuse.js";
import type { CorpusSnapshot } from "./corpus";
import type { Fact } from "./types";
import { termLabel, type CompiledTerm } from "./recognize/terms";

/** One thing the fact lookup can find: a fact or a claim, where it is, and what to show. */
export interface LookupEntry {
  kind: Fact["kind"] | "claim";
  label: string;
  /** Normalized value as a person reads it ("110,000,000,000 USD", "27%", "2026-02"). */
  value: string;
  path: string;
  published: string | null;
  start: number;
  end: number;
  /** The sentence or claim it comes from. */
  context: string;
  claimId?: string;
  /** What the entry itself says (text, value, kind; a claim's topic), lower-cased, for ranking. */
  primary: string;
  /** Further words it is found by (kind words, organisations, polarity, file), lower-cased. */
  extra: string;
}

/** Most entries fuse.js ranks for one query (about 20 ms on the benchmark machine); beyond, the cheaper ranking of topBy. */
const FUSE_MAX = 1000;

/** Everything an entry can be found by. Built when needed, not kept: on a large corpus the copies would dominate memory. */
export function searchText(e: LookupEntry): string {
  return `${e.primary} ${e.extra} ${e.path} ${e.context}`.toLowerCase();
}

/**
 * A fuzzy index over every fact and claim of a snapshot. Words of the query narrow the entries through an
 * index of the words they contain (a word may be a prefix, or one or two typos away); fuse.js (extended
 * search, words AND-ed) then ranks what is left, so a query costs what it finds, not the corpus's size.
 */
export class FactLookup {
  readonly entries: LookupEntry[];
  /** Entries sharing one sentence are indexed once by its words; each entry also by its own words. */
  private readonly groups: number[][] = [];
  private readonly groupWords = new Map<string, number[]>();
  private readonly ownWords = new Map<string, number[]>();
  private readonly vocabulary: string[];
  /** Each entry's label length (capped), read in the walk of a broad query without touching the entries. */
  private readonly labelLength: Uint8Array;
  /** Which letters and digits each entry's primary text holds: most entries of a broad query are ruled out by it without being read. */
  private readonly primaryChars: Uint32Array;
  private marks: Uint32Array | undefined;
  private base = 0;

  /** `lexicon`: the analysis's (the user's extra terms with the built-in ones), for the terms' labels. */
  constructor(snap: CorpusSnapshot, lexicon: CompiledTerm[]) {
    this.entries = lookupEntries(snap, lexicon);
    const groupOf = new Map<string, number>();
    const add = (map: Map<string, number[]>, w: string, id: number) => {
      const list = map.get(w);
      if (!list) map.set(w, [id]);
      else if (list[list.length - 1] !== id) list.push(id);
    };
    this.entries.forEach((e, i) => {
      const key = `${e.path}\u0000${e.context}`;
      let g = groupOf.get(key);
      if (g === undefined) {
        groupOf.set(key, (g = this.groups.push([]) - 1));
        for (const w of tokens(e.context)) add(this.groupWords, w, g);
      }
      this.groups[g]!.push(i);
      for (const w of tokens(`${e.primary} ${e.extra} ${e.path}`)) add(this.ownWords, w, i);
    });
    this.vocabulary = [...new Set([...this.groupWords.keys(), ...this.ownWords.keys()])].sort();
    this.labelLength = Uint8Array.from(this.entries, (e) => Math.min(255, e.label.length));
    this.primaryChars = Uint32Array.from(this.entries, (e) => charMask(e.primary));
  }

  /**
   * The best entries for a query: facts of a kind the query names ("stake", "date") first; a statement once
   * (its claim entry is left out where one of its facts is listed).
   */
  search(query: string, limit = 50): LookupEntry[] {
    const words = tokens(query);
    if (!words.length) return onePerStatement(this.entries.slice(0, limit));
    // A claim may drop out for its fact: rank a few more than asked.
    const found = this.rank(words, limit + 8);
    return onePerStatement(kindsFirst(found, words)).slice(0, limit);
  }

  private rank(words: string[], limit: number): LookupEntry[] {
    // Entries holding every word so far: a per-entry count of the words matched, so no set is built per word.
    // The counts live in one array kept between queries (a fresh one per query is garbage the size of the
    // corpus): entry i has matched k words when marks[i] is base + k; anything below base counts as none.
    const marks = (this.marks ??= new Uint32Array(this.entries.length));
    if (this.base > 0xff000000) { marks.fill(0); this.base = 0; }
    const base = this.base;
    this.base += 256;
    let candidates: number[] = [];
    for (let k = 0; k < Math.min(words.length, 255); k++) {
      this.forEntriesOf(words[k]!, (i) => {
        const m = marks[i]!;
        if ((m > base ? m - base : 0) !== k) return;
        marks[i] = base + k + 1;
        if (k === 0) candidates.push(i);
      });
      if (k > 0) candidates = candidates.filter((i) => marks[i] === base + k + 1);
      if (!candidates.length) return [];
    }
    // Query words found in what an entry says itself; a figure counts double.
    const weights = words.map((w) => (/\d/.test(w) ? 2 : 1));
    const own = (e: LookupEntry) => { let n = 0; for (let k = 0; k < words.length; k++) if (e.primary.includes(words[k]!)) n += weights[k]!; return n; };
    if (candidates.length > FUSE_MAX) {
      // A broad query: the first `limit` matches, shortest label first, that hold every word in what they
      // say themselves are the answer, found in a walk that usually stops early; else rank them all.
      const most = weights.reduce((a, b) => a + b, 0);
      const needs = charMask(words.join(""));
      const holdsAll = (e: LookupEntry) => words.every((w) => e.primary.includes(w));
      const top: LookupEntry[] = [];
      const full = base + Math.min(words.length, 255), inOrder: number[] = [];
      for (let i = 0; i < marks.length; i++) if (marks[i] === full && (this.primaryChars[i]! & needs) === needs) inOrder.push(i);
      for (const i of byLabelLength(inOrder, this.labelLength)) {
        if (!holdsAll(this.entries[i]!)) continue;
        if (top.push(this.entries[i]!) === limit) return top;
      }
      return topBy(candidates, this.entries, own, most, limit);
    }
    const pool = candidates.sort((a, b) => a - b).map((i) => this.entries[i]!);
    const docs = pool.map((e) => ({ e, search: searchText(e) }));
    const fuse = new Fuse(docs, { keys: ["search"], useExtendedSearch: true, ignoreLocation: true, threshold: 0.4, includeScore: true });
    const ranked = fuse.search(words.map(escapeToken).join(" "));
    const scored = new Map(ranked.map((r) => [r.item.e, r.score ?? 1]));
    return pool
      .map((e) => ({ e, own: own(e), score: scored.get(e) ?? 1 }))
      .sort((a, b) => b.own - a.own || a.score - b.score)
      .slice(0, limit)
      .map((x) => x.e);
  }

  /** Calls `visit` for the entries holding a word that starts with `w`, or (when none does) one within one or two typos of it; an entry may come more than once. */
  private forEntriesOf(w: string, visit: (entry: number) => void): void {
    let found = false;
    const take = (word: string) => {
      for (const g of this.groupWords.get(word) ?? []) for (const e of this.groups[g]!) { found = true; visit(e); }
      for (const e of this.ownWords.get(word) ?? []) { found = true; visit(e); }
    };
    let lo = 0, hi = this.vocabulary.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.vocabulary[mid]! < w) lo = mid + 1; else hi = mid; }
    for (let i = lo; i < this.vocabulary.length && this.vocabulary[i]!.startsWith(w); i++) take(this.vocabulary[i]!);
    if (found || w.length < 4) return;
    const budget = w.length >= 7 ? 2 : 1;
    for (const word of this.vocabulary) if (Math.abs(word.length - w.length) <= budget && withinEdits(word, w, budget)) take(word);
  }
}

/** The kinds of fact a query names by a word of a kind ("stake", "amount", "date"), as the lookup indexes them. */
function namedKinds(words: string[]): Set<LookupEntry["kind"]> {
  const kinds = new Set<LookupEntry["kind"]>();
  for (const [kind, named] of Object.entries(KIND_WORDS)) if (named!.split(" ").some((n) => words.includes(n))) kinds.add(kind as Fact["kind"]);
  return kinds;
}

/** Facts of the kinds the query names before the rest, each side in rank order. */
function kindsFirst(list: LookupEntry[], words: string[]): LookupEntry[] {
  const kinds = namedKinds(words);
  if (!kinds.size) return list;
  return [...list.filter((e) => kinds.has(e.kind)), ...list.filter((e) => !kinds.has(e.kind))];
}

/**
 * A statement is shown once: by its best-ranked entry, and by further facts only of that entry's kind (two
 * amounts of one sentence); its claim, or a term or company of it, is not listed again. A fact is preferred
 * to the claim of its statement.
 */
function onePerStatement(list: LookupEntry[]): LookupEntry[] {
  const key = (e: LookupEntry) => `${e.path}\u0000${e.context}`;
  const hasFact = new Set(list.filter((e) => e.kind !== "claim").map(key));
  const shownAs = new Map<string, LookupEntry["kind"]>();
  const out: LookupEntry[] = [];
  for (const e of list) {
    const k = key(e);
    if (e.kind === "claim" && hasFact.has(k)) continue;
    const kind = shownAs.get(k);
    if (kind !== undefined && kind !== e.kind) continue;
    shownAs.set(k, e.kind);
    out.push(e);
  }
  return out;
}

/** A bit per letter a–z and per digit (folded into the last six bits) that `text` (lower-cased) holds. */
function charMask(text: string): number {
  let mask = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 97 && c <= 122) mask |= 1 << (c - 97);
    else if (c >= 48 && c <= 57) mask |= 1 << (26 + ((c - 48) % 6));
  }
  return mask >>> 0;
}

/** Entries (given in ascending order) by label length, then position: a counting sort, as labels are short. */
function byLabelLength(ids: number[], labelLength: Uint8Array): Int32Array {
  const start = new Int32Array(257);
  for (const i of ids) start[labelLength[i]! + 1]!++;
  for (let l = 1; l < 257; l++) start[l]! += start[l - 1]!;
  const out = new Int32Array(ids.length);
  for (const i of ids) out[start[labelLength[i]!]!++] = i;
  return out;
}

/**
 * Too many entries for fuse.js to rank in time: the `limit` that hold the most query words in what they
 * say themselves, shortest label first, earliest first — kept in one pass instead of sorting them all.
 */
export function topBy(pool: number[], entries: LookupEntry[], own: (e: LookupEntry) => number, most: number, limit: number): LookupEntry[] {
  type Ranked = { i: number; own: number; len: number };
  const best: Ranked[] = [];
  const before = (a: Ranked, b: Ranked) => a.own > b.own || (a.own === b.own && (a.len < b.len || (a.len === b.len && a.i < b.i)));
  for (const i of pool) {
    const e = entries[i]!;
    const worst = best.length === limit ? best[limit - 1]! : undefined;
    // Once the kept ones all score the most there is, a longer label cannot get in: skip scoring it.
    if (worst && worst.own === most && (e.label.length > worst.len || (e.label.length === worst.len && i > worst.i))) continue;
    const x = { i, own: own(e), len: e.label.length };
    if (best.length === limit && !before(x, best[best.length - 1]!)) continue;
    let lo = 0, hi = best.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (before(x, best[mid]!)) hi = mid; else lo = mid + 1; }
    best.splice(lo, 0, x);
    if (best.length > limit) best.pop();
  }
  return best.map((x) => entries[x.i]!);
}

/** The words an entry is indexed by and a query is split into. */
export function tokens(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}.,%'-]*/gu)?.map(trimPunctuation) ?? [];
}

/** "billion," → "billion"; written as a loop, a trailing-run pattern would backtrack on long runs. */
function trimPunctuation(t: string): string {
  let e = t.length;
  while (e > 1 && ".,'-".includes(t[e - 1]!)) e--;
  return t.slice(0, e);
}

/** Whether two words are at most `max` edits apart (Levenshtein, banded). */
function withinEdits(a: string, b: string, max: number): boolean {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return false;
    prev = cur;
  }
  return prev[b.length]! <= max;
}

// Extended-search operators (=, ', !, ^, $, |) are literal in a user's query.
function escapeToken(t: string): string {
  return /^[=!'^$|]|[$|]$/.test(t) ? `"${t.replace(/"/g, "")}"` : t;
}

export function lookupEntries(snap: CorpusSnapshot, lexicon: CompiledTerm[]): LookupEntry[] {
  const out: LookupEntry[] = [];
  for (const d of snap.documents) {
    const a = d.analysis;
    // Facts and sentences are both in text order: one walk pairs them.
    const spans = a.sentences;
    let si = 0;
    for (const f of a.facts) {
      while (si < spans.length && spans[si + 1]! < f.end) si += 2;
      const inside = si < spans.length && spans[si]! <= f.start && f.end <= spans[si + 1]!;
      const context = inside ? a.text.slice(spans[si], spans[si + 1]) : f.text;
      // A term is shown by its label, the user's where the settings name it (the tree and hovers show the same).
      const value = f.kind === "term" ? termLabel(String(f.value), lexicon) : formatValue(f);
      out.push({
        kind: f.kind, label: f.text, value, path: a.path, published: a.published, start: f.start, end: f.end, context,
        primary: `${f.text} ${value} ${kindWords(f, lexicon)}`.toLowerCase(),
        extra: f.kind,
      });
    }
    for (const c of a.claims) {
      const topic = snap.topicById.get(c.topic);
      out.push({
        kind: "claim", label: c.text.length > 120 ? `${c.text.slice(0, 119)}…` : c.text, value: topic?.label ?? c.topic,
        path: a.path, published: a.published, start: c.start, end: c.end, context: c.text, claimId: c.id,
        primary: `claim ${topic?.label ?? c.topic}`.toLowerCase(),
        extra: `${c.concept.replace(/-/g, " ")} ${c.orgs.join(" ")} ${c.polarity} ${c.status ?? ""}`,
      });
    }
  }
  return out;
}

const KIND_WORDS: Partial<Record<Fact["kind"], string>> = { money: "amount money dollars", stake: "stake ownership share", percent: "percent", date: "date", duration: "duration period" };

function kindWords(f: Fact, lexicon: CompiledTerm[]): string {
  if (f.kind === "term") return `term ${termLabel(String(f.value), lexicon)}`;
  return KIND_WORDS[f.kind] ?? f.kind;
}

/** A fact's normalized value, written for a person. */
export function formatValue(f: Fact): string {
  const v = f.value;
  if (v === null) return "unresolved";
  switch (f.kind) {
    case "money": {
      const n = (x: number) => x.toLocaleString("en-US", { maximumFractionDigits: 2 });
      const range = f.max !== undefined ? `${n(v as number)}–${n(f.max)}` : n(v as number);
      return `${f.qualifier && f.qualifier !== "between" ? `${f.qualifier} ` : ""}${range} ${f.currency ?? ""}${f.per ? ` per ${f.per}` : ""}`.trim();
    }
    case "stake":
    case "percent": {
      const p = (x: number) => `${+(x * 100).toFixed(4)}%`;
      return `${f.qualifier && f.qualifier !== "between" ? `${f.qualifier} ` : ""}${f.max !== undefined ? `${p(v as number)}–${p(f.max)}` : p(v as number)}`;
    }
    default:
      return String(v);
  }
}
