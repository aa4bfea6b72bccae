import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { CorpusIndex, cacheFingerprint, cachedAnalysis, createAnalyzer, cacheText, readCache, textHash, type CorpusSnapshot, type DocumentAnalysis } from "../../src/core";
import { sampleDocuments } from "./helpers";
import { generateCorpus } from "../../bench/generate";

/** Everything a snapshot shows, comparable with deepEqual. */
function shown(s: CorpusSnapshot) {
  return {
    documents: s.documents.map((d) => d.analysis),
    topics: s.topics,
    contradictions: s.contradictions,
  };
}

/** The cache file's text for these analyses, read back (in small pieces, so that their joins are tested). */
const throughFile = (docs: DocumentAnalysis[], fingerprint: string): unknown => JSON.parse([...cacheText(docs, fingerprint, 7)].join(""));

test("cache: a corpus restored from its cache is exactly the corpus analysed afresh", () => {
  for (const docs of [sampleDocuments(), generateCorpus(150, 3, 12)]) {
    const fresh = new CorpusIndex();
    for (const d of docs) fresh.set(d);
    const fingerprint = cacheFingerprint(fresh.analyzer.options, "test");
    const entries = readCache(throughFile(fresh.paths().map((p) => fresh.get(p)!), fingerprint), fingerprint);
    const warm = new CorpusIndex();
    for (const d of docs) {
      const a = cachedAnalysis(d.path, d.text, entries.get(d.path));
      assert.ok(a, `${d.path} restored`);
      warm.restore(a);
    }
    assert.deepEqual(shown(warm.result()), shown(fresh.result()));
  }
});

test("property: any article's analysis survives the cache unchanged", () => {
  const analyzer = createAnalyzer();
  const pieces = ["Alder Corp. ", "agreed to buy ", "Birch Inc ", "for $4.5 billion", " on March 3, 2025", ". ", "a 20% stake", "\n\n", "# Heading\n", "- item\n", "“quoted”", "é", "\u0000", "---\ndate: 2024-01-02\n---\n"];
  const article = fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 5 })), { maxLength: 40 }).map((a) => a.join(""));
  fc.assert(fc.property(article, fc.constantFrom("a.md", "b.txt"), (text, path) => {
    const a = analyzer.analyzeDocument({ path, text });
    const entries = readCache(throughFile([a], "f"), "f");
    assert.deepEqual(cachedAnalysis(path, text, entries.get(path)), a);
  }), { numRuns: 300 });
});

test("cache: another text, another fingerprint or a damaged file gives nothing to reuse", () => {
  const [doc] = sampleDocuments();
  const analyzer = createAnalyzer();
  const file = throughFile([analyzer.analyzeDocument(doc!)], cacheFingerprint(analyzer.options, "v1"));
  const entries = readCache(file, cacheFingerprint(analyzer.options, "v1"));
  assert.ok(cachedAnalysis(doc!.path, doc!.text, entries.get(doc!.path)));
  assert.equal(cachedAnalysis(doc!.path, doc!.text + " ", entries.get(doc!.path)), undefined, "edited text");
  assert.equal(readCache(file, cacheFingerprint(analyzer.options, "v2")).size, 0, "another build");
  assert.equal(readCache(file, cacheFingerprint(createAnalyzer({ tolerance: 0.1 }).options, "v1")).size, 0, "other options");
  for (const bad of [null, 42, "x", { format: 1 }, { ...(file as object), documents: [] }]) assert.equal(readCache(bad, cacheFingerprint(analyzer.options, "v1")).size, 0);
  const broken = { [doc!.path]: [textHash(doc!.text), [1, 2, 3]] } as never;
  assert.equal(cachedAnalysis(doc!.path, doc!.text, broken[doc!.path]), undefined, "an entry that does not decode is not used");
  assert.notEqual(textHash("abc"), textHash("abd"));
  assert.notEqual(textHash("ab"), textHash("ab\u0000"));
});
