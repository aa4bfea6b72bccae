import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { ConceptTopics } from "../../src/core/topics";
import type { Claim } from "../../src/core/types";

const claim = (id: string, ...orgs: string[]): Claim => ({
  id, document: id.split("#")[0]!, start: 0, end: 1, text: id, concept: "stake", orgs: [...orgs].sort(), polarity: "neutral", facts: [], fromHeading: false, topic: "",
});

/** Topics as "parties: claim ids", sorted, for comparison. */
function groups(t: ConceptTopics): string[] {
  return [...t.keys()].map((k) => { const g = t.group(k)!; return `${g.orgs.join("+")}: ${[...g.claims].map((c) => c.id).sort().join(",")}`; }).sort();
}

function build(claims: Claim[]): ConceptTopics {
  const t = new ConceptTopics();
  for (const c of claims) t.add(c);
  t.settle();
  return t;
}

test("topics: pairs found topics, a many-party claim joins its most-named pair, a one-party claim the busiest pair naming it", () => {
  const t = build([
    claim("a#1", "alder", "birch"), claim("a#2", "alder", "birch"), claim("b#1", "alder", "cedar"),
    claim("c#1", "alder", "birch", "cedar"), // alder+birch is named twice, alder+cedar once
    claim("d#1", "alder"), // the pair topic of alder with the most multi-party claims
    claim("d#2", "dune"), // no pair names dune: a topic of its own
    claim("e#1"), claim("f#1"), // no party: one shared topic
  ]);
  assert.deepEqual(groups(t), [": e#1,f#1", "alder+birch: a#1,a#2,c#1,d#1", "alder+cedar: b#1", "dune: d#2"]);
});

test("topics: one edit moves claims that share a party with it, and settle reports exactly the topics that changed", () => {
  const t = build([claim("a#1", "alder", "birch"), claim("b#1", "alder", "cedar"), claim("c#1", "alder"), claim("z#1", "yew", "zinc")]);
  assert.deepEqual(groups(t), ["alder+birch: a#1,c#1", "alder+cedar: b#1", "yew+zinc: z#1"], "ties go to the first pair alphabetically");
  t.add(claim("b#2", "alder", "cedar"));
  assert.deepEqual([...t.settle()].sort(), ["alder\nbirch", "alder\ncedar"], "c#1 follows the busier pair; yew+zinc is untouched");
  assert.deepEqual(groups(t), ["alder+birch: a#1", "alder+cedar: b#1,b#2,c#1", "yew+zinc: z#1"]);
});

// Random runs of adds and removes over a few parties: after every settle the topics are those a fresh
// grouping of the surviving claims (added in the opposite order) gives, and every topic whose claims
// changed is among those settle reports — the index rebuilds only those.
test("property: incremental topics equal a fresh grouping after any run of adds and removes", () => {
  const party = fc.constantFrom("alder", "birch", "cedar", "dune", "elm");
  const step = fc.record({ id: fc.integer({ min: 0, max: 14 }), orgs: fc.uniqueArray(party, { maxLength: 4 }), remove: fc.boolean() });
  fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
    const live = new Map<string, Claim>();
    const t = new ConceptTopics();
    for (const s of steps) {
      const id = `d${s.id}#1`;
      const before = new Map([...t.keys()].map((k) => [k, [...t.group(k)!.claims].map((c) => c.id).sort().join(",")]));
      const old = live.get(id);
      if (old) { t.remove(old); live.delete(id); }
      if (!s.remove) { const c = claim(id, ...s.orgs); t.add(c); live.set(id, c); }
      const changed = t.settle();
      assert.deepEqual(groups(t), groups(build([...live.values()].reverse())));
      for (const k of new Set([...before.keys(), ...t.keys()])) {
        const now = t.group(k) ? [...t.group(k)!.claims].map((c) => c.id).sort().join(",") : undefined;
        if (now !== before.get(k)) assert.ok(changed.has(k), `topic ${JSON.stringify(k)} changed without being reported`);
      }
    }
  }), { numRuns: 500 });
});

// Settled a claim or an organisation at a time (a deadline already passed), with adds and removes between the
// calls as the editor's edits may come: the same topics, and the same topics reported, as settling at once.
test("property: settling a piece at a time, changes coming between the pieces, ends where settling at once does", () => {
  const party = fc.constantFrom("alder", "birch", "cedar", "dune", "elm");
  const step = fc.record({ id: fc.integer({ min: 0, max: 14 }), orgs: fc.uniqueArray(party, { maxLength: 4 }), remove: fc.boolean(), pieces: fc.integer({ min: 0, max: 3 }) });
  fc.assert(fc.property(fc.array(step, { minLength: 1, maxLength: 40 }), (steps) => {
    const once = new ConceptTopics(), stepped = new ConceptTopics();
    const live = new Map<string, [Claim, Claim]>();
    const reported = new Set<string>();
    for (const s of steps) {
      const id = `d${s.id}#1`;
      const old = live.get(id);
      if (old) { once.remove(old[0]); stepped.remove(old[1]); live.delete(id); }
      if (!s.remove) { const c: [Claim, Claim] = [claim(id, ...s.orgs), claim(id, ...s.orgs)]; once.add(c[0]); stepped.add(c[1]); live.set(id, c); }
      once.settle();
      // A few pieces now, the rest after the next change.
      for (let i = 0; i < s.pieces; i++) for (const k of stepped.settle(-Infinity) ?? []) reported.add(k);
    }
    for (let got = stepped.settle(-Infinity); ; got = stepped.settle(-Infinity)) if (got) { for (const k of got) reported.add(k); break; }
    assert.deepEqual(groups(stepped), groups(once));
    // Every topic there is was made since the start, so the pieces reported it (the index rebuilds what they report).
    for (const k of stepped.keys()) assert.ok(reported.has(k), `topic ${JSON.stringify(k)} made without being reported`);
  }), { numRuns: 300 });
});

test("topics: with its deadline passed, settle places one claim or organisation per call and says it is not done", () => {
  const claims = [claim("a#1", "alder", "birch"), claim("b#1", "alder", "cedar"), claim("c#1", "alder", "birch", "cedar"), claim("d#1", "alder"), claim("e#1", "dune")];
  const t = new ConceptTopics();
  for (const c of claims) t.add(c);
  let calls = 1, got = t.settle(-Infinity);
  while (!got) { calls++; got = t.settle(-Infinity); }
  // Three multi-party claims, then the organisations with one-party claims (alder, dune), one each call; the last call reports.
  assert.equal(calls, 5);
  assert.deepEqual([...got].sort(), ["alder\nbirch", "alder\ncedar", "dune"]);
  assert.deepEqual(groups(t), groups(build(claims)));
  assert.deepEqual([...t.settle(-Infinity)!], [], "nothing left once done");
});
