import { test } from "node:test";
import assert from "node:assert/strict";
import { recognizePercentages } from "../../src/core/recognize/percent";

const cases: Array<[string, Array<["stake" | "percent", string, number]>]> = [
  ["Microsoft holds a 27% stake in the for-profit arm", [["stake", "27%", 0.27]]],
  ["Halvorsen owns 49 percent of Contoso", [["stake", "49 percent", 0.49]]],
  ["a stake between 6.7 percent and 8.1 percent", [["stake", "6.7 percent", 0.067], ["stake", "8.1 percent", 0.081]]],
  ["a 10 per cent stake", [["stake", "10 per cent", 0.1]]],
  ["an equity stake of 20%", [["stake", "20%", 0.2]]],
  ["a 20%-owned unit", [["stake", "20%", 0.2]]],
  ["controls 51% of the company", [["stake", "51%", 0.51]]],
  ["it raised its holding to 15%", [["stake", "15%", 0.15]]],
  ["Microsoft holds about 27% on an as-converted diluted basis", [["stake", "27%", 0.27]]],
  ["The foundation owns roughly 26 percent.", [["stake", "26 percent", 0.26]]],
  ["The firm controls 40% of global output", [["percent", "40%", 0.4]]],
  ["Microsoft's stock declined 2.3% while Amazon rose 1.8%", [["percent", "2.3%", 0.023], ["percent", "1.8%", 0.018]]],
  ["used by over 25% of the Fortune 500", [["percent", "25%", 0.25]]],
  ["a 31% share of the market", [["percent", "31%", 0.31]]],
  ["it sold 10% of its workforce", [["percent", "10%", 0.1]]],
  ["a premium of about 30%", [["percent", "30%", 0.3]]],
];

test("percentages: ownership stakes told apart from other percentages", () => {
  for (const [text, want] of cases) {
    const got = recognizePercentages(text);
    assert.deepEqual(got.map((f) => [f.kind, f.text, f.value]), want, text);
    for (const f of got) assert.equal(text.slice(f.start, f.end), f.text);
  }
});

test("percentages: percentage points, high stakes and bare numbers are not shares", () => {
  for (const text of ["margins grew 5 percentage points", "the high-stakes talks", "version 27 shipped", "what is at stake"]) {
    assert.deepEqual(recognizePercentages(text).filter((f) => f.kind === "stake"), [], text);
  }
  assert.deepEqual(recognizePercentages("margins grew 5 percentage points"), []);
});

test("percentages: a range keeps both ends and its qualifier", () => {
  const [a] = recognizePercentages("between 6.7 percent and 8.1 percent");
  assert.equal(a!.max, 0.081);
  assert.equal(a!.qualifier, "between");
});

test("percentages: British 'pc', hyphenated units; 'PC', percentiles and percentage points are no percentages", () => {
  assert.deepEqual(recognizePercentages("Halvorsen took a 12pc stake in Birch").map((f) => [f.kind, f.text, f.value]), [["stake", "12pc", 0.12]]);
  assert.deepEqual(recognizePercentages("a 49-percent stake").map((f) => [f.kind, f.text]), [["stake", "49-percent"]]);
  assert.deepEqual(recognizePercentages("a 12 per-cent rise").map((f) => [f.kind, f.text]), [["percent", "12 per-cent"]]);
  for (const text of ["the Contoso 10 PC bundle", "in the 27 percentile", "a 4 percentage-point drop"]) assert.deepEqual(recognizePercentages(text), [], text);
});

test("percentages: a number right after a percent sign is a link's encoding, not a figure", () => {
  assert.deepEqual(recognizePercentages("see https://example.com/q?x=%5B%22deal%22%5D for the filing"), []);
  assert.deepEqual(recognizePercentages("margins rose 5%, 22% of them in Europe").map((f) => f.text), ["5%", "22%"]);
});

// Each way a report states ownership, with a near miss that reads alike and is no stake.
const rules: Array<{ rule: string; stake: [string, string]; other: [string, string] }> = [
  { rule: "holding verb with a qualifier or an adjective",
    stake: ["Alder owns a controlling 51 percent of the Birch unit.", "51 percent"],
    other: ["Alder owns 40% of the US cloud market.", "40%"] },
  { rule: "holding verb with 'up to'",
    stake: ["Contoso will hold up to 9.5% in Alder after the listing.", "9.5%"],
    other: ["Contoso holds a 3% lead in the polls.", "3%"] },
  { rule: "a range reads from its last figure",
    stake: ["Alder shareholders will own between 40.5% and 42.1% of Birch shares.", "40.5%"],
    other: ["Alder shares traded between 40.5% and 42.1% above the offer.", "40.5%"] },
  { rule: "the part of a company not yet owned",
    stake: ["Birch plans to buy the 45% of Contoso it does not already own.", "45%"],
    other: ["Birch plans to cut the 45% of costs it does not control.", "45%"] },
  { rule: "the part a named owner holds",
    stake: ["Halvorsen will sell the 20% that Contoso holds in Birch.", "20%"],
    other: ["Halvorsen will pay the 20% that Contoso asked for.", "20%"] },
  { rule: "a possessor's part of a named company",
    stake: ["Halvorsen agreed to sell its 25% in Birch to a rival.", "25%"],
    other: ["Halvorsen said its 25% in March was a record.", "25%"] },
  { rule: "holders of the combined company",
    stake: ["Contoso shareholders will own about 62% of the combined group.", "62%"],
    other: ["Contoso shareholders will get a 62% premium.", "62%"] },
  { rule: "a holder with a figure",
    stake: ["Halvorsen is the largest shareholder with 14%.", "14%"],
    other: ["Halvorsen is the largest retailer with 14% of the grocery market.", "14%"] },
  { rule: "a holder noun after the figure",
    stake: ["Birch is a 5% shareholder in Northwind.", "5%"],
    other: ["The plan needs 75% shareholder approval.", "75%"] },
  { rule: "an owner's interest",
    stake: ["Halvorsen acquired a 51% controlling interest.", "51%"],
    other: ["The loan carries 6% interest in cash.", "6%"] },
  { rule: "a part noun with a company",
    stake: ["Northwind bought a 40% share in Alder.", "40%"],
    other: ["Northwind has a 40% share in the US market.", "40%"] },
  { rule: "'has' with a company named",
    stake: ["Contoso has 20% of Birch.", "20%"],
    other: ["Contoso has 20% of the European market.", "20%"] },
  { rule: "receiving or spinning off a part of a company",
    stake: ["Halvorsen plans to spin off 80% of Alder to its shareholders.", "80%"],
    other: ["Halvorsen received 30% of the proceeds.", "30%"] },
  { rule: "a market's share in an elliptical clause",
    stake: ["The foundation owns 26%; employees own 4%.", "26%"],
    other: ["The merged chain would control roughly 18% of the grocery market, while Birch controls 30%.", "30%"] },
  { rule: "vote results",
    stake: ["Northwind, which owns 9% of Contoso, said it would vote against the deal.", "9%"],
    other: ["About 88% of the shares voted in favour.", "88%"] },
  { rule: "a stake's value, not its size",
    stake: ["Alder raised its stake in Birch to 15.5% from 12.1%.", "12.1%"],
    other: ["Contoso's stake in Alder fell 12% in value.", "12%"] },
  { rule: "a level, not a holding",
    stake: ["Northwind now holds 4.9% of Birch.", "4.9%"],
    other: ["Inflation held at 3% in May.", "3%"] },
];

test("percentages: each ownership rule finds its stake and leaves its near miss alone", () => {
  for (const { rule, stake, other } of rules) {
    for (const [[text, figure], want] of [[stake, "stake"], [other, "percent"]] as const) {
      const f = recognizePercentages(text).find((x) => x.text === figure);
      assert.equal(f?.kind, want, `${rule}: ${text}`);
    }
  }
});

test("percentages: figures listed with a stake share its reading", () => {
  const kinds = (text: string) => recognizePercentages(text).map((f) => [f.kind, f.text]);
  assert.deepEqual(kinds("Halvorsen and Northwind will own 55% and 45%, respectively."), [["stake", "55%"], ["stake", "45%"]]);
  assert.deepEqual(kinds("Contoso now owns 22%, up from 18% a year ago."), [["stake", "22%"], ["stake", "18%"]]);
  assert.deepEqual(kinds("Halvorsen owns 70% of Birch, and Contoso the remaining 30%."), [["stake", "70%"], ["stake", "30%"]]);
  assert.deepEqual(kinds("Alder shares rose 5% and Birch 3%."), [["percent", "5%"], ["percent", "3%"]]);
});
