import { test } from "node:test";
import assert from "node:assert/strict";
import { polarityOf, statusOf } from "../../src/core/polarity";
import { createAnalyzer } from "../../src/core";

const pol = (clause: string, term: string, concept = "exclusive-license") => {
  const at = clause.indexOf(term);
  return polarityOf(clause, at, at + term.length, concept);
};

test("polarity: what a clause says of an arrangement", () => {
  const cases: Array<[string, string, string]> = [
    ["Microsoft confirmed it still holds an exclusive license", "exclusive license", "affirms"],
    ["Microsoft retains its exclusive license", "exclusive license", "affirms"],
    ["the revenue-share agreement remains intact", "revenue-share agreement", "affirms"],
    ["It ends Microsoft's exclusive license", "exclusive license", "denies"],
    ["Microsoft will no longer serve as the sole cloud provider", "sole cloud provider", "denies"],
    ["the exclusive license was terminated in March", "exclusive license", "denies"],
    ["Lumen Labs will scrap the exclusive license", "exclusive license", "denies"],
    ["a non-exclusive license to the models", "non-exclusive license", "denies"],
    ["the deal does not end the exclusive license", "exclusive license", "affirms"],
    ["nothing in the deal changes the exclusive license", "exclusive license", "affirms"],
    ["it could end the exclusive license", "exclusive license", "neutral"],
    ["rumors that Microsoft may lose its exclusive license", "exclusive license", "neutral"],
    ["Does Microsoft keep its exclusive license?", "exclusive license", "neutral"],
    ["even if it works with others, the exclusive license stays", "exclusive license", "affirms"],
    ["the partnership grants Microsoft an exclusive license", "exclusive license", "affirms"],
  ];
  for (const [clause, term, want] of cases) assert.equal(pol(clause, term), want, clause);
});

test("status: pending, completed, terminated", () => {
  assert.equal(statusOf("Halvorsen has agreed to acquire Northwind"), "pending");
  assert.equal(statusOf("the acquisition is expected to close in June"), "pending");
  assert.equal(statusOf("the acquisition is expected to be completed in June"), "pending");
  assert.equal(statusOf("Halvorsen completed its acquisition of Northwind"), "completed");
  assert.equal(statusOf("Halvorsen closed the acquisition on July 2"), "completed");
  assert.equal(statusOf("the merger was called off after regulators objected"), "terminated");
  assert.equal(statusOf("the acquisition includes a factory"), undefined);
  assert.equal(statusOf("they still expect to complete the transaction by end-2025"), "pending");
  // Market closes are not deal closes.
  assert.equal(statusOf("Northwind agreed to be bought at a premium of 34% to Monday's closing price"), "pending");
  assert.equal(statusOf("the takeover lifted Northwind, whose shares closed up 12%"), undefined);
});

test("claims: one per concept, split where a sentence makes two statements, with parties and figures", () => {
  const doc = createAnalyzer().analyzeDocument({
    path: "a.txt",
    text: "Lumen Labs ends Northwind's exclusive license to its software and terminates Northwind's revenue-share payments.\nHalvorsen Industries holds a 15% stake in Northwind, a spokesperson for Contoso Corp said.\n",
  });
  const claims = doc.claims.map((c) => ({ concept: c.concept, text: c.text, polarity: c.polarity, orgs: c.orgs }));
  assert.deepEqual(claims, [
    { concept: "exclusive-license", text: "Lumen Labs ends Northwind's exclusive license to its software", polarity: "denies", orgs: ["lumen", "northwind"] },
    { concept: "revenue-share", text: "terminates Northwind's revenue-share payments.", polarity: "denies", orgs: ["lumen", "northwind"] },
    { concept: "stake", text: "Halvorsen Industries holds a 15% stake in Northwind, a spokesperson for Contoso Corp said.", polarity: "neutral", orgs: ["halvorsen", "northwind"] },
  ]);
  // A stake is a slot of its deal: whose, in what, how much.
  const stake = doc.claims[2]!;
  assert.deepEqual([stake.slot?.text, stake.slot?.value, stake.slot?.holder, stake.slot?.target], ["15%", 0.15, "halvorsen", "northwind"]);
});

test("claims: an amount belongs to the slot whose word is nearest it, not to the first one", () => {
  const doc = createAnalyzer().analyzeDocument({ path: "a.txt", text: "$50 billion from Amazon: the largest single investment in the $110 billion round.\n" });
  const inv = doc.claims.find((c) => c.concept === "investment")!;
  const round = doc.claims.find((c) => c.concept === "round-size")!;
  assert.equal(inv.slot?.text, "$50 billion");
  assert.equal(round.slot?.text, "$110 billion");
});

test("documents: front matter and datelines give the publication date; bad front matter is reported", () => {
  const a = createAnalyzer();
  assert.equal(a.analyzeDocument({ path: "a.md", text: "---\ndate: 2026-01-12\n---\n# T\n" }).published, "2026-01-12");
  assert.equal(a.analyzeDocument({ path: "b.txt", text: "Headline here\nMarch 9, 2026\nBody text.\n" }).published, "2026-03-09");
  assert.equal(a.analyzeDocument({ path: "c.txt", text: "LONDON, March 9, 2026 (Wire) - Body text.\n" }).published, "2026-03-09");
  assert.equal(a.analyzeDocument({ path: "d.txt", text: "Body text that mentions March 9, 2026 in passing, deep in a sentence.\n" }).published, null);
  const broken = a.analyzeDocument({ path: "e.md", text: "---\ndate: [oops\n---\nHalvorsen paid $5 billion.\n" });
  assert.equal(broken.published, null);
  assert.match(broken.problems[0]!.message, /front matter/);
  assert.equal(broken.facts.find((f) => f.kind === "money")?.value, 5e9);
});

test("claims: other ways of saying an arrangement ends or stands", () => {
  const a = createAnalyzer();
  const cases: Array<[string, string]> = [
    ["Vertex's exclusivity over Corvid's API ends under the new terms.", "cloud-exclusivity/denies"],
    ["Corvid can now sell its API through other cloud providers.", "cloud-exclusivity/denies"],
    ["Corvid cannot sell its API through other cloud providers.", ""],
    ["The exclusive cloud arrangement lapses at the end of the year.", "cloud-exclusivity/denies"],
    ["Vertex gave up its exclusive position as Corvid's cloud provider.", "cloud-exclusivity/denies"],
    ["Corvid stopped paying Vertex under the revenue-sharing agreement.", "revenue-share/denies"],
    ["The revenue share will continue until an expert panel verifies AGI.", "revenue-share/affirms, agi-clause/affirms"],
    ["Vertex keeps exclusive rights to Corvid's intellectual property until 2032.", "exclusive-license/affirms"],
    ["Vertex holds exclusive rights to host Corvid's models.", "cloud-exclusivity/affirms"],
    ["Companies increasingly blend models across multiple cloud vendors.", ""],
  ];
  for (const [text, want] of cases) {
    const got = a.analyzeDocument({ path: "x.txt", text: `${text}\n` }).claims.map((c) => `${c.concept}/${c.polarity}`).join(", ");
    assert.equal(got, want, text);
  }
});
