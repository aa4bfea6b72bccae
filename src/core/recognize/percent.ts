import type { Fact } from "../types";
import { DIGITS, NUMBER_WORD, parseNumber } from "./numbers";
import { qualifierBefore } from "./qualifiers";

// "27%", "27 percent", "27-per-cent", "6.7 pct", "10pc", "five percent"; "percentage points" are moves, not shares, and a percentile is a rank.
const PERCENT = new RegExp(
  `(?<![\\p{L}\\d.,])(${DIGITS}|${NUMBER_WORD})(?:\\s?[-–]\\s?(${DIGITS}))?(%|\\s%|[\\s-]?(?:percent(?:age[\\s-]points?)?|per[\\s-]cent|pct|pc)(?!\\p{L}))`,
  "giu",
);

// What follows a stake figure: "a 27% stake", "49 percent-owned", "a 10% interest in".
const STAKE_AFTER = /^[\s-]*(?:(?:equity|ownership|minority|majority|controlling|economic|voting|direct|indirect|combined|remaining|existing|additional|diluted|fully[\s-]diluted|non-voting)\s+)*(?:stake|stakes|holding|holdings|shareholding|interest in|ownership|owned|equity (?:in|of)|of the (?:company|firm|business|startup|group|equity|shares|voting)|(?:on an? )?(?:as-converted|fully[- ]diluted|diluted|as-converted diluted) basis)\b/i;
// What comes before it: "owns 49 percent of", "stake between 6.7 and", "raised its holding to".
const STAKE_BEFORE = /\b(?:stakes?|holdings?|shareholding|ownership|owns?|owned|owning|hold|holds|held|controls?|controlled|acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|sells?|selling|sold|divest(?:s|ed|ing)?|offload(?:s|ed)?|retains?|retained|keeps?|kept|takes?|took|taking|transfer(?:s|red)?|dilut(?:e|ed|ion))\b[^.;:!?]{0,40}$/i;
const OF_AN_OWNER = /^\s+(?:of|in)\s+(?:\p{Lu}|it\b|its\b|their\b|(?:the\s+)?(?:[a-z-]+\s+){0,2}(?:company|firm|startup|business|group|lab|venture|carmaker|chipmaker|entity|shares|stock|equity))/u;
const NOT_OWNERSHIP = /^\s+(?:of|in)\s+(?:the\s+|its\s+|their\s+)?(?:global\s+|world\s+|total\s+|annual\s+)?(?:revenue|sales|profits?|earnings|market|customers|users|workforce|staff|employees|the fortune|fortune|traffic|votes?|share price|output|production|supply|shipments|capacity|demand|spending|downloads)/i;
// A holding verb right before the figure: "Microsoft holds about 27%", "owns 49 percent".
const HELD = /\b(?:owns?|owned|holds?|held|controls?|controlled|retains?|retained|keeps?)\s+(?:(?:about|roughly|around|nearly|almost|some|approximately|an estimated|a|an|just over|just under|more than|less than)\s+)*$/i;

/** Percentages; those that measure ownership are stakes. */
export function recognizePercentages(text: string): Fact[] {
  const out: Fact[] = [];
  for (const m of text.matchAll(PERCENT)) {
    const [whole, a, b, unit] = m;
    if (/points?$/i.test(unit!)) continue;
    // "pc" is British news's percent only in lower case; "10 PC" is a computer.
    if (/pc$/i.test(unit!) && !unit!.endsWith("pc")) continue;
    const n = parseNumber(a!);
    if (n === null) continue;
    const start = m.index!, end = start + whole.length;
    const fact: Fact = { kind: "percent", text: whole, start, end, value: round(n / 100) };
    if (b) {
      const hi = parseNumber(b);
      if (hi !== null && hi > n) fact.max = round(hi / 100);
    }
    const q = qualifierBefore(text, start);
    if (q) fact.qualifier = q;
    out.push(fact);
  }
  linkRanges(text, out);
  for (const f of out) if (isStake(text, f, out)) f.kind = "stake";
  return out;
}

function isStake(text: string, f: Fact, all: Fact[]): boolean {
  const after = text.slice(f.end, f.end + 60);
  if (STAKE_AFTER.test(after)) return true;
  // The second figure of a range shares the first's reading: "stake between 6.7 percent and 8.1 percent".
  const partner = all.find((o) => o !== f && o.max !== undefined && o.max === f.max && o.start < f.start);
  if (partner && partner.kind === "stake") return true;
  const sentenceStart = Math.max(text.lastIndexOf(". ", f.start), text.lastIndexOf("\n", f.start), f.start - 80);
  const before = text.slice(Math.max(0, sentenceStart), f.start);
  if (NOT_OWNERSHIP.test(after)) return false;
  if (/\bstakes?\b[^.;,]{0,30}$/i.test(before) && !/\bat stake\b/i.test(before)) return true;
  if (/\b(?:holding|shareholding|ownership)\b[^.;]{0,20}\b(?:to|from|at|of|by)\s+$/i.test(before)) return true;
  if (/^\s*(?:market\s+share|(?:share|slice|portion|cut)\s+of\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:market|sales|revenue|segment|industry|sector|business))/i.test(after)) return false;
  if (HELD.test(before)) return true;
  return STAKE_BEFORE.test(before) && OF_AN_OWNER.test(after) && !/\b(?:shares?|stock)\s+(?:of\s+\S+\s+)?(?:fell|rose|dropped|climbed|jumped|gained|lost|slid|sank|surged)\b/i.test(before);
}

/** "between 6.7 percent and 8.1 percent", "6.7% to 8.1%": both figures learn the range. */
function linkRanges(text: string, facts: Fact[]): void {
  for (let i = 0; i + 1 < facts.length; i++) {
    const a = facts[i]!, b = facts[i + 1]!;
    const gap = text.slice(a.end, b.start);
    const between = /\b(?:between|from)\s+$/i.test(text.slice(Math.max(0, a.start - 12), a.start));
    if (!(/^\s*(?:-|–|to)\s*$/i.test(gap) || (between && /^\s*and\s*$/i.test(gap)))) continue;
    const av = a.value as number, bv = b.value as number;
    if (av < bv) { a.max = bv; b.max = bv; a.qualifier ??= "between"; b.qualifier ??= "between"; }
  }
}

function round(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}
