import type { Span } from "../types";

// Words whose trailing period does not end a sentence.
const ABBREVIATIONS = new Set(
  ("mr mrs ms dr prof sr jr st mt ft inc corp co ltd llc plc bros no nos vs etc approx est dept univ gov govt sen rep gen col " +
    "jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun e.g i.e u.s u.k u.n e.u a.m p.m fig ca")
    .split(" "),
);

// Starts only at the first mark of a run, so a long run of "!!!" is read once.
const END = /(?<![.!?…])[.!?…]+["'”’)\]]*(?=\s|$)/g;

/** Sentences inside [start, end) of text. Keeps decimals ($1.25B), initials and abbreviations whole. */
export function splitSentences(text: string, start: number, end: number): Span[] {
  const out: Span[] = [];
  let s = start;
  END.lastIndex = start;
  for (let m = END.exec(text); m && m.index < end; m = END.exec(text)) {
    const stop = m.index + m[0].length;
    if (stop > end) break;
    if (!isBoundary(text, m.index, stop, end)) continue;
    push(out, text, s, stop);
    s = stop;
  }
  push(out, text, s, end);
  return out;
}

function isBoundary(text: string, at: number, stop: number, end: number): boolean {
  if (text[at] === ".") {
    const word = wordBefore(text, at);
    const bare = word.toLowerCase().replace(/^\.+/, "");
    if (ABBREVIATIONS.has(bare) || ABBREVIATIONS.has(bare.replace(/\./g, ""))) {
      // "Inc." or "U.S." may still end a sentence when a capitalised word starting a new one follows; be conservative.
      return false;
    }
    if (/^\p{Lu}$/u.test(word)) return false; // an initial: "J. Smith"
  }
  // The next sentence begins with an upper-case letter, a digit, a quote or a currency sign.
  let i = stop;
  while (i < end && /\s/.test(text[i]!)) i++;
  if (i >= end) return true;
  return /[\p{Lu}\d"“‘'$€£¥(\[]/u.test(text[i]!);
}

/** Longer than this is not a sentence but run-on text (a page without punctuation): it is cut at clause ends. */
export const MAX_SENTENCE = 1200;

function push(out: Span[], text: string, s: number, e: number): void {
  while (s < e && /\s/.test(text[s]!)) s++;
  while (e > s && /\s/.test(text[e - 1]!)) e--;
  while (e - s > MAX_SENTENCE) {
    const window = text.slice(s, s + MAX_SENTENCE);
    const cut = Math.max(window.lastIndexOf("; "), window.lastIndexOf(", "), window.lastIndexOf(" — "));
    const at = cut > MAX_SENTENCE / 2 ? s + cut + 1 : s + (window.lastIndexOf(" ") > 0 ? window.lastIndexOf(" ") : MAX_SENTENCE);
    push(out, text, s, at);
    s = at;
    while (s < e && /\s/.test(text[s]!)) s++;
  }
  if (e > s) out.push({ start: s, end: e });
}

/** The letters and dots just before `at` ("Inc", "U.S"), at most 12 characters. */
function wordBefore(text: string, at: number): string {
  let i = at;
  while (i > 0 && at - i < 12 && /[\p{L}.]/u.test(text[i - 1]!)) i--;
  return text.slice(i, at);
}
