import type { Fact } from "../types";
import { keepLongest } from "../text/spans";
import { PrefixIndex, matchEach, wordOrDigitsStart } from "./prefixes";
import { NUMBER_WORD, parseNumber } from "./numbers";
import { addDays, addMonths, iso, isoWeek, isValidDay, monthIndex, parseIso, weekday, WEEKDAYS, type Ymd } from "./calendar";

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?)";
const YEAR = "(?:19|20)\\d{2}";
const DAY = "(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?";
const PART = "(?:early|mid|late|the end of|end of|the beginning of|beginning of|the start of|start of|the middle of|middle of)";
const ORDINAL_Q = "(?:first|second|third|fourth|1st|2nd|3rd|4th)";
const COUNT = `(?:\\d+|${NUMBER_WORD}|a|an|a few|a couple of|several)`;
const UNIT = "(?:day|week|month|year|quarter|decade)";

/** `ahead`: the text says the date is still to come ("until 3 July"), so a date without a year is the next one. */
type Resolver = (m: RegExpExecArray, pub: Ymd | null, ahead: boolean) => string | null;
interface Rule { kind: string; re: RegExp; resolve: Resolver; duration?: boolean }

const rules: Rule[] = [
  { kind: "absolute", re: /\b((?:19|20)\d{2})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/g, resolve: (m) => iso(+m[1]!, +m[2]! - 1, +m[3]!) },
  { kind: "absolute", re: new RegExp(`\\b(${MONTH})\\s(${DAY}),?\\s(${YEAR})\\b`, "g"), resolve: (m) => day(+m[3]!, m[1]!, m[2]!) },
  { kind: "absolute", re: new RegExp(`\\b(${DAY})\\s(?:of\\s)?(${MONTH}),?\\s(${YEAR})\\b`, "g"), resolve: (m) => day(+m[3]!, m[2]!, m[1]!) },
  { kind: "month_year", re: new RegExp(`\\b(?:${PART}[\\s-])?(${MONTH})(?:\\s(?:of\\s)?|,\\s?)(${YEAR})\\b`, "g"), resolve: (m) => iso(+m[2]!, monthIndex(m[1]!)) },
  { kind: "absolute", re: new RegExp(`\\b(${MONTH})\\s(${DAY})\\b(?![,.]?\\s?\\d|\\s?%|\\.\\d)`, "g"), resolve: (m, p, ahead) => (p ? day(yearFor(monthIndex(m[1]!), p, ahead), m[1]!, m[2]!) : null) },
  { kind: "absolute", re: new RegExp(`\\b(${DAY})\\s(?:of\\s)?(${MONTH})\\b(?!\\s?,?\\s?\\d)`, "g"), resolve: (m, p, ahead) => (p ? day(yearFor(monthIndex(m[2]!), p, ahead), m[2]!, m[1]!) : null) },
  { kind: "month", re: new RegExp(`\\b${PART}[\\s-](${MONTH})\\b`, "gi"), resolve: (m, p, ahead) => month(m[1]!, p, ahead) },
  { kind: "month", re: new RegExp(`(?<=\\b(?:[Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Tt]ill|[Tt]hrough|[Dd]uring|[Ff]rom|[Bb]efore|[Aa]fter|[Ll]ast|[Nn]ext|[Tt]his|[Oo]f|[Ee]arly|[Ll]ate|[Mm]id)[\\s-])(${MONTH})\\b(?!\\s\\p{Lu})`, "gu"), resolve: (m, p, ahead) => month(m[1]!, p, ahead) },
  { kind: "month", re: /\b(January|February|April|June|July|August|September|October|November|December)\b(?!\s\p{Lu})/gu, resolve: (m, p, ahead) => month(m[1]!, p, ahead) },
  { kind: "quarter", re: new RegExp(`\\b(?:the\\s)?(${ORDINAL_Q})[\\s-](?:fiscal\\s)?quarter(?:\\s(?:of\\s)?(?:fiscal\\s)?(${YEAR}))?`, "gi"), resolve: (m, p) => quarter(ordinal(m[1]!), m[2] ? +m[2] : p?.y) },
  { kind: "quarter", re: new RegExp(`\\b(?:Q([1-4])|([1-4])Q)\\s?(?:FY\\s?)?'?(${YEAR}|\\d{2})?\\b`, "g"), resolve: (m, p) => quarter(+(m[1] ?? m[2])!, m[3] ? fullYear(m[3]) : p?.y) },
  { kind: "half", re: new RegExp(`\\b(?:H([12])\\s?(${YEAR})|(?:the\\s)?(first|second)\\shalf\\sof\\s(${YEAR}|this year|next year|last year))\\b`, "gi"), resolve: (m, p) => half(m, p) },
  { kind: "fiscal", re: new RegExp(`\\b(?:fiscal(?:\\syear)?\\s(${YEAR})|FY\\s?'?(${YEAR}|\\d{2}))\\b`, "gi"), resolve: (m) => String(fullYear((m[1] ?? m[2])!)) },
  { kind: "year", re: new RegExp(`\\b(?:(?:the\\s)?(?:early|mid|late|end|start|beginning|middle)(?:\\sof)?|spring|summer|autumn|fall|winter)[\\s-](?:of\\s)?(${YEAR})\\b`, "gi"), resolve: (m) => m[1]! },
  { kind: "year", re: new RegExp(`(?<![\\d$€£.,:/#-]|[\\p{L}]-|\\d\\s)(${YEAR})(?![\\d%]|,\\d|\\.\\d|\\s?(?:percent|employees|people|workers|units|shares|points|miles|km|users|customers|staff)\\b)`, "gu"), resolve: (m) => m[1]! },
  { kind: "weekday", re: /\b(?:(last|next|this|on|past)\s)?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!s)/g, resolve: (m, p) => weekdayOf(m[2]!, m[1], p) },
  { kind: "relative", re: /\b(today|yesterday|tomorrow|tonight)\b/gi, resolve: (m, p) => relativeDay(m[1]!.toLowerCase(), p) },
  { kind: "relative", re: new RegExp(`\\b(${COUNT})\\s(${UNIT})s?\\sago\\b`, "gi"), resolve: (m, p) => ago(m[1]!, m[2]!, p) },
  { kind: "relative", re: new RegExp(`\\b(${COUNT})\\s(?:hours?|minutes?|mins?|hrs?)\\sago\\b`, "gi"), resolve: (_m, p) => (p && p.d !== undefined ? iso(p.y, p.m, p.d) : null) },
  { kind: "relative", re: /\b(?:(earlier|later)\s)?(this|last|next|past|previous|coming)\s(week|weekend|month|year|quarter)\b/gi, resolve: (m, p) => period(m[2]!, m[3]!, p) },
  { kind: "duration", duration: true, re: new RegExp(`\\b(\\d+(?:\\.\\d+)?|${NUMBER_WORD})[\\s-](${UNIT})s?\\b(?!\\s?ago\\b|[\\s-]olds?\\b)`, "gi"), resolve: (m) => duration(m[1]!, m[2]!) },
];

const sticky = rules.map((r) => new RegExp(r.re.source, r.re.flags.replace("g", "y")));
const index = new PrefixIndex(rules.map((r) => [r.re.source]));

/** Dates, resolved to ISO where the article's own date allows, and durations (ISO 8601). */
export function recognizeDates(text: string, published: string | null): Fact[] {
  const pub = parseIso(published);
  const found: Fact[] = [];
  matchEach(text, sticky, index, wordOrDigitsStart, (i, m) => {
    const rule = rules[i]!;
    const start = m.index, end = m.index + m[0].length;
    if (rule.kind === "weekday" && /^(on|past)\s/i.test(m[0])) found.push(make(text, start + m[0].indexOf(m[2]!), end, rule, m, pub));
    else found.push(make(text, start, end, rule, m, pub));
  });
  // Longest first; a shorter match inside a longer one is part of it ("October 2025" holds "2025").
  return keepLongest(found, text.length);
}

// Words that put a date still to come: "has until 3 July", "a deadline of March 5", "expects to close by June".
// Not "by June" or "until March" alone: "by June it had sold …" and "talks ran until March" look back.
const AHEAD = /(?:\b(?:has|have|given|gives|gets?)\s+until|\bdeadline(?:\s+(?:of|is|on))?|\bdue(?:\s+(?:on|by|in))?|\bscheduled\s+(?:for|on)|\bset\s+for|\b(?:will|would|expects?|expected|must|should|aims?|plans?)\b[^.;!?]{0,40}\b(?:by|until|in|on|before))\s+$/i;

function make(text: string, start: number, end: number, rule: Rule, m: RegExpExecArray, pub: Ymd | null): Fact {
  let value: string | null = null;
  const ahead = pub !== null && AHEAD.test(text.slice(Math.max(0, start - 60), start));
  try { value = rule.resolve(m, pub, ahead); } catch { value = null; }
  return { kind: rule.duration ? "duration" : "date", text: text.slice(start, end), start, end, value, dateKind: rule.kind };
}

function day(y: number, monthName: string, dayText: string): string | null {
  const mi = monthIndex(monthName), d = parseInt(dayText, 10);
  return mi >= 0 && isValidDay(y, mi, d) ? iso(y, mi, d) : null;
}

/** A month named without a year is the nearest one (recent past, or the next few months), or the next one when the text says it is to come. */
function yearFor(mi: number, p: Ymd, ahead = false): number {
  if (p.m === undefined) return p.y;
  if (ahead) return mi < p.m ? p.y + 1 : p.y;
  return mi - p.m > 4 ? p.y - 1 : p.m - mi > 8 ? p.y + 1 : p.y;
}

function month(name: string, p: Ymd | null, ahead = false): string | null {
  const mi = monthIndex(name);
  return p && mi >= 0 ? iso(yearFor(mi, p, ahead), mi) : null;
}

function ordinal(w: string): number {
  return { first: 1, "1st": 1, second: 2, "2nd": 2, third: 3, "3rd": 3, fourth: 4, "4th": 4 }[w.toLowerCase()] ?? 1;
}

function fullYear(t: string): number {
  const n = +t.replace(/\D/g, "");
  return n < 100 ? 2000 + n : n;
}

function quarter(q: number, y: number | undefined): string | null {
  if (y === undefined) return null;
  return `${iso(y, (q - 1) * 3)}/${iso(y, q * 3 - 1)}`;
}

function half(m: RegExpExecArray, p: Ymd | null): string | null {
  const h = m[1] ? +m[1] : m[3]!.toLowerCase() === "first" ? 1 : 2;
  let y: number | undefined;
  if (m[2]) y = +m[2];
  else if (/^\d/.test(m[4]!)) y = +m[4]!;
  else if (p) y = p.y + ({ this: 0, next: 1, last: -1 }[m[4]!.split(" ")[0]!.toLowerCase()] ?? 0);
  if (y === undefined) return null;
  return `${iso(y, (h - 1) * 6)}/${iso(y, h * 6 - 1)}`;
}

function weekdayOf(name: string, mod: string | undefined, p: Ymd | null): string | null {
  if (!p || p.m === undefined || p.d === undefined) return null;
  const want = WEEKDAYS.indexOf(name.toLowerCase());
  const today = weekday(p.y, p.m, p.d);
  const m = mod?.toLowerCase();
  if (m === "next") return addDays(p.y, p.m, p.d, ((want - today + 7) % 7) || 7);
  let back = (today - want + 7) % 7;
  if (m === "last" && back === 0) back = 7;
  return addDays(p.y, p.m, p.d, -back);
}

function relativeDay(w: string, p: Ymd | null): string | null {
  if (!p || p.m === undefined || p.d === undefined) return null;
  const shift = w === "yesterday" ? -1 : w === "tomorrow" ? 1 : 0;
  return addDays(p.y, p.m, p.d, shift);
}

function count(w: string): number | null {
  const t = w.toLowerCase();
  if (t === "a" || t === "an") return 1;
  if (t === "a few" || t === "a couple of") return t === "a few" ? 3 : 2;
  if (t === "several") return null;
  return parseNumber(t);
}

function ago(n: string, unit: string, p: Ymd | null): string | null {
  const k = count(n);
  if (!p || k === null) return null;
  const u = unit.toLowerCase();
  if (u === "year" || u === "decade") return String(p.y - k * (u === "decade" ? 10 : 1));
  if (p.m === undefined) return null;
  if (u === "month" || u === "quarter") return addMonths(p.y, p.m, -k * (u === "quarter" ? 3 : 1));
  if (p.d === undefined) return null;
  return u === "week" ? isoWeek(p.y, p.m, p.d, -k) : addDays(p.y, p.m, p.d, -k);
}

function period(which: string, unit: string, p: Ymd | null): string | null {
  if (!p) return null;
  const w = which.toLowerCase();
  const shift = w === "this" || w === "coming" ? (w === "coming" ? 1 : 0) : w === "next" ? 1 : -1;
  const u = unit.toLowerCase();
  if (u === "year") return String(p.y + shift);
  if (p.m === undefined) return null;
  if (u === "month") return addMonths(p.y, p.m, shift);
  if (u === "quarter") {
    const q0 = Math.floor(p.m / 3) + shift;
    const y = p.y + Math.floor(q0 / 4), q = ((q0 % 4) + 4) % 4 + 1;
    return quarter(q, y);
  }
  if (p.d === undefined) return null;
  return isoWeek(p.y, p.m, p.d, shift);
}

function duration(n: string, unit: string): string | null {
  const k = parseNumber(n);
  if (k === null) return null;
  const u = unit.toLowerCase();
  if (u === "decade") return `P${k * 10}Y`;
  if (u === "quarter") return `P${k * 3}M`;
  return `P${k}${u[0]!.toUpperCase()}`;
}
