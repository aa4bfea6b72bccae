import { test } from "node:test";
import assert from "node:assert/strict";
import {
  CachedCorpus, CorpusIndex, cacheFingerprint, cachedSnapshot, cacheText, contractJsonText, corpusLines, encodeCorpus, readCache,
  type CorpusOptions, type CorpusSnapshot, type DocumentInput, type FoundDocument,
} from "../../src/core";
import { textHash } from "../../src/node/textHash";
import { sampleDocuments } from "./helpers";
import { generateCorpus } from "../../bench/generate";

/** The cache file an index leaves, with its corpus section (in parts of about `part` items). */
function cacheOf(index: CorpusIndex, fingerprint: string, part?: number): string {
  return [...cacheText(index.paths().map((p) => index.get(p)!), fingerprint, textHash, encodeCorpus(index, part), 7)].join("");
}

const found = (docs: DocumentInput[]): FoundDocument[] => docs.map((d) => ({ ...d, hash: textHash(d.text) }));

function indexed(docs: DocumentInput[], options: CorpusOptions = {}): CorpusIndex {
  const index = new CorpusIndex(options);
  for (const d of docs) index.set(d);
  return index;
}

/** Everything a snapshot answers, read through its public shape. */
function everything(s: CorpusSnapshot) {
  const ids = s.documents.flatMap((d) => d.analysis.claims.map((c) => c.id));
  return {
    documents: s.documents.map((d) => ({ path: d.path, order: d.order, analysis: d.analysis })),
    topics: s.topics,
    contradictions: s.contradictions,
    count: s.contradictionCount,
    claims: s.claims.size,
    byId: ids.map((id) => [s.claims.get(id), s.documentOf.get(id)?.path]),
    byPath: s.documents.map((d) => s.documentAt.get(d.path) === d),
    topicById: [...s.topicById].sort(),
    byTopic: [...s.contradictionsByTopic].sort(),
    contract: [...contractJsonText(s, undefined, [], true)].join(""),
  };
}

test("cached corpus: a workspace reopened unchanged shows exactly the corpus indexed afresh", () => {
  const cases: Array<[DocumentInput[], CorpusOptions]> = [
    [sampleDocuments(), {}],
    [generateCorpus(150, 3, 12), {}],
    [generateCorpus(60, 5, 4), { order: ["a00059.md", "a00003.txt"], published: { "a00001.txt": "2019-01-01" } }],
  ];
  for (const [docs, options] of cases) {
    const fresh = indexed(docs, options);
    assert.ok(fresh.result().contradictionCount > 0, "the case has contradictions to keep");
    const fp = cacheFingerprint(fresh.analyzer.options, "test");
    const expected = everything(indexed(docs, options).result());
    const warm = cachedSnapshot(readCache(cacheOf(fresh, fp), fp), found([...docs].reverse()), fresh.override, () => assert.fail("nothing to analyse"));
    assert.ok(warm, "the cached corpus is used");
    assert.deepEqual(everything(warm), expected);
    // Read a part at a time, as the editor reads it: the same.
    const cache = readCache(cacheOf(fresh, fp, 5), fp);
    const reader = CachedCorpus.open(cache, found(docs), fresh.override, () => assert.fail("nothing to analyse"));
    let steps = 1;
    while (!reader!.readSome(0)) steps++;
    assert.ok(steps > 2 && steps === cache.corpus.length - 1, `one part per step: ${steps} of ${cache.corpus.length - 1}`);
    assert.deepEqual(everything(reader!.snapshot()!), expected);
  }
});

test("cached corpus: any change to the documents or the order settings, or a file cut short, and it is not used", () => {
  const docs = generateCorpus(40, 9, 4);
  const fresh = indexed(docs);
  const fp = cacheFingerprint(fresh.analyzer.options, "test");
  const file = cacheOf(fresh, fp);
  const small = cacheOf(fresh, fp, 20);
  const use = (text: string, f: FoundDocument[], override = fresh.override) => cachedSnapshot(readCache(text, fp), f, override, (d) => fresh.analyzer.analyzeDocument(d));
  assert.ok(use(file, found(docs)));
  assert.ok(small.split("\n*corpus\t").length > 3, "a section of several parts");
  assert.ok(use(small, found(docs)));
  const edited = docs.map((d, i) => (i === 7 ? { ...d, text: d.text + " More." } : d));
  const cases: Array<[string, CorpusSnapshot | undefined]> = [
    ["one article edited", use(file, found(edited))],
    ["one article gone", use(file, found(docs.slice(1)))],
    ["one article more", use(file, found([...docs, { path: "new.md", text: "Alder Corp. agreed to buy Birch Inc for $4 billion." }]))],
    ["one renamed", use(file, found(docs.map((d, i) => (i === 3 ? { ...d, path: "renamed.md" } : d))))],
    ["another order", use(file, found(docs), { order: [docs[5]!.path], published: {} })],
    ["published dates given", use(file, found(docs), { order: [], published: { [docs[0]!.path]: "2030-01-01" } })],
    ["written without its corpus section", use([...cacheText(fresh.paths().map((p) => fresh.get(p)!), fp, textHash)].join(""), found(docs))],
    ["cut short", use(file.slice(0, file.lastIndexOf("\n", file.length - 2) + 40), found(docs))],
    ["a garbled section", use(file.replace(/\*corpus\t\{/, "*corpus\t{{"), found(docs))],
    ["a part of it lost", use(small.replace(/\n\*corpus\t\[[^\n]*/, ""), found(docs))],
    ["a part of it garbled", use(small.replace(/\n\*corpus\t\[/, "\n*corpus\t[[["), found(docs))],
    ["an article's line lost", use(file.replace(/\n"a00012\.[a-z]+"\t[^\n]*/, ""), found(docs))],
  ];
  for (const [what, got] of cases) assert.equal(got, undefined, what);
});

test("cached corpus: an analysis that does not decode is made again, the rest decoded only when read", () => {
  const docs = generateCorpus(30, 2, 3);
  const fresh = indexed(docs);
  const fp = cacheFingerprint(fresh.analyzer.options, "test");
  const victim = docs[4]!.path;
  const lines = cacheOf(fresh, fp).split("\n").map((l) => (l.startsWith(JSON.stringify(victim)) ? l.slice(0, l.lastIndexOf("\t") + 1) + "[1,2" : l));
  const made: string[] = [];
  const warm = cachedSnapshot(readCache(lines.join("\n"), fp), found(docs), fresh.override, (d) => { made.push(d.path); return fresh.analyzer.analyzeDocument(d); });
  assert.ok(warm);
  assert.equal(warm.topics.length, fresh.result().topics.length);
  assert.deepEqual(made, [], "nothing decoded or analysed before it is read");
  assert.deepEqual(everything(warm), everything(indexed(docs).result()));
  assert.deepEqual(made, [victim]);
});

test("cached corpus: its section encoded a line at a time is the corpus when it started, whatever changes meanwhile", () => {
  const docs = generateCorpus(150, 3, 12);
  const index = indexed(docs);
  const expected = encodeCorpus(index, 5);
  assert.ok(expected.length > 3, "several parts");
  const lines = corpusLines(index, 5);
  const got = [lines.next().value!];
  // An edit and a deletion applied between lines, as the editor applies them while the cache is written.
  index.set({ path: docs[0]!.path, text: `${docs[0]!.text}\nLater, $999 billion was paid for ${docs[0]!.path}.\n` });
  index.delete(docs[1]!.path);
  index.result();
  for (const line of lines) got.push(line);
  assert.deepEqual(got, expected);
  assert.notDeepEqual(encodeCorpus(index, 5), expected, "the changes changed the corpus the index holds now");
});
