import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { CorpusIndex, cacheFingerprint, cachedAnalysis, createAnalyzer, cacheText, decodeDocument, encodeDocument, readCache, type CorpusSnapshot, type DocumentAnalysis } from "../../src/core";
import { decodeEntry } from "../../src/core/analysisCache";
import { textHash } from "../../src/node/textHash";
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
const throughFile = (docs: DocumentAnalysis[], fingerprint: string): string => [...cacheText(docs, fingerprint, textHash, undefined, 7)].join("");

test("cache: a corpus restored from its cache is exactly the corpus analysed afresh", () => {
  for (const docs of [sampleDocuments(), generateCorpus(150, 3, 12)]) {
    const fresh = new CorpusIndex();
    for (const d of docs) fresh.set(d);
    const fingerprint = cacheFingerprint(fresh.analyzer.options, "test");
    const entries = readCache(throughFile(fresh.paths().map((p) => fresh.get(p)!), fingerprint), fingerprint);
    const warm = new CorpusIndex();
    for (const d of docs) {
      const a = cachedAnalysis(d.path, d.text, textHash(d.text), entries.get(d.path));
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
    assert.deepEqual(cachedAnalysis(path, text, textHash(text), entries.get(path)), a);
  }), { numRuns: 300 });
});

test("cache: another text, another fingerprint or a damaged file gives nothing to reuse", () => {
  const [doc] = sampleDocuments();
  const analyzer = createAnalyzer();
  const file = throughFile([analyzer.analyzeDocument(doc!)], cacheFingerprint(analyzer.options, "v1"));
  const entries = readCache(file, cacheFingerprint(analyzer.options, "v1"));
  assert.ok(cachedAnalysis(doc!.path, doc!.text, textHash(doc!.text), entries.get(doc!.path)));
  assert.equal(cachedAnalysis(doc!.path, doc!.text + " ", textHash(doc!.text + " "), entries.get(doc!.path)), undefined, "edited text");
  assert.equal(readCache(file, cacheFingerprint(analyzer.options, "v2")).size, 0, "another build");
  assert.equal(readCache(file, cacheFingerprint(createAnalyzer({ tolerance: 0.1 }).options, "v1")).size, 0, "other options");
  const fp = cacheFingerprint(analyzer.options, "v1");
  const [header, line] = file.split("\n") as [string, string];
  // Another format (earlier caches were one JSON object), or entries cut short or garbled: nothing reused.
  for (const other of ['{"format":3,"fingerprint":' + JSON.stringify(fp) + ',"documents":{}}', "[]", "42", "null", `${header}\n${line.slice(0, line.indexOf("\t"))}`, `${header}\nnot json\t${textHash(doc!.text)}\t[]`]) {
    assert.equal(readCache(other, fp).size, 0, other.slice(0, 60));
  }
  assert.throws(() => readCache("{ not json", fp), SyntaxError, "a file that is no cache at all is said to be one");
  for (const broken of ["[1,2,3]", "{}", "[", line.slice(line.lastIndexOf("\t") + 1, -5)]) {
    assert.equal(cachedAnalysis(doc!.path, doc!.text, textHash(doc!.text), [textHash(doc!.text), new TextEncoder().encode(broken)]), undefined, `an entry that does not decode is not used: ${broken.slice(0, 30)}`);
  }
  assert.notEqual(textHash("abc"), textHash("abd"));
  assert.notEqual(textHash("ab"), textHash("ab\u0000"));
});

test("cache: the file comes in pieces of `per` documents (the header with the first), the corpus section line by line after them", () => {
  const analyzer = createAnalyzer();
  const docs = ["Alder Corp. agreed to buy Birch Inc.", "Birch Inc rose.", "Alder Corp. fell.", "Quillon paid $4.5 billion.", "No news."].map((text, i) => analyzer.analyzeDocument({ path: `${i}.md`, text }));
  const pieces = [...cacheText(docs, "f", textHash, ["[1]", "[2]"], 2)];
  const lines = (piece: string) => piece.split("\n").filter(Boolean).length;
  assert.deepEqual(pieces.map(lines), [3, 2, 1, 1, 1]);
  assert.ok(pieces[0]!.startsWith("{"));
  assert.deepEqual(pieces.slice(3), ["*corpus\t[1]\n", "*corpus\t[2]\n"]);
  assert.deepEqual([...readCache(pieces.join(""), "f").corpus], ["[1]", "[2]"]);
  assert.deepEqual([...readCache(pieces.join(""), "f").keys()], ["0.md", "1.md", "2.md", "3.md", "4.md"]);
});

test("cache: a file is read line by line — a garbled line is skipped, the lines after it still read; another format gives nothing", () => {
  const analyzer = createAnalyzer();
  const docs = ["# Deal news\n\nAlder Corp. agreed to buy Birch Inc.", "# Deal news\n\nQuillon paid $4.5 billion for Maple Rock Labs."].map((text, i) => analyzer.analyzeDocument({ path: `${i}.md`, text }));
  const [header, first, second] = [...cacheText(docs, "f", textHash)].join("").split("\n") as [string, string, string];
  for (const garbled of ["no tabs at all", "one\ttab", "not json\tx\t[]", "42\tx\t[]", "*notes\tx"]) {
    const read = readCache(`${header}\n${first}\n${garbled}\n${second}\n`, "f");
    assert.deepEqual([...read.keys(), ...read.corpus], ["0.md", "1.md"], garbled);
  }
  assert.equal(readCache(`${header.replace(/"format":\d+/, '"format":6')}\n${first}\n`, "f").size, 0, "a cache of an earlier format");
  assert.equal(readCache(`${header}\n${first}`, "f").size, 1, "a last line without its newline");
  // An entry holds offsets, not the text: the document's words are sliced back out of it.
  assert.ok(!first.includes("Alder Corp.") && !second.includes("Maple Rock"), first);
});

test("cache: an entry whose parts have the wrong shape is not used (the document is analysed afresh)", () => {
  const analyzer = createAnalyzer();
  const text = "Quillon paid $4.5 billion for Maple Rock Labs. It closed in May.";
  const good = JSON.parse(encodeDocument(analyzer.analyzeDocument({ path: "a.md", text }))) as unknown[];
  assert.deepEqual(decodeDocument("a.md", text, JSON.stringify(good)), analyzer.analyzeDocument({ path: "a.md", text }));
  const bad = (i: number, v: unknown) => JSON.stringify(good.map((x, j) => (j === i ? v : x)));
  const facts = good[7] as unknown[][];
  for (const [why, json] of [
    ["a format that is no text", bad(0, 1)],
    ["problems that are no list", bad(5, "none")],
    ["sentences that are no text", bad(6, [0, 10])],
    ["a sentence offset that is no number", bad(6, "0,!")],
    ["a sentence offset going back", bad(6, "0,a,-3")],
    ["a fact of no known kind", bad(7, [[...facts[0]!.slice(0, 2), 99, ...facts[0]!.slice(3)]])],
  ] as Array<[string, string]>) {
    assert.throws(() => decodeDocument("a.md", text, json), /not a cached analysis|unknown kind/, why);
    assert.equal(cachedAnalysis("a.md", text, "h", ["h", new TextEncoder().encode(json)]), undefined, why);
  }
  assert.throws(() => decodeEntry("a.md", text, ["h", new TextEncoder().encode("{}")]), /not a cached analysis/);
});
