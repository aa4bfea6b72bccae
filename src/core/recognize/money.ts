import type { Fact } from "../types";
import { DIGITS, NUMBER_WORD, parseNumber, scaleOf } from "./numbers";
import { qualifierBefore } from "./qualifiers";
import { asciiLetters, twins } from "../text/ascii";

const SYMBOL_CURRENCY: Record<string, string> = {
  $: "USD", us$: "USD", "u.s.$": "USD", $us: "USD", $a: "AUD", $c: "CAD", c$: "CAD", ca$: "CAD", a$: "AUD", au$: "AUD", hk$: "HKD", s$: "SGD", nz$: "NZD",
  nt$: "TWD", r$: "BRL", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₩": "KRW", rs: "INR", "rs.": "INR",
};
const CODES = "USD|EUR|GBP|JPY|CHF|CAD|AUD|CNY|RMB|INR|HKD|SGD|KRW|SEK|NOK|DKK|BRL|MXN|ZAR|NZD|TWD";
const WORD_CURRENCY: Record<string, string> = {
  dollar: "USD", dollars: "USD", euro: "EUR", euros: "EUR", pound: "GBP", pounds: "GBP", yen: "JPY", yuan: "CNY",
  renminbi: "CNY", franc: "CHF", francs: "CHF", rupee: "INR", rupees: "INR", won: "KRW",
};
const WORD_PREFIX_CURRENCY: Record<string, string> = {
  canadian: "CAD", australian: "AUD", "hong kong": "HKD", singapore: "SGD", "new zealand": "NZD", swiss: "CHF",
};

const SYMBOL = `(?:(?:US|U\\.S\\.|CA?|AU?|HK|S|NZ|NT|R)\\$\\s?|\\$(?:US|A|C)(?=\\d)|\\$|€|£|¥|₹|₩|(?:${CODES})\\s?|Rs\\.?\\s?)`;
const SCALE_WORD = "(?:trillion|billion|million|thousand|crores?|lakhs?)";
const SCALE_ABBR = "(?:tn|trn|bn|bln|mn|mln|mil)";
const SCALE_LETTER = "(?:mm|k|m|b|t)";
// "$110 billion", "$44-billion", "$110bn", "$1.25B", "$5-10 billion", "USD 40 billion"
// A currency code or "Rs" starts a word: "shareholders 0.76 francs" holds no rupees. (The look-behind also makes
// the scan fast: it fails at once inside a word.)
const PREFIXED = twins(new RegExp(
  `(?<![\\p{L}\\d])(${SYMBOL})(${DIGITS})(?:\\s?[-–]\\s?(${DIGITS}))?` +
    `(?:(?:\\s|-)(${SCALE_WORD})|\\s?(${SCALE_ABBR})|(${SCALE_LETTER}))?(?![\\p{L}\\d])`,
  "giu",
));
// "110 billion dollars", "two billion euros", "40 billion USD", "half a billion dollars"
const SUFFIXED = twins(new RegExp(
  `(?<![\\p{L}\\d$€£¥.,])((?:half an?|an?|${NUMBER_WORD}|${DIGITS}))(?:\\s|-)(${SCALE_WORD})?[\\s-]?` +
    `(?:(U\\.?S\\.?|Canadian|Australian|Hong Kong|Singapore|New Zealand|Swiss)\\s)?(dollars?|euros?|pounds?(?: sterling)?|yen|yuan|renminbi|francs?|rupees?|won|${CODES})(?![\\p{L}\\d])`,
  "giu",
));
// "310p a share", "345 pence", "50 cents a share": sub-units, valued in the currency's units. A bare "p" counts
// only before "a share" / "per share" ("1080p" is a screen, not a price).
const SUBUNIT = twins(new RegExp(`(?<![\\p{L}\\d$€£¥.,])(${DIGITS})(?:\\s?(pence|cents?)|(p)(?=\\s(?:a|per)\\sshare\\b))(?![\\p{L}\\d])`, "giu"));
const PER = /^\s?(?:a|per|\/|for each)\s?(share|unit|barrel|ton|tonne|ounce|month|year|user|subscriber|employee)\b/i;

/** Money amounts with their value in currency units. Vague amounts ("multibillion-dollar") are not amounts. */
export function recognizeMoney(text: string): Fact[] {
  const out: Fact[] = [];
  const ascii = asciiLetters(text);
  // Later patterns only fill the gaps the earlier ones left.
  const taken = (start: number, end: number) => out.some((f) => f.start < end && start < f.end);
  for (const m of text.matchAll(PREFIXED.of(ascii))) {
    const [whole, sym, a, b, sw, sa, sl] = m;
    const symbol = sym!.trim().toLowerCase();
    const currency = SYMBOL_CURRENCY[symbol] ?? symbol.toUpperCase().replace("RMB", "CNY");
    const scale = scaleOf(sw ?? sa ?? sl);
    const lo = parseNumber(a!);
    if (lo === null) continue;
    const fact = build(text, m.index!, m.index! + whole.length, lo * scale, currency);
    if (b) {
      const hi = parseNumber(b);
      if (hi !== null && hi > lo) fact.max = hi * scale;
    }
    out.push(fact);
  }
  for (const m of text.matchAll(SUFFIXED.of(ascii))) {
    const [whole, num, scaleWord, place, cur] = m;
    const start = m.index!;
    if (taken(start, start + whole.length)) continue;
    const n = /^half/i.test(num!) ? 0.5 : parseNumber(num!.replace(/^an?$/i, "a"));
    if (n === null) continue;
    // "a dollar" alone, or "two dollars" without a scale, is not a deal figure worth a fact.
    if (!scaleWord && !/\d/.test(num!)) continue;
    // "a 100 billion-franc credit line" is an amount; "a billion-dollar deal" only says how big.
    if (/-(?:\p{L}+\s)?\p{L}+$/u.test(whole) && !/\d/.test(num!)) continue;
    const word = cur!.toLowerCase().split(" ")[0]!;
    let currency = WORD_CURRENCY[word] ?? cur!.toUpperCase();
    if (place && currency === "USD") currency = WORD_PREFIX_CURRENCY[place.toLowerCase()] ?? "USD";
    out.push(build(text, start, start + whole.length, n * scaleOf(scaleWord), currency));
  }
  for (const m of text.matchAll(SUBUNIT.of(ascii))) {
    const [whole, num, word] = m;
    const start = m.index!;
    if (taken(start, start + whole.length)) continue;
    const n = parseNumber(num!);
    if (n === null) continue;
    const fact = build(text, start, start + whole.length, 0, word && /^cent/i.test(word) ? "USD" : "GBP");
    fact.value = Math.round(n * 100) / 1e4; // "12.5p" is 0.125 pounds: finer than build's cents
    out.push(fact);
  }
  linkRanges(text, out);
  return out.sort((x, y) => x.start - y.start);
}

function build(text: string, start: number, end: number, value: number, currency: string): Fact {
  const fact: Fact = { kind: "money", text: text.slice(start, end), start, end, value: round(value), currency };
  const q = qualifierBefore(text, start);
  if (q) fact.qualifier = q;
  const per = PER.exec(text.slice(end, end + 20));
  if (per) fact.per = per[1]!.toLowerCase();
  return fact;
}

/** "$5 to $10 billion": the first figure borrows the second's scale; both learn the range. */
function linkRanges(text: string, facts: Fact[]): void {
  facts.sort((x, y) => x.start - y.start);
  for (let i = 0; i + 1 < facts.length; i++) {
    const a = facts[i]!, b = facts[i + 1]!;
    const gap = text.slice(a.end, b.start);
    if (!/^\s*(?:-|–|to|and)\s*$/i.test(gap) || a.currency !== b.currency) continue;
    const between = /\b(?:between|from)\s+$/i.test(text.slice(Math.max(0, a.start - 12), a.start));
    if (!between && !/^\s*(?:-|–|to)\s*$/i.test(gap)) continue;
    let av = a.value as number;
    const bv = b.value as number;
    if (av < bv / 1000 && !/[a-z]$/i.test(a.text)) { av = round(av * scaleFactor(b.text)); a.value = av; }
    if (av < bv) { a.max = bv; b.max = bv; a.qualifier ??= "between"; b.qualifier ??= "between"; }
  }
}

function scaleFactor(text: string): number {
  const m = /(trillion|billion|million|thousand|tn|trn|bn|bln|mn|mln|mil|mm|k|m|b|t)$/i.exec(text.replace(/\s?(?:dollars?|euros?|pounds?)$/i, "").trimEnd());
  return scaleOf(m?.[1]);
}

function round(v: number): number {
  return Math.round(v * 100) / 100;
}
