import { test } from "node:test";
import assert from "node:assert/strict";
import { CorpusIndex, FactLookup, type LookupEntry } from "../../src/core";
import fc from "fast-check";
import { searchText, tokens, topBy } from "../../src/core/lookup";
import { sampleDocuments } from "./helpers";
import { generateCorpus } from "../../bench/generate";

function lookupOver(docs: { path: string; text: string }[]): FactLookup {
  const index = new CorpusIndex();
  for (const d of docs) index.set(d);
  return new FactLookup(index.result(), index.analyzer.lexicon);
}

test("lookup: a figure finds its fact first, words are AND-ed, a typo still finds, an operator is literal", () => {
  const lookup = lookupOver(sampleDocuments());
  const money = lookup.entries.find((e) => e.kind === "money" && /billion/.test(e.label))!;
  const figure = money.label.match(/[\d.]+/)![0];
  const first = lookup.search(`${figure} billion`)[0]!;
  assert.equal(first.kind, "money");
  assert.match(first.label, new RegExp(`${figure.replace(".", "\\.")}\\s*billion`));
  // Words are AND-ed: "stake 12" finds the entries that say both, and not those that say only "stake".
  const has = (e: LookupEntry, w: string) => tokens(searchText(e)).some((t) => t.startsWith(w));
  const both = lookup.search("stake 12", 1000);
  assert.ok(both.length >= 2, `${both.length} entries for "stake 12"`);
  for (const e of both) assert.ok(has(e, "stake") && has(e, "12"), e.label);
  const stakeOnly = lookup.entries.filter((e) => has(e, "stake") && !has(e, "12"));
  assert.ok(stakeOnly.length > 0 && stakeOnly.every((e) => !both.includes(e)), "an entry with only one of the words is left out");
  // No entry of the samples says both "stake" and "exclusive", though many say one of them: none is found.
  assert.ok(lookup.entries.some((e) => has(e, "stake")) && lookup.entries.some((e) => has(e, "exclusive")));
  assert.equal(lookup.entries.some((e) => has(e, "stake") && has(e, "exclusive")), false);
  assert.deepEqual(lookup.search("stake exclusive"), []);
  const typo = lookup.search("exclusve");
  assert.ok(typo.length && typo.every((e) => tokens(searchText(e)).some((w) => w.startsWith("exclusiv"))));
  assert.deepEqual(lookup.search("!stake"), lookup.search("stake"), "'!' is not fuse's negation");
});

// A query that matches too many entries for fuse.js is ranked in one pass; it must keep exactly the
// entries a full sort would: most query words in what the entry says itself, then shortest label, then first.
test("lookup: a broad query keeps what a full sort of every match would", () => {
  const lookup = lookupOver(generateCorpus(300));
  for (const query of ["stake", "regulatory approval", "billion"]) {
    const words = tokens(query);
    const matches = lookup.entries
      .map((e, i) => ({ e, i }))
      .filter(({ e }) => { const own = tokens(searchText(e)); return words.every((w) => own.some((t) => t.startsWith(w))); });
    assert.ok(matches.length > 1000, `${query}: ${matches.length} matches, too few to test the broad path`);
    const score = (e: LookupEntry) => words.reduce((n, w) => n + (e.primary.includes(w) ? (/\d/.test(w) ? 2 : 1) : 0), 0);
    const expected = matches
      .map(({ e, i }) => ({ e, i, own: score(e) }))
      .sort((a, b) => b.own - a.own || a.e.label.length - b.e.label.length || a.i - b.i)
      .slice(0, 50)
      .map((x) => x.e);
    assert.deepEqual(lookup.search(query, 50), expected, query);
  }
});

test("property: the one-pass ranking keeps what a full sort keeps, whatever order the matches come in", () => {
  const entry = fc.record({ label: fc.constantFrom("a", "ab", "abc", "abcd"), own: fc.integer({ min: 0, max: 3 }) });
  fc.assert(fc.property(fc.array(entry, { maxLength: 80 }), fc.integer({ min: 1, max: 10 }), fc.infiniteStream(fc.nat()), (specs, limit, noise) => {
    const entries = specs.map((s, i) => ({ label: s.label, primary: "x".repeat(s.own), start: i }) as LookupEntry);
    const pool = entries.map((_, i) => i);
    for (let i = pool.length - 1; i > 0; i--) { const j = noise.next().value % (i + 1); [pool[i], pool[j]] = [pool[j]!, pool[i]!]; }
    const expected = entries.map((e, i) => ({ e, i })).sort((a, b) => b.e.primary.length - a.e.primary.length || a.e.label.length - b.e.label.length || a.i - b.i).slice(0, limit).map((x) => x.e);
    assert.deepEqual(topBy(pool, entries, (e) => e.primary.length, 3, limit), expected);
  }), { numRuns: 500 });
});
