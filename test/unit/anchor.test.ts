import { test } from "node:test";
import assert from "node:assert/strict";
import { anchor, targetFor } from "../../src/core";

const A = "a".repeat(40), B = "b".repeat(40);

test("targetFor: the quote, 32 characters of context each side (fewer at the ends of the text), and the position", () => {
  const text = `${A}QUOTE${B}`;
  const t = targetFor("x.txt", text, 40, 45);
  assert.deepEqual(t.quote, { type: "TextQuoteSelector", exact: "QUOTE", prefix: "a".repeat(32), suffix: "b".repeat(32) });
  assert.deepEqual(t.position, { type: "TextPositionSelector", start: 40, end: 45 });
  const near = targetFor("x.txt", text, 3, 8);
  assert.equal(near.quote.prefix, "aaa");
  assert.equal(near.quote.exact, "aaaaa");
  const end = targetFor("x.txt", text, 80, 85);
  assert.equal(end.quote.suffix, "");
});

test("anchor: an empty quote is nothing; a quote still at its position is found there, exactly", () => {
  const text = "Alpha paid $10 million in cash. Beta paid $10 million in stock.";
  const t = targetFor("x.txt", text, 42, 53);
  assert.equal(anchor(text, { ...t, quote: { ...t.quote, exact: "" } }), null);
  assert.deepEqual(anchor(text, t), { start: 42, end: 53, exact: true });
  // The near miss: the position now holds other text, so the quote is looked for elsewhere.
  assert.deepEqual(anchor(`xx${text}`, t), { start: 44, end: 55, exact: true });
});

test("anchor: of two identical passages, the one nearest the old position is kept after both move", () => {
  const para = "Halvorsen agreed to pay $6.8 billion for Northwind, the company said on Monday.\n";
  const text = `${para}${"filler text between the two. ".repeat(8)}\n${para}`;
  const second = text.lastIndexOf("$6.8 billion");
  const t = targetFor("x.txt", text, second, second + 12);
  const moved = `A new opening line of the article.\n${text}`;
  const shift = moved.length - text.length;
  assert.deepEqual(anchor(moved, t), { start: second + shift, end: second + shift + 12, exact: true });
  const first = text.indexOf("$6.8 billion");
  assert.deepEqual(anchor(moved, targetFor("x.txt", text, first, first + 12)), { start: first + shift, end: first + shift + 12, exact: true });
});

test("anchor: a figure edited in its sentence is found in its place (not exact), its new text exactly", () => {
  const text = `${A} Halvorsen agreed to pay $6.8 billion for Northwind on Monday. ${B}`;
  const at = text.indexOf("$6.8 billion");
  const t = targetFor("x.txt", text, at, at + 12);
  const edited = `Intro. ${text.replace("$6.8 billion", "$7.4 billion")}`;
  const now = edited.indexOf("$7.4 billion");
  assert.deepEqual(anchor(edited, t), { start: now, end: now + 12, exact: false });
});

test("anchor: a quote with no context (the whole text) is found again as an occurrence, or approximately, or not at all", () => {
  const t = targetFor("x.txt", "Northwind", 0, 9);
  assert.deepEqual([t.quote.prefix, t.quote.suffix], ["", ""]);
  assert.deepEqual(anchor("Intro: Northwind", t), { start: 7, end: 16, exact: true });
  assert.deepEqual(anchor("Intro: Northwynd", t), { start: 7, end: 16, exact: false });
  assert.equal(anchor("nothing like it here", t), null);
});
