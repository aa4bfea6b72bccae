import type { CorpusSnapshot } from "../corpus";
import type { Contradiction } from "../types";
import { targetFor } from "./anchor";
import { MAX_NOTE } from "./store";
import type { Annotation, ClaimReview, ClaimState, ContradictionReview, FlagState, Note } from "./model";

/** What the caller supplies, so that the core stays free of clocks and random numbers. */
export interface Stamp {
  id: string;
  now: string;
  creator?: string;
}

/** A review of a flag; `previous` (the review it replaces) keeps its id and creation time. */
export function reviewContradiction(snap: CorpusSnapshot, c: Contradiction, state: FlagState, note: string | undefined, stamp: Stamp, previous?: Annotation): ContradictionReview {
  const e = snap.claims.get(c.earlier), l = snap.claims.get(c.later);
  if (!e || !l) throw new Error("that contradiction is no longer in the corpus");
  return {
    ...base(stamp, note, previous),
    kind: "contradiction",
    state,
    concept: e.concept,
    target: [targetOfClaim(snap, e.id), targetOfClaim(snap, l.id)],
  };
}

export function reviewClaim(snap: CorpusSnapshot, claimId: string, state: ClaimState, note: string | undefined, stamp: Stamp, previous?: Annotation): ClaimReview {
  const c = snap.claims.get(claimId);
  if (!c) throw new Error("that claim is no longer in the corpus");
  return { ...base(stamp, note, previous), kind: "claim", state, concept: c.concept, target: [targetOfClaim(snap, claimId)] };
}

export function noteOn(path: string, text: string, start: number, end: number, note: string, stamp: Stamp, previous?: Annotation): Note {
  if (!note.trim()) throw new Error("a note needs its text");
  if (end <= start) throw new Error("a note needs a range of text");
  return { ...base(stamp, note, previous), kind: "note", note: cleanNote(note)!, target: [targetFor(path, text, start, end)] };
}

function targetOfClaim(snap: CorpusSnapshot, id: string) {
  const c = snap.claims.get(id)!;
  const doc = snap.documentOf.get(id)!.analysis;
  return targetFor(doc.path, doc.text, c.start, c.end);
}

function base(stamp: Stamp, note: string | undefined, previous?: Annotation) {
  const n = cleanNote(note);
  return {
    id: previous?.id ?? stamp.id,
    created: previous?.created ?? stamp.now,
    modified: stamp.now,
    ...(n ? { note: n } : {}),
    ...(stamp.creator ? { creator: stamp.creator } : previous?.creator ? { creator: previous.creator } : {}),
  };
}

function cleanNote(note: string | undefined): string | undefined {
  const n = note?.trim();
  return n ? n.slice(0, MAX_NOTE) : undefined;
}
