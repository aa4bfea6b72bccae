import { test } from "node:test";
import assert from "node:assert/strict";
import {
  anchor, applyEdits, contractJsonText, CorpusIndex, emptyAnnotationFile, fromWebAnnotations, mergeEdits, noteOn, parseAnnotationFile,
  resolveReviews, reviewClaim, reviewContradiction, serializeAnnotationFile, targetFor, toContract, toWebAnnotations,
  type AnnotationFile, type CorpusSnapshot,
} from "../../src/core";
import { sampleDocuments } from "./helpers";

let n = 0;
const stamp = (now = "2026-11-21T10:00:00.000Z") => ({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`, now, creator: "ana" });

function sampleIndex(): CorpusIndex {
  const index = new CorpusIndex({ orgAliases: { Contoso: ["Contoso Cloud"] } });
  for (const d of sampleDocuments()) index.set(d);
  return index;
}

/** The first flag whose earlier statement comes from `prefix`. */
function flagFrom(snap: CorpusSnapshot, prefix: string) {
  const c = snap.contradictions.find((x) => x.earlier.startsWith(prefix));
  assert.ok(c, `a contradiction with an earlier statement in ${prefix}`);
  return c;
}

test("anchor: found at its position, after text moved it, among repeats by context, after an edit inside, or not at all", () => {
  const text = "Alpha paid $10 million. Beta paid $10 million. Gamma paid $10 million.";
  const t = targetFor("a.txt", text, 34, 45); // Beta's "$10 million"
  assert.deepEqual(anchor(text, t), { start: 34, end: 45, exact: true });
  const moved = "A new first line.\n" + text;
  assert.deepEqual(anchor(moved, t), { start: 52, end: 63, exact: true });
  // Repeated quotes are told apart by their context, even where the old position now points at another one.
  const cash = "In 2024 Alpha paid $10 million in cash. In 2025 Beta paid $10 million in stock.";
  const stock = targetFor("a.txt", cash, cash.lastIndexOf("$10"), cash.lastIndexOf("$10") + 11);
  const swapped = "Beta paid $10 million in stock. Meanwhile Alpha paid $10 million in cash.";
  const found = anchor(swapped, stock)!;
  assert.equal(swapped.slice(found.start, found.end + 9), "$10 million in stock");
  const edited = text.replace("Beta paid $10 million", "Beta paid $12 million");
  const fuzzy = anchor(edited, t)!;
  assert.equal(fuzzy.exact, false);
  assert.equal(edited.slice(fuzzy.start, fuzzy.end), "$12 million", "the edited figure in Beta's sentence, not Alpha's unchanged one");
  assert.equal(anchor("Nothing like it remains here.", t), null);
});

test("annotations file: stable, diff-friendly serialisation that reads back the same", () => {
  const index = sampleIndex();
  const snap = index.result();
  const c = flagFrom(snap, "01");
  const a = reviewContradiction(snap, c, "superseded", "  the license ended in April  ", stamp());
  const claimId = snap.contradictions[1]!.later;
  const b = reviewClaim(snap, claimId, "verified", undefined, stamp());
  const file = applyEdits(emptyAnnotationFile(), [{ type: "put", annotation: b }, { type: "put", annotation: a }]);
  const text = serializeAnnotationFile(file);
  assert.equal(a.note, "the license ended in April");
  const parsed = parseAnnotationFile(text);
  assert.ok(parsed.ok);
  assert.equal(serializeAnnotationFile(parsed.file), text, "writing what was read changes nothing");
  // Entries in document order, keys in a fixed order.
  assert.ok(text.indexOf(a.id) < text.indexOf(b.id) === a.target[0].source <= b.target[0].source);
  assert.deepEqual(Object.keys(JSON.parse(text).annotations[0]).slice(0, 3), ["id", "kind", "state"]);
  assert.ok(text.endsWith("}\n"));
});

test("annotations file: anything not understood makes the file unreadable, with the reason", () => {
  const bad = (text: string) => { const r = parseAnnotationFile(text); assert.ok(!r.ok); return r.error; };
  assert.match(bad("{ not json"), /not valid JSON/);
  assert.match(bad(JSON.stringify({ schema: "other", annotations: [] })), /unknown schema/);
  const entry = { id: "x", kind: "contradiction", state: "maybe", created: "t", modified: "t", target: [] };
  assert.match(bad(JSON.stringify({ schema: "claimscope/annotations@1", annotations: [entry] })), /annotation 1: .*superseded, conflict or dismissed/);
  const note = { id: "x", kind: "note", note: "hi", created: "t", modified: "t", target: [{ source: "a.txt", selector: [{ type: "TextQuoteSelector", exact: "hi" }] }] };
  assert.match(bad(JSON.stringify({ schema: "claimscope/annotations@1", annotations: [note, note] })), /appears twice/);
  const ok = parseAnnotationFile(JSON.stringify({ schema: "claimscope/annotations@1", annotations: [note] }));
  assert.ok(ok.ok && ok.file.annotations[0]!.target[0].quote.exact === "hi");
  assert.ok(parseAnnotationFile("").ok, "an empty file is an empty list");
});

test("edits apply to the file as it is now; imports keep the newer version of each annotation", () => {
  const snap = sampleIndex().result();
  const doc = snap.documents[0]!.analysis;
  const mine = noteOn(doc.path, doc.text, 0, 10, "mine", stamp("2026-11-21T10:00:00Z"));
  const theirs = noteOn(doc.path, doc.text, 20, 30, "theirs", stamp("2026-11-21T10:00:01Z"));
  // Another window wrote `theirs` meanwhile: applying my edit to the file as it is keeps both.
  const onDisk = applyEdits(emptyAnnotationFile(), [{ type: "put", annotation: theirs }]);
  assert.deepEqual(applyEdits(onDisk, [{ type: "put", annotation: mine }]).annotations.map((a) => a.note).sort(), ["mine", "theirs"]);
  const newer = { ...theirs, note: "theirs, revised", modified: "2026-11-21T11:00:00Z" };
  const older = { ...mine, note: "stale", modified: "2026-11-20T00:00:00Z" };
  const merged = mergeEdits(applyEdits(onDisk, [{ type: "put", annotation: mine }]), [newer, older]);
  assert.deepEqual([merged.added, merged.updated, merged.unchanged], [0, 1, 1]);
});

test("reviews: placed on their flags and claims, carried through edits, orphaned when their text goes", () => {
  const index = sampleIndex();
  let snap = index.result();
  const flag = flagFrom(snap, "01");
  const claimId = snap.topics.find((t) => t.claims.length > 2)!.claims[1]!;
  const earlierDoc = snap.documentOf.get(flag.earlier)!.analysis;
  const { text: earlierText, start: earlierStart } = snap.claims.get(flag.earlier)!;
  const review = reviewContradiction(snap, flag, "dismissed", "same figure, different basis", stamp());
  const verified = reviewClaim(snap, claimId, "verified", "checked against the filing", stamp());
  const note = noteOn(earlierDoc.path, earlierDoc.text, 0, 40, "headline wording", stamp());
  const file: AnnotationFile = applyEdits(emptyAnnotationFile(), [review, verified, note].map((annotation) => ({ type: "put" as const, annotation })));

  let reviews = resolveReviews(snap, file);
  assert.equal(reviews.ofContradiction(flag)?.annotation.id, review.id);
  assert.equal(reviews.ofClaim(claimId)?.annotation.id, verified.id);
  assert.equal(reviews.notesIn(earlierDoc.path).length, 1);
  assert.equal(reviews.open(snap.contradictions).length, snap.contradictions.length - 1);
  assert.equal(reviews.orphans.length, 0);

  // A paragraph added at the top moves every offset: the reviews follow their text.
  const original = earlierDoc.text;
  const body = original.indexOf("\n\n") + 2;
  index.set({ path: earlierDoc.path, text: `${original.slice(0, body)}An editor's paragraph, added later, with no figures in it.\n\n${original.slice(body)}` });
  snap = index.result();
  reviews = resolveReviews(snap, file);
  const moved = snap.contradictions.find((x) => reviews.ofContradiction(x));
  assert.ok(moved, "the review still sits on its flag");
  assert.equal(reviews.ofContradiction(moved)!.status, "anchored");
  assert.equal(snap.claims.get(moved.earlier)!.text, earlierText);
  assert.ok(snap.claims.get(moved.earlier)!.start > earlierStart, "at its new offset");
  assert.equal(reviews.orphans.length, 0);

  // The earlier statement deleted: its review is orphaned, with the reason, and still listed.
  const gone = snap.claims.get(moved.earlier)!;
  index.set({ path: earlierDoc.path, text: snap.documentOf.get(gone.id)!.analysis.text.replace(gone.text, "") });
  reviews = resolveReviews(index.result(), file);
  const orphan = reviews.all.find((r) => r.annotation.id === review.id)!;
  assert.equal(orphan.status, "orphaned");
  assert.match(orphan.reason!, /no longer in/);
  assert.equal(reviews.all.length, 3);

  // The article removed from the corpus: its note is orphaned too.
  index.delete(earlierDoc.path);
  reviews = resolveReviews(index.result(), file);
  assert.match(reviews.all.find((r) => r.annotation.id === note.id)!.reason!, /no longer in the corpus/);
});

test("reviews: of two reviews of one flag the newer counts, the older is listed as replaced", () => {
  const snap = sampleIndex().result();
  const flag = flagFrom(snap, "01");
  const older = reviewContradiction(snap, flag, "conflict", undefined, stamp("2026-11-01T00:00:00Z"));
  const newer = reviewContradiction(snap, flag, "superseded", undefined, stamp("2026-11-02T00:00:00Z"));
  const reviews = resolveReviews(snap, applyEdits(emptyAnnotationFile(), [older, newer].map((annotation) => ({ type: "put" as const, annotation }))));
  assert.equal(reviews.ofContradiction(flag)?.annotation.id, newer.id);
  assert.match(reviews.orphans[0]!.reason!, /newer review/);
});

test("W3C Web Annotation: export and import give back the same annotations; other tools' notes come in as notes", () => {
  const snap = sampleIndex().result();
  const flag = flagFrom(snap, "01");
  const doc = snap.documents[2]!.analysis;
  const file = applyEdits(emptyAnnotationFile(), [
    reviewContradiction(snap, flag, "conflict", "sources disagree", stamp()),
    reviewClaim(snap, flag.later, "disputed", undefined, stamp()),
    noteOn(doc.path, doc.text, 5, 25, "see the filing", stamp()),
  ].map((annotation) => ({ type: "put" as const, annotation })));
  const base = "file:///home/ana/corpus/";
  const exported = toWebAnnotations(file, base);
  const json = JSON.parse(JSON.stringify(exported));
  assert.equal(json["@context"], "http://www.w3.org/ns/anno.jsonld");
  assert.equal(json.type, "AnnotationCollection");
  assert.equal(json.first.items[0].target[0].selector[0].type, "TextQuoteSelector");
  assert.match(json.first.items[0].id, /^urn:uuid:/);
  const paths = snap.documents.map((d) => d.analysis.path);
  const back = fromWebAnnotations(json, { base, paths, newId: () => "new", now: "2026-11-21T00:00:00Z" });
  assert.deepEqual(back.skipped, []);
  assert.deepEqual(back.annotations, file.annotations);

  // A note made elsewhere (another copy of the corpus, text in bodyValue), and things that cannot be placed.
  const foreign = [
    { "@context": "http://www.w3.org/ns/anno.jsonld", id: "https://example.org/anno/1", type: "Annotation", bodyValue: "interesting", target: { source: `https://example.org/mirror/${doc.path}`, selector: { type: "TextQuoteSelector", exact: doc.text.slice(5, 25) } } },
    { type: "Annotation", body: { type: "TextualBody", value: "whole page" }, target: `https://example.org/mirror/${doc.path}` },
    { type: "Annotation", bodyValue: "elsewhere", target: { source: "https://example.org/other.txt", selector: { type: "TextQuoteSelector", exact: "x" } } },
    { type: "Highlight" },
  ];
  const imported = fromWebAnnotations(foreign, { base, paths, newId: () => "new", now: "2026-11-21T00:00:00Z" });
  assert.equal(imported.annotations.length, 1);
  assert.equal(imported.annotations[0]!.kind, "note");
  assert.equal(imported.annotations[0]!.note, "interesting");
  assert.equal(imported.annotations[0]!.target[0].source, doc.path);
  assert.equal(imported.skipped.length, 3);
  const r = resolveReviews(snap, { schema: "claimscope/annotations@1", annotations: imported.annotations });
  assert.deepEqual([r.all[0]!.status, r.all[0]!.ranges[0]!.start], ["anchored", 5]);
});


test("contract: the streamed JSON text is the contract object's JSON, character for character, compact or indented, with and without reviews", () => {
  const index = sampleIndex();
  const snap = index.result();
  const flag = flagFrom(snap, "01");
  const claimId = snap.topics.find((t) => t.claims.length > 2)!.claims[1]!;
  const gone = noteOn("gone.txt", "text that is not in the corpus", 0, 4, "orphaned", stamp());
  const file = applyEdits(emptyAnnotationFile(), [reviewContradiction(snap, flag, "dismissed", "a note with \"quotes\"\nand a line", stamp()), reviewClaim(snap, claimId, "verified", undefined, stamp()), gone].map((annotation) => ({ type: "put" as const, annotation })));
  const reviews = resolveReviews(snap, file);
  const empty = new CorpusIndex().result();
  for (const pretty of [false, true]) {
    const expected = (s: typeof snap, r?: ReturnType<typeof resolveReviews>) => JSON.stringify(toContract(s, r), null, pretty ? 2 : undefined) + "\n";
    assert.equal([...contractJsonText(snap, reviews, [], pretty)].join(""), expected(snap, reviews));
    assert.equal([...contractJsonText(snap, undefined, [], pretty)].join(""), expected(snap));
    assert.match(expected(snap, reviews), pretty ? /"annotations": \[\n/ : /"annotations":\[\{/);
    assert.equal([...contractJsonText(empty, undefined, [], pretty)].join(""), expected(empty), "empty lists as []");
  }
  // Compact is one line; indented, an item's fields are each on their own line.
  assert.equal([...contractJsonText(snap, undefined, [], false)].join("").split("\n").length, 2);
  assert.match([...contractJsonText(snap, undefined, [], true)].join(""), /\n {4}\{\n {6}"path": /);
});
