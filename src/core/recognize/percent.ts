import type { Fact } from "../types";
import { DIGITS, NUMBER_WORD, parseNumber } from "./numbers";
import { qualifierBefore } from "./qualifiers";

// "27%", "27 percent", "27-per-cent", "6.7 pct", "10pc", "five percent"; "percentage points" are moves, not shares, and a percentile is a rank.
const PERCENT = new RegExp(
  `(?<![\\p{L}\\d.,])(${DIGITS}|${NUMBER_WORD})(?:\\s?[-–]\\s?(${DIGITS}))?(%|\\s%|[\\s-]?(?:percent(?:age[\\s-]points?)?|per[\\s-]cent|pct|pc)(?!\\p{L}))`,
  "giu",
);

// Capitalised words that name a time or a place, not a company: "in May", "in Q3", "in Europe".
const NOT_A_COMPANY = "(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4]|H[12]|Europe|Asia|Africa|America|North|South|East|West)\\b)";

// What follows a stake figure: "a 27% stake", "49 percent-owned", "a 10% interest in".
const STAKE_AFTER = /^[\s-]*(?:(?:equity|ownership|minority|majority|controlling|economic|voting|direct|indirect|combined|remaining|existing|additional|diluted|fully[\s-]diluted|non-voting)\s+)*(?:stake|stakes|holding|holdings|shareholding|interest in|ownership|owned|equity (?:in|of)|of the (?:company|firm|business|startup|group|equity|shares|voting)|(?:on an? )?(?:as-converted|fully[- ]diluted|diluted|as-converted diluted) basis)\b/i;
// What comes before it: "owns 49 percent of", "stake between 6.7 and", "raised its holding to".
const STAKE_BEFORE = /\b(?:stakes?|holdings?|shareholding|ownership|owns?|owned|owning|hold|holds|held|controls?|controlled|acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|sells?|selling|sold|divest(?:s|ed|ing)?|offload(?:s|ed)?|retains?|retained|keeps?|kept|takes?|took|taking|transfer(?:s|red)?|dilut(?:e|ed|ion))\b[^.;:!?]{0,40}$/i;
const OF_AN_OWNER = new RegExp(`^\\s+(?:of|in)\\s+(?:${NOT_A_COMPANY}\\p{Lu}|it\\b|its\\b|their\\b|(?:the\\s+)?(?:[a-z-]+\\s+){0,2}(?:company|firm|startup|business|group|lab|venture|carmaker|chipmaker|entity|shares|stock|equity))`, "u");
// A share of something no one owns: sales, a market, voters, debt. "of the US grocery market", "of Contoso's revenue".
const NOT_OWNERSHIP = /^\s+(?:of|in)\s+(?:(?:the|its|their|all|every|\p{Lu}[\p{L}\d&.-]*['’]s?)\s+)?(?:[\p{L}.-]+\s+){0,2}?(?:revenues?|sales?|profits?|earnings|income|proceeds|cash|costs?|fees|royalties|debt|bonds|loans|notes|assets|portfolio|reserves|deposits|seats|market|customers|users|subscribers|households|population|workforce|staff|employees|fortune|traffic|votes?|ballots|voters|shareholders|stockholders|investors|respondents|share price|output|production|supply|shipments|capacity|demand|spending|downloads|industry|sector|segment)\b/iu;
// A figure that moves, prices or rates something: "5% higher", "a 30% premium", "a 4% rise", "a 3% lead".
const MOVE_AFTER = /^[\s-]*(?:higher|lower|(?:up|down)(?!\s+from)|above|below|gains?|rise|drop|fall|jump|increase|decrease|decline|premium|discount|lead|margin|yield|return|returns|rate|coupon|chance|annual|annually|(?:a|per) year(?!\s+(?:ago|earlier|before))|year-on-year|of the vote)\b/i;
// Level verbs: "inflation held at 3%", "kept steady at 5%".
const LEVEL_BEFORE = /\b(?:held|holds?|holding|kept|keeps?|keeping)\s+(?:(?:steady|unchanged|flat)\s+)?at\s+$/i;
// Vote results: "approved by 97% of votes cast", "88% of the shares voted in favour".
const VOTE_BEFORE = /\b(?:approved|backed|supported|rejected|opposed|endorsed)\s+by\s+(?:(?:about|nearly|almost|more than|over|some|around)\s+)*$/i;
const VOTE_AFTER = /^\s+(?:of\s+(?:the\s+)?(?:shares|stock)\s+)?(?:(?:shareholder|stockholder)s?['’]?\s+)?(?:voted|votes?|in favou?r|against|approval|support|backing|turnout)\b/i;
// A holding verb right before the figure: "Microsoft holds about 27%", "owns 49 percent".
const HELD = /\b(?:owns?|owned|holds?|held|controls?|controlled|retains?|retained|keeps?)\s+(?:(?:about|roughly|around|nearly|almost|some|approximately|an estimated|a|an|just over|just under|more than|less than)\s+)*$/i;
// A market's shares are not owners' shares; without a company named, "Birch controls 30%" in such a sentence is the market's.
const MARKET_TALK = /\bmarket\s+share|\bshare\s+of\s+(?:the\s+)?(?:[\p{L}.-]+\s+){0,2}?market\b|\bof\s+the\s+(?:[\p{L}.-]+\s+){0,3}?(?:market|industry|sector)\b/iu;
const PRICE_MOVE = /\b(?:shares?|stock)\s+(?:of\s+\S+\s+)?(?:fell|rose|dropped|climbed|jumped|gained|lost|slid|sank|surged)\b/i;
// "its stake in Alder fell 12%", "the stake is worth 3% of its assets": the figure is the stake's value.
const VALUE_MOVE = /\b(?:fell|rose|dropped|climbed|jumped|gained|lost|slid|sank|surged|declined|tumbled|soared|plunged|returned|worth|valued|represents?|accounts? for)\b/i;

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
  const sentenceStart = Math.max(text.lastIndexOf(". ", f.start), text.lastIndexOf("\n", f.start), f.start - 80);
  const before = text.slice(Math.max(0, sentenceStart), f.start);
  if (VOTE_BEFORE.test(before) || VOTE_AFTER.test(after)) return false;
  if (STAKE_AFTER.test(after)) return true;
  // The second figure of a range shares the first's reading: "stake between 6.7 percent and 8.1 percent".
  const partner = all.find((o) => o !== f && o.max !== undefined && o.max === f.max && o.start < f.start);
  if (partner && partner.kind === "stake") return true;
  if (NOT_OWNERSHIP.test(after) || MOVE_AFTER.test(after) || LEVEL_BEFORE.test(before)) return false;
  const stakeWord = /\bstakes?\b((?:[^.;,]|\.\d){0,30})$/i.exec(before);
  if (stakeWord && !/\bat stake\b/i.test(before)) return !VALUE_MOVE.test(stakeWord[1]!);
  if (/\b(?:holding|shareholding|ownership)\b[^.;]{0,20}\b(?:to|from|at|of|by)\s+$/i.test(before)) return true;
  if (/^\s*(?:market\s+share|(?:share|slice|portion|cut)\s+of\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:market|sales|revenue|segment|industry|sector|business))/i.test(after)) return false;
  const named = OF_AN_OWNER.test(after);
  // Elliptical figures ("while Birch controls 30%") read as the sentence reads: a market's share when it speaks of one.
  const marketTalk = !named && MARKET_TALK.test(text.slice(Math.max(0, sentenceStart), sentenceEnd(text, f.end)));
  if (HELD.test(before) && !marketTalk) return true;
  return STAKE_BEFORE.test(before) && named && !PRICE_MOVE.test(before);
}

function sentenceEnd(text: string, from: number): number {
  const limit = Math.min(text.length, from + 200);
  for (let i = from; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || ((c === 46 || c === 59) && (i + 1 >= text.length || text.charCodeAt(i + 1) === 32))) return i;
  }
  return limit;
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
