// A reviewer's judgements, stored beside the corpus and anchored the way the W3C Web Annotation
// model anchors text: by quote with context, and by position as a hint.

export const FLAG_STATES = ["superseded", "conflict", "dismissed"] as const;
export const CLAIM_STATES = ["verified", "disputed"] as const;

/** A flagged contradiction: a later event changed the facts, the sources really disagree, or it is no contradiction. */
export type FlagState = (typeof FLAG_STATES)[number];
export type ClaimState = (typeof CLAIM_STATES)[number];
export type ReviewState = FlagState | ClaimState;

export const STATE_LABEL: Record<ReviewState, string> = {
  superseded: "Superseded — a later event changed the facts",
  conflict: "Conflict — the sources really disagree",
  dismissed: "Dismissed — not a contradiction",
  verified: "Verified",
  disputed: "Disputed",
};

export interface TextQuoteSelector {
  type: "TextQuoteSelector";
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextPositionSelector {
  type: "TextPositionSelector";
  start: number;
  end: number;
}

export interface AnnotationTarget {
  /** Corpus path of the article (relative to the corpus root, forward slashes). */
  source: string;
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

interface AnnotationBase {
  id: string;
  note?: string;
  /** ISO timestamps. */
  created: string;
  modified: string;
  creator?: string;
}

/** A review of a flag: targets are the earlier and the later statement. */
export interface ContradictionReview extends AnnotationBase {
  kind: "contradiction";
  state: FlagState;
  target: [AnnotationTarget, AnnotationTarget];
  /** The concept of the claims, to tell apart claims that share a sentence. */
  concept?: string;
}

export interface ClaimReview extends AnnotationBase {
  kind: "claim";
  state: ClaimState;
  target: [AnnotationTarget];
  concept?: string;
}

/** A free-form note on any range of an article. */
export interface Note extends AnnotationBase {
  kind: "note";
  note: string;
  target: [AnnotationTarget];
}

export type Annotation = ContradictionReview | ClaimReview | Note;

export interface AnnotationFile {
  schema: "claimscope/annotations@1";
  annotations: Annotation[];
}

export const ANNOTATIONS_SCHEMA = "claimscope/annotations@1";

/** Where the annotations live, relative to the corpus root. */
export const ANNOTATIONS_PATH = ".claimscope/annotations.json";

export function emptyAnnotationFile(): AnnotationFile {
  return { schema: ANNOTATIONS_SCHEMA, annotations: [] };
}

export function isFlagState(s: unknown): s is FlagState {
  return typeof s === "string" && (FLAG_STATES as readonly string[]).includes(s);
}

export function isClaimState(s: unknown): s is ClaimState {
  return typeof s === "string" && (CLAIM_STATES as readonly string[]).includes(s);
}
