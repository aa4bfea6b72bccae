import type { CorpusSnapshot } from "./corpus";
import type { Fact } from "./types";
import { reviewState, type ResolvedAnnotation, type ReviewIndex } from "./review/resolve";
import { dealsOf, type Deal } from "./deals/model";
import type { Notice } from "./loader/source";
import { jsonText } from "./jsonText";

/** The JSON contract of `claimscope analyze DIR --format json` (schema claimscope/analysis@1). */
export interface AnalysisJson {
  schema: "claimscope/analysis@1";
  documents: Array<{ path: string; published: string | null; order: number; facts: FactJson[] }>;
  claims: Array<{ id: string; document: string; start: number; end: number; text: string; topic: string; polarity: string; facts: number[]; concept: string; orgs: string[]; status?: string; slot?: SlotJson; review?: ReviewJson }>;
  topics: Array<{ id: string; label: string; claims: string[] }>;
  contradictions: Array<{
    topic: string; earlier: string; later: string; kind: string; confidence: number; explanation: string; review?: ReviewJson;
    deal?: string; slot?: string; earlierValue?: number | string; laterValue?: number | string; nature?: "superseded" | "conflict"; alsoEarlier?: string[];
  }>;
  /** The deals the flags are changes of: parties and, per slot, the values in corpus order with their claims. */
  deals: DealJson[];
  /** The files skipped (binary, too large, unreadable) or read with a problem (not UTF-8, broken front matter, empty), by path. */
  notices: Notice[];
  /** Present when the corpus has an annotations file: every annotation, placed or orphaned. */
  annotations?: AnnotationJson[];
}

export interface DealJson {
  id: string;
  label: string;
  parties: string[];
  slots: Array<{ slot: string; values: Array<{ value: number | string; claim: string }> }>;
}

/** A reviewer's judgement of a claim or a flag (added to the contract; absent when not reviewed). */
export interface ReviewJson {
  state: string;
  note?: string;
  annotation: string;
}

export interface AnnotationJson {
  id: string;
  kind: string;
  state?: string;
  note?: string;
  status: ResolvedAnnotation["status"];
  reason?: string;
  targets: Array<{ path: string; start: number; end: number } | null>;
  claims: string[];
}

/** A claim's value for its deal's slot (added to the contract: claims may carry a slot without a deal term). */
export interface SlotJson {
  id: string;
  value: number | string;
  text: string;
  modality: string;
  currency?: string;
  holder?: string;
  target?: string;
}

export interface FactJson {
  kind: Fact["kind"];
  text: string;
  start: number;
  end: number;
  value: number | string | null;
  currency?: string;
  qualifier?: string;
  max?: number;
  per?: string;
}

export function toContract(snapshot: CorpusSnapshot, reviews?: ReviewIndex, notices: Notice[] = []): AnalysisJson {
  const parts = contractParts(snapshot, reviews, notices);
  const out: AnalysisJson = {
    schema: parts.schema,
    documents: [...parts.documents()],
    claims: [...parts.claims()],
    topics: [...parts.topics()],
    contradictions: [...parts.contradictions()],
    deals: [...parts.deals()],
    notices: [...parts.notices()],
  };
  if (parts.annotations) out.annotations = [...parts.annotations()];
  return out;
}

/**
 * `JSON.stringify(toContract(…), null, pretty ? 2 : undefined) + "\n"`, character for character, in pieces of one
 * item each: the CLI writes a large corpus's contract as it goes instead of holding it (and the object graph it
 * is made from) whole.
 */
export function contractJsonText(snapshot: CorpusSnapshot, reviews: ReviewIndex | undefined, notices: Notice[], pretty: boolean): Generator<string> {
  const parts = contractParts(snapshot, reviews, notices);
  const lists: Array<[string, () => Iterable<unknown>]> = [
    ["documents", parts.documents], ["claims", parts.claims], ["topics", parts.topics], ["contradictions", parts.contradictions], ["deals", parts.deals], ["notices", parts.notices],
  ];
  if (parts.annotations) lists.push(["annotations", parts.annotations]);
  // Each list holds its place in the shape as a marker until it is written item by item.
  const shape = Object.fromEntries([["schema", parts.schema], ...lists.map(([key]) => [key, `\u0000${key}`])]);
  return jsonText(shape, lists.map(([key, items]) => [`\u0000${key}`, items]), pretty);
}

/** The contract's lists, each made item by item when iterated (one place for both the object and the text). */
function contractParts(snapshot: CorpusSnapshot, reviews: ReviewIndex | undefined, notices: Notice[]) {
  return {
    schema: "claimscope/analysis@1" as const,
    *notices(): Generator<Notice> {
      for (const n of notices) yield { path: n.path, reason: n.reason, message: n.message };
    },
    *documents(): Generator<AnalysisJson["documents"][number]> {
      for (const d of snapshot.documents) yield { path: d.analysis.path, published: d.analysis.published, order: d.order, facts: d.analysis.facts.map(factJson) };
    },
    *claims(): Generator<AnalysisJson["claims"][number]> {
      for (const d of snapshot.documents) {
        for (const c of d.analysis.claims) {
          const out: AnalysisJson["claims"][number] = {
            id: c.id, document: c.document, start: c.start, end: c.end, text: c.text, topic: c.topic,
            polarity: c.polarity, facts: c.facts, concept: c.concept, orgs: c.orgs,
          };
          if (c.status) out.status = c.status;
          if (c.slot) {
            const slot: SlotJson = { id: c.concept, value: c.slot.value, text: c.slot.text, modality: c.slot.modality };
            if (c.slot.currency) slot.currency = c.slot.currency;
            if (c.slot.holder) slot.holder = c.slot.holder;
            if (c.slot.target) slot.target = c.slot.target;
            out.slot = slot;
          }
          const review = reviewJson(reviews?.ofClaim(c.id));
          if (review) out.review = review;
          yield out;
        }
      }
    },
    *topics(): Generator<AnalysisJson["topics"][number]> {
      for (const t of snapshot.topics) yield { id: t.id, label: t.label, claims: t.claims };
    },
    *contradictions(): Generator<AnalysisJson["contradictions"][number]> {
      for (const c of snapshot.contradictions) {
        const review = reviewJson(reviews?.ofContradiction(c));
        yield { ...c, confidence: Math.round(c.confidence * 100) / 100, ...(review ? { review } : {}) };
      }
    },
    *deals(): Generator<DealJson> {
      for (const d of dealsOf(snapshot)) yield dealJson(d);
    },
    annotations: reviews
      ? function* (): Generator<AnnotationJson> {
          for (const r of reviews.all) {
            yield {
              id: r.annotation.id,
              kind: r.annotation.kind,
              ...(r.annotation.kind !== "note" ? { state: r.annotation.state } : {}),
              ...(r.annotation.note !== undefined ? { note: r.annotation.note } : {}),
              status: r.status,
              ...(r.reason ? { reason: r.reason } : {}),
              targets: r.ranges.map((x) => (x ? { path: x.path, start: x.start, end: x.end } : null)),
              claims: r.claims,
            };
          }
        }
      : undefined,
  };
}

function dealJson(d: Deal): DealJson {
  return { id: d.id, label: d.label, parties: d.parties, slots: d.slots.map((s) => ({ slot: s.slot, values: s.values.map((v) => ({ value: v.value, claim: v.claim })) })) };
}

function reviewJson(r: ResolvedAnnotation | undefined): ReviewJson | undefined {
  const state = reviewState(r);
  return state ? { state, ...(r!.annotation.note !== undefined ? { note: r!.annotation.note } : {}), annotation: r!.annotation.id } : undefined;
}

function factJson(f: Fact): FactJson {
  const out: FactJson = { kind: f.kind, text: f.text, start: f.start, end: f.end, value: f.value };
  if (f.currency) out.currency = f.currency;
  if (f.qualifier) out.qualifier = f.qualifier;
  if (f.max !== undefined) out.max = f.max;
  if (f.per) out.per = f.per;
  return out;
}
