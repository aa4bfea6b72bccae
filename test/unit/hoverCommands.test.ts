import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { applyEdits, CorpusIndex, dealId, emptyAnnotationFile, HOVER_COMMANDS, hoverArgumentRefusal, resolveReviews, reviewContradiction, type KnownIds } from "../../src/core";
import { sampleDocuments } from "./helpers";

function samples() {
  const index = new CorpusIndex({ orgAliases: { Contoso: ["Contoso Cloud"] } });
  for (const d of sampleDocuments()) index.set(d);
  const snap = index.result();
  const flag = snap.contradictions[0]!;
  const file = applyEdits(emptyAnnotationFile(), [{ type: "put", annotation: reviewContradiction(snap, flag, "conflict", "", { id: "00000000-0000-4000-8000-000000000001", now: "2026-11-21T10:00:00.000Z" }) }]);
  const reviews = resolveReviews(snap, file);
  const deals = new Set(snap.topics.filter((t) => t.orgs.length).map((t) => dealId(t.orgs)));
  // What the editor asks (src/extension/reviewCommands.ts knownIds), over the same corpus and reviews.
  const known: KnownIds = {
    claim: (id) => !!snap.claims.get(id),
    // As the deal sheet reads a subject (src/extension/dealSheet.ts dealOf): a deal's id, or a claim whose topic is a deal's.
    deal: (id) => deals.has(id) || deals.has(dealId(snap.topicById.get(snap.claims.get(id)?.topic ?? "")?.orgs ?? [])),
    flag: (e, l) => snap.contradictions.some((c) => c.earlier === e && c.later === l),
    annotation: (id) => reviews.all.some((r) => r.annotation.id === id),
  };
  return { snap, flag, known, annotation: file.annotations[0]!.id };
}

test("hover commands: each accepts the argument the hover writes", () => {
  const { snap, flag, known, annotation } = samples();
  assert.equal(hoverArgumentRefusal("claimscope.openClaim", flag.earlier, known), undefined);
  assert.equal(hoverArgumentRefusal("claimscope.reviewClaim", flag.later, known), undefined);
  assert.equal(hoverArgumentRefusal("claimscope.reviewContradiction", { earlier: flag.earlier, later: flag.later }, known), undefined);
  assert.equal(hoverArgumentRefusal("claimscope.removeAnnotation", annotation, known), undefined);
  assert.equal(hoverArgumentRefusal("claimscope.showDealSheet", flag.later, known), undefined);
  assert.equal(hoverArgumentRefusal("claimscope.showDealSheet", dealId(snap.topicById.get(flag.topic)!.orgs), known), undefined, "a deal's own id, as the tree gives it");
});

test("hover commands: a forged or stale argument is refused with the command, what it wanted and that nothing was done", () => {
  const { flag, known, annotation } = samples();
  const forged: Array<[(typeof HOVER_COMMANDS)[number], unknown, RegExp]> = [
    ["claimscope.openClaim", "no-such.md#1", /“no-such\.md#1”, which is not one/],
    ["claimscope.openClaim", flag.topic, /which is not one/], // a topic id is not a claim id
    ["claimscope.openClaim", "", /an empty string/],
    ["claimscope.openClaim", "x".repeat(5000), /a string of 5000 characters/],
    ["claimscope.openClaim", "x".repeat(4096), /“x+…”, which is not one/], // the near miss: as long as an id may be
    ["claimscope.openClaim", { evil: true }, /an object of another shape/],
    ["claimscope.openClaim", 42, /a number/],
    ["claimscope.openClaim", null, /given null/],
    ["claimscope.reviewClaim", undefined, /given undefined/],
    ["claimscope.reviewClaim", [flag.earlier], /a list/],
    ["claimscope.reviewContradiction", { earlier: flag.later, later: flag.earlier }, /which no flag joins/], // the near miss: the pair reversed
    ["claimscope.reviewContradiction", { earlier: flag.earlier, later: flag.later, run: "workbench.action.terminal.new" }, /another shape/],
    ["claimscope.reviewContradiction", { earlier: flag.earlier }, /another shape/],
    ["claimscope.reviewContradiction", flag.earlier, /a string of/],
    ["claimscope.removeAnnotation", "00000000-0000-4000-8000-000000000999", /which is not one/],
    ["claimscope.removeAnnotation", `${annotation} `, /which is not one/],
    ["claimscope.showDealSheet", "halvorsen+evil", /which is not one/],
    ["claimscope.showDealSheet", { type: "item", deal: "evil" }, /another shape/],
  ];
  for (const [command, arg, why] of forged) {
    const msg = hoverArgumentRefusal(command, arg, known);
    assert.ok(msg, `${command} ${JSON.stringify(arg)?.slice(0, 60)} is refused`);
    assert.match(msg, why);
    assert.ok(msg.startsWith(`${command} was given`) && msg.includes("nothing was done"), msg);
  }
  // Each says what it wanted.
  const wanted: Array<[(typeof HOVER_COMMANDS)[number], string]> = [
    ["claimscope.openClaim", "a claim of this corpus"],
    ["claimscope.reviewClaim", "a claim of this corpus"],
    ["claimscope.reviewContradiction", "a flag of this corpus ({ earlier, later } claim ids)"],
    ["claimscope.removeAnnotation", "an annotation in the annotations file"],
    ["claimscope.showDealSheet", "a deal of this corpus or a claim of one"],
  ];
  for (const [command, what] of wanted) assert.ok(hoverArgumentRefusal(command, 42, known)!.includes(`, not ${what};`), command);
});

test("hover commands: the hover links to these only, and the README lists each", () => {
  const hover = readFileSync(join(__dirname, "..", "..", "src", "extension", "hover.ts"), "utf8");
  const used = new Set([...hover.matchAll(/"(claimscope\.[A-Za-z]+)"/g)].map((m) => m[1]!));
  assert.ok(used.size >= 4 && [...used].every((c) => (HOVER_COMMANDS as readonly string[]).includes(c)), [...used].join(", "));
  const readme = readFileSync(join(__dirname, "..", "..", "README.md"), "utf8");
  for (const c of HOVER_COMMANDS) assert.ok(readme.includes(`\`${c}\``), `README lists ${c}`);
});
