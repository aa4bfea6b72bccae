import { test } from "node:test";
import assert from "node:assert/strict";
import { CorpusIndex, corpusOrder } from "../../src/core";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { sampleDocuments } from "./helpers";
import { generateCorpus } from "../../bench/generate";

function sampleIndex(): CorpusIndex {
  const index = new CorpusIndex({ orgAliases: { Contoso: ["Contoso Cloud"] } });
  for (const d of sampleDocuments()) index.set(d);
  return index;
}

const short = (id: string) => id.slice(0, 2) + id.slice(id.indexOf("#"));

test("corpus order: dates first-hand, undated files keep their place by name, overrides win", () => {
  assert.deepEqual(corpusOrder([{ path: "b", published: "2026-02-01" }, { path: "a", published: "2026-03-01" }, { path: "c", published: null }]), ["b", "c", "a"]);
  assert.deepEqual(corpusOrder([{ path: "000", published: null }, { path: "001", published: null }]), ["000", "001"]);
  assert.deepEqual(corpusOrder([{ path: "a", published: null }, { path: "b", published: null }], { order: ["b"] }), ["b", "a"]);
  assert.deepEqual(corpusOrder([{ path: "a", published: "2026-05-01" }, { path: "b", published: null }], { published: { b: "2026-01-01" } }), ["b", "a"]);
});

test("sample corpus: ordered by front matter and datelines", () => {
  const snap = sampleIndex().result();
  assert.deepEqual(snap.documents.map((d) => [d.analysis.path.slice(0, 2), d.analysis.published, d.analysis.publishedSource]), [
    ["01", "2026-01-12", "front-matter"], ["02", "2026-01-20", "dateline"], ["03", "2026-03-02", "front-matter"],
    ["04", "2026-04-08", "dateline"], ["05", "2026-06-30", "front-matter"], ["06", "2026-07-15", "front-matter"],
  ]);
});

test("sample corpus: topics group differently worded claims on one thing", () => {
  const snap = sampleIndex().result();
  const license = snap.topics.find((t) => t.id === "exclusive-license:lumen+northwind")!;
  assert.equal(license.label, "Exclusive license · Lumen, Northwind");
  assert.deepEqual(license.claims.map(short), ["01#0", "02#0", "04#0", "04#1", "05#0"]);
  const cloud = snap.topics.find((t) => t.id === "cloud-exclusivity:contoso+northwind")!;
  assert.deepEqual(cloud.claims.map(short), ["01#1", "05#1", "06#0"]);
  // A deal's slot is a topic of its own: every statement of the price, in corpus order.
  const price = snap.topics.find((t) => t.id === "deal-value:halvorsen+northwind")!;
  assert.equal(price.label, "Deal value · Halvorsen, Northwind");
  assert.deepEqual(price.claims.map((id) => snap.claims.get(id)!.slot!.text), ["$6.8 billion", "$6.8 billion", "$7.4 billion", "$7.4 billion"]);
});

test("sample corpus: every kind of contradiction is found, and agreeing restatements are not flagged", () => {
  const snap = sampleIndex().result();
  const got = snap.contradictions.map((c) => `${c.kind} ${short(c.earlier)} > ${short(c.later)} ${c.slot ?? "-"} ${c.nature}`).sort();
  // 01#0 "Northwind keeps its exclusive license…", 04#1 "…it ends Northwind Robotics' exclusive license…"; 01#3 the $6.8 billion
  // price, 03#1 "…raised its offer… $7.4 billion"; 05#2 "…completed… on June 29", 06#1 "…closed… on July 2"; 01#9/04#3 the
  // 12% and 15% stakes. 02's "roughly $6.8 billion" restates the price and raises nothing; neither does 06's "$7.4 billion".
  assert.deepEqual(got, [
    "date 05#2 > 06#1 completed-on conflict",
    "polarity 01#0 > 04#1 - superseded",
    "polarity 01#1 > 06#0 - superseded",
    "polarity 01#2 > 04#2 - superseded",
    "polarity 02#0 > 04#1 - superseded",
    "polarity 03#0 > 04#2 - superseded",
    "polarity 04#1 > 05#0 - conflict",
    "polarity 05#1 > 06#0 - superseded",
    "value 01#3 > 03#1 deal-value superseded",
    "value 01#4 > 06#4 price-per-share superseded",
    "value 01#9 > 04#3 stake conflict",
  ].sort());
  const raise = snap.contradictions.find((c) => c.slot === "deal-value")!;
  assert.deepEqual([raise.deal, raise.earlierValue, raise.laterValue, raise.alsoEarlier!.map(short)], ["halvorsen+northwind", 6.8e9, 7.4e9, ["02#1"]]);
});

test("a figure the text dates to an earlier year is history, never the story's present figure", () => {
  const article = (path: string, date: string, body: string) => ({ path, text: `---\ndate: ${date}\n---\n\n${body}\n` });
  const index = new CorpusIndex();
  index.set(article("a.md", "2025-09-02", "Quillon Robotics was last valued at $2.1 billion in early 2024."));
  index.set(article("b.md", "2025-11-20", "Quillon Robotics is now valued at $5.2 billion."));
  index.set(article("c.md", "2025-12-01", "In 2024, Quillon Robotics was valued at $3 billion."));
  index.set(article("d.md", "2026-01-15", "Quillon Robotics is valued at $6 billion, its founder said."));
  const got = index.result().contradictions.map((c) => `${c.earlier.slice(0, 1)} > ${c.later.slice(0, 1)}`).sort();
  // The present against the present; a figure of 2024 is not held against today's, nor is it a later value.
  assert.deepEqual(got, ["b > d"]);
});

test("a share of the combined company is one quantity however a report names the company", () => {
  const index = new CorpusIndex();
  index.set({ path: "a.md", text: "---\ndate: 2025-02-14\n---\n\nMarrick Group agreed a merger with Sollen AG. Marrick shareholders would own 55% of the combined company.\n" });
  index.set({ path: "b.md", text: "---\ndate: 2025-06-09\n---\n\nMarrick Group and Sollen AG set out the merger terms. Marrick investors were set to hold 52 per cent of the merged group.\n" });
  const flags = index.result().contradictions;
  assert.deepEqual(flags.map((c) => [c.kind, c.slot, c.earlierValue, c.laterValue]), [["value", "stake", 0.55, 0.52]]);
});

test("index: one document changes at a time, and the result follows", () => {
  const index = sampleIndex();
  const before = index.result();
  assert.ok(before.contradictions.some((c) => c.kind === "date"));
  const six = sampleDocuments().find((d) => d.path.startsWith("06"))!;
  index.set({ path: six.path, text: six.text.replace("July 2, 2026", "June 29, 2026") });
  const after = index.result();
  assert.ok(!after.contradictions.some((c) => c.kind === "date"), "the date now agrees");
  assert.equal(after.contradictions.length, before.contradictions.length - 1);
  index.delete(six.path);
  assert.equal(index.result().documents.length, 5);
  assert.ok(!index.result().contradictions.some((c) => c.later.startsWith("06")));
  index.set(six);
  assert.deepEqual(index.result().contradictions.map((c) => c.later + c.earlier).sort(), before.contradictions.map((c) => c.later + c.earlier).sort());
});

test("index: unchanged text is not analysed again, and unrelated documents do not change a document's facts", () => {
  const index = sampleIndex();
  const doc = sampleDocuments()[0]!;
  const first = index.get(doc.path)!;
  const version = index.version;
  assert.equal(index.set(doc), first);
  assert.equal(index.restore(first), first);
  assert.equal(index.version, version, "the same text is no change");
  index.set({ path: doc.path, text: doc.text + "\nMore." });
  index.delete("nothing-here.md");
  assert.equal(index.version, version + 1, "a new text is one change; deleting what is not there is none");
  index.delete(doc.path);
  assert.equal(index.version, version + 2);
  const alone = new CorpusIndex({ orgAliases: { Contoso: ["Contoso Cloud"] } }).set(doc);
  assert.deepEqual(alone.facts, first.facts);
});

test("a second story (fixtures/merger): a terminated merger and a changed stake, without false flags", () => {
  const dir = join(__dirname, "..", "fixtures", "merger");
  const index = new CorpusIndex();
  for (const f of readdirSync(dir)) index.set({ path: f, text: readFileSync(join(dir, f), "utf8") });
  const snap = index.result();
  const got = snap.contradictions.map((c) => `${c.kind} ${c.topic} ${c.earlier.split("#")[0]} > ${c.later.split("#")[0]}`).sort();
  // The deal then expected to close (02: "in the fourth quarter") is terminated; 9.9% (01, restated in 02) becomes 12%; the
  // break-up fee is now a different termination fee. 58% of the combined company is another quantity than a stake in Alder.
  // The closing expected in the second quarter slips to the fourth.
  assert.deepEqual(got, [
    "date expected-close:alder+pinecrest 01.txt > 02.md",
    "status deal-status:alder+pinecrest 02.md > 03.txt",
    "value stake:alder+pinecrest 01.txt > 03.txt",
    "value termination-fee:alder+pinecrest 01.txt > 03.txt",
  ]);
  const stake = snap.contradictions.find((c) => c.slot === "stake")!;
  assert.deepEqual([stake.earlierValue, stake.laterValue, stake.alsoEarlier!.map((id) => id.split("#")[0])], [0.099, 0.12, ["02.md"]]);
  const first = snap.documents[0]!.analysis;
  const pct = (t: string) => first.facts.find((f) => f.text === t)!.kind;
  assert.equal(pct("3.1%"), "percent", "a share move after a stake is not a stake");
  assert.equal(pct("9.9%"), "stake");
  assert.equal(pct("58%"), "stake", "ownership of the combined company");
});

test("a paraphrased story (fixtures/paraphrase): the same arrangements in other words are one topic, and their reversals are found", () => {
  const dir = join(__dirname, "..", "fixtures", "paraphrase");
  const index = new CorpusIndex();
  for (const f of readdirSync(dir)) index.set({ path: f, text: readFileSync(join(dir, f), "utf8") });
  const snap = index.result();
  const got = snap.contradictions.map((c) => `${c.topic} ${c.earlier.split("#")[0]} > ${c.later.split("#")[0]}`).sort();
  assert.deepEqual(got, [
    "cloud-exclusivity:corvid+vertex 000_a.txt > 001_b.txt",
    "cloud-exclusivity:corvid+vertex 001_b.txt > 002_c.txt",
    "exclusive-license:corvid+vertex 000_a.txt > 001_b.txt",
    "exclusive-license:corvid+vertex 001_b.txt > 002_c.txt",
    "revenue-share:corvid+vertex 000_a.txt > 001_b.txt",
    "revenue-share:corvid+vertex 001_b.txt > 002_c.txt",
  ]);
});

test("a story whose later article names its companies only by bare names (fixtures/restructuring)", () => {
  const dir = join(__dirname, "..", "fixtures", "restructuring");
  const index = new CorpusIndex();
  for (const f of readdirSync(dir)) index.set({ path: f, text: readFileSync(join(dir, f), "utf8") });
  const snap = index.result();
  assert.deepEqual(snap.contradictions.map((c) => `${c.kind} ${c.topic}`), ["polarity preferential-access:nimbus+vertex"]);
  const stakes = snap.documents[0]!.analysis.facts.filter((f) => f.kind === "stake").map((f) => f.text);
  assert.deepEqual(stakes, ["27%", "26%", "27 percent"]);
});

/** Applies a fixed, varied run of edits to an index over `all` and checks it against a fresh analysis of the end state. */
function editsMatchFreshAnalysis(all: { path: string; text: string }[]): void {
  const view = (index: CorpusIndex) => {
    const snap = index.result();
    const topicOf = (id: string) => snap.topicById.get(snap.claims.get(id)!.topic!)!.claims.join(" ");
    return {
      topics: snap.topics.map((t) => `${t.concept} [${t.orgs.join("+")}] ${t.claims.join(" ")}`).sort(),
      contradictions: snap.contradictions.map((c) => `${c.kind} ${c.earlier} > ${c.later} in ${topicOf(c.later)}`).sort(),
      count: snap.contradictionCount,
    };
  };
  const live = new CorpusIndex();
  const current = new Map(all.map((d) => [d.path, d.text]));
  for (const d of all) live.set(d);
  live.result();
  // Figures changed, sentences dropped, documents removed and brought back, one renamed.
  for (let i = 0; i < 40; i++) {
    const path = all[(i * 7) % all.length]!.path;
    const text = current.get(path);
    if (i % 9 === 4 && text !== undefined) { live.delete(path); current.delete(path); }
    else if (text === undefined) { const back = all.find((d) => d.path === path)!.text; live.set({ path, text: back }); current.set(path, back); }
    else if (i % 5 === 2) { const next = text.replace(/[^.\n]*\.\s/, ""); live.set({ path, text: next }); current.set(path, next); }
    else {
      // Mostly a figure (the order stays, so only what the change reaches is regrouped); now and then the first number, often a date.
      const figure = i % 6 === 0 ? /\d+/ : /(?<=\$)\d+|\d+(?=%)/;
      const next = text.replace(figure, (n) => String(Number(n) + 1 + (i % 3)));
      live.set({ path, text: next }); current.set(path, next);
    }
    if (i % 4 === 0) live.result();
    else if (i % 4 === 2) for (let k = 0; k < 5; k++) live.regroupSome(-Infinity); // partly regrouped when the next change comes
  }
  live.rename(all[1]!.path, "zz-renamed.txt");
  current.set("zz-renamed.txt", current.get(all[1]!.path)!);
  current.delete(all[1]!.path);
  const fresh = new CorpusIndex();
  for (const [path, text] of current) fresh.set({ path, text });
  const got = view(live), want = view(fresh);
  assert.ok(want.contradictions.length > 5, "the corpus still has contradictions to compare");
  assert.deepEqual(got, want);
  assert.equal(got.count, got.contradictions.length);
}

test("index: after any run of edits, deletions and renames the result is what a fresh analysis of the final corpus gives", () => {
  const fixtures = join(__dirname, "..", "fixtures");
  editsMatchFreshAnalysis([
    ...sampleDocuments(),
    ...readdirSync(fixtures).flatMap((dir) => readdirSync(join(fixtures, dir)).filter((f) => /\.(txt|md)$/.test(f)).map((f) => ({ path: `${dir}-${f}`, text: readFileSync(join(fixtures, dir, f), "utf8") }))),
  ]);
  // Many stories whose companies recur across them, so a change reaches claims through other documents' organisations.
  editsMatchFreshAnalysis(generateCorpus(120, 7, 10));
});

test("index: the regrouping a change leaves is done a topic at a time, and ends where result() would have", () => {
  const docs = generateCorpus(60, 3, 8);
  const stepped = new CorpusIndex(), whole = new CorpusIndex();
  for (const d of docs) { stepped.set(d); whole.set(d); }
  let steps = 1;
  while (!stepped.regroupSome(-Infinity)) steps++;
  const snap = stepped.result(), want = whole.result();
  assert.ok(steps > 10 && steps >= snap.topics.length, `one topic per step: ${steps} steps for ${snap.topics.length} topics`);
  assert.ok(stepped.regroupSome(-Infinity), "nothing left once done");
  const view = (s: typeof snap) => ({ topics: s.topics.map((t) => `${t.id}=${t.claims.join(",")}`), contradictions: s.contradictions.map((c) => `${c.kind}:${c.earlier}>${c.later}:${c.explanation}`), count: s.contradictionCount });
  assert.deepEqual(view(snap), view(want));
});
