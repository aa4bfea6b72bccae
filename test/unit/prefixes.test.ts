import { test } from "node:test";
import assert from "node:assert/strict";
import { afterWord, asciiWordBoundary, matchEach, PrefixIndex, wordOrDigitsStart, type StartRule } from "../../src/core/recognize/prefixes";

/** What matchEach must report: every pattern tried at every place the rule admits, with no index and no search. */
function everyPlace(text: string, patterns: RegExp[], rule: StartRule): string[] {
  const out: string[] = [];
  for (let at = 0; at < text.length; at++) {
    if (!rule.holds(text, at)) continue;
    patterns.forEach((re, i) => {
      re.lastIndex = at;
      const m = re.exec(text);
      if (m && m[0].length) out.push(`${i}@${at}:${m[0]}`);
    });
  }
  return out;
}

function viaIndex(text: string, patterns: RegExp[], index: PrefixIndex, rule: StartRule): string[] {
  const out: string[] = [];
  matchEach(text, patterns, index, rule, (i, m) => out.push(`${i}@${m.index}:${m[0]}`));
  return out;
}

// Sources the way the recognizers write them: digit runs (hundreds of beginnings), a case-insensitive Unicode
// pattern (the Kelvin sign matches its k, the long s its s, the ohm sign its omega), non-ASCII first characters,
// white space, a pattern that may match one character, and one that starts a run of digits after letters ("Q3").
const SOURCES = [
  "(?:19|20)\\d{2}",
  "\\d+(?:\\.\\d+)?\\s(?:days?|months?)",
  "kick-?off|stake\\s(?:in|of)",
  "€\\s?\\d+|’s\\sdeal",
  "a|an offer",
  "Q[1-4]|[1-4]Q",
  "Ω\\d",
];
const STICKY = (flags: string) => SOURCES.map((s) => new RegExp(s, flags));

const TEXTS = [
  "In 2019 the stake in Quillon rose; a 2024 kick-off, then 3 months\u00a0later 2.5 days.",
  "\u212aICK-OFF and \u017fTAKE OF, \u21267 and Ω8: signs that fold to k, s and ω, matched as the u flag matches them.",
  "Halvorsen’s deal: €40 or € 41, Q3 and 3Q, FY2025Q4 and x2019, 12019, an offer, a.",
  "tab\tstake\tin, stake\u2003of, no-stake in, restake in",
  "",
  "a",
];

// The rules as the recognizers use them, and each with a look-behind for the starts' search to begin with: the
// search must miss nothing whatever assertion leads it (the Unicode case-insensitive patterns are the terms').
const RULES: Array<[StartRule, string]> = [
  [asciiWordBoundary, "gy"],
  [afterWord, "giuy"],
  [wordOrDigitsStart, "gy"],
  [{ holds: afterWord.holds, before: "(?<![A-Za-z0-9-])" }, "giuy"],
  [{ holds: wordOrDigitsStart.holds, before: "(?:(?<![A-Za-z0-9_])|(?<=[A-Za-z_])(?=\\d))" }, "giy"],
];

test("the starts' search finds every place a scan of every character finds, for each rule", () => {
  for (const [rule, flags] of RULES) {
    const patterns = STICKY(flags);
    const index = new PrefixIndex(SOURCES.map((s) => [s]), 8);
    if (rule.before !== undefined) assert.ok(index.startsAfter(rule.before), "the index has a starts' search for these sources");
    for (const text of TEXTS) assert.deepEqual(viaIndex(text, patterns, index, rule), everyPlace(text, patterns, rule), `${rule.before} on "${text}"`);
  }
});

test("random texts of the sources' pieces: the same matches as a scan of every character", () => {
  const pieces = ["19", "2024", "3", ".5", " ", "\t", "\u00a0", "days", "month", "stake", "in", "of", "kick", "-", "off", "\u212a", "\u017f", "€", "’s", "deal", "a", "an", "offer", "Q", "4", "x", "é", "\u2126", "ω", "7"];
  const index = new PrefixIndex(SOURCES.map((s) => [s]), 3);
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % pieces.length;
  for (const [rule, flags] of RULES) {
    const patterns = STICKY(flags);
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 14 }, () => pieces[next()]).join(n % 2 ? "" : " ");
      assert.deepEqual(viaIndex(text, patterns, index, rule), everyPlace(text, patterns, rule), `${rule.before} on ${JSON.stringify(text)}`);
    }
  }
});

test("the starts' search skips what cannot begin a match; a source that may begin anywhere leaves the scan to every place", () => {
  const index = new PrefixIndex([["fee|fees"]], 8);
  const starts = index.startsAfter("\\b")!;
  const places: number[] = [];
  starts.lastIndex = 0;
  for (let m = starts.exec("coffee fee feet"); m; m = starts.exec("coffee fee feet")) places.push(m.index);
  assert.deepEqual(places, [7, 11], "not inside coffee");
  assert.equal(new PrefixIndex([["[^,]+ said"]], 8).startsAfter("\\b"), undefined);
  const anywhere = [/[^,]+ said/y];
  const text = "Bo said, then Al said";
  assert.deepEqual(viaIndex(text, anywhere, new PrefixIndex([["[^,]+ said"]], 8), asciiWordBoundary), everyPlace(text, anywhere, asciiWordBoundary));
});
