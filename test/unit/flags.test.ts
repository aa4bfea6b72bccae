import { test } from "node:test";
import assert from "node:assert/strict";
import {
  applyEdits, contradictedSpans, CorpusIndex, dealSheet, dealSheets, DEFAULT_FLAG_SEVERITY, emptyAnnotationFile, FactLookup, flagMessage,
  flagStatus, MAX_MESSAGE, readSettings, resolveReviews, reviewContradiction, shortSource, shownFlags, type CorpusSnapshot,
} from "../../src/core";
import { formatSarif } from "../../src/cli/format/sarif";
import { sampleDocuments } from "./helpers";

// Stories of our own (companies and figures invented), one dated file per article.
function snapOf(story: Array<[string, string]>, names?: string[]): CorpusSnapshot {
  const index = new CorpusIndex();
  story.forEach(([date, body], i) => index.set({ path: names?.[i] ?? `${String(i + 1).padStart(3, "0")}_wire_story.md`, text: `---\ndate: ${date}\n---\n\n${body}\n` }));
  return index.result();
}

const RAISED: Array<[string, string]> = [
  ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
  ["2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to $7.4 billion."],
];
const MISPRINT: Array<[string, string]> = [
  ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $4.2 billion."],
  ["2026-03-01", "Halvorsen Industries is completing its $4.2 million takeover of Northwind Robotics."],
];

let n = 0;
const stamp = () => ({ id: `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`, now: "2026-11-21T10:00:00.000Z", creator: "ana" });

test("flag state: the analysis's nature decides the level until a reviewer judges; a dismissed flag is not shown", () => {
  const raised = snapOf(RAISED);
  const flag = raised.contradictions[0]!;
  assert.deepEqual([flag.nature, flagStatus(flag, undefined, DEFAULT_FLAG_SEVERITY).level], ["superseded", "information"]);
  const conflict = snapOf(MISPRINT).contradictions[0]!;
  assert.deepEqual([conflict.nature, flagStatus(conflict, undefined, DEFAULT_FLAG_SEVERITY).level], ["conflict", "warning"]);
  // A reviewer's word is the nature; the settings choose the level.
  const judged = (state: "conflict" | "superseded" | "dismissed") => {
    const file = applyEdits(emptyAnnotationFile(), [{ type: "put", annotation: reviewContradiction(raised, flag, state, undefined, stamp()) }]);
    return resolveReviews(raised, file);
  };
  const asConflict = flagStatus(flag, judged("conflict"), { conflict: "error", superseded: "hint" });
  assert.deepEqual([asConflict.state, asConflict.nature, asConflict.level, asConflict.shown], ["conflict", "conflict", "error", true]);
  const dismissed = judged("dismissed");
  const gone = flagStatus(flag, dismissed, DEFAULT_FLAG_SEVERITY);
  assert.deepEqual([gone.state, gone.shown, gone.level], ["dismissed", false, undefined]);
  assert.deepEqual(shownFlags(raised, dismissed), []);
  assert.deepEqual(shownFlags(raised, judged("superseded")), [flag]);
});

test("flag message: starts with the change, names the nature and the earlier article, fits 80 characters", () => {
  const snap = snapOf(RAISED);
  const flag = snap.contradictions[0]!;
  assert.equal(flagMessage(flag, snap, flagStatus(flag, undefined, DEFAULT_FLAG_SEVERITY)), "Deal value: $6.8 billion → $7.4 billion (superseded, 001)");
  // A long change is shortened; the nature and the source are kept.
  const long = snapOf([
    ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for about $6.8 billion including the assumption of roughly $1.25 billion of net debt and other obligations."],
    ["2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to about $7.4 billion including the assumption of roughly $1.25 billion of net debt and other obligations."],
  ], ["halvorsen-northwind-agreement-announced-in-january.md", "halvorsen-raises-its-offer-for-northwind-robotics.md"]);
  for (const x of long.contradictions) {
    const message = flagMessage(x, long, flagStatus(x, undefined, DEFAULT_FLAG_SEVERITY));
    assert.ok(message.length <= MAX_MESSAGE, message);
    assert.match(message, /\((superseded|conflict), halvorsen-northwind-agre…\)$/);
  }
});

test("short source: a file's sequence number, else its name without folder and extension", () => {
  assert.equal(shortSource("dev/002_reuters_price-raised.txt"), "002");
  assert.equal(shortSource("01-halvorsen-agrees.md"), "01");
  assert.equal(shortSource("notes/halvorsen.md"), "halvorsen");
  assert.equal(shortSource("2026 outlook.md"), "2026"); // a year followed by a space reads as a number too
  assert.equal(shortSource("2026outlook.md"), "2026outlook");
});

test("contradicted spans: the changed figure of each flagged statement, on either side; none once dismissed", () => {
  const snap = snapOf(RAISED);
  const [first, second] = snap.documents.map((d) => d.analysis);
  const spans = (path: string, flags = snap.contradictions) => contradictedSpans(path, flags, snap.claims, snap.documentAt.get(path)!.analysis.facts).map((s) => snap.documentAt.get(path)!.analysis.text.slice(s.start, s.end));
  assert.deepEqual(spans(first!.path), ["$6.8 billion"]);
  assert.deepEqual(spans(second!.path), ["$7.4 billion"]);
  assert.deepEqual(spans(first!.path, []), []);
  // An arrangement's statement is marked at the term it names, not as a whole sentence.
  const index = new CorpusIndex();
  for (const d of sampleDocuments()) index.set(d);
  const samples = index.result();
  const license = samples.contradictions.find((x) => x.kind === "polarity" && samples.claims.get(x.earlier)!.text.includes("keeps its exclusive license"))!;
  const doc = samples.documentOf.get(license.earlier)!.analysis;
  const marked = contradictedSpans(doc.path, [license], samples.claims, doc.facts).map((s) => doc.text.slice(s.start, s.end));
  assert.deepEqual(marked, ["exclusive license"]);
});

test("deal sheet: a deal's changed slots first with their flags, values in corpus order, a series for a moving figure", () => {
  const snap = snapOf([
    ...RAISED,
    ["2026-03-01", "Halvorsen Industries expects its Northwind Robotics deal to close by June 30."],
  ]);
  const sheets = dealSheets(snap, undefined, DEFAULT_FLAG_SEVERITY);
  assert.equal(sheets.length, 1);
  const sheet = sheets[0]!;
  assert.deepEqual([sheet.flagCount, sheet.openCount], [1, 1]);
  const value = sheet.slots[0]!;
  assert.equal(value.slot, "deal-value");
  assert.deepEqual(value.values.map((v) => [v.order, v.text]), [[0, "$6.8 billion"], [1, "$7.4 billion"]]);
  assert.equal(value.current.text, "$7.4 billion");
  assert.deepEqual(value.series, { unit: "USD", points: [
    { value: 6.8e9, label: "001 2026-01-05", claim: value.values[0]!.claim },
    { value: 7.4e9, label: "002 2026-02-10", claim: value.values[1]!.claim },
  ] });
  assert.equal(value.flags[0]!.change, "Deal value: $6.8 billion → $7.4 billion");
  // A slot with one value has no chart and comes after the changed ones.
  const closing = sheet.slots.find((s) => s.slot === "expected-close");
  assert.ok(closing && !closing.series && !closing.flags.length && sheet.slots.indexOf(closing) > 0);
  assert.equal(dealSheet(snap, undefined, DEFAULT_FLAG_SEVERITY, sheet.id)?.label, sheet.label);
  assert.equal(dealSheet(snap, undefined, DEFAULT_FLAG_SEVERITY, "no+such"), undefined);
});

test("deal sheet: an arrangement's flag belongs to its parties' deal; a dismissed flag is counted out", () => {
  const snap = new CorpusIndex();
  for (const d of sampleDocuments()) snap.set(d);
  const s = snap.result();
  const polarity = s.contradictions.find((x) => x.kind === "polarity")!;
  assert.ok(polarity.nature && !polarity.deal, "an arrangement's flag has a nature; its deal is its parties'");
  const deal = s.topicById.get(polarity.topic)!.orgs.join("+");
  const file = applyEdits(emptyAnnotationFile(), [{ type: "put", annotation: reviewContradiction(s, polarity, "dismissed", undefined, stamp()) }]);
  const before = dealSheet(s, undefined, DEFAULT_FLAG_SEVERITY, deal)!;
  const after = dealSheet(s, resolveReviews(s, file), DEFAULT_FLAG_SEVERITY, deal)!;
  assert.ok(before.arrangementFlags.some((f) => f.flag === polarity));
  assert.equal(after.flagCount, before.flagCount - 1);
  assert.equal(after.arrangementFlags.find((f) => f.flag === polarity)!.status.state, "dismissed");
});

test("settings: flag severity per nature, a wrong value reported and the default kept", () => {
  assert.deepEqual(readSettings({ flagSeverity: { superseded: "hint" } }).settings.flagSeverity, { conflict: "warning", superseded: "hint" });
  const bad = readSettings({ flagSeverity: { superseded: "loud" } });
  assert.deepEqual(bad.settings.flagSeverity, DEFAULT_FLAG_SEVERITY);
  assert.match(bad.problems[0]!, /flagSeverity/);
});

test("SARIF: each flag's level follows its nature and the settings", () => {
  const snap = snapOf(RAISED);
  const level = (severity = DEFAULT_FLAG_SEVERITY) => (JSON.parse([...formatSarif(snap, "/tmp/corpus", "0", severity, undefined, [], false)].join("")) as { runs: Array<{ results: Array<{ level: string }> }> }).runs[0]!.results.map((r) => r.level);
  assert.deepEqual(level(), ["note"]);
  assert.deepEqual(level({ conflict: "warning", superseded: "error" }), ["error"]);
});

test("lookup: a statement is listed once, and a query naming a kind lists facts of that kind first", () => {
  const index = new CorpusIndex();
  for (const d of sampleDocuments()) index.set(d);
  const lookup = new FactLookup(index.result(), index.analyzer.lexicon);
  const stake = lookup.search("stake", 20);
  const stakes = stake.filter((e) => e.kind === "stake").length;
  assert.ok(stakes >= 2 && stake.slice(0, stakes).every((e) => e.kind === "stake"), stake.map((e) => e.kind).join(","));
  for (const query of ["stake", "halvorsen billion", "exclusive license"]) {
    const found = lookup.search(query, 50);
    const kindOf = new Map<string, string>();
    for (const e of found) {
      const k = `${e.path}|${e.context}`;
      assert.equal(kindOf.get(k) ?? e.kind, e.kind, `"${query}" lists a statement twice (as ${kindOf.get(k)} and ${e.kind})`);
      kindOf.set(k, e.kind);
    }
  }
});
