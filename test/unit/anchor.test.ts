import { test } from "node:test";
import assert from "node:assert/strict";
import { anchor, MAX_NOTE, mergeEdits, noteOn, parseAnnotationFile, readAnnotation, serializeAnnotationFile, targetFor, type Annotation, type AnnotationFile } from "../../src/core";

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

const FILE = "claimscope/annotations@1";
const fileText = (annotations: unknown[]) => JSON.stringify({ schema: FILE, annotations });

test("annotations file: a blank file or one behind a byte-order mark is read; a file of the wrong shape says what shape it needs", () => {
  const blank = parseAnnotationFile("  \n\t\n");
  assert.ok(blank.ok && blank.file.annotations.length === 0, "only whitespace: no annotations yet");
  const bom = parseAnnotationFile(`\uFEFF${fileText([entry()])}`);
  assert.ok(bom.ok && bom.file.annotations[0]!.id === "n1", "a byte-order mark (as some editors save) is not part of the JSON");
  const inside = parseAnnotationFile(fileText([entry({ note: "\uFEFFcheck" })]));
  assert.ok(inside.ok && inside.file.annotations[0]!.note === "\uFEFFcheck", "only a mark before the JSON is dropped");
  const error = (text: string) => { const r = parseAnnotationFile(text); return r.ok ? "read" : r.error; };
  assert.match(error("[]"), /expected an object with "schema" and "annotations"/);
  assert.match(error(JSON.stringify({ schema: FILE, annotations: {} })), /"annotations" must be a list/);
  // The entry that is wrong is named by its place in the list, counted from one.
  assert.equal(error(fileText([entry(), entry({ id: "n2" }), entry({ id: "n2" })])), "annotation 3: id n2 appears twice");
  assert.equal(error(fileText([entry(), 7])), "annotation 2: not an object");
});

test("annotation entries: a claim or a note has one target, a contradiction two; selectors may come in any order", () => {
  const t = entry().target[0]!;
  assert.equal(readAnnotation(entry({ kind: "claim", state: "verified", target: [t, t] })), "a claim has one target");
  assert.equal(readAnnotation(entry({ target: [t, t] })), "a note has one target");
  assert.equal(typeof readAnnotation(entry({ kind: "contradiction", state: "conflict", target: [t, t] })), "object");
  const reversed = readAnnotation(entry({}, { selector: [...t.selector].reverse() })) as Annotation;
  assert.deepEqual([reversed.target[0]!.quote.exact, reversed.target[0]!.position.end], ["Quillon", 7]);
  // A quote without context reads as empty context, never as something made up.
  const bare = readAnnotation(entry({}, { selector: [{ type: "TextQuoteSelector", exact: "Quillon" }] })) as Annotation;
  assert.deepEqual([bare.target[0]!.quote.prefix, bare.target[0]!.quote.suffix], ["", ""]);
  assert.match(readAnnotation(entry({}, { selector: "TextQuoteSelector" })) as string, /TextQuoteSelector/);
  // Fields an entry does not have stay absent (so writing it back adds none).
  const claim = readAnnotation(entry({ kind: "claim", state: "disputed", note: undefined })) as Annotation;
  assert.deepEqual(Object.keys(claim).filter((k) => ["note", "creator", "concept"].includes(k)), []);
  const contradiction = readAnnotation(entry({ kind: "contradiction", state: "dismissed", note: undefined, target: [t, t] })) as Annotation;
  assert.deepEqual(Object.keys(contradiction).filter((k) => ["note", "creator", "concept"].includes(k)), []);
});

test("annotations file: what is written reads back as the same annotations, every field kept", () => {
  const t = (start: number) => targetFor("a.txt", TEXT, start, start + 7);
  const annotations: Annotation[] = [
    { id: "c1", kind: "claim", state: "disputed", concept: "deal-value", note: "the filing says otherwise", creator: "ana", created: "2026-01-01T00:00:00Z", modified: "2026-01-02T00:00:00Z", target: [t(42)] },
    { id: "f1", kind: "contradiction", state: "superseded", concept: "deal-value", creator: "ben", created: "2026-01-01T00:00:00Z", modified: "2026-01-01T00:00:00Z", target: [t(0), t(22)] },
    { id: "n1", kind: "note", note: "check", created: "2026-01-01T00:00:00Z", modified: "2026-01-01T00:00:00Z", target: [t(8)] },
  ];
  const parsed = parseAnnotationFile(serializeAnnotationFile({ schema: FILE, annotations }));
  assert.ok(parsed.ok);
  const byId = (list: Annotation[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
  assert.deepEqual(byId(parsed.file.annotations), byId(annotations));
});

test("annotations file: the order written is the same whichever order the annotations come in", () => {
  const stamp = (id: string) => ({ id, now: "2026-01-01T00:00:00Z" });
  const notes = [
    noteOn("a.txt", TEXT, 0, 7, "a0-first", stamp("0")), noteOn("a.txt", TEXT, 0, 7, "a0-second", stamp("2")),
    noteOn("a.txt", TEXT, 22, 30, "a22", stamp("1")), noteOn("b.txt", TEXT, 0, 7, "b0", stamp("3")), noteOn("b.txt", TEXT, 42, 50, "b42", stamp("4")),
  ];
  const permutations = (xs: typeof notes): Array<typeof notes> => xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
  for (const p of permutations(notes)) {
    const order = (JSON.parse(serializeAnnotationFile({ schema: FILE, annotations: p })) as { annotations: Array<{ note: string }> }).annotations.map((x) => x.note);
    assert.deepEqual(order, ["a0-first", "a0-second", "a22", "b0", "b42"], p.map((x) => x.note).join(","));
  }
});

test("imports: a new annotation is added, a newer version of ours taken, the same or an older one left as it is", () => {
  const stamp = (id: string, now: string) => ({ id, now });
  const ours = noteOn("a.txt", TEXT, 0, 7, "ours", stamp("1", "2026-01-02T00:00:00Z"));
  const file: AnnotationFile = { schema: FILE, annotations: [ours] };
  const merged = (incoming: Annotation[]) => { const m = mergeEdits(file, incoming); return [m.added, m.updated, m.unchanged, ...m.edits.map((e) => (e.type === "put" ? e.annotation.note : e.id))]; };
  assert.deepEqual(merged([noteOn("a.txt", TEXT, 22, 30, "new", stamp("2", "2026-01-01T00:00:00Z"))]), [1, 0, 0, "new"]);
  assert.deepEqual(merged([{ ...ours, note: "revised", modified: "2026-01-03T00:00:00Z" }]), [0, 1, 0, "revised"]);
  assert.deepEqual(merged([{ ...ours, note: "same time" }]), [0, 0, 1]);
  assert.deepEqual(merged([{ ...ours, note: "stale", modified: "2026-01-01T00:00:00Z" }]), [0, 0, 1]);
});

/** A target as another tool may leave it: a quote without context, and a position that is only a hint. */
const bareTarget = (exact: string, start: number) => ({
  source: "x.txt",
  quote: { type: "TextQuoteSelector" as const, exact, prefix: "", suffix: "" },
  position: { type: "TextPositionSelector" as const, start, end: start + exact.length },
});

test("anchor: a quote still at its old position stays there, even where its old context now reads elsewhere", () => {
  const text = "Alpha paid $10 million in cash. Beta paid $10 million in stock.";
  const t = targetFor("x.txt", text, 42, 53);
  const now = "Gamma paid $10 million in bonds; Zed paid $10 million in cash. Beta paid $10 million in stock.";
  assert.equal(now.slice(42, 53), "$10 million");
  assert.deepEqual(anchor(now, t), { start: 42, end: 53, exact: true });
});

test("anchor: a figure edited at the very start or end of the text is found in its own sentence, not where the old figure still stands", () => {
  const first = "$6.8 billion is what Halvorsen agreed to pay for Northwind. Contoso paid $6.8 billion for Fabrikam.";
  assert.deepEqual(anchor(first.replace("$6.8", "$7.4"), targetFor("x.txt", first, 0, 12)), { start: 0, end: 12, exact: false });
  const last = "Contoso paid $6.8 billion for Fabrikam. Halvorsen agreed to pay Northwind's owners $6.8 billion";
  const at = last.length - 12;
  assert.deepEqual(anchor(`${last.slice(0, at)}$7.4 billion`, targetFor("x.txt", last, at, last.length)), { start: at, end: last.length, exact: false });
  // The line before it deleted: the quote, unchanged, now opens the text.
  const note = "Update: \n$6.8 billion was the price Halvorsen agreed to pay for Northwind.";
  assert.deepEqual(anchor(note.slice(9), targetFor("x.txt", note, 9, 21)), { start: 0, end: 12, exact: true });
});

test("anchor: of two passages alike to the last character of context, the one nearer the old position", () => {
  const block = "In its filing, Halvorsen said it agreed to pay $6.8 billion for Northwind Robotics in cash and stock.";
  const text = `${block}\n${"Other news of the day. ".repeat(6)}\n${block}`;
  const moved = `Intro line.\n${text}`;
  for (const at of [text.indexOf("$6.8"), text.lastIndexOf("$6.8")]) {
    assert.deepEqual(anchor(moved, targetFor("x.txt", text, at, at + 12)), { start: at + 12, end: at + 24, exact: true });
  }
  // Of three, the middle one.
  const three = `${block}\n${"Other news of the day. ".repeat(6)}\n${block}\n${"More news of the day. ".repeat(6)}\n${block}`;
  const middle = three.indexOf("$6.8", three.indexOf("$6.8") + 1);
  assert.deepEqual(anchor(`Intro line.\n${three}`, targetFor("x.txt", three, middle, middle + 12)), { start: middle + 12, end: middle + 24, exact: true });
});

test("anchor: a figure taken out of its sentence is looked for elsewhere, as the quote", () => {
  const text = "Alpha paid $10 million in cash. Beta paid $10 million in stock, it said on Monday.";
  const now = "Alpha paid $10 million in cash. Beta paid an undisclosed sum in stock, it said on Monday.";
  assert.deepEqual(anchor(now, targetFor("x.txt", text, 42, 53)), { start: 11, end: 22, exact: true });
});

test("anchor: among repeats whose context was rewritten, the one keeping more of the text before it, or after it", () => {
  const text = `${"z".repeat(40)} the board of Quillon approved $500 million for Birch, the filing showed ${"y".repeat(40)}`;
  const at = text.indexOf("$500 million");
  const t = targetFor("x.txt", text, at, at + 12);
  // Only the last words before the figure survive in one place, only the words after it in another.
  // (Each time the one that fits is the farther from the old position.)
  const before = "Later Quillon approved $500 million; no more was said. Elsewhere, $500 million went to Alder.";
  assert.equal(anchor(before, t)!.start, before.indexOf("$500"));
  const after = "Quillon gave $500 million for Birch, the filing showed. Alder got $500 million too.";
  assert.equal(anchor(after, t)!.start, after.indexOf("$500"));
  // The words after it running to the end of the text.
  const last = `${"z".repeat(40)} Halvorsen agreed to pay the holders of Northwind $500 million for Birch.`;
  const end = targetFor("x.txt", last, last.indexOf("$500"), last.indexOf("$500") + 12);
  const ending = "Alder got $500 million too. Something else entirely was reported: $500 million for Birch.";
  assert.equal(anchor(ending, end)!.start, ending.lastIndexOf("$500"));
});

test("anchor: with no context to go by, the occurrence nearest the old position, exact before approximate", () => {
  const three = "Northwind rose. Then Northwind fell. Later Northwind rallied.";
  assert.deepEqual(anchor(three, bareTarget("Northwind", 23)), { start: 21, end: 30, exact: true });
  assert.deepEqual(anchor(three, bareTarget("Northwind", 3)), { start: 0, end: 9, exact: true });
  assert.deepEqual(anchor(three, bareTarget("Northwind", 50)), { start: 43, end: 52, exact: true });
  assert.deepEqual(anchor("Northwynd bought Northwind", bareTarget("Northwind", 0)), { start: 17, end: 26, exact: true });
  const misspelt = "Northwynd rose. Then Northwund fell. Later Northwand rallied.";
  assert.deepEqual(anchor(misspelt, bareTarget("Northwind", 23)), { start: 21, end: 30, exact: false });
  assert.deepEqual(anchor(misspelt, bareTarget("Northwind", 3)), { start: 0, end: 9, exact: false });
  assert.deepEqual(anchor(misspelt, bareTarget("Northwind", 50)), { start: 43, end: 52, exact: false });
  // A short name is found with one letter changed; a shorter one only as it was.
  assert.deepEqual(anchor("The Burch fund", bareTarget("Birch", 0)), { start: 4, end: 9, exact: false });
  assert.equal(anchor("The Bx fund", bareTarget("By", 0)), null);
});

test("anchor: a quote repeated more than a thousand times is boilerplate — the thousand-and-first is not weighed", () => {
  const story = "Halvorsen Industries agreed to pay $6.8 billion for Northwind Robotics, its chief said.";
  const text = [...Array.from({ length: 1000 }, (_, i) => `Line ${i}: $6.8 billion`), story].join("\n");
  const at = text.lastIndexOf("$6.8 billion");
  const t = targetFor("x.txt", text, at, at + 12);
  // The story rewritten around the figure: its context is no longer found whole, only the words next to it.
  const rewritten = text.replace(story, "Under new terms being discussed, to pay $6.8 billion for the whole of it was too much.");
  const story2 = rewritten.lastIndexOf("$6.8 billion");
  assert.notEqual(anchor(rewritten, t)!.start, story2);
  assert.equal(anchor(rewritten.slice(rewritten.indexOf("Line 2:")), t)!.start, story2 - rewritten.indexOf("Line 2:"), "with two repeats fewer, it is weighed and wins");
});
