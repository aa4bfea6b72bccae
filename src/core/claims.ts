import type { Claim, Fact, Measure, Polarity, Sentence, Span } from "./types";
import { polarityOf } from "./polarity";
import type { CompiledTerm } from "./recognize/terms";
import { termConcept } from "./recognize/terms";
import type { OrgRecognizer } from "./recognize/orgs";
import type { DocumentDeal } from "./types";
import { readSlots } from "./deals/read";
import { isArrangement } from "./deals/slots";

const MEASURED = new Set(["money", "stake", "date"]);
/** Arrangements that carry an amount of money as their figure ("a $50 billion commitment"). */
const MONEY_CONCEPTS = new Set(["commitment"]);

// Where one statement inside a sentence ends and another begins.
const SEGMENT_BREAK = /;|\s[—–]\s|,?\s(?:after|because|once|whereas)\s|,\s(?:but|while|whereas|although|though|and)\s|\s(?:but|whereas|although)\s|\sand\s(?=(?:it\s|they\s)?(?:terminat\w*|ends?|ended|scrap\w*|cancel\w*|remov\w*|eliminat\w*|retains?|keeps?|extends?|grants?|agree\w*|will|would|also|is|are|was|were|has|have|had|no longer)\b)/g;

interface Hit {
  concept: string;
  term: number;
  segment: Span;
  negates?: boolean;
}

const arrangementTerms = new WeakMap<CompiledTerm[], Map<string, boolean>>();

/** Whether a term names an arrangement (worked out once per term and lexicon: a lexicon lookup is a search). */
function namesArrangement(term: string, lexicon: CompiledTerm[]): boolean {
  let known = arrangementTerms.get(lexicon);
  if (!known) arrangementTerms.set(lexicon, (known = new Map()));
  let yes = known.get(term);
  if (yes === undefined) known.set(term, (yes = isArrangement(termConcept(term, lexicon).concept)));
  return yes;
}

/** A claim's id: its document's path and its place among the document's claims. */
export function claimId(path: string, n: number): string {
  return `${path}#${n}`;
}

/** The path of the document a claim comes from, read from its id (without the claim). */
export function claimPath(id: string): string {
  return id.slice(0, id.lastIndexOf("#"));
}

/** The claim's place among its document's claims, read from its id. */
export function claimNumber(id: string): number {
  return Number(id.slice(id.lastIndexOf("#") + 1));
}

export interface ClaimContext {
  path: string;
  text: string;
  facts: Fact[];
  sentences: Sentence[];
  lexicon: CompiledTerm[];
  orgs: OrgRecognizer;
  /** Organisations a document is mostly about: the fallback for a claim that names none. */
  mainOrgs: string[];
  /** The deal the document is about, when its headline or lead names one (else its main organisations'). */
  deal: DocumentDeal | null;
  published: string | null;
}

/** Claims: one per concept a sentence (or a statement inside it) speaks of, with its facts, parties and polarity. */
export function extractClaims(ctx: ClaimContext): Claim[] {
  const { text, facts, sentences } = ctx;
  const claims: Claim[] = [];
  let prevOrgs: string[] = [];
  let prevBlock = -1;
  let fi = 0;
  for (const s of sentences) {
    while (fi < facts.length && facts[fi]!.start < s.start) fi++;
    const inside: number[] = [];
    for (let k = fi; k < facts.length && facts[k]!.start < s.end; k++) if (facts[k]!.end <= s.end) inside.push(k);
    if (s.block !== prevBlock) { prevOrgs = []; prevBlock = s.block; }
    // Most sentences name no company or state no term: the attribution and segment patterns are run only
    // where their answer is used.
    const hasOrg = inside.some((k) => facts[k]!.kind === "org");
    const sentenceOrgs = hasOrg ? partiesIn(inside, facts, ctx.orgs, attributionStart(text, s)) : [];
    const orgs = sentenceOrgs.length ? sentenceOrgs : prevOrgs.length ? prevOrgs : ctx.mainOrgs;
    if (sentenceOrgs.length) prevOrgs = sentenceOrgs;
    // A concept claim is an arrangement's: a sentence naming none has none (its deal's slots are read below).
    if (!inside.some((k) => facts[k]!.kind === "term" && namesArrangement(facts[k]!.value as string, ctx.lexicon))) continue;

    const segments = segmentsOf(text, s);
    const hits = conceptHits(inside, facts, segments, ctx.lexicon);
    const multi = new Set(hits.map((h) => h.concept)).size > 1;
    for (const h of hits) {
      // A deal's progress and figures are its slots' claims (below); a concept claim is an arrangement's.
      if (!isArrangement(h.concept)) continue;
      const span = multi ? h.segment : s;
      const segText = text.slice(h.segment.start, h.segment.end);
      const term = facts[h.term]!;
      const rel = term.start - h.segment.start;
      const polarity: Polarity = polarityOf(segText, rel, rel + (term.end - term.start), h.concept, h.negates);
      // Copied to its length: filter leaves room for 17 entries, which a corpus's claims keep (16 MB at 10,000 articles).
      const claimFacts = inside.filter((k) => facts[k]!.start >= span.start && facts[k]!.end <= span.end).slice();
      const measure = measureOf(h, facts, claimFacts, text, ctx.lexicon);
      // Every property in the literal: one added later is kept outside the object, in a store of its own.
      claims.push({
        id: claimId(ctx.path, claims.length),
        document: ctx.path,
        start: span.start,
        end: span.end,
        text: text.slice(span.start, span.end),
        concept: h.concept,
        orgs,
        polarity,
        facts: claimFacts,
        fromHeading: s.heading,
        topic: "",
        ...(measure && { measure }),
      });
    }
  }
  // The values the sentences give their deal's slots: a claim each, whether or not a deal term is named.
  // A sentence's slot claims share its text (and its facts).
  let shared: { span: Sentence; text: string; facts: number[] } | undefined;
  for (const st of readSlots({ text, facts, sentences, orgs: ctx.orgs, deal: ctx.deal, published: ctx.published })) {
    const span = st.sentence;
    // Copied to its length once per sentence (a list filled by push keeps room for 17).
    if (shared?.span !== span) shared = { span, text: text.slice(span.start, span.end), facts: st.facts.slice() };
    // The figure, for the views that show one (hover, timeline, lookup).
    const fact = st.fact !== undefined ? facts[st.fact]! : undefined;
    const measure: Measure | undefined = fact && MEASURED.has(fact.kind)
      ? { kind: fact.kind as Measure["kind"], fact: st.fact!, ...(st.reading.target && { target: st.reading.target }) }
      : undefined;
    claims.push({
      id: claimId(ctx.path, claims.length),
      document: ctx.path,
      start: span.start,
      end: span.end,
      text: shared.text,
      concept: st.slot,
      orgs: st.orgs,
      polarity: "neutral",
      facts: shared.facts,
      fromHeading: span.heading,
      topic: "",
      slot: st.reading,
      ...(measure && { measure }),
    });
  }
  return claims;
}

// A closing attribution names who speaks, not who the statement is about: "…, Halvorsen's chief operating officer said."
const ATTRIBUTION = /,\s+(?:[^,]{0,80}\s)?(?:said|says|told [^,]{1,40}|added|noted|wrote|stated|according to [^,]{1,60})(?:\s(?:on|in|at)\s[^,]{1,30})?[.!?]?["”’']?$/;

function attributionStart(text: string, s: Span): number {
  const m = ATTRIBUTION.exec(text.slice(s.start, s.end));
  return m ? s.start + m.index : s.end;
}

function partiesIn(inside: number[], facts: Fact[], orgs: OrgRecognizer, before: number): string[] {
  const ids = new Set<string>();
  for (const k of inside) {
    const f = facts[k]!;
    if (f.start >= before) continue;
    if (f.kind === "org" && orgs.roleOf(f.value as string) === "party") ids.add(f.value as string);
  }
  return [...ids].sort();
}

function segmentsOf(text: string, s: Span): Span[] {
  const body = text.slice(s.start, s.end);
  const out: Span[] = [];
  let from = 0;
  for (const m of body.matchAll(SEGMENT_BREAK)) {
    if (m.index! > from) out.push({ start: s.start + from, end: s.start + m.index! });
    from = m.index! + m[0].length;
  }
  out.push({ start: s.start + from, end: s.end });
  return out.filter((x) => x.end > x.start);
}

function conceptHits(inside: number[], facts: Fact[], segments: Span[], lexicon: CompiledTerm[]): Hit[] {
  const hits: Hit[] = [];
  const seen = new Set<string>();
  const segOf = (f: Fact) => segments.find((g) => f.start >= g.start && f.start < g.end) ?? segments[segments.length - 1]!;
  for (const k of inside) {
    const f = facts[k]!;
    if (f.kind !== "term") continue;
    const { concept, event, negates } = termConcept(f.value as string, lexicon);
    const segment = segOf(f);
    // A term that tells what happens to a deal ("terminated", "the deal") is the status slot's, not a concept's.
    if (event) continue;
    const key = `${concept}@${segment.start}`;
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push(negates ? { concept, term: k, segment, negates } : { concept, term: k, segment });
  }
  // A stake stated without the word: "owns 49 percent of Contoso".
  for (const k of inside) {
    const f = facts[k]!;
    if (f.kind !== "stake") continue;
    const segment = segOf(f);
    if (hits.some((h) => h.concept === "stake" && h.segment.start === segment.start)) continue;
    hits.push({ concept: "stake", term: k, segment });
  }
  return hits.sort((a, b) => facts[a.term]!.start - facts[b.term]!.start);
}

/**
 * The term an amount belongs to: the term it directly qualifies ("$50 billion investment", "$110 billion round"),
 * else the nearest term before it ("investor at $50 billion", "values OpenAI at $840 billion"), else after.
 */
function ownerTerm(f: Fact, facts: Fact[], candidates: number[], segment: Span, text: string): number | undefined {
  let before: number | undefined, after: number | undefined;
  for (const k of candidates) {
    const t = facts[k]!;
    if (t.kind !== "term" || t.start < segment.start || t.end > segment.end) continue;
    if (t.start >= f.end) {
      if (/^\s*(?:-\s*)?(?:\p{L}[\p{L}-]*\s+){0,2}$/u.test(text.slice(f.end, t.start)) && !/[,;:]/.test(text.slice(f.end, t.start))) return k;
      if (after === undefined) after = k;
    } else if (t.end <= f.start) before = k;
  }
  return before ?? after;
}

/** The one figure an arrangement's claim gives: the amount that qualifies its term ("a $50 billion commitment"). */
function measureOf(h: Hit, facts: Fact[], claimFacts: number[], text: string, lexicon: CompiledTerm[]): Measure | undefined {
  const term = facts[h.term]!;
  const within = (f: Fact) => f.start >= h.segment.start && f.end <= h.segment.end;
  const nearest = (pred: (f: Fact) => boolean): number | undefined => {
    let best: number | undefined;
    let bestDist = 90;
    for (const k of claimFacts) {
      const f = facts[k]!;
      if (!pred(f) || !within(f)) continue;
      const d = f.start >= term.end ? f.start - term.end : f.end <= term.start ? term.start - f.end : 0;
      if (d < bestDist) { bestDist = d; best = k; }
    }
    return best;
  };
  if (MONEY_CONCEPTS.has(h.concept)) {
    const owned = (f: Fact) => {
      if (f.kind !== "money") return false;
      const owner = ownerTerm(f, facts, claimFacts, h.segment, text);
      return owner !== undefined && termConcept(facts[owner]!.value as string, lexicon).concept === h.concept;
    };
    const k = nearest(owned);
    if (k !== undefined) return { kind: "money", fact: k };
  }
  return undefined;
}
