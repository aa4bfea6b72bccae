// One corpus size, measured in its own process (so that peak memory is this size's): node --import tsx bench/size.ts N
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rng } from "./generate";
import { AnalysisPool } from "../src/node/analysisPool";
import { CorpusIndex, FactLookup, describeAt, cacheFingerprint, cachedAnalysis, cacheText, readCache } from "../src/core";

const n = Number(process.argv[2] ?? 100);
const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]!; };
const now = () => performance.now();

const dir = mkdtempSync(join(tmpdir(), `claimscope-bench-${n}-`));
// Written by another process: generating the texts here would count against the analysis's peak memory.
const bytes = Number(execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, "writeCorpus.ts"), String(n), dir], { encoding: "utf8" }));
const paths = readdirSync(dir).sort();
const mb = bytes / 1048576;

// Floor: read the files and run one trivial regular expression over them.
let t = now();
let hits = 0;
for (const f of readdirSync(dir)) hits += (readFileSync(join(dir, f), "utf8").match(/\$\d+/g) ?? []).length;
const floorMs = now() - t;

// Cold analysis: read and analyse every file, then topics and contradictions.
t = now();
const index = new CorpusIndex();
for (const f of readdirSync(dir).sort()) index.set({ path: f, text: readFileSync(join(dir, f), "utf8") });
const snap = index.result();
const coldMs = now() - t;
// The most memory the process has held by the end of the cold analysis (resident, garbage included).
const coldPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const stages = { ...index.analyzer.stats, ...index.stats };

// The analysis cache of this corpus, written as the editor does when it closes.
const fingerprint = cacheFingerprint(index.analyzer.options, "bench");
const cachePath = join(dir, ".cache.json");
t = now();
writeFileSync(cachePath, [...cacheText(index.paths().map((p) => index.get(p)!), fingerprint)].join(""));
const cacheWriteMs = now() - t;

// Re-analysis after editing one article (the editor's path: set + result).
const r = rng(7);
const edits: number[] = [];
for (let i = 0; i < 40; i++) {
  const path = paths[Math.floor(r() * paths.length)]!;
  const text = index.get(path)!.text.replace(/(\d+)% stake/, (_m, x) => `${Number(x) + 1 + i}% stake`);
  t = now();
  index.set({ path, text });
  index.result();
  edits.push(now() - t);
}
const after = index.result();

// Hover: what the hover card needs at a fact.
const hovers: number[] = [];
for (let i = 0; i < 200; i++) {
  const d = after.documents[Math.floor(r() * after.documents.length)]!.analysis;
  const f = d.facts[Math.floor(r() * d.facts.length)];
  if (!f) continue;
  t = now();
  describeAt(after, d.path, f.start);
  hovers.push(now() - t);
}

// Fuzzy lookup over every fact and claim.
t = now();
const lookup = new FactLookup(after);
const lookupBuildMs = now() - t;
const queries = ["stake", "exclusive", "break-up fee", "completed", "45 billion", "tanver 13", "license ends", "regulatory approval", "revenue", "2021"];
// The first round is timed apart: it runs before the JIT has compiled the search (once per session).
const firstRound: number[] = [];
for (const q of queries) { t = now(); lookup.search(q); firstRound.push(now() - t); }
const searches: number[] = [];
for (let i = 0; i < 30; i++) { t = now(); lookup.search(queries[i % queries.length]!); searches.push(now() - t); }

// Warm start, nothing changed: read the files and the cache, reuse every analysis, group and check afresh.
const peakWithLookupMb = Math.round(process.resourceUsage().maxRSS / 1024);
t = now();
const entries = readCache(JSON.parse(readFileSync(cachePath, "utf8")), fingerprint);
const warm = new CorpusIndex();
let reused = 0;
for (const f of readdirSync(dir).sort()) {
  if (f === ".cache.json") continue;
  const text = readFileSync(join(dir, f), "utf8");
  const cached = cachedAnalysis(f, text, entries.get(f));
  if (cached) { warm.restore(cached); reused++; } else warm.set({ path: f, text });
}
const warmTopics = warm.result().topics.length;
const warmMs = now() - t;
if (reused !== n || warmTopics !== snap.topics.length) throw new Error(`warm start reused ${reused} of ${n}, ${warmTopics} topics`);
const cacheMb = +(statSync(cachePath).size / 1048576).toFixed(1);

// Cold analysis on worker threads, as the CLI and the editor do a large corpus (one per core here).
async function threadedCold(): Promise<{ ms: number; threads: number }> {
  const started = now();
  const pool = new AnalysisPool(index.analyzer.options);
  try {
    const threaded = new CorpusIndex();
    const made = await Promise.all(readdirSync(dir).filter((f) => f !== ".cache.json").sort().map((f) => pool.analyze({ path: f, text: readFileSync(join(dir, f), "utf8") })));
    for (const a of made) threaded.restore(a);
    if (threaded.result().contradictions.length !== warm.result().contradictions.length) throw new Error("threaded analysis differs");
    return { ms: now() - started, threads: pool.threads };
  } finally {
    await pool.close();
  }
}

void threadedCold().then((threaded) => {
rmSync(dir, { recursive: true, force: true });
const out = {
  articles: n, mb: +mb.toFixed(2), facts: snap.documents.reduce((s, d) => s + d.analysis.facts.length, 0), claims: snap.claims.size,
  topics: snap.topics.length, contradictions: snap.contradictions.length,
  floorMs: +floorMs.toFixed(1), coldMs: +coldMs.toFixed(1), mbPerS: +(mb / (coldMs / 1000)).toFixed(2), articlesPerS: Math.round(n / (coldMs / 1000)),
  floorRatio: +(coldMs / floorMs).toFixed(1),
  stagesMs: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, +v.toFixed(1)])),
  editMs: { p50: +quantile(edits, 0.5).toFixed(2), p95: +quantile(edits, 0.95).toFixed(2) },
  hoverMs: { p50: +quantile(hovers, 0.5).toFixed(3), p95: +quantile(hovers, 0.95).toFixed(3) },
  lookupBuildMs: +lookupBuildMs.toFixed(1), lookupEntries: lookup.entries.length,
  lookupMs: { p50: +quantile(searches, 0.5).toFixed(2), p95: +quantile(searches, 0.95).toFixed(2), firstRoundMax: +Math.max(...firstRound).toFixed(2) },
  warmMs: +warmMs.toFixed(1), cacheMb, cacheWriteMs: +cacheWriteMs.toFixed(1),
  peakRssMb: coldPeakRssMb, peakWithLookupMb, hits,
  threadedColdMs: +threaded.ms.toFixed(1), threads: threaded.threads,
};
process.stdout.write(JSON.stringify(out));
});
