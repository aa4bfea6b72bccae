import type { CorpusSnapshot } from "../corpus";
import { claimPath } from "../claims";
import { mostConfident } from "../contradictions";
import type { Steps } from "../loader/steps";
import type { Contradiction } from "../types";
import { changeKey, flagStatus, type FlagSeverity, type FlagStatus } from "./flags";
import type { ReviewIndex } from "./resolve";

/** One Problems entry: the flags telling one change of one later statement, in one state (changeKey). */
export interface ProblemEntry {
  /** The first of those flags, in the snapshot's order. */
  first: Contradiction;
  status: FlagStatus;
  /** Every earlier statement they change, in their order (repeats kept: the caller drops them). */
  earlier: string[];
}

/** Flags looked at between pauses while choosing: choosing reads only their ids and confidences. */
const CHOOSING = 1000;

/**
 * The Problems panel's entries, as steps (see steps.ts) for the editor to run between turns of its host.
 * At most `max` flags are shown — those whose later statement is in an open article first, then the most
 * confident; `hidden` counts the rest. The flags are chosen by their claims' ids alone; grouping the chosen
 * ones reads their claims, which in a corpus shown from the cache decodes the articles they are in: a pause
 * after each flag.
 */
export function* problemEntries(
  snap: Pick<CorpusSnapshot, "contradictions" | "claims" | "topicById">, reviews: ReviewIndex | undefined, severity: FlagSeverity, max: number, open: (path: string) => boolean,
): Steps<{ entries: ProblemEntry[]; hidden: number }> {
  const statusOf = new Map<Contradiction, FlagStatus>();
  let shown: Contradiction[] = [];
  let n = 0;
  for (const x of snap.contradictions) {
    if (++n % CHOOSING === 0) yield { pause: { phase: "publishing", done: n, total: snap.contradictions.length } };
    const status = flagStatus(x, reviews, severity);
    if (!status.shown) continue;
    statusOf.set(x, status);
    shown.push(x);
  }
  const hidden = Math.max(0, shown.length - max);
  if (hidden) {
    const inOpen: Contradiction[] = [], rest: Contradiction[] = [];
    for (const x of shown) (open(claimPath(x.later)) ? inOpen : rest).push(x);
    shown = mostConfident(inOpen, max);
    shown = shown.concat(mostConfident(rest, max - shown.length));
  }
  const entries = new Map<string, ProblemEntry>();
  n = 0;
  for (const x of shown) {
    const status = statusOf.get(x)!;
    const key = changeKey(x, snap, status);
    const entry = entries.get(key);
    if (entry) entry.earlier.push(x.earlier, ...(x.alsoEarlier ?? []));
    else entries.set(key, { first: x, status, earlier: [x.earlier, ...(x.alsoEarlier ?? [])] });
    yield { pause: { phase: "publishing", done: ++n, total: shown.length } };
  }
  return { entries: [...entries.values()], hidden };
}
