import { test } from "node:test";
import assert from "node:assert/strict";
import { WordPatterns } from "../../src/core/recognize/prefixes";

/** What a pattern's own global search finds: the answer WordPatterns must give. */
function globalSearch(re: RegExp, text: string): number[] {
  const g = new RegExp(re.source, re.flags.includes("g") ? re.flags : re.flags + "g");
  const out: number[] = [];
  for (let m = g.exec(text); m; m = g.exec(text)) out.push(m.index, m.index + m[0].length);
  return out;
}

const PATTERNS = [
  /\b(?:termination fee|fee|fees)(?![A-Za-z0-9])/gi, // a phrase and a word inside it: the search skips the overlap
  /\b(?:deal|acquisition|merger)\b/i,
  /\b(?:(?:meeting|vote)\s+(?:\w+\s+){0,2}?(?:was|has been)\s+(?:postponed|delayed)|(?:postponed|delayed)\s+(?:the|its)\s+(?:meeting|vote))\b/i,
  /\b(?:(?<!to\s)block(?:ed|s)\b|approv(?:ed|es|al)\b)/gi,
  /\b(?:per[- ]share|(?:a|per|each) (?:[\w.&'’-]+ ){0,3}?share)(?![A-Za-z0-9])/gi,
  /\b\d+(?:\.\d+)? (?:stores|outlets)\b/gi,
];

const SENTENCES = [
  "Halvorsen will pay a termination fee of $300 million, and Northwind's fees rise if the deal is blocked.",
  "The shareholder vote has been postponed; the board postponed the meeting to approve the merger.",
  "Regulators moved to block the acquisition, then approved it: Halvorsen pays $41 per share, or $41 a Northwind share.",
  "FEE, Fee and fee-based: each counted where a word begins, none inside feet or coffee.",
  "Northwind agreed to sell 120 stores and 4.5 outlets; the approval blocks nothing.",
  "No pattern here at all.",
  "",
];

test("each pattern finds what its own global search finds, overlaps skipped as the search skips them", () => {
  const scan = new WordPatterns(PATTERNS, 8);
  for (const s of SENTENCES) {
    const found = scan.find(s);
    PATTERNS.forEach((re, i) => assert.deepEqual(found[i], globalSearch(re, s), `/${re.source}/ on "${s}"`));
  }
  // "termination fee" is one match: the search does not report the "fee" inside it.
  const [fee] = scan.find(SENTENCES[0]!);
  assert.deepEqual([SENTENCES[0]!.slice(fee![0], fee![1]), SENTENCES[0]!.slice(fee![2], fee![3])], ["termination fee", "fees"]);
  assert.equal(fee!.length, 4);
});

test("offsets are moved by the offset given; every depth of the index gives the same matches", () => {
  const s = SENTENCES[2]!;
  const shallow = new WordPatterns(PATTERNS, 3).find(s, 1000);
  const deep = new WordPatterns(PATTERNS, 12).find(s, 1000);
  assert.deepEqual(shallow, deep);
  PATTERNS.forEach((re, i) => assert.deepEqual(shallow[i], globalSearch(re, s).map((x) => x + 1000)));
});

test("random texts of the patterns' words: the same matches as the global searches", () => {
  const words = ["termination", "fee", "fees", "deal", "vote", "was", "postponed", "the", "meeting", "to", "block", "blocked", "approval", "per", "share", "a", "each", "12", "stores", "Fee,", "x-fee", "coffee"];
  const scan = new WordPatterns(PATTERNS, 8);
  let seed = 7;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % words.length;
  for (let n = 0; n < 300; n++) {
    const text = Array.from({ length: 12 }, () => words[next()]).join(n % 3 ? " " : "  ");
    const found = scan.find(text);
    PATTERNS.forEach((re, i) => assert.deepEqual(found[i], globalSearch(re, text), `/${re.source}/ on "${text}"`));
  }
});

test("a pattern that may begin elsewhere than a word boundary, or has the u flag, is refused", () => {
  assert.throws(() => new WordPatterns([/fee/gi], 8), /must begin with \\b/);
  assert.throws(() => new WordPatterns([/\bfee/giu], 8), /without the u flag/);
  assert.throws(() => new WordPatterns(PATTERNS, 8).numberOf(/\bfee/), /not one of the patterns/);
});
