import type { CorpusSnapshot } from "./corpus";
import type { Claim, Fact, Topic } from "./types";

export interface OtherSource {
  claim: Claim;
  /** How it stands to the described claim: "contradicted later (value)", "contradicts this earlier statement (polarity)", "agrees", "differs". */
  relation: string;
  contradicting: boolean;
}

export interface ClaimView {
  claim: Claim;
  topic: Topic | undefined;
  others: OtherSource[];
}

export interface Description {
  fact: Fact | undefined;
  claims: ClaimView[];
  /** Position of the document in corpus order (0-based). */
  order: number;
}

/** What a hover shows at an offset of a document: the fact there, the claims around it, and what the other sources say. */
export function describeAt(snap: CorpusSnapshot, path: string, offset: number, maxClaims = 3): Description | undefined {
  const doc = snap.documentAt.get(path);
  if (!doc) return undefined;
  const a = doc.analysis;
  const fact = a.facts.find((f) => f.start <= offset && offset < f.end);
  const claims = a.claims.filter((c) => c.start <= offset && offset < c.end).slice(0, maxClaims);
  if (!fact && !claims.length) return undefined;
  return { fact, order: doc.order, claims: claims.map((c) => view(snap, c)) };
}

function view(snap: CorpusSnapshot, c: Claim): ClaimView {
  const topic = snap.topicById.get(c.topic);
  const against = new Map<string, string>();
  for (const x of snap.contradictionsByTopic.get(c.topic) ?? []) {
    if (x.earlier === c.id) against.set(x.later, `contradicted later (${x.kind})`);
    if (x.later === c.id) against.set(x.earlier, `contradicts this earlier statement (${x.kind})`);
  }
  const others = (topic?.claims ?? [])
    .map((id) => snap.claims.get(id)!)
    .filter((o) => o.id !== c.id && o.document !== c.document)
    .map((o): OtherSource => {
      const rel = against.get(o.id);
      if (rel) return { claim: o, relation: rel, contradicting: true };
      const agrees = o.polarity === c.polarity || o.polarity === "neutral" || c.polarity === "neutral";
      return { claim: o, relation: agrees ? "agrees" : "differs", contradicting: false };
    })
    .sort((x, y) => Number(y.contradicting) - Number(x.contradicting));
  return { claim: c, topic, others };
}
