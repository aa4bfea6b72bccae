import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ARTICLE, SENTENCES, factsOf, sentenceFacts } from "./sentenceFacts";
import { asciiLetters, asciiTwin } from "../../src/core/text/ascii";

// facts.json was written by the recognizers before they were made faster; speed must not change what they find.
test("recognizers: the sentences' facts are exactly those recorded, one sentence at a time and as one article", () => {
  const recorded = JSON.parse(readFileSync(join(__dirname, "..", "fixtures", "sentences", "facts.json"), "utf8"));
  const now = sentenceFacts();
  for (let i = 0; i < SENTENCES.length; i++) assert.deepEqual(now.sentences[i], recorded.sentences[i], SENTENCES[i]);
  assert.deepEqual(now.article, recorded.article);
});

test("recognizers: a text with a letter outside ASCII (read the slower way) gives what the ASCII way gives", () => {
  const ascii = SENTENCES.filter(asciiLetters);
  assert.ok(ascii.length > 40 && ascii.length < SENTENCES.length, "both kinds of sentence are here");
  for (const s of [...ascii, ARTICLE.replace(/[^\x00-\x7f’“”—–]/g, "")]) {
    const other = `${s}\n\né`;
    assert.equal(asciiLetters(other), false);
    assert.deepEqual(factsOf(other), factsOf(s), s.slice(0, 80));
  }
});

test("asciiLetters: curly quotes, dashes, spaces and currency signs are no letters; accented, Greek and astral letters are", () => {
  for (const t of ["Alder’s “deal” — 5% for £4bn, €3bn, ¥2tn, ₹1 crore", "a\u00a0b", "½ ¼ ° ± ©"]) assert.equal(asciiLetters(t), true, t);
  for (const t of ["café", "Ölberg", "µ", "ª", "Ωmega", "𝐀lder", "ſ", "\u212a"]) assert.equal(asciiLetters(t), false, t);
});

test("asciiTwin: letter properties become ASCII ranges in and out of classes; other properties are refused", () => {
  assert.equal(asciiTwin(/(?<![\p{L}\d])\p{Lu}[\p{Ll}\p{Lu}]+\P{L}/gu).source, "(?<![A-Za-z\\d])[A-Z][a-zA-Z]+[^A-Za-z]");
  assert.equal(asciiTwin(/\\p\{L\}/u).source, "\\\\p\\{L\\}", "after an escaped backslash, no property");
  assert.equal(asciiTwin(/x/giy).flags, "giy");
  assert.throws(() => asciiTwin(/\p{N}/u), /no ASCII twin/);
  assert.throws(() => asciiTwin(/[\P{L}]/u), /no ASCII twin/);
});
