// A flag's state, decided once for every view: the Problems panel, SARIF, the tree, hovers, highlighting,
// navigation and the deal sheet all ask here whether a flag is open, what it is, and how loudly to show it.
import type { CorpusSnapshot } from "../corpus";
import { claimPath } from "../claims";
import { changeSummary, valueText } from "../deals/model";
import type { Claim, Contradiction, Fact } from "../types";
import { snippet } from "../text/snippet";
import type { FlagState } from "./model";
import { reviewState, type ResolvedAnnotation, type ReviewIndex } from "./resolve";

/** How loudly a flag of each nature is shown (Problems severity; SARIF level). */
export const FLAG_LEVELS = ["error", "warning", "information", "hint"] as const;
export type FlagLevel = (typeof FLAG_LEVELS)[number];
export type FlagNature = "superseded" | "conflict";
export type FlagSeverity = Record<FlagNature, FlagLevel>;

/** A conflict needs a reviewer's judgement; a superseded fact was right when written, so it is only information. */
export const DEFAULT_FLAG_SEVERITY: FlagSeverity = { conflict: "warning", superseded: "information" };

export interface FlagStatus {
  /** open: no reviewer has judged it; otherwise the reviewer's judgement. */
  state: "open" | FlagState;
  /** What the flag is: the reviewer's word when they gave one, else the analysis's. */
  nature: FlagNature;
  /** Whether views show it at all: a dismissed flag is no contradiction. */
  shown: boolean;
  /** How loudly it is shown; undefined when it is not shown. */
  level: FlagLevel | undefined;
  review: ResolvedAnnotation | undefined;
}

/** What the analysis says a flag is, before any review (a flag read from an older cache may lack it). */
export function natureOf(x: Contradiction): FlagNature {
  return x.nature ?? "conflict";
}

export function flagStatus(x: Contradiction, reviews: ReviewIndex | undefined, severity: FlagSeverity): FlagStatus {
  const review = reviews?.ofContradiction(x);
  const judged = reviewState(review) as FlagState | undefined;
  const nature: FlagNature = judged === "superseded" || judged === "conflict" ? judged : natureOf(x);
  const shown = judged !== "dismissed";
  return { state: judged ?? "open", nature, shown, level: shown ? severity[nature] : undefined, review };
}

/** The flags views show (every one but the dismissed), in the snapshot's order. */
export function shownFlags(snap: CorpusSnapshot, reviews: ReviewIndex | undefined): Contradiction[] {
  if (!reviews || !reviews.all.length) return snap.contradictions;
  return snap.contradictions.filter((x) => reviewState(reviews.ofContradiction(x)) !== "dismissed");
}

/** The SARIF level of a flag level. */
export function sarifLevel(level: FlagLevel): "error" | "warning" | "note" {
  return level === "error" ? "error" : level === "warning" ? "warning" : "note";
}

/**
 * What changed, without the nature: "Deal value: $6.8 billion → $7.4 billion", or for an arrangement
 * "Exclusive license: holds → ends".
 */
export function flagChange(x: Contradiction, snap: Pick<CorpusSnapshot, "claims" | "topicById">): string {
  const change = changeSummary({ ...x, nature: undefined }, snap.claims);
  if (change) return change;
  const what = snap.topicById.get(x.topic)?.label.split(" · ")[0] ?? x.kind;
  return `${what}: ${statedValue(snap.claims.get(x.earlier))} → ${statedValue(snap.claims.get(x.later))}`;
}

/** What one side of a flag says: its slot's value as written, or whether the arrangement holds or ends. */
export function statedValue(c: Claim | undefined): string {
  if (c?.slot) return valueText(c);
  return c?.polarity === "denies" ? "ends" : "holds";
}

/**
 * A file's short name for a message: its sequence number when the name starts with one ("002_reuters_…" → "002"),
 * else its name without folder and extension.
 */
export function shortSource(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  const seq = /^\d{1,6}(?=[-_. ])/.exec(base);
  if (seq) return seq[0];
  const dot = base.lastIndexOf(".");
  return snippet(dot > 0 ? base.slice(0, dot) : base, 24);
}

/**
 * What makes flags one change for a reviewer: the same later statement telling the same change, in the same
 * state (several earlier statements said what it changes). Problems and the tree show each change once.
 */
export function changeKey(x: Contradiction, snap: Pick<CorpusSnapshot, "claims" | "topicById">, status: Pick<FlagStatus, "nature" | "state">): string {
  return `${x.later}\u0000${flagChange(x, snap)}\u0000${status.state}\u0000${status.nature}`;
}

export const MAX_MESSAGE = 80;

/**
 * A flag in one line of at most 80 characters that starts with the change: "Deal value: $52.4 billion →
 * $71.3 billion (superseded, 002)", naming the earlier article; the change is shortened to fit, never the tail.
 */
export function flagMessage(x: Contradiction, snap: Pick<CorpusSnapshot, "claims" | "topicById" | "documentOf">, status: Pick<FlagStatus, "nature" | "state">): string {
  const earlier = snap.documentOf.get(x.earlier)?.analysis.path;
  const judged = status.state === "open" ? status.nature : `${status.state}, reviewed`;
  const tail = ` (${judged}${earlier ? `, ${shortSource(earlier)}` : ""})`;
  return snippet(flagChange(x, snap), MAX_MESSAGE - tail.length) + tail;
}

/**
 * What of a flagged statement changed, to mark and to point at: the value it gives its slot, else (an
 * arrangement) the deal term it names, else the statement. `facts` are the statement's article's.
 */
export function changedSpan(c: Claim, facts: readonly Fact[]): { start: number; end: number } {
  if (c.slot && c.slot.end > c.slot.start) return c.slot;
  for (const i of c.facts) if (facts[i]?.kind === "term") return facts[i]!;
  return c;
}

/**
 * Where an article's statements are contradicted by the flags given (the shown ones): for each of its
 * claims a flag names, earlier or later, its changedSpan. Sorted by start. `facts` are the article's.
 */
export function contradictedSpans(path: string, flags: readonly Contradiction[], claims: { get(id: string): Claim | undefined }, facts: readonly Fact[]): Array<{ start: number; end: number; claim: string }> {
  const ids = new Set<string>();
  for (const x of flags) {
    for (const id of [x.earlier, x.later, ...(x.alsoEarlier ?? [])]) if (claimPath(id) === path) ids.add(id);
  }
  const out: Array<{ start: number; end: number; claim: string }> = [];
  for (const id of ids) {
    const c = claims.get(id);
    if (!c) continue;
    const at = changedSpan(c, facts);
    out.push({ start: at.start, end: at.end, claim: id });
  }
  return out.sort((a, b) => a.start - b.start);
}
