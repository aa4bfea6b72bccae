import type { CorpusSnapshot } from "../corpus";
import { formatValue } from "../lookup";
import type { Claim, ContradictionKind, DealStatus, Polarity, Topic } from "../types";
import type { ReviewState } from "./model";
import { reviewState, type ReviewIndex } from "./resolve";

export interface TimelineLink {
  claim: string;
  source: string;
  kind: ContradictionKind;
  explanation: string;
  review?: ReviewState;
  note?: string;
}

export interface TimelineEntry {
  claim: Claim;
  source: string;
  published: string | null;
  /** Position of the article in corpus order (0-based). */
  order: number;
  value?: string;
  polarity: Polarity;
  status?: DealStatus;
  review?: ReviewState;
  note?: string;
  /** Later statements that contradict this one, and earlier ones this one contradicts. */
  contradictedBy: TimelineLink[];
  contradicts: TimelineLink[];
}

export interface Timeline {
  topic: Topic;
  entries: TimelineEntry[];
}

/** The claims on one topic in corpus order, with their figures, contradictions and review states. */
export function topicTimeline(snap: CorpusSnapshot, reviews: ReviewIndex, topicId: string): Timeline | undefined {
  const topic = snap.topicById.get(topicId);
  if (!topic) return undefined;
  const flags = snap.contradictionsByTopic.get(topicId) ?? [];
  const entries = topic.claims.map((id): TimelineEntry => {
    const claim = snap.claims.get(id)!;
    const doc = snap.documentOf.get(id)!;
    const r = reviews.ofClaim(id);
    const link = (other: string, x: (typeof flags)[number]): TimelineLink => {
      const fr = reviews.ofContradiction(x);
      return { claim: other, source: snap.documentOf.get(other)?.analysis.path ?? other, kind: x.kind, explanation: x.explanation, ...opt("review", reviewState(fr)), ...opt("note", fr?.annotation.note) };
    };
    return {
      claim,
      source: doc.analysis.path,
      published: doc.analysis.published,
      order: doc.order,
      ...opt("value", claim.measure ? formatValue(doc.analysis.facts[claim.measure.fact]!) : undefined),
      polarity: claim.polarity,
      ...opt("status", claim.status),
      ...opt("review", reviewState(r)),
      ...opt("note", r?.annotation.note),
      contradictedBy: flags.filter((x) => x.earlier === id).map((x) => link(x.later, x)),
      contradicts: flags.filter((x) => x.later === id).map((x) => link(x.earlier, x)),
    };
  });
  entries.sort((a, b) => a.order - b.order || a.claim.start - b.claim.start);
  return { topic, entries };
}

function opt<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
