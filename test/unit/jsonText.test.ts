import { test } from "node:test";
import assert from "node:assert/strict";
import { jsonText } from "../../src/core/jsonText";

const whole = (shape: unknown, lists: Array<[string, () => Iterable<unknown>]>, pretty: boolean) => [...jsonText(shape, lists, pretty)].join("");

test("jsonText: lists written item by item, at any depth, are JSON.stringify's text, compact and indented", () => {
  const items = [{ a: 1, b: ["x", "y\nz"] }, { a: 2, b: [] }, "plain"];
  const full = { head: "h", runs: [{ tool: { name: "t" }, results: items, after: { n: 1 } }], tail: [] as unknown[], end: true };
  const shape = { head: "h", runs: [{ tool: { name: "t" }, results: "\u0000r", after: { n: 1 } }], tail: "\u0000t", end: true };
  for (const pretty of [false, true]) {
    const got = whole(shape, [["\u0000r", () => items], ["\u0000t", () => []]], pretty);
    assert.equal(got, JSON.stringify(full, null, pretty ? 2 : undefined) + "\n", pretty ? "indented" : "compact");
  }
});

test("jsonText: a list is read only as it is written, and a marker missing or out of order is an error", () => {
  let made = 0;
  const lazy = function* () { for (let i = 0; i < 3; i++) { made++; yield i; } };
  const pieces = jsonText({ l: "\u0000l" }, [["\u0000l", lazy]], false);
  assert.equal(pieces.next().value, '{"l":');
  assert.equal(made, 0);
  assert.throws(() => whole({ a: "\u0000a", b: "\u0000b" }, [["\u0000b", () => []], ["\u0000a", () => []]], false), /"\\u0000a" is not in the shape/);
});
