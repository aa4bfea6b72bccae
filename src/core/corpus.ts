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

/** The corpus at one moment. Its maps are the index's own and follow later changes. */
export interface CorpusSnapshot {
  documents: CorpusDocument[];
  topics: Topic[];
  contradictions: Contradiction[];
  claims: Map<string, Claim>;
  /** Claim id → the document it comes from. */
  documentOf: Map<string, CorpusDocument>;
  topicById: Map<string, Topic>;
  /** How many contradictions there are (without building the list). */
  contradictionCount: number;
  /** Topic id → its contradictions. */
  contradictionsByTopic: Map<string, Contradiction[]>;
}

const NO_ORG = "";
const UNATTRIBUTED = [NO_ORG];
/** The organisations a claim or topic is indexed under: its parties, or NO_ORG. */
const partiesOf = (c: { orgs: string[] }): string[] => (c.orgs.length ? c.orgs : UNATTRIBUTED);
const ALL = Symbol("all");

/**
 * The corpus as the editor sees it: documents come and go one at a time. A change re-groups only the
 * claims it can reach — same concept, linked through the organisations they name — and checks only
 * those topics for contradictions; only a change of relative order re-checks everything.
 */
export class CorpusIndex {
  readonly analyzer: Analyzer;
  /** Milliseconds spent grouping topics and finding contradictions, summed (for the benchmarks). */
  readonly stats = { topics: 0, contradictions: 0 };
  private readonly override: OrderOverride;
  private readonly docs = new Map<string, DocumentAnalysis>();
  private readonly entries = new Map<string, CorpusDocument>();
  private ordered: CorpusDocument[] = [];
  private readonly claims = new Map<string, Claim>();
  private readonly documentOf = new Map<string, CorpusDocument>();
  /** concept → organisation (or NO_ORG) → ids of the claims naming it. */
  private readonly byConceptOrg = new Map<string, Map<string, Set<string>>>();
  /** concept → topic id → topic. */
  private readonly conceptTopics = new Map<string, Map<string, Topic>>();
  /** concept → organisation (or NO_ORG for unattributed topics) → ids of the topics it is a party of. */
  private readonly topicsByOrg = new Map<string, Map<string, Set<string>>>();
  private readonly topicById = new Map<string, Topic>();
  private readonly topicContradictions = new Map<string, Contradiction[]>();
  private contradictionCount = 0;
  private readonly dirty = new Map<string, Set<string> | typeof ALL>();
  private orderDirty = false;
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
    if (before) this.unindex(before);
    this.docs.set(input.path, analysis);
    let entry = this.entries.get(input.path);
    if (!entry) {
      this.entries.set(input.path, (entry = { analysis, order: -1 }));
      this.orderDirty = true;
    }
    entry.analysis = analysis;
    if (before?.published !== analysis.published) this.orderDirty = true;
    this.index(analysis, entry);
    this.snapshot = null;
    return analysis;
  }

  delete(path: string): boolean {
    const before = this.docs.get(path);
    if (!before) return false;
    this.unindex(before);
    this.docs.delete(path);
    this.entries.delete(path);
    this.orderDirty = true;
    this.snapshot = null;
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
    if (this.snapshot) return this.snapshot;
    if (this.orderDirty) this.reorder();
    for (const [concept, orgs] of this.dirty) this.regroup(concept, orgs);
    this.dirty.clear();
    // The flat lists cost a walk over every topic: built when first read, so an edit that only needs
    // the maps (hover, Problems for one file) does not pay for them.
    let topics: Topic[] | undefined;
    let contradictions: Contradiction[] | undefined;
    const index = this;
    this.snapshot = {
      documents: this.ordered,
      get topics() {
        return (topics ??= [...index.conceptTopics.keys()].sort().flatMap((c) => [...index.conceptTopics.get(c)!.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))));
      },
      get contradictions() {
        return (contradictions ??= this.topics.flatMap((t) => index.topicContradictions.get(t.id) ?? []));
      },
      contradictionCount: this.contradictionCount,
      claims: this.claims,
      documentOf: this.documentOf,
      topicById: this.topicById,
      contradictionsByTopic: this.topicContradictions,
    };
    return this.snapshot;
  }

  private index(doc: DocumentAnalysis, entry: CorpusDocument): void {
    for (const c of doc.claims) {
      this.claims.set(c.id, c);
      this.documentOf.set(c.id, entry);
      let orgs = this.byConceptOrg.get(c.concept);
      if (!orgs) this.byConceptOrg.set(c.concept, (orgs = new Map()));
      for (const o of partiesOf(c)) {
        let ids = orgs.get(o);
        if (!ids) orgs.set(o, (ids = new Set()));
        ids.add(c.id);
      }
      this.touch(c);
    }
  }

  private unindex(doc: DocumentAnalysis): void {
    for (const c of doc.claims) {
      this.claims.delete(c.id);
      this.documentOf.delete(c.id);
      const orgs = this.byConceptOrg.get(c.concept);
      for (const o of partiesOf(c)) orgs?.get(o)?.delete(c.id);
      this.touch(c);
    }
  }

  private touch(c: Claim): void {
    let set = this.dirty.get(c.concept);
    if (set === ALL) return;
    if (!set) this.dirty.set(c.concept, (set = new Set()));
    for (const o of partiesOf(c)) set.add(o);
  }

  /** New corpus order; if documents that were there before changed places, everything is checked again. */
  private reorder(): void {
    this.orderDirty = false;
    const before = this.ordered.map((d) => d.analysis.path).filter((p) => this.docs.has(p));
    const paths = corpusOrder([...this.docs.values()].map((d) => ({ path: d.path, published: d.published })), this.override);
    this.ordered = paths.map((p, i) => { const e = this.entries.get(p)!; e.order = i; return e; });
    const kept = new Set(before);
    const after = paths.filter((p) => kept.has(p));
    if (after.some((p, i) => p !== before[i])) for (const concept of this.byConceptOrg.keys()) this.dirty.set(concept, ALL);
  }

  /** Re-groups the claims of a concept that a change can reach, and checks the topics that come out. */
  private regroup(concept: string, touched: Set<string> | typeof ALL): void {
    const orgIndex = this.byConceptOrg.get(concept) ?? new Map<string, Set<string>>();
    const topics = this.conceptTopics.get(concept) ?? new Map<string, Topic>();
    const topicOrgs = this.topicsByOrg.get(concept) ?? new Map<string, Set<string>>();
    const reached = new Set<string>();
    const ids = new Set<string>();
    if (touched === ALL) {
      for (const [o, set] of orgIndex) { reached.add(o); for (const id of set) ids.add(id); }
    } else {
      const queue = [...touched];
      for (const o of queue) reached.add(o);
      while (queue.length) {
        for (const id of orgIndex.get(queue.pop()!) ?? []) {
          if (ids.has(id)) continue;
          ids.add(id);
          for (const o of partiesOf(this.claims.get(id)!)) if (!reached.has(o)) { reached.add(o); queue.push(o); }
        }
      }
    }
    // A topic is regrouped when it names a reached organisation: every claim it holds names one of its
    // parties, so a topic holding a changed or removed claim is among them.
    const hit = new Set<string>();
    if (touched === ALL) for (const id of topics.keys()) hit.add(id);
    else for (const o of reached) for (const id of topicOrgs.get(o) ?? []) hit.add(id);
    for (const id of hit) this.dropTopic(topics.get(id)!, topicOrgs);
    const list = [...ids].map((id) => this.claims.get(id)!).sort((a, b) => this.documentOf.get(a.id)!.order - this.documentOf.get(b.id)!.order || a.start - b.start);
    const t0 = globalThis.performance.now();
    const fresh = list.length ? groupTopics(concept, list, (c, orgs) => this.label(c, orgs), topics) : [];
    const t1 = globalThis.performance.now();
    for (const t of fresh) {
      const refs: ClaimRef[] = t.claims.map((id) => {
        const d = this.documentOf.get(id)!;
        return { claim: this.claims.get(id)!, order: d.order, facts: d.analysis.facts, source: d.analysis.path };
      });
      const found = findContradictions(t, refs, this.analyzer.options.tolerance);
      this.topicContradictions.set(t.id, found);
      this.contradictionCount += found.length;
      topics.set(t.id, t);
      this.topicById.set(t.id, t);
      for (const o of partiesOf(t)) {
        let set = topicOrgs.get(o);
        if (!set) topicOrgs.set(o, (set = new Set()));
        set.add(t.id);
      }
    }
    this.stats.topics += t1 - t0;
    this.stats.contradictions += globalThis.performance.now() - t1;
    if (topics.size) { this.conceptTopics.set(concept, topics); this.topicsByOrg.set(concept, topicOrgs); }
    else { this.conceptTopics.delete(concept); this.topicsByOrg.delete(concept); }
  }

  private dropTopic(t: Topic, topicOrgs: Map<string, Set<string>>): void {
    this.contradictionCount -= this.topicContradictions.get(t.id)?.length ?? 0;
    this.topicContradictions.delete(t.id);
    this.topicById.delete(t.id);
    this.conceptTopics.get(t.concept)?.delete(t.id);
    for (const o of partiesOf(t)) {
      const set = topicOrgs.get(o);
      set?.delete(t.id);
      if (set && !set.size) topicOrgs.delete(o);
    }
  }

  private label(concept: string, orgs: string[]): string {
    const who = orgs.map((o) => this.analyzer.orgs.labelOf(o)).join(", ");
    return who ? `${termLabel(concept, this.analyzer.lexicon)} · ${who}` : termLabel(concept, this.analyzer.lexicon);
  }
}
