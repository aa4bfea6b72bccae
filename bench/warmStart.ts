// A warm start, as reopening a workspace is: a fresh process reads the files and the analysis cache, finds
// every article unchanged and shows the corpus the cache kept (topics and contradictions); then builds the
// index behind it that an edit needs (every analysis decoded, put back and regrouped), as the editor does
// after showing. Prints both times in milliseconds and what was found, as JSON.
// node --import tsx bench/warmStart.ts DIR CACHE FINGERPRINT
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CorpusIndex, cachedSnapshot, readCache } from "../src/core";
import { textHash } from "../src/node/textHash";

const [dir, cachePath, fingerprint] = process.argv.slice(2) as [string, string, string];
const t = performance.now();
const cache = readCache(readFileSync(cachePath), fingerprint);
const found = readdirSync(dir).sort().filter((f) => join(dir, f) !== cachePath).map((path) => {
  const text = readFileSync(join(dir, path), "utf8");
  return { path, text, hash: textHash(text) };
});
const index = new CorpusIndex();
const shown = cachedSnapshot(cache, found, index.override, (d) => index.analyzer.analyzeDocument(d));
if (!shown) throw new Error("the cached corpus was not used");
const topics = shown.topics.length, contradictions = shown.contradictionCount;
const ms = performance.now() - t;
for (const d of shown.documents) index.restore(d.analysis);
const built = index.result();
const readyMs = performance.now() - t;
if (built.topics.length !== topics || built.contradictionCount !== contradictions) throw new Error("the index differs from the cached corpus");
process.stdout.write(JSON.stringify({ ms, readyMs, articles: shown.documents.length, topics, contradictions }));
