import Fuse from "fuse.js";
import type { CorpusSnapshot } from "./corpus";
import type { Fact } from "./types";
import { termLabel } from "./recognize/terms";

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
  search: string;
}

/** A fuzzy index over every fact and claim of a snapshot (fuse.js, extended search: words AND-ed). */
export class FactLookup {
  readonly entries: LookupEntry[];
  private readonly fuse: Fuse<LookupEntry>;

  constructor(snap: CorpusSnapshot) {
    this.entries = lookupEntries(snap);
    this.fuse = new Fuse(this.entries, { keys: ["search"], useExtendedSearch: true, ignoreLocation: true, threshold: 0.3, includeScore: true });
  }

  /**
   * Entries matching every word of the query (fuzzily, anywhere in the entry and its sentence), the ones
   * whose own text or value holds the words first: figures count double, being the most specific.
   */
  search(query: string, limit = 50): LookupEntry[] {
    const words = query.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return this.entries.slice(0, limit);
    const hits = this.fuse.search(words.map(escapeToken).join(" "), { limit: Math.max(limit * 4, 200) });
    const own = (e: LookupEntry) => words.reduce((n, w) => n + (e.primary.includes(w) ? (/\d/.test(w) ? 2 : 1) : 0), 0);
    return hits
      .map((h) => ({ e: h.item, own: own(h.item), score: h.score ?? 1 }))
      .sort((a, b) => b.own - a.own || a.score - b.score)
      .slice(0, limit)
      .map((x) => x.e);
  }
}

// Extended-search operators (=, ', !, ^, $, |) are literal in a user's query.
function escapeToken(t: string): string {
  return /^[=!'^$|]|[$|]$/.test(t) ? `"${t.replace(/"/g, "")}"` : t;
}

export function lookupEntries(snap: CorpusSnapshot): LookupEntry[] {
  const out: LookupEntry[] = [];
  for (const d of snap.documents) {
    const a = d.analysis;
    const sentenceOf = (f: Fact) => a.sentences.find((s) => s.start <= f.start && f.end <= s.end);
    for (const f of a.facts) {
      const s = sentenceOf(f);
      const context = s ? a.text.slice(s.start, s.end) : f.text;
      const value = formatValue(f);
      out.push({
        kind: f.kind, label: f.text, value, path: a.path, published: a.published, start: f.start, end: f.end, context,
        primary: `${f.text} ${value} ${kindWords(f)}`.toLowerCase(),
        search: [f.text, value, f.kind, kindWords(f), a.path, context].join(" ").toLowerCase(),
      });
    }
    for (const c of a.claims) {
      const topic = snap.topics.find((t) => t.id === c.topic);
      out.push({
        kind: "claim", label: c.text.length > 120 ? `${c.text.slice(0, 119)}…` : c.text, value: topic?.label ?? c.topic,
        path: a.path, published: a.published, start: c.start, end: c.end, context: c.text, claimId: c.id,
        primary: `claim ${topic?.label ?? c.topic}`.toLowerCase(),
        search: ["claim", c.concept.replace(/-/g, " "), c.orgs.join(" "), c.polarity, c.status ?? "", topic?.label ?? "", a.path, c.text].join(" ").toLowerCase(),
      });
    }
  }
  return out;
}

const KIND_WORDS: Partial<Record<Fact["kind"], string>> = { money: "amount money dollars", stake: "stake ownership share", percent: "percent", date: "date", duration: "duration period" };

function kindWords(f: Fact): string {
  if (f.kind === "term") return `term ${termLabel(String(f.value))}`;
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
