import type { Claim, Contradiction, DealStatus, Fact, Topic } from "./types";
import { STATUS_CONCEPTS } from "./claims";
import { boundOf } from "./recognize/qualifiers";
import { compareIso, parseIso } from "./recognize/calendar";
import { quoted } from "./text/snippet";

export interface ClaimRef {
  claim: Claim;
  /** Position of the claim's document in corpus order. */
  order: number;
  facts: Fact[];
  /** Short name of the document for explanations. */
  source: string;
  /** The document's publication date (ISO), when known. */
  published: string | null;
}

/** Most flags one later statement raises; beyond that the earliest ones are left out. */
const MAX_PER_CLAIM = 25;
/** How far back a later statement is compared, in claims of its topic: keeps a huge topic linear. */
const MAX_SCAN = 400;

/**
 * Contradictions inside one topic (claims in corpus order). Each later claim is held against the earlier
 * ones, nearest first, until an earlier source already says the same thing: a statement is contradicted
 * by the report that changed the story, not again by every later one that repeats it.
 */
export function findContradictions(topic: Topic, refs: ClaimRef[], tolerance: number): Contradiction[] {
  const out: Contradiction[] = [];
  const status = STATUS_CONCEPTS.has(topic.concept);
  // Where each claim's document begins in the list, to step over a document's own claims at once.
  const docStart: number[] = [];
  refs.forEach((r, i) => docStart.push(i > 0 && refs[i - 1]!.claim.document === r.claim.document ? docStart[i - 1]! : i));
  for (let i = 1; i < refs.length; i++) {
    const later = refs[i]!;
    if (later.claim.fromHeading) continue;
    let flagged = 0;
    // Polarity, or a deal's status.
    const floor = Math.max(0, i - MAX_SCAN);
    for (let j = docStart[i]! - 1; j >= floor && flagged < MAX_PER_CLAIM; j--) {
      const earlier = refs[j]!;
      if (!comparable(earlier, later)) continue;
      if (status) {
        const a = earlier.claim.status, b = later.claim.status;
        if (!a || !b) continue;
        if (a === b) break;
        out.push(make(topic, earlier, later, "status", statusConfidence(a, b), flat`${later.source} says the ${lower(topic.label)} is ${b}; ${earlier.source} said it was ${a}`));
        flagged++;
        continue;
      }
      const a = earlier.claim.polarity, b = later.claim.polarity;
      if (a === "neutral" || b === "neutral") continue;
      if (a === b) break;
      const shared = earlier.claim.orgs.filter((o) => later.claim.orgs.includes(o)).length;
      out.push(make(topic, earlier, later, "polarity", shared >= 2 ? 0.85 : 0.7,
        flat`${later.source} says ${b === "denies" ? "it ends or does not hold" : "it still holds"} (${quoted(later.claim.text, 90)}); ${earlier.source} said ${a === "denies" ? "it had ended" : "it held"} (${quoted(earlier.claim.text, 90)})`));
      flagged++;
    }
    // A different figure or date for the same quantity.
    const lm = measureFact(later);
    if (!lm || later.claim.polarity === "denies") continue;
    const laterTime = timeOf(later);
    for (let j = docStart[i]! - 1; j >= floor && flagged < MAX_PER_CLAIM; j--) {
      const earlier = refs[j]!;
      const em = measureFact(earlier);
      if (!em || !comparable(earlier, later) || earlier.claim.polarity === "denies") continue;
      if (em.kind !== lm.kind || !sameParties(earlier.claim, later.claim) || em.per !== lm.per || em.currency !== lm.currency) continue;
      const t1 = earlier.claim.measure!.target, t2 = later.claim.measure!.target;
      if (t1 && t2 && t1 !== t2) continue; // a stake in Alder and a share of the combined company are different things
      if (!sameTime(timeOf(earlier), laterTime)) continue;
      if (agree(em, lm, tolerance)) break;
      const kind = lm.kind === "date" ? "date" : "value";
      out.push(make(topic, earlier, later, kind, kind === "date" ? 0.7 : 0.75, flat`${later.source} gives ${lm.text}; ${earlier.source} gave ${em.text} for the ${lower(topic.label)}`));
      flagged++;
    }
  }
  return out;
}

function comparable(a: ClaimRef, b: ClaimRef): boolean {
  return a.claim.document !== b.claim.document && a.order < b.order && !a.claim.fromHeading;
}

const DATED = new Set(["absolute", "month_year", "month", "quarter", "half", "fiscal", "year"]);

/** The years a figure is about, and whether its sentence dates it to the past; undefined without a publication date. */
type FigureTime = { years: [number, number]; past: boolean } | undefined;

/**
 * A figure is of its article's year unless a date of an earlier year dates the figure itself — right after it
 * ("last valued at $2.1bn in early 2024") or opening its sentence ("In 2023, …"). A date elsewhere may date
 * something else ("owns a 12% stake, which it bought in 2023"); a later one says when, not what ("expected to
 * close in 2026").
 */
function timeOf(r: ClaimRef): FigureTime {
  const pub = parseIso(r.published)?.y;
  if (pub === undefined) return undefined;
  const figure = r.facts[r.claim.measure!.fact]!;
  const between = (from: number, to: number) => r.claim.text.slice(from - r.claim.start, to - r.claim.start);
  for (const k of r.claim.facts) {
    const f = r.facts[k]!;
    if (f.kind !== "date" || typeof f.value !== "string" || !DATED.has(f.dateKind ?? "")) continue;
    const dates = f.start >= figure.end
      ? /^\s*(?:(?:in|as of|during|back in|at the end of|at)\s+)?$/i.test(between(figure.end, f.start))
      : /^\W*(?:in|as of|by|back in)\s+$/i.test(between(r.claim.start, f.start)) && between(f.end, f.end + 1) === ",";
    if (!dates) continue;
    const [from, to = from] = f.value.split("/");
    const a = parseIso(from), b = parseIso(to);
    if (a && b && b.y < pub) return { years: [a.y, b.y], past: true };
  }
  return { years: [pub, pub], past: false };
}

/**
 * Whether two figures may be one quantity: a figure from a past year is not the story's present one (a
 * stake or a valuation changes over time), and two past figures must share a year.
 */
function sameTime(x: FigureTime, y: FigureTime): boolean {
  if (!x || !y || (!x.past && !y.past)) return true;
  return x.years[0] <= y.years[1] && y.years[0] <= x.years[1];
}

function measureFact(r: ClaimRef): Fact | undefined {
  return r.claim.measure ? r.facts[r.claim.measure.fact] : undefined;
}

function sameParties(a: Claim, b: Claim): boolean {
  return a.orgs.length === b.orgs.length && a.orgs.every((o) => b.orgs.includes(o));
}

/** Whether two figures can both be true, given their qualifiers, ranges and rounding. */
export function agree(a: Fact, b: Fact, tolerance: number): boolean {
  if (a.kind === "date") {
    const x = a.value, y = b.value;
    if (typeof x !== "string" || typeof y !== "string" || x.includes("/") || y.includes("/")) return true;
    return compareIso(x, y) === 0;
  }
  const [lo1, hi1] = interval(a, tolerance);
  const [lo2, hi2] = interval(b, tolerance);
  return lo1 <= hi2 && lo2 <= hi1;
}

function interval(f: Fact, tolerance: number): [number, number] {
  const v = f.value as number;
  const slack = Math.max(tolerance, roundingOf(f));
  switch (boundOf(f.qualifier)) {
    case "atLeast": return [v * (1 - slack), Infinity];
    case "atMost": return [0, v * (1 + slack)];
    case "range": return [v * (1 - slack), (f.max ?? v) * (1 + slack)];
    case "approx": return [v * (1 - Math.max(0.1, slack)), v * (1 + Math.max(0.1, slack))];
    default: return [v * (1 - slack), v * (1 + slack)];
  }
}

/** A quarter unit of the last digit written, relative to the figure, at most 5%: "$110 billion" is 110 ± 0.25. */
function roundingOf(f: Fact): number {
  const digits = /(\d[\d,]*(?:\.(\d+))?)/.exec(f.text);
  if (!digits) return 0;
  const n = Number(digits[1]!.replace(/,/g, ""));
  if (!n) return 0;
  const decimals = digits[2]?.length ?? 0;
  return Math.min(0.05, (0.25 * 10 ** -decimals) / n);
}

function statusConfidence(a: DealStatus, b: DealStatus): number {
  return a === "pending" && b === "completed" ? 0.6 : 0.8;
}

/**
 * A template whose result is one flat string. Explanations are kept for every flag, and a template literal
 * leaves a tree of its pieces behind: at 10,000 articles those trees held 11 MB.
 */
function flat(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts: string[] = [strings[0]!];
  for (let i = 0; i < values.length; i++) parts.push(String(values[i]), strings[i + 1]!);
  return parts.join("");
}

function make(topic: Topic, earlier: ClaimRef, later: ClaimRef, kind: Contradiction["kind"], confidence: number, explanation: string): Contradiction {
  return { topic: topic.id, earlier: earlier.claim.id, later: later.claim.id, kind, confidence, explanation };
}

function lower(label: string): string {
  return label.split(" · ")[0]!.toLowerCase();
}

/**
 * The `n` most confident contradictions, ties kept in list order: what sorting them all by confidence would
 * pick, without sorting tens of thousands of objects — only their confidences are sorted, as numbers, to
 * find the cut.
 */
export function mostConfident(list: Contradiction[], n: number): Contradiction[] {
  if (n <= 0) return [];
  if (list.length <= n) return list.slice();
  const confidence = new Float64Array(list.length); // filled by a loop: TypedArray.from with a mapping function is several times slower
  for (let i = 0; i < list.length; i++) confidence[i] = list[i]!.confidence;
  const cut = confidence.slice().sort()[list.length - n]!;
  let atCut = n;
  for (const c of confidence) if (c > cut) atCut--;
  return list.filter((x) => x.confidence > cut || (x.confidence === cut && atCut-- > 0));
}
