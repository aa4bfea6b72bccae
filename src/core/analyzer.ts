import type { Block, DocumentAnalysis, DocumentDeal, DocumentInput, DocumentProblem, Fact, Sentence, Span } from "./types";
import { readFrontMatter, blank } from "./text/frontMatter";
import { readStructure, type Format } from "./text/structure";
import { splitSentences } from "./text/sentences";
import { recognizeMoney } from "./recognize/money";
import { recognizePercentages } from "./recognize/percent";
import { recognizeDates } from "./recognize/dates";
import { buildLexicon, recognizeTerms, type CompiledTerm, type ExtraTerm } from "./recognize/terms";
import { buildOrgRecognizer, type OrgRecognizer } from "./recognize/orgs";
import { extractClaims } from "./claims";
import { dealOfLine } from "./deals/parties";
import { Occupancy } from "./text/spans";
import { isRecord } from "./isRecord";

export interface AnalysisOptions {
  /** Extra names for organisations: `{ "Contoso": ["Contoso Ltd", "CTSO"] }`. */
  orgAliases?: Record<string, string[]>;
  /** Extra deal terms. */
  extraTerms?: ExtraTerm[];
  /** Relative difference two figures may have beyond the rounding of their last digit and still agree (default 0). */
  tolerance?: number;
}

/** Time spent per stage, in milliseconds, summed over every document analysed (for the benchmarks). */
export interface StageTimes {
  parse: number;
  recognize: number;
  claims: number;
}

export interface Analyzer {
  options: Required<AnalysisOptions>;
  stats: StageTimes;
  lexicon: CompiledTerm[];
  orgs: OrgRecognizer;
  analyzeDocument(input: DocumentInput): DocumentAnalysis;
}

const PUBLISHED_KEYS = ["published", "date", "publishdate", "pubdate", "published_at", "publishedat", "publication_date", "datepublished", "created"];

export function createAnalyzer(options: AnalysisOptions = {}): Analyzer {
  const opts: Required<AnalysisOptions> = {
    orgAliases: isRecord(options.orgAliases) ? options.orgAliases : {},
    extraTerms: Array.isArray(options.extraTerms) ? options.extraTerms : [],
    tolerance: typeof options.tolerance === "number" && options.tolerance >= 0 && options.tolerance < 1 ? options.tolerance : 0,
  };
  const lexicon = buildLexicon(opts.extraTerms);
  const orgs = buildOrgRecognizer(opts.orgAliases);
  const stats: StageTimes = { parse: 0, recognize: 0, claims: 0 };
  return { options: opts, lexicon, orgs, stats, analyzeDocument: (input) => analyzeDocument(input, lexicon, orgs, stats) };
}

export function formatOf(path: string): Format {
  return /\.(?:md|markdown|mdown|mkd)$/i.test(path) ? "markdown" : "text";
}

const now = () => globalThis.performance.now();

function analyzeDocument(input: DocumentInput, lexicon: CompiledTerm[], orgRecognizer: OrgRecognizer, stats: StageTimes): DocumentAnalysis {
  const t0 = now();
  const { path } = input;
  const text = input.text;
  const problems: DocumentProblem[] = [];
  const format = formatOf(path);
  const fm = readFrontMatter(text);
  if (fm.error) problems.push({ path, message: fm.error, severity: "warning" });
  const body = blank(text, 0, fm.end);
  const { blocks, prose } = readStructure(body, format);

  let published: string | null = null;
  let publishedSource: DocumentAnalysis["publishedSource"] = null;
  const fmDate = fm.data ? dateField(fm.data) : undefined;
  if (fmDate !== undefined) {
    published = fmDate;
    if (published) publishedSource = "front-matter";
    else problems.push({ path, message: "the front matter's date could not be read as a date; corpus order falls back to the dateline or file name", severity: "warning" });
  }
  if (!published) {
    published = dateline(prose, blocks);
    if (published) publishedSource = "dateline";
  }

  const sentences: Sentence[] = [];
  blocks.forEach((b, i) => {
    for (const s of splitSentences(prose, b.start, b.end)) sentences.push({ start: s.start, end: s.end, block: i, heading: b.kind === "heading" });
  });

  const t1 = now();
  const inBlocks = (f: Fact) => {
    const b = blocks[blockAt(blocks, f.start)];
    return !!b && f.start >= b.start && f.end <= b.end;
  };
  const facts = [
    ...recognizeMoney(prose),
    ...recognizePercentages(prose),
    ...recognizeDates(prose, published),
    ...recognizeTerms(prose, lexicon),
    ...orgRecognizer.recognize(prose),
  ]
    .filter(inBlocks);
  // Recognizers read the masked prose; a fact shows the article's own text (facts are fresh: set in place).
  for (const f of facts) f.text = text.slice(f.start, f.end);
  const ordered = dropOverlaps(facts, text.length);

  const t2 = now();
  const title = titleOf(fm.data, text, blocks);
  const titleBlock = title ? blocks.find((b) => b.kind === "heading") : undefined;
  const mainOrgs = mainOrgsOf(ordered, orgRecognizer, titleBlock);
  const deal = dealOf(text, titleBlock, sentences, ordered, orgRecognizer, mainOrgs);
  const claims = extractClaims({ path, text, facts: ordered, sentences, lexicon, orgs: orgRecognizer, mainOrgs: [...mainOrgs].sort(), deal, published });
  stats.parse += t1 - t0;
  stats.recognize += t2 - t1;
  stats.claims += now() - t2;
  return { path, text, format, title, published, publishedSource, frontMatter: fm.data, sentences: packSpans(sentences), facts: ordered, claims, problems, deal };
}

/**
 * The deal a headline or the first sentences name ("X to buy Y"). Without one, only the company the document
 * names most: the corpus's grouping puts its statements with the deal that company is in elsewhere, where
 * pairing it with the runner-up would invent a deal.
 */
function dealOf(text: string, titleBlock: Block | undefined, sentences: Sentence[], facts: Fact[], orgs: OrgRecognizer, mainOrgs: string[]): DocumentDeal | null {
  const lines: Span[] = [...(titleBlock ? [titleBlock] : []), ...sentences.slice(0, 3)];
  for (const line of lines) {
    const deal = dealOfLine(text, line, orgs, facts);
    if (deal) return deal;
  }
  return mainOrgs.length ? { parties: [mainOrgs[0]!] } : null;
}

function packSpans(spans: Span[]): Uint32Array {
  const out = new Uint32Array(spans.length * 2);
  spans.forEach((s, i) => { out[2 * i] = s.start; out[2 * i + 1] = s.end; });
  return out;
}

/** Figures win over dates inside them and over terms; a term may name an organisation inside it ("values OpenAI at"). */
function dropOverlaps(facts: Fact[], length: number): Fact[] {
  const rank: Record<Fact["kind"], number> = { money: 0, stake: 0, percent: 0, date: 1, duration: 1, org: 2, term: 3 };
  const sorted = [...facts].sort((a, b) => rank[a.kind] - rank[b.kind] || b.end - b.start - (a.end - a.start));
  const figures = new Occupancy(length); // money, percentages, dates
  const names = new Occupancy(length); // organisations
  const terms = new Occupancy(length);
  const kept: Fact[] = [];
  for (const f of sorted) {
    if (f.kind === "term") {
      if (!terms.free(f) || !figures.free(f)) continue;
      terms.take(f);
    } else if (f.kind === "org") {
      if (!names.free(f) || !figures.free(f)) continue;
      names.take(f);
    } else {
      if (!figures.free(f)) continue;
      figures.take(f);
    }
    kept.push(f);
  }
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Index of the last block starting at or before `offset` (blocks are in text order). */
function blockAt(blocks: Block[], offset: number): number {
  let lo = 0, hi = blocks.length - 1, found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (blocks[mid]!.start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
  }
  return found;
}

function dateField(data: Record<string, unknown>): string | null | undefined {
  for (const [k, v] of Object.entries(data)) {
    if (!PUBLISHED_KEYS.includes(k.toLowerCase().replace(/[-\s]/g, ""))) continue;
    if (v instanceof Date && !Number.isNaN(v.getTime())) return v.toISOString().slice(0, 10);
    if (typeof v === "number" && v >= 1900 && v < 2100) return String(v);
    if (typeof v !== "string") return null;
    const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T\s].*)?$/.exec(v.trim());
    if (iso) return [iso[1], iso[2], iso[3]].filter(Boolean).join("-");
    const found = recognizeDates(v, null).find((f) => typeof f.value === "string" && /^(?:absolute|month_year|year)$/.test(f.dateKind ?? ""));
    return (found?.value as string | undefined) ?? null;
  }
  return undefined;
}

/** A publication date the text states with confidence: a date alone on an early line, or opening a dateline. */
function dateline(prose: string, blocks: Block[]): string | null {
  for (const b of blocks.slice(0, 6)) {
    if (b.start > 1200) break;
    const line = prose.slice(b.start, b.end);
    // Without the article's date, only a date that writes its year resolves: a line with no digit has none.
    if (!/\d/.test(line)) continue;
    const dates = recognizeDates(line, null).filter((f) => f.dateKind === "absolute" && typeof f.value === "string");
    if (!dates.length) continue;
    const d = dates[0]!;
    const rest = (line.slice(0, d.start) + line.slice(d.end)).replace(/\b(?:published|updated|posted|date|on|at|by|am|pm|utc|gmt|et|est|edt|pst|pdt|\d{1,2}:\d{2})\b|[^\p{L}]/giu, "");
    const opensDateline = d.start <= 40 && /^\p{Lu}[\p{Lu}\s.,'-]*$/u.test(line.slice(0, d.start)) && /^\s*(?:\(|[—–-])/.test(line.slice(d.end));
    if (rest.length <= 20 || opensDateline) return d.value as string;
  }
  return null;
}

function titleOf(data: Record<string, unknown> | null, text: string, blocks: Block[]): string | null {
  if (data && typeof data.title === "string" && data.title.trim()) return data.title.trim();
  const first = blocks.find((b) => b.kind === "heading") ?? blocks[0];
  if (!first) return null;
  return text.slice(first.start, first.end).replace(/^#+\s*/, "").trim().slice(0, 200) || null;
}

function mainOrgsOf(facts: Fact[], orgs: OrgRecognizer, titleBlock: Block | undefined): string[] {
  const counts = new Map<string, number>();
  for (const f of facts) {
    if (f.kind !== "org" || orgs.roleOf(f.value as string) !== "party") continue;
    const inTitle = titleBlock && f.start >= titleBlock.start && f.end <= titleBlock.end;
    counts.set(f.value as string, (counts.get(f.value as string) ?? 0) + (inTitle ? 3 : 1));
  }
  // Most named first (the deal's fallback takes the first); claims keep them sorted.
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 2).map(([id]) => id);
}
