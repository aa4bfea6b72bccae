import { test } from "node:test";
import assert from "node:assert/strict";
import { recognizeMoney } from "../../src/core/recognize/money";

// [text, expected: [matched text, value, currency, extras?][]]
const cases: Array<[string, Array<[string, number, string, Record<string, unknown>?]>]> = [
  ["OpenAI raised $110 billion.", [["$110 billion", 110e9, "USD"]]],
  ["a $110b round", [["$110b", 110e9, "USD"]]],
  ["valued at $1.25B", [["$1.25B", 1.25e9, "USD"]]],
  ["a $44-billion takeover", [["$44-billion", 44e9, "USD"]]],
  ["roughly 110 billion dollars", [["110 billion dollars", 110e9, "USD", { qualifier: "roughly" }]]],
  ["USD 40 billion", [["USD 40 billion", 40e9, "USD"]]],
  ["US$2bn in debt", [["US$2bn", 2e9, "USD"]]],
  ["US$ 2 bn", [["US$ 2 bn", 2e9, "USD"]]],
  ["~$12.9bn", [["$12.9bn", 12.9e9, "USD", { qualifier: "about" }]]],
  ["a $1.5-billion deal", [["$1.5-billion", 1.5e9, "USD"]]],
  ["€5 billion", [["€5 billion", 5e9, "EUR"]]],
  ["£3.2m", [["£3.2m", 3.2e6, "GBP"]]],
  ["C$1.2 billion", [["C$1.2 billion", 1.2e9, "CAD"]]],
  ["two billion euros", [["two billion euros", 2e9, "EUR"]]],
  ["half a billion dollars", [["half a billion dollars", 0.5e9, "USD"]]],
  ["$500,000 fine", [["$500,000", 500000, "USD"]]],
  ["Rs 500 crore", [["Rs 500 crore", 5e9, "INR"]]],
  ["up to $5 billion", [["$5 billion", 5e9, "USD", { qualifier: "up to" }]]],
  ["over $13 billion", [["$13 billion", 13e9, "USD", { qualifier: "over" }]]],
  ["$54.20 a share", [["$54.20", 54.2, "USD", { per: "share" }]]],
  ["$5-10 billion", [["$5-10 billion", 5e9, "USD", { max: 10e9 }]]],
  ["between $5 billion and $10 billion", [["$5 billion", 5e9, "USD", { max: 10e9, qualifier: "between" }], ["$10 billion", 10e9, "USD", { max: 10e9 }]]],
  ["an offer of 310p a share", [["310p", 3.1, "GBP", { per: "share" }]]],
  ["valued at 345 pence per share", [["345 pence", 3.45, "GBP", { per: "share" }]]],
  ["a dividend of 12.5p a share", [["12.5p", 0.125, "GBP", { per: "share" }]]],
  ["raised its bid by 50 cents a share", [["50 cents", 0.5, "USD", { per: "share" }]]],
  ["$5 to $10 billion", [["$5", 5e9, "USD", { max: 10e9 }], ["$10 billion", 10e9, "USD"]]],
];

// Near-misses: no amount here.
const none = ["a multibillion-dollar deal", "a billion-dollar bet", "336 billion transistors", "a 120-billion-parameter model", "50 PetaFLOPS", "over 30,000 attendees", "5x throughput", "two dollars", "streams in 1080p", "a 310p print run", "page 12p"];

test("money: amounts, currencies, qualifiers, ranges and per-share prices", () => {
  for (const [text, want] of cases) {
    const got = recognizeMoney(text);
    assert.equal(got.length, want.length, `${text}: ${JSON.stringify(got)}`);
    want.forEach(([t, value, currency, extra], i) => {
      const f = got[i]!;
      assert.equal(f.text, t, text);
      assert.equal(text.slice(f.start, f.end), f.text, `${text}: offsets`);
      assert.equal(f.value, value, text);
      assert.equal(f.currency, currency, text);
      for (const [k, v] of Object.entries(extra ?? {})) assert.equal((f as unknown as Record<string, unknown>)[k], v, `${text}: ${k}`);
    });
  }
});

test("money: vague and non-currency figures are not amounts", () => {
  for (const text of none) assert.deepEqual(recognizeMoney(text), [], text);
});
