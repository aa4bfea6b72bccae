import type { Contradiction, SlotReading, Topic } from "../types";
import type { ClaimRef } from "../contradictions";
import { boundOf } from "../recognize/qualifiers";
import { compareIso } from "../recognize/calendar";
import { slotOf, stageChanged, STAGE_LABEL, type DealStage, type SlotDefinition } from "./slots";
import { dealId } from "./model";

/** How many earlier values one new value is held against: the current one and the one before it. */
const MAX_CHANGED = 2;
/** Earlier statements of the same value listed with a flag. */
const MAX_ALSO = 10;

// Rough rates to US dollars: enough to tell 1 billion dollars from 3 billion francs, never to tell rounding.
const USD_RATE: Record<string, number> = { USD: 1, EUR: 1.1, GBP: 1.3, CHF: 1.1, JPY: 0.0075, CAD: 0.75, AUD: 0.68, CNY: 0.14, INR: 0.012, HKD: 0.128, SEK: 0.095, NOK: 0.095, DKK: 0.15, KRW: 0.00075, SGD: 0.74 };
/** How far an open bound ("more than", "up to") reaches past its figure. */
const OPEN_BOUND = 1.5;
/** How far apart two amounts in different currencies may be and still be one amount. */
const CURRENCY_SLACK = 0.15;

interface Reading {
  ref: ClaimRef;
  r: SlotReading;
}

/** The statements of one value, in corpus order. */
interface Cluster {
  value: Reading;
  statements: Reading[];
  /** Corpus order of its latest statement. */
  last: number;
}

/**
 * Flags on one deal's slot (a topic whose concept is the slot): a later statement whose value cannot hold
 * with an earlier one. Statements agreeing with each other form one value; a new value is flagged once
 * against the earliest statement of each value it changes (at most the current one and the one before it),
 * with that value's other statements attached. A later statement that agrees with any earlier value raises
 * nothing: a restatement, or a report of what another already said. History is never a later value.
 */
export function slotChanges(topic: Topic, refs: ClaimRef[], tolerance: number): Contradiction[] {
  const def = slotOf(topic.concept);
  if (!def || def.separate || !topic.orgs.length) return [];
  const out: Contradiction[] = [];
  const clusters: Cluster[] = [];
  let i = 0;
  while (i < refs.length) {
    // One document at a time: its statements are held against earlier documents only, then join them.
    let j = i;
    while (j < refs.length && refs[j]!.claim.document === refs[i]!.claim.document) j++;
    const doc = refs.slice(i, j).filter((ref) => ref.claim.slot && !ref.claim.fromHeading).map((ref) => ({ ref, r: ref.claim.slot! }));
    // Each earlier value is flagged once by a document: by the statement that names the same holder or
    // authority when one does ("the CMA gave its approval" against "the CMA blocked"), else by the first.
    const by = new Map<Cluster, Reading>();
    for (const later of doc) {
      if (!usableLater(def, later.r)) continue;
      for (const c of changedBy(def, later, clusters, tolerance)) {
        const had = by.get(c);
        if (!had || (later.r.holder && later.r.holder === c.value.r.holder && had.r.holder !== c.value.r.holder)) by.set(c, later);
      }
    }
    for (const [c, later] of by) out.push(flag(topic, def, c, later));
    for (const x of doc) if (usableEarlier(def, x.r)) join(def, clusters, x, tolerance);
    i = j;
  }
  return out;
}

/** Slots whose values are stated on a condition as a rule ("$3.5 billion if the deal is terminated after …"). */
const CONDITIONAL_SLOTS = new Set(["termination-fee", "reverse-termination-fee"]);

function usableLater(def: SlotDefinition, r: SlotReading): boolean {
  if (r.replaced) return true;
  if (r.modality === "history") return false;
  if (r.modality === "conditional") return CONDITIONAL_SLOTS.has(def.id);
  if (def.kind === "status") return r.modality === "reported";
  if (def.kind === "date" && def.id !== "expected-close") return r.modality === "reported";
  return true;
}

function usableEarlier(def: SlotDefinition, r: SlotReading): boolean {
  if (r.replaced || r.inferred) return false;
  // A figure the text dates to a past year ("valued at $2.1 billion in early 2024") was never the story's present one.
  if (r.modality === "history" && /^\d{4}$/.test(r.when ?? "")) return false;
  // A date a report calls possible ("could extend to Nov. 26") is no value yet; an expected closing is expected by nature.
  if (def.kind === "date" && def.id !== "expected-close") return r.modality === "reported" || r.modality === "history";
  if (r.modality === "conditional") return CONDITIONAL_SLOTS.has(def.id);
  return true;
}

function join(def: SlotDefinition, clusters: Cluster[], x: Reading, tolerance: number): void {
  // A stage expected and the same stage reported are two things to compare a later stage with.
  const c = clusters.find((k) => sameQuantity(k.value.r, x.r) && sameValue(def, k.value.r, x.r, tolerance) && (def.kind !== "status" || k.value.r.modality === x.r.modality));
  if (c) { c.statements.push(x); c.last = x.ref.order; }
  else clusters.push({ value: x, statements: [x], last: x.ref.order });
}

/** The earlier values a later statement changes, latest first. */
function changedBy(def: SlotDefinition, later: Reading, clusters: Cluster[], tolerance: number): Cluster[] {
  // A deal's value with its debt and one without are compared only with their own kind; a value that agrees
  // with the other kind may just be naming it ("its planned $108.7 billion acquisition", debt included).
  if (clusters.some((c) => basisOf(c.value.r) !== basisOf(later.r) && sameQuantity(c.value.r, later.r, def) && agree(def, c.value.r, later.r, tolerance))) return [];
  const same = clusters.filter((c) => sameQuantity(c.value.r, later.r, def) && basisOf(c.value.r) === basisOf(later.r) && sameScale(def, c.value.r, later.r));
  const latestFirst = [...same].sort((a, b) => b.last - a.last);
  if (def.kind === "status") {
    const stage = later.r.value as DealStage;
    // Told before, by the same authority when one is named: the same stage again is no change.
    if (same.some((c) => c.value.r.value === stage && c.value.r.modality !== "expected" && c.value.r.holder === later.r.holder)) return [];
    // Of the expectations it dashes, only the latest: each report of one renews it.
    const changed = latestFirst.filter((c) => stageChanged(c.value.r.value as DealStage, c.value.r.modality, stage));
    const latestExpected = changed.find((c) => c.value.r.modality === "expected");
    return changed.filter((c) => c.value.r.modality !== "expected" || c === latestExpected).slice(0, MAX_CHANGED);
  }
  if (later.r.replaced) return latestFirst.filter((c) => later.r.value === "postponed" || agree(def, c.value.r, later.r, tolerance)).slice(0, 1);
  const agreeing = same.filter((c) => agree(def, c.value.r, later.r, tolerance));
  // A value that agrees with an earlier one restates it, and raises nothing — unless what it agrees with is
  // only a rounder statement of an earlier figure it contradicts ("$84.5 billion" after "$85 billion" and
  // "$85.4 billion"). (An agreeing value is never looser than itself, so it is never among them; with none
  // agreeing, every value is.)
  const changed = latestFirst.filter((c) => agreeing.every((a) => agree(def, a.value.r, c.value.r, tolerance) && looseness(a.value.r) > looseness(c.value.r)));
  if (changed.length || def.movesOnly) return changed.slice(0, MAX_CHANGED);
  // A fact fixed in time (the month a suit was filed): siding with an older report against the latest one
  // contradicts the latest.
  const lastAgreeing = Math.max(...agreeing.map((a) => a.last));
  return latestFirst.filter((c) => c.last > lastAgreeing).slice(0, 1);
}

/** A deal value that does not say its basis is a price, as most reports mean it. */
function basisOf(r: SlotReading): "enterprise" | "price" {
  return r.basis === "enterprise" ? "enterprise" : "price";
}

/** How far apart two prices of one deal can be and still be one price that changed. */
const MAX_PRICE_RATIO = 5;
const PRICES = new Set(["deal-value", "price-per-share", "termination-fee", "reverse-termination-fee"]);

/**
 * Whether two figures can be one price: a price that changed stays within a few times itself; one a
 * thousand times another is the same price misprinted ("$69 million" for "$69 billion"); anything else
 * is another sum the text tells of (a credit line, bonds written off).
 */
function sameScale(def: SlotDefinition, a: SlotReading, b: SlotReading): boolean {
  if (!PRICES.has(def.id) || typeof a.value !== "number" || typeof b.value !== "number" || !a.value || !b.value) return true;
  const ratio = Math.max(a.value, b.value) / Math.min(a.value, b.value);
  if (ratio <= MAX_PRICE_RATIO) return true;
  // (Past five times, the nearest power of a thousand is a thousand or more.)
  const k = Math.round(Math.log10(ratio) / 3);
  return Math.abs(ratio / 1000 ** k - 1) < 0.02;
}

/** Whether two statements are about one quantity: one holder's stake in one company, one investor's money. */
function sameQuantity(a: SlotReading, b: SlotReading, def?: SlotDefinition): boolean {
  // A stage names its authority only sometimes ("blocked by the CMA", "blocked"): unnamed fits any.
  if (def?.kind === "status") return !a.holder || !b.holder || a.holder === b.holder;
  if ((a.holder || b.holder) && a.holder !== b.holder) return false;
  if (a.target && b.target && a.target !== b.target) return false;
  if (a.when && b.when && a.when !== b.when) return false;
  return true;
}

/**
 * Whether two statements give one value, to the finer one's precision: "$84.5 billion" and "$85 billion" may
 * both be true, but are not the same statement ("$85.4 billion" rounds to the one, not the other).
 */
function sameValue(def: SlotDefinition, a: SlotReading, b: SlotReading, tolerance: number): boolean {
  if (typeof a.value !== "number" || typeof b.value !== "number") return agree(def, a, b, tolerance);
  // Amounts in two currencies are two statements, however close at today's rates.
  if (def.kind === "money" && (a.currency ?? "USD") !== (b.currency ?? "USD")) return false;
  // "about $6.8 billion" and "$6.8 billion" are one statement; "more than $2 billion" is another kind.
  const open = (r: SlotReading) => { const k = boundOf(r.qualifier); return k === "atLeast" || k === "atMost" || k === "range" ? k : "exact"; };
  if (open(a) !== open(b)) return false;
  const finer = Math.min(roundingOf(a), roundingOf(b)) + tolerance;
  return Math.abs(a.value - b.value) <= finer * Math.max(Math.abs(a.value), Math.abs(b.value));
}

/** Whether two values of a slot can both be true, given qualifiers, ranges, rounding and currencies. */
export function agree(def: SlotDefinition, a: SlotReading, b: SlotReading, tolerance: number): boolean {
  if (def.kind === "status") return a.value === b.value;
  if (def.kind === "date") return sameDate(String(a.value), String(b.value));
  if (def.kind === "duration") return Math.abs(days(String(a.value)) - days(String(b.value))) <= 0.1 * Math.max(days(String(a.value)), days(String(b.value)));
  let slack = 0;
  let x = a, y = b;
  if (def.kind === "money" && (a.currency ?? "USD") !== (b.currency ?? "USD")) {
    // The same figure in another currency is the currency misprinted, not a conversion ("£68.7 billion" for "$68.7 billion").
    if (Math.abs((a.value as number) - (b.value as number)) <= 0.001 * Math.abs(a.value as number)) return false;
    const ra = USD_RATE[a.currency ?? "USD"], rb = USD_RATE[b.currency ?? "USD"];
    if (!ra || !rb) return true;
    x = inUsd(a, ra); y = inUsd(b, rb);
    slack = CURRENCY_SLACK;
  }
  const [lo1, hi1] = interval(x, tolerance + slack);
  const [lo2, hi2] = interval(y, tolerance + slack);
  return lo1 <= hi2 && lo2 <= hi1;
}

function inUsd(r: SlotReading, rate: number): SlotReading {
  const out = { ...r, value: (r.value as number) * rate };
  if (r.max !== undefined) out.max = r.max * rate;
  return out;
}

function interval(r: SlotReading, tolerance: number): [number, number] {
  const v = r.value as number;
  const slack = tolerance + roundingOf(r);
  switch (boundOf(r.qualifier)) {
    // "more than $2 billion" is a little more, not any amount above it; "up to 375 stores", not any number under it.
    case "atLeast": return [v * (1 - slack), v * OPEN_BOUND];
    case "atMost": return [v / OPEN_BOUND, v * (1 + slack)];
    case "range": return [v * (1 - slack), (r.max ?? v) * (1 + slack)];
    // "approximately $66.1 billion" is rounded to its last digit or so, not to a tenth of itself.
    case "approx": return [v * (1 - Math.max(0.05, 2 * slack)), v * (1 + Math.max(0.05, 2 * slack))];
    default: return r.max !== undefined ? [v * (1 - slack), r.max * (1 + slack)] : [v * (1 - slack), v * (1 + slack)];
  }
}

/** How much a statement leaves open: an open bound most, then "about", then the rounding of its last digit. */
function looseness(r: SlotReading): number {
  const b = boundOf(r.qualifier);
  if (b === "atLeast" || b === "atMost" || b === "range") return OPEN_BOUND - 1;
  return (b === "approx" ? 2 : 1) * roundingOf(r);
}

/** Half a unit of the last digit written, relative to the figure: "$71 billion" may be $71.3 billion rounded. */
function roundingOf(r: SlotReading): number {
  const digits = /(\d[\d,]*(?:\.(\d+))?)/.exec(r.text);
  if (!digits) return 0;
  const n = Number(digits[1]!.replace(/,/g, ""));
  if (!n) return 0;
  return Math.min(0.05, (0.5 * 10 ** -(digits[2]?.length ?? 0)) / n);
}

/** Dates agree at the precision both give, a period where it overlaps the other; a date without a year ("--11-26") is compared by month and day. */
function sameDate(a: string, b: string): boolean {
  if (a.startsWith("--") || b.startsWith("--")) {
    const md = (s: string) => (s.startsWith("--") ? s.slice(2) : s.split("/")[0]!.slice(5));
    const x = md(a), y = md(b);
    if (!x || !y || a.includes("/") || b.includes("/")) return true;
    return compareIso(x, y) === 0;
  }
  const [a0, a1 = a0] = a.split("/") as [string, string?];
  const [b0, b1 = b0] = b.split("/") as [string, string?];
  // Overlap at the precision each end gives: "2024" holds "2024-10", "2025-01/2025-06" does not hold "2024-12".
  return compareIso(a0, b1!) <= 0 && compareIso(b0, a1!) <= 0;
}

/** The days of an ISO 8601 duration as the recognizer writes them ("P3M", "P1.5Y", "P90D"); 0 for anything else. */
// One pattern anchored at both ends, each part a number and its unit: a global search for the parts backtracks
// super-linearly (regexSafety.test.ts).
function days(duration: string): number {
  const m = /^P(?:([\d.]+)Y)?(?:([\d.]+)M)?(?:([\d.]+)W)?(?:([\d.]+)D)?$/.exec(duration);
  if (!m) return 0;
  return Number(m[1] ?? 0) * 365 + Number(m[2] ?? 0) * 30.4 + Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0);
}

/** Two dates of a deadline this close are one deadline reported differently, unless the text says it moved. */
const SAME_DEADLINE_DAYS = 2;
/** A figure changed by less than this share is the same figure reported differently, unless the text says it changed. */
const REVISION_SHARE = 0.05;
/** Offer terms and plans: revised as talks go on, so a clear step between reports is a revision. */
const REVISED = new Set([...PRICES, "divest-count"]);

/**
 * Whether a change is the world changing (superseded) or reports disagreeing (conflict). A stage always moves
 * on; a figure misreported (a thousand times it, its digits in another order, the same figure in another
 * currency) is a conflict whatever the words; a change the text tells ("raised", "extended", "no longer") or
 * an expectation replaced is superseded; a date of an event that happens once is a conflict, a deadline
 * moved by a day or two without a word of it too; an offer's term or a plan that moved by a twentieth or more
 * is a revision, a smaller difference a disagreement; other figures (a stake, a market share, a total) differ
 * between reports only when they disagree, unless the text says they changed.
 */
function natureOfChange(def: SlotDefinition, earlier: SlotReading, later: SlotReading, valueModality: SlotReading["modality"]): NonNullable<Contradiction["nature"]> {
  if (def.kind === "status") return "superseded";
  if (misreported(def, earlier, later)) return "conflict";
  if (def.kind === "date" && !def.movesOnly && !later.replaced) return "conflict";
  if (later.changed || later.replaced) return "superseded";
  if (def.kind === "date") {
    // Days apart: NaN (never this close) when either is less precise than a day.
    return daysApart(String(earlier.value), String(later.value)) <= SAME_DEADLINE_DAYS ? "conflict" : "superseded";
  }
  if (def.movesOnly || valueModality === "expected") return "superseded";
  if (REVISED.has(def.id) && typeof earlier.value === "number" && typeof later.value === "number" && earlier.value && later.value) {
    const share = Math.abs(later.value - earlier.value) / Math.max(Math.abs(earlier.value), Math.abs(later.value));
    return share >= REVISION_SHARE ? "superseded" : "conflict";
  }
  return "conflict";
}

/** A later figure that reads as the earlier one misreported: a thousand times it, the same figure in another currency, an offer's term with its digits in another order. */
function misreported(def: SlotDefinition, a: SlotReading, b: SlotReading): boolean {
  if (typeof a.value !== "number" || typeof b.value !== "number" || !a.value || !b.value) return false;
  const ratio = Math.max(a.value, b.value) / Math.min(a.value, b.value);
  const k = Math.round(Math.log10(ratio) / 3);
  if (k >= 1 && Math.abs(ratio / 1000 ** k - 1) < 0.02) return true;
  if (def.kind === "money" && (a.currency ?? "USD") !== (b.currency ?? "USD") && a.value === b.value) return true;
  // Transposed digits in an offer's terms (a valuation from round to round may well go from 2.4 to 4.2); other
  // digits in the same order need two digits at least.
  if (!PRICES.has(def.id)) return false;
  const da = digitsOf(a.text), db = digitsOf(b.text);
  return da !== db && [...da].sort().join("") === [...db].sort().join("");
}

/** The digits a figure is written with, without leading zeros ("$84.5 billion" → "845"). */
function digitsOf(text: string): string {
  return text.replace(/\D/g, "").replace(/^0+/, "");
}

/** Days between two days of the year (YYYY-MM-DD, or --MM-DD taking the other's year); NaN when either is less precise. */
function daysApart(a: string, b: string): number {
  const year = !a.startsWith("--") ? a.slice(0, 4) : !b.startsWith("--") ? b.slice(0, 4) : "2000";
  const day = (x: string) => {
    const full = x.startsWith("--") ? `${year}${x.slice(1)}` : x;
    return /^\d{4}-\d\d-\d\d$/.test(full) ? Date.parse(`${full}T00:00:00Z`) : NaN;
  };
  return Math.abs(day(a) - day(b)) / 86_400_000;
}

function flag(topic: Topic, def: SlotDefinition, c: Cluster, later: Reading): Contradiction {
  // An expectation is renewed by each report of it: the latest one is what the later statement changes.
  const expected = def.kind === "status" && c.value.r.modality === "expected";
  // Otherwise the first report of the value, before any rumour or expectation of it.
  const earlier = expected ? c.statements[c.statements.length - 1]! : c.statements.find((x) => x.r.modality === "reported") ?? c.statements[0]!;
  const also = c.statements.filter((s) => s !== earlier).map((s) => s.ref.claim.id);
  const nature = natureOfChange(def, earlier.r, later.r, c.value.r.modality);
  const kind: Contradiction["kind"] = def.kind === "status" ? "status" : def.kind === "date" ? "date" : "value";
  const show = (x: Reading) => (def.kind === "status" ? STAGE_LABEL[x.r.value as DealStage] : x.r.text);
  const explanation = later.r.replaced
    ? `${later.ref.source} says the ${def.label.toLowerCase()} ${show(later)} no longer holds; ${earlier.ref.source} gave it`
    : `${later.ref.source} gives ${show(later)} for the ${def.label.toLowerCase()}; ${earlier.ref.source} gave ${show(earlier)}`;
  return {
    topic: topic.id,
    earlier: earlier.ref.claim.id,
    later: later.ref.claim.id,
    kind,
    confidence: nature === "conflict" ? 0.7 : 0.8,
    explanation,
    deal: dealId(topic.orgs),
    slot: def.id,
    earlierValue: earlier.r.value,
    laterValue: later.r.value,
    nature,
    alsoEarlier: also.slice(0, MAX_ALSO),
  };
}
