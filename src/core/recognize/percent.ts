import type { Fact } from "../types";
import { DIGITS, NUMBER_WORD, parseNumber } from "./numbers";
import { qualifierBefore } from "./qualifiers";
import { asciiLetters, twins } from "../text/ascii";

// "27%", "27 percent", "27-per-cent", "6.7 pct", "10pc", "five percent"; "percentage points" are moves, not shares, and a percentile is a rank.
const PERCENT = twins(new RegExp(
  `(?<![\\p{L}\\d.,%])(${DIGITS}|${NUMBER_WORD})(?:\\s?[-–]\\s?(${DIGITS}))?(%|\\s%|[\\s-]?(?:percent(?:age[\\s-]points?)?|per[\\s-]cent|pct|pc)(?!\\p{L}))`,
  "giu",
));

// Capitalised words that name a time or a place, not a company: "in May", "in Q3", "in Europe".
const NOT_A_COMPANY = "(?!(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Q[1-4]|H[12]|Europe|Asia|Africa|America|North|South|East|West)\\b)";

// What follows a stake figure: "a 27% stake", "49 percent-owned", "a 10% interest in", "a 5% shareholder".
const STAKE_AFTER = /^[\s)-]*(?:(?:equity|ownership|minority|majority|controlling|economic|voting|direct|indirect|combined|remaining|existing|additional|diluted|fully[\s-]diluted|non-voting)\s+)*(?:stake|stakes|holding|holdings|shareholding|shareholder|stockholder|stakeholder|owner|ownership|owned|held by|controlled by|position in|interest in\s+(?!cash\b|kind\b|arrears\b)|equity (?:in|of)|of the (?:company|firm|business|startup|group|equity|shares|voting)|of (?:its|their|the company['’]s) (?:shares|stock|equity|share capital|voting rights)|(?:on an? )?(?:as-converted|fully[- ]diluted|diluted|as-converted diluted) basis)\b/i;
// "a 51% controlling interest", "a 20 percent equity interest": an owner's interest, not a lender's.
const OWNERS_INTEREST = /^\s+(?:equity|ownership|economic|controlling|majority|minority|voting)\s+interest\b/i;
// A part of a company under another name: "a 40% share in Alder", "a 10% slice of Birch".
const PART_NOUN = /^\s+(?:share|slice|chunk|piece|portion)\b/i;
// A deal or holding verb in the last words before it: "owns 49 percent of", "agreed to buy the remaining 30% of".
const STAKE_BEFORE = /\b(?:stakes?|holdings?|shareholding|ownership|owns?|owned|owning|hold|holds|held|controls?|controlled|acquir(?:e|es|ed|ing)|buy(?:s|ing)?|bought|purchas(?:e|es|ed|ing)|sells?|selling|sold|divest(?:s|ed|ing)?|offload(?:s|ed)?|retains?|retained|keeps?|kept|takes?|took|taking|transfer(?:s|red)?|dilut(?:e|ed|ion)|receiv(?:e|es|ed|ing)|spin(?:s|ning)? off|spun off|distribut(?:e|es|ed|ing)|float(?:s|ed|ing)?)\b/i;
const OF_AN_OWNER = new RegExp(`^\\s+(?:of|in)\\s+(?:the\\s+)?(?:${NOT_A_COMPANY}\\p{Lu}|it\\b|its\\b|their\\b|(?:[a-z-]+\\s+){0,2}(?:company|firm|startup|business|group|lab|venture|carmaker|chipmaker|entity|unit|subsidiary|shares|stock|equity))`, "u");
// A share of something no one owns: sales, a market, voters, debt. "of the US grocery market", "of Contoso's revenue".
const NOT_OWNERSHIP = /^\s+(?:of|in)\s+(?:(?:the|its|their|all|every|\p{Lu}[\p{L}\d&.-]*['’]s?)\s+)?(?:[\p{L}.-]+\s+){0,2}?(?:revenues?|sales?|profits?|earnings|income|proceeds|cash|costs?|fees|royalties|debt|bonds|loans|notes|assets|portfolio|reserves|deposits|seats|market|customers|users|subscribers|households|population|workforce|staff|employees|fortune|traffic|votes?|ballots|voters|shareholders|stockholders|investors|respondents|share price|output|production|supply|shipments|capacity|demand|spending|downloads|industry|sector|segment)\b/iu;
// A figure that moves, prices or rates something: "5% higher", "a 30% premium", "a 4% rise", "a 3% lead".
const MOVE_AFTER = /^[\s-]*(?:higher|lower|(?:up|down)(?!\s+from)|above|below|gains?|rise|drop|fall|jump|increase|decrease|decline|premium|discount|lead|margin|yield|return|returns|rate|coupon|chance|annual|annually|(?:a|per) year(?!\s+(?:ago|earlier|before))|year-on-year|of the vote)\b/i;
// Level verbs: "inflation held at 3%", "kept steady at 5%".
const LEVEL_BEFORE = /\b(?:held|holds?|holding|kept|keeps?|keeping)\s+(?:(?:steady|unchanged|flat)\s+)?at\s+$/i;
// Vote results: "approved by 97% of votes cast", "88% of the shares voted in favour".
const VOTE_BEFORE = /\b(?:approved|backed|supported|rejected|opposed|endorsed)\s+by\s+(?:(?:about|nearly|almost|more than|over|some|around)\s+)*$/i;
const VOTE_AFTER = /^\s+(?:of\s+(?:the\s+)?(?:shares|stock)\s+)?(?:(?:shareholder|stockholder)s?['’]?\s+)?(?:voted|votes?|in favou?r|against|approval|support|backing|turnout)\b/i;
// A holding verb right before the figure: "Microsoft holds about 27%", "owns a controlling 51 percent", "holds up to 9%".
const HELD = /\b(?:owns?|owned|owning|holds?|held|holding|controls?|controlled|retains?|retained|retaining|keeps?|kept)\s+(?:(?:about|roughly|around|nearly|almost|some|approximately|estimated|between|a|an|the|just|over|under|more than|less than|up to|at least|as much as|close to|slightly|little|only|another|further|additional|majority|minority|controlling|combined|remaining|total of|collectively|jointly|directly|indirectly|effectively)\s+)*$/i;
// "has" is a holding only with a company named after the figure: "Alder has 20% of Birch".
const HAS = /\b(?:has|have|had)\s+(?:(?:about|roughly|around|nearly|almost|some|approximately|just|over|under|more than|less than|close to)\s+)*$/i;
// "the 45% of Contoso it does not already own", "the 20% that Northwind holds": the figure is a part of a company.
const OWNED_PART_AFTER = /^\s+(?:of\s+(?:\p{Lu}[\p{L}\d&.-]*\s+){1,4})?(?:that\s+|which\s+)?(?:it|they|he|she|we|\p{Lu}[\p{L}\d&.-]*(?:\s+\p{Lu}[\p{L}\d&.-]*){0,3})\s+(?:(?:does|did|do)(?:\s+not|n['’]t)\s+|already\s+|currently\s+|still\s+|now\s+)*(?:own|owns|owned|hold|holds|held|control|controls|controlled)\b/u;
// "its 25% in Birch", "Northwind's 18% of Alder": a possessor's part of a named company.
const POSSESSOR_BEFORE = /(?:\b(?:its|their|his|her)|(?<![\p{L}\d&.-])\p{Lu}[\p{L}\d&.-]*['’]s?)\s+(?:(?:remaining|entire|existing|current|whole|own|combined|roughly|about|nearly|around|approximately|some)\s+)*$/u;
const IN_A_NAME = new RegExp(`^\\s+(?:in|of)\\s+(?:the\\s+)?${NOT_A_COMPANY}\\p{Lu}`, "u");
// "the largest shareholder with 20%", "a holder, with 7%".
const HOLDER_WITH = /\b(?:shareholder|stockholder|stakeholder|owner|holder|investor)s?,?\s+with\s+(?:(?:about|roughly|around|nearly|almost|some|approximately|a|an|just|over|under|more than|less than)\s+)*$/i;
// "Alder owns 70% of Birch and Contoso the remaining 30%": the rest of a company just shared out.
const REST_BEFORE = /\b(?:remaining|other|outstanding|balance of|rest of)\s+$/i;
// A figure listed with a stake: "will own 55% and 45%", "now 12%, up from 9%".
const LISTED_AFTER = /^\s*(?:,\s*(?:(?:and|or|(?:up|down)\s+from)\s+)?|(?:and|or|(?:up|down)\s+from)\s+)$/i;
// A market's shares are not owners' shares; without a company named, "Birch controls 30%" in such a sentence is the market's.
const MARKET_TALK = /\bmarket\s+share|\bshare\s+of\s+(?:the\s+)?(?:[\p{L}.-]+\s+){0,2}?market\b|\bof\s+the\s+(?:[\p{L}.-]+\s+){0,3}?(?:market|industry|sector)\b/iu;
const PRICE_MOVE = /\b(?:shares?|stock)\s+(?:of\s+\S+\s+)?(?:fell|rose|dropped|climbed|jumped|gained|lost|slid|sank|surged)\b/i;
// "its stake in Alder fell 12%", "the stake is worth 3% of its assets": the figure is the stake's value.
const VALUE_MOVE = /\b(?:fell|rose|dropped|climbed|jumped|gained|lost|slid|sank|surged|declined|tumbled|soared|plunged|returned|worth|valued|represents?|accounts? for)\b/i;

/** Percentages; those that measure ownership are stakes. */
export function recognizePercentages(text: string): Fact[] {
  const out: Fact[] = [];
  for (const m of text.matchAll(PERCENT.of(asciiLetters(text)))) {
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
  for (let i = 0; i < out.length; i++) if (isStake(text, out[i]!, out, out[i - 1])) out[i]!.kind = "stake";
  return out;
}

function isStake(text: string, f: Fact, all: Fact[], previous: Fact | undefined): boolean {
  // A range is read from its last figure on: "own between 14% and 16% of Alder" is a share of Alder at both ends.
  const last = f.max === undefined ? undefined : all.find((o) => o.start > f.start && o.max === f.max && o.value === f.max);
  const tail = last ? last.end : f.end;
  const after = text.slice(tail, tail + 60);
  const sentenceStart = Math.max(text.lastIndexOf(". ", f.start), text.lastIndexOf("\n", f.start), f.start - 80);
  const before = text.slice(Math.max(0, sentenceStart), f.start);
  if (VOTE_BEFORE.test(before) || VOTE_AFTER.test(after)) return false;
  if (STAKE_AFTER.test(after) || OWNERS_INTEREST.test(after)) return true;
  // The second figure of a range shares the first's reading: "stake between 6.7 percent and 8.1 percent".
  const partner = all.find((o) => o !== f && o.max !== undefined && o.max === f.max && o.start < f.start);
  if (partner && partner.kind === "stake") return true;
  const listed = previous?.kind === "stake" && previous.start >= sentenceStart && LISTED_AFTER.test(text.slice(previous.end, f.start));
  if (NOT_OWNERSHIP.test(after) || (!listed && MOVE_AFTER.test(after)) || LEVEL_BEFORE.test(before)) return false;
  const stakeWord = /\bstakes?\b((?:[^.;,]|\.\d){0,30})$/i.exec(before);
  if (stakeWord && !/\bat stake\b/i.test(before)) return !VALUE_MOVE.test(stakeWord[1]!);
  if (/\b(?:holding|shareholding|ownership)\b(?:[^.;]|\.\d){0,20}\b(?:to|from|at|of|by)\s+$/i.test(before)) return true;
  if (/^\s*(?:market\s+share|(?:share|slice|portion|cut)\s+of\s+(?:the\s+|its\s+)?(?:[\w-]+\s+){0,2}?(?:market|sales|revenue|segment|industry|sector|business))/i.test(after)) return false;
  const part = PART_NOUN.exec(after);
  if (part) {
    const rest = after.slice(part[0].length);
    return !NOT_OWNERSHIP.test(rest) && OF_AN_OWNER.test(rest);
  }
  const named = OF_AN_OWNER.test(after);
  // Elliptical figures ("while Birch controls 30%") read as the sentence reads: a market's share when it speaks of one.
  const marketTalk = !named && MARKET_TALK.test(text.slice(Math.max(0, sentenceStart), sentenceEnd(text, f.end)));
  if (OWNED_PART_AFTER.test(after) && !marketTalk) return true;
  if (HELD.test(before) && !marketTalk) return true;
  if (HAS.test(before) && named) return true;
  if (HOLDER_WITH.test(before)) return true;
  if (POSSESSOR_BEFORE.test(before) && IN_A_NAME.test(after)) return true;
  if (listed) return true;
  if (previous?.kind === "stake" && previous.start >= sentenceStart && REST_BEFORE.test(before)) return true;
  return named && STAKE_BEFORE.test(clauseTail(before, 52)) && !PRICE_MOVE.test(before);
}

/** The last `n` characters of `before` within its clause (a decimal point ends none), from a word's start. */
function clauseTail(before: string, n: number): string {
  let from = Math.max(0, before.length - n);
  for (let i = before.length - 1; i >= from; i--) {
    const c = before[i]!;
    if ((c === "." && !isDigit(before[i + 1])) || c === ";" || c === ":" || c === "!" || c === "?") return before.slice(i + 1);
  }
  while (from > 0 && from < before.length && before[from - 1] !== " " && before[from - 1] !== "\n") from++;
  return before.slice(from);
}

function isDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
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
