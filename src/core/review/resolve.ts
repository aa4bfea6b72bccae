import type { CorpusSnapshot } from "../corpus";
import type { Claim, Contradiction, DocumentAnalysis } from "../types";
import { anchor, type Anchored } from "./anchor";
import type { Annotation, AnnotationFile, AnnotationTarget, ReviewState } from "./model";

export interface AnchoredRange {
  path: string;
  start: number;
  end: number;
  exact: boolean;
}

/** An annotation placed in the corpus as it reads now. */
export interface ResolvedAnnotation {
  annotation: Annotation;
  /** anchored; changed: found, but the text there was edited since; orphaned: its text (or its flag) is gone. */
  status: "anchored" | "changed" | "orphaned";
  /** Why it is orphaned, for the user. */
  reason?: string;
  /** One per target, null where a target could not be found. */
  ranges: Array<AnchoredRange | null>;
  /** The claims its targets fall on (claim reviews and contradictions). */
  claims: string[];
  contradiction?: Contradiction;
}

export interface ReviewIndex {
  all: ResolvedAnnotation[];
  orphans: ResolvedAnnotation[];
  /** The review of a flag, by contradictionKey. */
  ofContradiction(c: Contradiction): ResolvedAnnotation | undefined;
  ofClaim(claimId: string): ResolvedAnnotation | undefined;
  notesIn(path: string): ResolvedAnnotation[];
  /** Contradictions no reviewer has judged yet. */
  open(contradictions: readonly Contradiction[]): Contradiction[];
}

export function contradictionKey(c: { earlier: string; later: string }): string {
  return `${c.earlier}\u0000${c.later}`;
}

/** Places every annotation in the corpus: re-anchors its quotes, finds the claims and flags they belong to. */
export function resolveReviews(snap: CorpusSnapshot, file: AnnotationFile): ReviewIndex {
  // Built only when an annotation needs them: the index is rebuilt whenever the corpus changes, and a
  // corpus without reviews (most of them) should not pay for keying 86,000 flags each time.
  let flagMap: Map<string, Contradiction> | undefined;
  const docs = snap.documentAt;
  const flags = () => (flagMap ??= new Map(snap.contradictions.map((c) => [contradictionKey(c), c])));
  const all: ResolvedAnnotation[] = [];
  const byFlag = new Map<string, ResolvedAnnotation>();
  const byClaim = new Map<string, ResolvedAnnotation>();
  const notes = new Map<string, ResolvedAnnotation[]>();
  // Newest first, so that of two reviews of one thing the later wins.
  const ordered = [...file.annotations].sort((a, b) => (a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0));
  for (const annotation of ordered) {
    const ranges = annotation.target.map((t): AnchoredRange | null => {
      const doc = docs.get(t.source)?.analysis;
      const at = doc ? anchorCached(doc, t) : null;
      return at ? { path: t.source, ...at } : null;
    });
    const r: ResolvedAnnotation = { annotation, status: ranges.every((x) => x?.exact) ? "anchored" : "changed", ranges, claims: [] };
    const missing = annotation.target.find((_, i) => !ranges[i]);
    if (missing) orphan(r, docs.get(missing.source) ? `its text is no longer in ${missing.source}` : `${missing.source} is no longer in the corpus`);
    else if (annotation.kind === "note") push(notes, ranges[0]!.path, r);
    else {
      const candidates = ranges.map((x) => claimsAt(docs.get(x!.path)!.analysis, x!.start, x!.end, annotation.concept));
      if (candidates.some((c) => !c.length)) orphan(r, "the statement it reviewed is no longer read as a claim");
      else if (annotation.kind === "claim") {
        r.claims = [candidates[0]![0]!.id];
        if (byClaim.has(r.claims[0]!)) orphan(r, "a newer review of the same claim replaces it");
        else byClaim.set(r.claims[0]!, r);
      } else {
        // One sentence can hold claims on several concepts: the pair that is flagged is the one reviewed.
        const flag = candidates[0]!.flatMap((e) => candidates[1]!.map((l) => flags().get(contradictionKey({ earlier: e.id, later: l.id })))).find((f) => f);
        if (!flag) orphan(r, "the two statements are no longer flagged as contradicting");
        else if (byFlag.has(contradictionKey(flag))) orphan(r, "a newer review of the same flag replaces it");
        else { r.claims = [flag.earlier, flag.later]; r.contradiction = flag; byFlag.set(contradictionKey(flag), r); }
      }
    }
    all.push(r);
  }
  all.reverse();
  return {
    all,
    orphans: all.filter((r) => r.status === "orphaned"),
    ofContradiction: (c) => (byFlag.size ? byFlag.get(contradictionKey(c)) : undefined),
    ofClaim: (id) => byClaim.get(id),
    notesIn: (path) => notes.get(path) ?? [],
    open: (list) => (byFlag.size ? list.filter((c) => !byFlag.has(contradictionKey(c))) : list.slice()),
  };
}

/** Anchors per analysis: a document's analysis is replaced when its text changes, so unchanged articles are not searched again. */
const anchors = new WeakMap<DocumentAnalysis, WeakMap<AnnotationTarget, Anchored | null>>();

function anchorCached(doc: DocumentAnalysis, t: AnnotationTarget): Anchored | null {
  let cache = anchors.get(doc);
  if (!cache) anchors.set(doc, (cache = new WeakMap()));
  if (!cache.has(t)) cache.set(t, anchor(doc.text, t));
  return cache.get(t)!;
}

function orphan(r: ResolvedAnnotation, reason: string): void {
  r.status = "orphaned";
  r.reason = reason;
}

/**
 * The claims a range may review, best first: those covering at least half of it, the closest fit
 * first and, among equals, the one on the annotation's concept (a sentence can hold several claims).
 */
export function claimsAt(doc: DocumentAnalysis, start: number, end: number, concept?: string): Claim[] {
  const fit = (c: Claim) => Math.min(end, c.end) - Math.max(start, c.start) - Math.abs(c.start - start) - Math.abs(c.end - end);
  return doc.claims
    .filter((c) => (Math.min(end, c.end) - Math.max(start, c.start)) * 2 >= end - start)
    .sort((a, b) => fit(b) - fit(a) || Number(b.concept === concept) - Number(a.concept === concept));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The state a reviewer gave, for labels. */
export function reviewState(r: ResolvedAnnotation | undefined): ReviewState | undefined {
  return r && r.annotation.kind !== "note" ? r.annotation.state : undefined;
}
