import type { Claim, Contradiction, DocumentAnalysis, DocumentInput, Topic } from "./types";
import { createAnalyzer, type AnalysisOptions, type Analyzer } from "./analyzer";
import { corpusOrder, type OrderOverride } from "./order";
import { groupTopics } from "./topics";
import { findContradictions, type ClaimRef } from "./contradictions";
import { termLabel } from "./recognize/terms";

export interface CorpusOptions extends AnalysisOptions, OrderOverride {}

export interface CorpusDocument {
  analysis: DocumentAnalysis;
  order: number;
}

export interface CorpusSnapshot {
  documents: CorpusDocument[];
  topics: Topic[];
  contradictions: Contradiction[];
  claims: Map<string, Claim>;
  /** Claim id → the document it comes from. */
  documentOf: Map<string, CorpusDocument>;
}

interface ConceptResult {
  topics: Topic[];
  contradictions: Contradiction[];
}

/**
 * The corpus as the editor sees it: documents come and go one at a time, and only the concepts a change
 * touches are regrouped and checked again (unless the change moves documents in corpus order).
 */
export class CorpusIndex {
  readonly analyzer: Analyzer;
  /** Milliseconds spent grouping topics and finding contradictions, summed (for the benchmarks). */
  readonly stats = { topics: 0, contradictions: 0 };
  private readonly override: OrderOverride;
  private readonly docs = new Map<string, DocumentAnalysis>();
  private readonly byConcept = new Map<string, ConceptResult>();
  private dirty = new Set<string>();
  private orderKey = "";
  private order = new Map<string, number>();
  private snapshot: CorpusSnapshot | null = null;

  constructor(options: CorpusOptions = {}) {
    this.analyzer = createAnalyzer(options);
    this.override = { order: Array.isArray(options.order) ? options.order : [], published: options.published ?? {} };
  }

  get size(): number {
    return this.docs.size;
  }

  get(path: string): DocumentAnalysis | undefined {
    return this.docs.get(path);
  }

  paths(): string[] {
    return [...this.docs.keys()];
  }

  /** Analyses one document (new or changed) and returns its analysis. */
  set(input: DocumentInput): DocumentAnalysis {
    const before = this.docs.get(input.path);
    if (before && before.text === input.text) return before;
    const analysis = this.analyzer.analyzeDocument(input);
    this.touch(before);
    this.docs.set(input.path, analysis);
    this.touch(analysis);
    return analysis;
  }

  delete(path: string): boolean {
    const before = this.docs.get(path);
    if (!before) return false;
    this.touch(before);
    this.docs.delete(path);
    return true;
  }

  rename(from: string, to: string): void {
    const doc = this.docs.get(from);
    if (!doc) return;
    this.delete(from);
    this.set({ path: to, text: doc.text });
  }

  /** Topics and contradictions over the whole corpus, recomputed only where a change reached. */
  result(): CorpusSnapshot {
    if (this.snapshot && !this.dirty.size) return this.snapshot;
    const paths = corpusOrder([...this.docs.values()].map((d) => ({ path: d.path, published: d.published })), this.override);
    const key = paths.join("\n");
    if (key !== this.orderKey) {
      this.orderKey = key;
      this.order = new Map(paths.map((p, i) => [p, i]));
      this.byConcept.clear();
      this.dirty = new Set(this.allConcepts());
    }
    const documents: CorpusDocument[] = paths.map((p) => ({ analysis: this.docs.get(p)!, order: this.order.get(p)! }));
    const documentOf = new Map<string, CorpusDocument>();
    const claims = new Map<string, Claim>();
    const conceptClaims = new Map<string, Claim[]>();
    for (const d of documents) {
      for (const c of d.analysis.claims) {
        documentOf.set(c.id, d);
        claims.set(c.id, c);
        if (!this.dirty.has(c.concept)) continue;
        let list = conceptClaims.get(c.concept);
        if (!list) conceptClaims.set(c.concept, (list = []));
        list.push(c);
      }
    }
    for (const concept of this.dirty) {
      const list = conceptClaims.get(concept);
      if (!list?.length) { this.byConcept.delete(concept); continue; }
      const t0 = globalThis.performance.now();
      const topics = groupTopics(concept, list, (c, orgs) => this.label(c, orgs));
      const t1 = globalThis.performance.now();
      const contradictions: Contradiction[] = [];
      for (const t of topics) {
        const refs: ClaimRef[] = t.claims.map((id) => {
          const d = documentOf.get(id)!;
          return { claim: claims.get(id)!, order: d.order, facts: d.analysis.facts, source: d.analysis.path };
        });
        contradictions.push(...findContradictions(t, refs, this.analyzer.options.tolerance));
      }
      this.stats.topics += t1 - t0;
      this.stats.contradictions += globalThis.performance.now() - t1;
      this.byConcept.set(concept, { topics, contradictions });
    }
    this.dirty.clear();
    const concepts = [...this.byConcept.keys()].sort();
    this.snapshot = {
      documents,
      topics: concepts.flatMap((c) => this.byConcept.get(c)!.topics),
      contradictions: concepts.flatMap((c) => this.byConcept.get(c)!.contradictions),
      claims,
      documentOf,
    };
    return this.snapshot;
  }

  private label(concept: string, orgs: string[]): string {
    const who = orgs.map((o) => this.analyzer.orgs.labelOf(o)).join(", ");
    return who ? `${termLabel(concept, this.analyzer.lexicon)} · ${who}` : termLabel(concept, this.analyzer.lexicon);
  }

  private touch(doc: DocumentAnalysis | undefined): void {
    this.snapshot = null;
    if (!doc) return;
    for (const c of doc.claims) this.dirty.add(c.concept);
    if (!doc.claims.length) this.dirty.add("");
  }

  private allConcepts(): string[] {
    const out = new Set<string>();
    for (const d of this.docs.values()) for (const c of d.claims) out.add(c.concept);
    return [...out];
  }
}
