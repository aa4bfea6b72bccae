import { test } from "node:test";
import assert from "node:assert/strict";
import { anchor, MAX_NOTE, noteOn, readAnnotation, serializeAnnotationFile, targetFor, type Annotation } from "../../src/core";

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


const TEXT = "Quillon agreed to buy Maple Rock Labs for $4.2 billion.";
const entry = (over: Record<string, unknown> = {}, target: Record<string, unknown> = {}) => ({
  id: "n1", kind: "note", note: "check", created: "2026-01-01T00:00:00Z", modified: "2026-01-01T00:00:00Z",
  target: [{ source: "a.txt", selector: [{ type: "TextQuoteSelector", exact: "Quillon", prefix: "", suffix: " agreed" }, { type: "TextPositionSelector", start: 0, end: 7 }], ...target }],
  ...over,
});

test("annotation entries: a sound one is read; each thing missing or wrong is named (and a bad position only drops the hint)", () => {
  const ok = readAnnotation(entry());
  assert.ok(typeof ok !== "string");
  assert.deepEqual([ok.target[0]!.position.start, ok.target[0]!.position.end, ok.target[0]!.quote.suffix], [0, 7, " agreed"]);
  const bad: Array<[Record<string, unknown>, Record<string, unknown>, RegExp]> = [
    [{ id: "" }, {}, /missing "id"/],
    [{ created: 1 }, {}, /"created" or "modified"/],
    [{ note: "x".repeat(MAX_NOTE + 1) }, {}, /at most/],
    [{ creator: 3 }, {}, /"creator" must be text/],
    [{ concept: 3 }, {}, /"concept" must be text/],
    [{ target: "a.txt" }, {}, /"target" must be a list/],
    [{}, { source: "" }, /needs a "source"/],
    [{}, { selector: [{ type: "TextPositionSelector", start: 0, end: 7 }] }, /TextQuoteSelector/],
    [{ note: "  " }, {}, /a note needs its text/],
    [{ kind: "claim", state: "dismissed" }, {}, /verified or disputed/],
    [{ kind: "contradiction", state: "superseded" }, {}, /two targets/],
    [{ kind: "other" }, {}, /unknown kind/],
  ];
  for (const [over, target, why] of bad) {
    const r = readAnnotation(entry(over, target));
    assert.equal(typeof r, "string", JSON.stringify(over));
    assert.match(r as string, why);
  }
  assert.equal(typeof readAnnotation(entry({ note: "x".repeat(MAX_NOTE) })), "object", "a note of exactly the limit is kept");
  for (const [start, end] of [[-1, 7], [5, 2], [0.5, 7]]) {
    const r = readAnnotation(entry({}, { selector: [{ type: "TextQuoteSelector", exact: "Quillon" }, { type: "TextPositionSelector", start, end }] })) as Annotation;
    assert.deepEqual([r.target[0]!.position.start, r.target[0]!.position.end], [0, 0], `${start}-${end}`);
  }
  const zero = readAnnotation(entry({}, { selector: [{ type: "TextQuoteSelector", exact: "Q" }, { type: "TextPositionSelector", start: 3, end: 3 }] })) as Annotation;
  assert.deepEqual([zero.target[0]!.position.start, zero.target[0]!.position.end], [3, 3], "an empty range is a usable hint");
});

test("annotations file: entries in document order (source, then position, then id), whatever order they were made in", () => {
  const stamp = (id: string) => ({ id, now: "2026-01-01T00:00:00Z" });
  const a = noteOn("b.txt", TEXT, 0, 7, "b0", stamp("3"));
  const b = noteOn("a.txt", TEXT, 22, 30, "a22", stamp("1"));
  const c = noteOn("a.txt", TEXT, 0, 7, "a0-second", stamp("2"));
  const d = noteOn("a.txt", TEXT, 0, 7, "a0-first", stamp("0"));
  const text = serializeAnnotationFile({ schema: "claimscope/annotations@1", annotations: [a, b, c, d] });
  const order = (JSON.parse(text) as { annotations: Array<{ note: string }> }).annotations.map((x) => x.note);
  assert.deepEqual(order, ["a0-first", "a0-second", "a22", "b0"]);
});
