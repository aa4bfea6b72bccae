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

// Each way a report states ownership, with a near miss that reads alike and is no stake.
const rules: Array<{ rule: string; stake: [string, string]; other: [string, string] }> = [
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

