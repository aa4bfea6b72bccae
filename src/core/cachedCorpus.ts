import type { Claim, Contradiction, ContradictionKind, DocumentAnalysis, DocumentInput, Topic } from "./types";
import type { ClaimTable, CorpusDocument, CorpusIndex, CorpusSnapshot } from "./corpus";
import type { OrderOverride } from "./order";
import { decodeEntry, type AnalysisCache } from "./analysisCache";
import { isRecord } from "./isRecord";
import { claimNumber, claimPath } from "./claims";

/**
 * The corpus's order, topics and contradictions, kept in the cache beside the analyses of the documents
 * they came from, so that reopening a workspace where nothing changed shows them at once: decoding every
 * analysis, putting it back in an index and regrouping and re-checking the corpus took 2 s of a 2.5 s warm
 * start at 10,000 articles. They depend only on those analyses and on the order settings, so they hold
 * while every document reads as it did and the settings are the same.
 *
 * The section is a head line, then the topics with their contradictions in parts of about PART items, so
 * that the editor reads it a part at a time (86,000 flags are 11 MB of JSON: 150 ms read in one piece).
 */
interface Head {
  override: OrderOverride;
  /** Paths in corpus order. */
  order: string[];
  claims: number;
  topics: number;
}

/** The deal model's reading of a flag, as a flag keeps it. */
type FlagChange = Pick<Contradiction, "deal" | "slot" | "earlierValue" | "laterValue" | "nature" | "alsoEarlier">;
/** A topic and its contradictions as [earlier, later, kind, confidence, explanation, the change when a slot's]. */
type TopicPart = [Topic, Array<[string, string, ContradictionKind, number, string, FlagChange?]>];

const PART = 4000;

/** The index's corpus section (lines of JSON, parts of about `part` topics, claims and flags), for cacheText beside the index's analyses. */
export function encodeCorpus(index: CorpusIndex, part = PART): string[] {
  return [...corpusLines(index, part)];
}

/**
 * encodeCorpus a line at a time, for a caller that yields between them: the corpus is the index's at the
 * call (its topics and their flags are taken then: a change applied meanwhile replaces them in the index's
 * maps), each line encoded when it is asked for.
 */
export function corpusLines(index: CorpusIndex, part = PART): Generator<string> {
  const snap = index.result();
  const head: Head = { override: index.override, order: snap.documents.map((d) => d.path), claims: snap.claims.size, topics: snap.topics.length };
  const topics = snap.topics.map((t): [Topic, Contradiction[]] => [t, snap.contradictionsByTopic.get(t.id) ?? []]);
  return (function* () {
    yield ascii(JSON.stringify(head));
    let items: TopicPart[] = [], size = 0;
    for (const [t, flags] of topics) {
      items.push([t, flags.map((c) => {
        const { topic: _topic, earlier, later, kind, confidence, explanation, ...change } = c;
        return Object.keys(change).length ? [earlier, later, kind, confidence, explanation, change] : [earlier, later, kind, confidence, explanation];
      })]);
      size += 1 + t.claims.length + flags.length;
      if (size >= part) { yield ascii(JSON.stringify(items)); items = []; size = 0; }
    }
    if (items.length) yield ascii(JSON.stringify(items));
  })();
}

/** JSON in ASCII (other characters escaped): JSON.parse reads a string of one-byte characters a third faster. */
function ascii(json: string): string {
  return json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A document found in the workspace, with its text's hash (the cache's TextHash). */
export interface FoundDocument {
  path: string;
  text: string;
  hash: string;
}

/**
 * The corpus as the cache saw it, when the documents found are exactly those it kept, each with the same
 * text, and the order settings are the same; otherwise undefined (and the corpus is indexed as usual).
 * An analysis is decoded when it is first read; one whose cache entry does not decode is made again with
 * `analyze` (the options and code the cache was written with, as its fingerprint says).
 */
export function cachedSnapshot(cache: AnalysisCache, found: FoundDocument[], override: OrderOverride, analyze: (input: DocumentInput) => DocumentAnalysis): CorpusSnapshot | undefined {
  return CachedCorpus.open(cache, found, override, analyze)?.snapshot();
}

/** cachedSnapshot a part at a time: open, then readSome between yields, then snapshot. */
export class CachedCorpus {
  private readonly topics: Topic[] = [];
  private readonly contradictionsByTopic = new Map<string, Contradiction[]>();
  private readonly contradictions: Contradiction[] = [];
  private next = 1;
  private failed = false;

  private constructor(private readonly cache: AnalysisCache, private readonly head: Head, private readonly texts: Map<string, string>, private readonly analyze: (input: DocumentInput) => DocumentAnalysis) {}

  /** The cached corpus if it is the one found (see cachedSnapshot), its topics not read yet. */
  static open(cache: AnalysisCache, found: FoundDocument[], override: OrderOverride, analyze: (input: DocumentInput) => DocumentAnalysis): CachedCorpus | undefined {
    if (!cache.corpus.length || found.length !== cache.size) return undefined;
    const texts = new Map<string, string>();
    for (const d of found) {
      if (cache.get(d.path)?.[0] !== d.hash) return undefined;
      texts.set(d.path, d.text);
    }
    const head = parse(cache.corpus[0]!);
    if (!isHead(head) || head.order.length !== found.length || JSON.stringify(head.override) !== JSON.stringify(override)) return undefined;
    if (!head.order.every((p) => texts.has(p))) return undefined;
    return new CachedCorpus(cache, head, texts, analyze);
  }

  /** Reads parts of the topics until `deadline` (performance.now()) has passed, at least one; says whether all are read. */
  readSome(deadline: number): boolean {
    const lines = this.cache.corpus;
    let worked = false;
    while (this.next < lines.length && !this.failed) {
      if (worked && globalThis.performance.now() > deadline) return false;
      const part = parse(lines[this.next++]!);
      if (!Array.isArray(part)) { this.failed = true; break; }
      for (const item of part as unknown[]) {
        if (!Array.isArray(item) || !isRecord(item[0]) || !Array.isArray(item[1])) { this.failed = true; break; }
        const [t, flags] = item as TopicPart;
        const list = flags.map(([earlier, later, kind, confidence, explanation, change]): Contradiction => ({ topic: t.id, earlier, later, kind, confidence, explanation, ...(isRecord(change) ? change : {}) }));
        this.topics.push(t);
        this.contradictionsByTopic.set(t.id, list);
        for (const c of list) this.contradictions.push(c);
      }
      worked = true;
    }
    return true;
  }

  /** The corpus as the cache kept it, or undefined when part of the section was lost or damaged. */
  snapshot(): CorpusSnapshot | undefined {
    this.readSome(Infinity);
    if (this.failed || this.topics.length !== this.head.topics) return undefined;
    let topicOf: Map<string, string> | undefined;
    const decode = (path: string): DocumentAnalysis => {
      const text = this.texts.get(path)!;
      let a: DocumentAnalysis;
      try {
        a = decodeEntry(path, text, this.cache.get(path)!);
      } catch {
        a = this.analyze({ path, text });
      }
      if (!topicOf) {
        topicOf = new Map();
        for (const t of this.topics) for (const id of t.claims) topicOf.set(id, t.id);
      }
      for (const c of a.claims) c.topic = topicOf.get(c.id) ?? "";
      return a;
    };
    const documents = this.head.order.map((path, order) => new CachedCorpusDocument(path, order, decode));
    const byPath = new Map(documents.map((d) => [d.path, d]));
    const claim = (id: string) => { const d = byPath.get(claimPath(id)); return d && claimIn(d.analysis, id); };
    const claims: ClaimTable = { get: claim, size: this.head.claims };
    return {
      documents, topics: this.topics, contradictions: this.contradictions, contradictionCount: this.contradictions.length, claims,
      documentOf: { get: (id) => (claim(id) ? byPath.get(claimPath(id)) : undefined) }, documentAt: byPath,
      topicById: new Map(this.topics.map((t) => [t.id, t])), contradictionsByTopic: this.contradictionsByTopic,
    };
  }
}

class CachedCorpusDocument implements CorpusDocument {
  private decoded: DocumentAnalysis | undefined;
  constructor(readonly path: string, readonly order: number, private readonly decode: (path: string) => DocumentAnalysis) {}

  get analysis(): DocumentAnalysis {
    return (this.decoded ??= this.decode(this.path));
  }
}

/** The document's claim with this id. */
function claimIn(doc: DocumentAnalysis, id: string): Claim | undefined {
  const c = doc.claims[claimNumber(id)];
  return c?.id === id ? c : doc.claims.find((x) => x.id === id);
}

function parse(json: string): unknown {
  try {
    return JSON.parse(json);
  } catch {
    return undefined;
  }
}

function isHead(x: unknown): x is Head {
  return isRecord(x) && isRecord(x.override) && Array.isArray(x.order) && typeof x.claims === "number" && typeof x.topics === "number";
}
