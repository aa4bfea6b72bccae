import { test } from "node:test";
import assert from "node:assert/strict";
import {
  changeKey, claimPath, CorpusIndex, DEFAULT_FLAG_SEVERITY, emptyAnnotationFile, flagStatus, mostConfident, problemEntries, resolveReviews, reviewContradiction, runSync,
  applyEdits, type Claim, type Contradiction, type CorpusSnapshot, type ProblemEntry, type ReviewIndex,
} from "../../src/core";
import { generateCorpus } from "../../bench/generate";

/** The entries as Problems chose them in one piece, before they were steps: the rules, written out. */
function inOnePiece(snap: CorpusSnapshot, reviews: ReviewIndex | undefined, max: number, open: (path: string) => boolean): { entries: ProblemEntry[]; hidden: number } {
  const shown = snap.contradictions.filter((x) => flagStatus(x, reviews, DEFAULT_FLAG_SEVERITY).shown);
  const hidden = Math.max(0, shown.length - max);
  let chosen = shown;
  if (hidden) {
    const inOpen = mostConfident(shown.filter((x) => open(claimPath(x.later))), max);
    chosen = inOpen.concat(mostConfident(shown.filter((x) => !open(claimPath(x.later))), max - inOpen.length));
  }
  const entries = new Map<string, ProblemEntry>();
  for (const x of chosen) {
    const status = flagStatus(x, reviews, DEFAULT_FLAG_SEVERITY);
    const key = changeKey(x, snap, status);
    const e = entries.get(key);
    if (e) e.earlier.push(x.earlier, ...(x.alsoEarlier ?? []));
    else entries.set(key, { first: x, status, earlier: [x.earlier, ...(x.alsoEarlier ?? [])] });
  }
  return { entries: [...entries.values()], hidden };
}

const view = (r: { entries: ProblemEntry[]; hidden: number }) => ({ hidden: r.hidden, entries: r.entries.map((e) => `${e.first.earlier}>${e.first.later} ${e.status.state}/${e.status.nature} [${e.earlier.join(",")}]`) });

function corpus(articles = 120): CorpusSnapshot {
  const index = new CorpusIndex();
  for (const d of generateCorpus(articles, 5, 10)) index.set(d);
  return index.result();
}

test("problems: the entries built in steps are those built in one piece, over the cap, under it, and with reviews", () => {
  const snap = corpus();
  assert.ok(snap.contradictions.length > 200, `enough flags to go over a cap: ${snap.contradictions.length}`);
  const open = (p: string) => p === claimPath(snap.contradictions[7]!.later);
  // One flag dismissed, one judged superseded: the first leaves, the second is its own entry.
  let id = 0;
  const stamp = () => ({ id: `00000000-0000-4000-8000-${String(++id).padStart(12, "0")}`, now: "2026-12-01T10:00:00.000Z" });
  const file = applyEdits(emptyAnnotationFile(), [
    { type: "put", annotation: reviewContradiction(snap, snap.contradictions[3]!, "dismissed", undefined, stamp()) },
    { type: "put", annotation: reviewContradiction(snap, snap.contradictions[9]!, "superseded", "older figure", stamp()) },
  ]);
  const reviews = resolveReviews(snap, file);
  for (const [r, max] of [[undefined, 40], [undefined, 100000], [reviews, 40], [reviews, 0]] as const) {
    const got = runSync(problemEntries(snap, r, DEFAULT_FLAG_SEVERITY, max, open));
    assert.deepEqual(view(got), view(inOnePiece(snap, r, max, open)), `max ${max}, ${r ? "reviewed" : "no reviews"}`);
  }
  const capped = runSync(problemEntries(snap, undefined, DEFAULT_FLAG_SEVERITY, 40, open));
  assert.equal(capped.hidden, snap.contradictions.length - 40);
  const reviewed = runSync(problemEntries(snap, reviews, DEFAULT_FLAG_SEVERITY, 100000, open));
  assert.equal(reviewed.entries.flatMap((e) => [e.first]).includes(snap.contradictions[3]!), false, "the dismissed flag is not shown");
  assert.ok(reviewed.entries.some((e) => e.first === snap.contradictions[9] && e.status.state === "superseded"), "the reviewed flag is shown as reviewed");
  assert.ok(capped.entries.some((e) => open(claimPath(e.first.later))), "the open article's flags are among those shown");
});

test("problems: choosing reads no claim; grouping reads the claims of one flag between two pauses", () => {
  const snap = corpus(600);
  assert.ok(snap.contradictions.length > 1000, `enough flags for choosing to pause: ${snap.contradictions.length}`);
  const read: string[] = [];
  const counted = { ...snap, claims: { get: (id: string): Claim | undefined => { read.push(id); return snap.claims.get(id); }, size: snap.claims.size } };
  const steps = problemEntries(counted, undefined, DEFAULT_FLAG_SEVERITY, 50, () => false);
  let choosing = 0;
  const grouped: Contradiction[] = [];
  const chosen = new Set(mostConfident(snap.contradictions, 50));
  let r = steps.next();
  for (; !r.done; r = steps.next()) {
    const step = r.value;
    assert.ok("pause" in step);
    if (!grouped.length && read.length === 0 && step.pause.total === snap.contradictions.length) { choosing++; continue; }
    // A pause after each flag grouped: what was read since the last is that flag's claims.
    const x = [...chosen][grouped.length]!;
    grouped.push(x);
    const named = new Set([x.earlier, x.later, ...(x.alsoEarlier ?? [])]);
    assert.ok(read.length > 0 && read.every((id) => named.has(id)), `read ${read.join(", ")} for ${x.earlier} > ${x.later}`);
    read.length = 0;
  }
  assert.equal(choosing, Math.floor(snap.contradictions.length / 1000), "choosing pauses now and then, reading nothing");
  assert.equal(grouped.length, 50, "one pause per flag shown");
  assert.equal(read.length, 0);
});
