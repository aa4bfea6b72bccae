import type { Claim, Contradiction, DocumentAnalysis, DocumentInput, Topic } from "./types";
import { createAnalyzer, type AnalysisOptions, type Analyzer } from "./analyzer";
import { corpusOrder, type OrderOverride } from "./order";
import { ConceptTopics } from "./topics";
import { findContradictions, type ClaimRef } from "./contradictions";
import { slotChanges } from "./deals/changes";
import { isSlot, slotOf } from "./deals/slots";
import { termLabel } from "./recognize/terms";
import { StringPool } from "./stringPool";

export interface CorpusOptions extends AnalysisOptions, OrderOverride {}

export interface CorpusDocument {
  readonly path: string;
  /** (A snapshot read from the cache decodes an analysis when it is first read.) */
  readonly analysis: DocumentAnalysis;
  order: number;
}

/** Claims by id, and how many there are. */
export interface ClaimTable {
  get(id: string): Claim | undefined;
  readonly size: number;
}

/** The corpus at one moment. Its maps are the index's own and follow later changes. */
export interface CorpusSnapshot {
  documents: CorpusDocument[];
  topics: Topic[];
  contradictions: Contradiction[];
  claims: ClaimTable;
  /** Claim id → the document it comes from. */
  documentOf: { get(claimId: string): CorpusDocument | undefined };
  /** Path → the document. */
  documentAt: { get(path: string): CorpusDocument | undefined };
  topicById: ReadonlyMap<string, Topic>;
  /** How many contradictions there are (without building the list). */
  contradictionCount: number;
  /** Topic id → its contradictions. */
  contradictionsByTopic: ReadonlyMap<string, Contradiction[]>;
}

export class CorpusIndex {
  readonly analyzer: Analyzer;
  /** Milliseconds spent grouping topics and finding contradictions, summed (for the benchmarks). */
  readonly stats = { topics: 0, contradictions: 0 };
  /** The corpus order the settings impose (kept with a cached snapshot: it decides the order too). */
  readonly override: OrderOverride;
  private readonly docs = new Map<string, DocumentAnalysis>();
  private readonly entries = new Map<string, { path: string; analysis: DocumentAnalysis; order: number }>();
  private ordered: CorpusDocument[] = [];
  private readonly claims = new Map<string, Claim>();
  /** Found through the claim's path: a map of its own cost 5 MB at 10,000 articles. */
  private readonly documentOf = { get: (claimId: string) => { const c = this.claims.get(claimId); return c && this.entries.get(c.document); } };
  private readonly grouping = new Map<string, ConceptTopics>();
  /** concept → topic key (ConceptTopics') → topic. */
  private readonly conceptTopics = new Map<string, Map<string, Topic>>();
  private readonly topicById = new Map<string, Topic>();
  private readonly topicContradictions = new Map<string, Contradiction[]>();
  private contradictionCount = 0;
  /** Concepts with claims added or removed since the last result(). */
  private readonly dirty = new Set<string>();
  /** Concepts whose claims are still to be placed (true: all their topics are to be checked again), then… */
  private readonly unsettled = new Map<string, boolean>();
  /** …concept → keys of its topics still to be rebuilt and checked (see regroupSome). */
  private readonly pendingTopics = new Map<string, Set<string>>();
  private readonly strings = new StringPool();
  /** Corpus order changed: every topic is checked again. */
  private recheckAll = false;
  private orderDirty = false;
  private snapshot: CorpusSnapshot | null = null;
  private changes = 0;

  constructor(options: CorpusOptions = {}) {
    this.analyzer = createAnalyzer(options);
    this.override = { order: Array.isArray(options.order) ? options.order : [], published: options.published ?? {} };
  }

  get size(): number {
    return this.docs.size;
  }

  /** Counts the changes taken (documents analysed, restored or deleted), so a caller can tell whether a batch changed anything. */
  get version(): number {
    return this.changes;
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
    return this.put(this.analyzer.analyzeDocument(input), before);
  }

  /** Takes a document's analysis made earlier with the same options (a warm start from the cache). */
  restore(analysis: DocumentAnalysis): DocumentAnalysis {
    const before = this.docs.get(analysis.path);
    if (before && before.text === analysis.text) return before;
    return this.put(analysis, before);
  }

  private put(analysis: DocumentAnalysis, before: DocumentAnalysis | undefined): DocumentAnalysis {
    if (before) this.unindex(before);
    this.docs.set(analysis.path, analysis);
    let entry = this.entries.get(analysis.path);
    if (!entry) {
      this.entries.set(analysis.path, (entry = { path: analysis.path, analysis, order: -1 }));
      this.orderDirty = true;
    }
    entry.analysis = analysis;
    if (before?.published !== analysis.published) this.orderDirty = true;
    this.index(analysis);
    this.snapshot = null;
    this.changes++;
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
    this.changes++;
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
    this.regroupSome(Infinity);
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
        if (contradictions) return contradictions;
        // A plain loop: flatMap took 20–50 ms for 86,000 flags, and every edit's snapshot builds this list again.
        const all: Contradiction[] = [];
        for (const t of this.topics) for (const c of index.topicContradictions.get(t.id) ?? []) all.push(c);
        return (contradictions = all);
      },
      contradictionCount: this.contradictionCount,
      claims: this.claims,
      documentOf: this.documentOf,
      documentAt: this.entries,
      topicById: this.topicById,
      contradictionsByTopic: this.topicContradictions,
    };
    return this.snapshot;
  }

  /**
   * Does the regrouping and checking that changes left for the next result(), one topic at a time, until
   * `deadline` (a performance.now() time) has passed; says whether all of it is done. A caller on the
   * editor's thread yields between calls, so that re-checking a whole corpus (half a second at 10,000
   * articles) never blocks it; result() does whatever is left. Each call does at least one step.
   */
  regroupSome(deadline: number): boolean {
    if (this.orderDirty) this.reorder();
    for (const concept of this.recheckAll ? this.grouping.keys() : this.dirty) this.unsettled.set(concept, this.recheckAll || !!this.unsettled.get(concept));
    this.dirty.clear();
    this.recheckAll = false;
    let worked = false;
    // Placing a concept's claims is a step, or several when there are many (it stops at the deadline)…
    for (const [concept, all] of this.unsettled) {
      if (worked && globalThis.performance.now() > deadline) return false;
      worked = true;
      if (!this.collect(concept, all, deadline)) return false;
      this.unsettled.delete(concept);
    }
    // …rebuilding and checking a topic another.
    for (const [concept, keys] of this.pendingTopics) {
      for (const key of keys) {
        if (worked && globalThis.performance.now() > deadline) return false;
        keys.delete(key);
        this.rebuild(concept, key);
        worked = true; // (a change that left work has already dropped the snapshot)
      }
      this.pendingTopics.delete(concept);
      this.tidy(concept);
    }
    return true;
  }

  private index(doc: DocumentAnalysis): void {
    const pool = this.strings;
    for (const f of doc.facts) {
      f.text = pool.share(f.text);
      if (typeof f.value === "string") f.value = pool.share(f.value);
    }
    for (const c of doc.claims) {
      c.concept = pool.share(c.concept);
      for (let i = 0; i < c.orgs.length; i++) c.orgs[i] = pool.share(c.orgs[i]!);
      this.claims.set(c.id, c);
      let grouping = this.grouping.get(c.concept);
      if (!grouping) this.grouping.set(c.concept, (grouping = new ConceptTopics()));
      grouping.add(c);
      this.dirty.add(c.concept);
    }
  }

  private unindex(doc: DocumentAnalysis): void {
    for (const c of doc.claims) {
      this.claims.delete(c.id);
      this.grouping.get(c.concept)?.remove(c);
      this.dirty.add(c.concept);
    }
  }

  /** New corpus order; if documents that were there before changed places, everything is checked again. */
  private reorder(): void {
    this.orderDirty = false;
    const before = this.ordered.map((d) => d.path).filter((p) => this.docs.has(p));
    const paths = corpusOrder([...this.docs.values()].map((d) => ({ path: d.path, published: d.published })), this.override);
    this.ordered = paths.map((p, i) => { const e = this.entries.get(p)!; e.order = i; return e; });
    const kept = new Set(before);
    const after = paths.filter((p) => kept.has(p));
    if (after.some((p, i) => p !== before[i])) this.recheckAll = true;
  }

  /**
   * Places a concept's changed claims until `deadline`; the topics whose claims changed (or all of them) wait
   * to be rebuilt. Says whether the concept is placed (otherwise the next call goes on with it).
   */
  private collect(concept: string, all: boolean, deadline: number): boolean {
    const grouping = this.grouping.get(concept);
    let keys = this.pendingTopics.get(concept);
    if (!keys) this.pendingTopics.set(concept, (keys = new Set()));
    if (!grouping) return true;
    const t0 = globalThis.performance.now();
    const changed = grouping.settle(deadline);
    if (changed) {
      for (const k of changed) keys.add(k);
      if (all) for (const k of grouping.keys()) keys.add(k);
    }
    this.stats.topics += globalThis.performance.now() - t0;
    return !!changed;
  }

  /** Rebuilds one topic from its claims and checks it for contradictions. */
  private rebuild(concept: string, key: string): void {
    const t0 = globalThis.performance.now();
    let topics = this.conceptTopics.get(concept);
    if (!topics) this.conceptTopics.set(concept, (topics = new Map()));
    const old = topics.get(key);
    if (old) {
      this.contradictionCount -= this.topicContradictions.get(old.id)?.length ?? 0;
      this.topicContradictions.delete(old.id);
      this.topicById.delete(old.id);
      topics.delete(key);
    }
    const g = this.grouping.get(concept)?.group(key);
    if (!g) { this.stats.topics += globalThis.performance.now() - t0; return; }
    const id = `${concept}:${g.orgs.join("+") || "unattributed"}`;
    const refs: ClaimRef[] = [];
    for (const claim of g.claims) {
      const d = this.entries.get(claim.document)!;
      claim.topic = id;
      refs.push({ claim, order: d.order, facts: d.analysis.facts, source: d.analysis.path, published: d.analysis.published });
    }
    refs.sort((a, b) => a.order - b.order || a.claim.start - b.claim.start);
    const topic: Topic = { id, label: this.label(concept, g.orgs), concept, orgs: g.orgs, claims: refs.map((r) => r.claim.id) };
    const t1 = globalThis.performance.now();
    const found = isSlot(concept) ? slotChanges(topic, refs, this.analyzer.options.tolerance) : findContradictions(topic, refs);
    const t2 = globalThis.performance.now();
    this.topicContradictions.set(id, found);
    this.contradictionCount += found.length;
    topics.set(key, topic);
    this.topicById.set(id, topic);
    this.stats.topics += t1 - t0;
    this.stats.contradictions += t2 - t1;
  }

  /** A concept left without topics goes, and its grouping with it once no claim names it (every call settles the groupings first). */
  private tidy(concept: string): void {
    if (this.conceptTopics.get(concept)?.size) return;
    this.conceptTopics.delete(concept);
    if (!this.grouping.get(concept)?.size) this.grouping.delete(concept);
  }

  private label(concept: string, orgs: string[]): string {
    const who = orgs.map((o) => this.analyzer.orgs.labelOf(o)).join(", ");
    const what = slotOf(concept)?.label ?? termLabel(concept, this.analyzer.lexicon);
    return who ? `${what} · ${who}` : what;
  }
}
