// A warm start, as reopening a workspace is: a fresh process reads the files and the analysis cache, reuses
// every analysis and groups and checks the corpus. Prints its milliseconds and what it found, as JSON.
// node --import tsx bench/warmStart.ts DIR CACHE FINGERPRINT
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CorpusIndex, cachedAnalysis, readCache } from "../src/core";

const [dir, cachePath, fingerprint] = process.argv.slice(2) as [string, string, string];
const t = performance.now();
const entries = readCache(readFileSync(cachePath, "utf8"), fingerprint);
const warm = new CorpusIndex();
let reused = 0;
for (const f of readdirSync(dir).sort()) {
  if (join(dir, f) === cachePath) continue;
  const text = readFileSync(join(dir, f), "utf8");
  const cached = cachedAnalysis(f, text, entries.get(f));
  if (cached) { warm.restore(cached); reused++; } else warm.set({ path: f, text });
}
const snap = warm.result();
const ms = performance.now() - t;
process.stdout.write(JSON.stringify({ ms, reused, topics: snap.topics.length, contradictions: snap.contradictionCount }));
