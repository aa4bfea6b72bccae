import type { CorpusSnapshot } from "./corpus";
import type { Fact } from "./types";

/** The JSON contract of `claimscope analyze DIR --format json` (schema claimscope/analysis@1). */
export interface AnalysisJson {
  schema: "claimscope/analysis@1";
  documents: Array<{ path: string; published: string | null; order: number; facts: FactJson[] }>;
  claims: Array<{ id: string; document: string; start: number; end: number; text: string; topic: string; polarity: string; facts: number[]; concept: string; orgs: string[]; status?: string }>;
  topics: Array<{ id: string; label: string; claims: string[] }>;
  contradictions: Array<{ topic: string; earlier: string; later: string; kind: string; confidence: number; explanation: string }>;
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

export function toContract(snapshot: CorpusSnapshot): AnalysisJson {
  return {
    schema: "claimscope/analysis@1",
    documents: snapshot.documents.map((d) => ({
      path: d.analysis.path,
      published: d.analysis.published,
      order: d.order,
      facts: d.analysis.facts.map(factJson),
    })),
    claims: snapshot.documents.flatMap((d) =>
      d.analysis.claims.map((c) => {
        const out: AnalysisJson["claims"][number] = {
          id: c.id, document: c.document, start: c.start, end: c.end, text: c.text, topic: c.topic,
          polarity: c.polarity, facts: c.facts, concept: c.concept, orgs: c.orgs,
        };
        if (c.status) out.status = c.status;
        return out;
      }),
    ),
    topics: snapshot.topics.map((t) => ({ id: t.id, label: t.label, claims: t.claims })),
    contradictions: snapshot.contradictions.map((c) => ({ ...c, confidence: Math.round(c.confidence * 100) / 100 })),
  };
}

function factJson(f: Fact): FactJson {
  const out: FactJson = { kind: f.kind, text: f.text, start: f.start, end: f.end, value: f.value };
  if (f.currency) out.currency = f.currency;
  if (f.qualifier) out.qualifier = f.qualifier;
  if (f.max !== undefined) out.max = f.max;
  if (f.per) out.per = f.per;
  return out;
}
