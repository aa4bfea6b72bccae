// One corpus size, measured in its own process (so that peak memory is this size's): node --import tsx bench/size.ts N
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { rng } from "./generate";
import { coldAnalysis } from "./coldAnalysis";
import { AnalysisPool } from "../src/node/analysisPool";
import { CorpusIndex, FactLookup, describeAt, cacheFingerprint, cacheText, encodeCorpus } from "../src/core";
import { textHash } from "../src/node/textHash";

const n = Number(process.argv[2] ?? 100);
const quantile = (xs: number[], q: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]!; };
const now = () => performance.now();
/** What one of the bench's scripts prints, run in a fresh process. */
const inChild = (script: string, ...args: string[]) => execFileSync(process.execPath, ["--import", "tsx", join(import.meta.dirname, script), ...args], { encoding: "utf8" });

const dir = mkdtempSync(join(tmpdir(), `claimscope-bench-${n}-`));
// Written by another process: generating the texts here would count against the analysis's peak memory.
const bytes = Number(inChild("writeCorpus.ts", String(n), dir));
const paths = readdirSync(dir).sort();
const mb = bytes / 1048576;

// Floor: read the files and run one trivial regular expression over them (median of three, as the cold analysis).
let t = 0;
let hits = 0;
const floorRuns: number[] = [];
for (let i = 0; i < 3; i++) {
  t = now();
  hits = 0;
  for (const f of readdirSync(dir)) hits += (readFileSync(join(dir, f), "utf8").match(/\$\d+/g) ?? []).length;
  floorRuns.push(now() - t);
}
const floorMs = quantile(floorRuns, 0.5);

// Cold analysis (the targets are medians and this machine is shared: two more runs follow, in fresh processes).
const cold = coldAnalysis(dir);
// The most memory the process has held by the end of the first cold analysis (resident, garbage included).
const coldPeakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
const { index, snap } = cold;
// Counted now: the edits below change the index (not the files, which the warm start reads).
const coldTopics = snap.topics.length, coldContradictions = snap.contradictionCount;

// The analysis cache of this corpus, written as the editor does when it closes.
const fingerprint = cacheFingerprint(index.analyzer.options, "bench");
const cachePath = join(dir, ".cache.json");
t = now();
writeFileSync(cachePath, [...cacheText(index.paths().map((p) => index.get(p)!), fingerprint, textHash, encodeCorpus(index))].join(""));
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
const lookup = new FactLookup(after, index.analyzer.lexicon);
const lookupBuildMs = now() - t;
const queries = ["stake", "exclusive", "break-up fee", "completed", "45 billion", "tanver 13", "license ends", "regulatory approval", "revenue", "2021"];
// The first round is timed apart: it runs before the JIT has compiled the search (once per session).
const firstRound: number[] = [];
for (const q of queries) { t = now(); lookup.search(q); firstRound.push(now() - t); }
const searches: number[] = [];
for (let i = 0; i < 30; i++) { t = now(); lookup.search(queries[i % queries.length]!); searches.push(now() - t); }

const peakWithLookupMb = Math.round(process.resourceUsage().maxRSS / 1024);

// Two more cold analyses, each in a fresh process as the first one was.
const coldRuns = [cold.ms];
const coldStages = [cold.stages];
for (let i = 0; i < 2; i++) {
  const again = JSON.parse(inChild("coldRun.ts", dir)) as { ms: number; stages: typeof cold.stages };
  coldRuns.push(again.ms);
  coldStages.push(again.stages);
}
const coldMs = quantile(coldRuns, 0.5);
const stages = coldStages[coldRuns.indexOf(coldMs)]!;

// Warm start, nothing changed, in a fresh process as reopening the workspace is (median of three): until
// the corpus is shown, and until the index behind it is ready for an edit.
const warmRuns: Array<{ ms: number; readyMs: number }> = [];
for (let i = 0; i < 3; i++) {
  const warm = JSON.parse(inChild("warmStart.ts", dir, cachePath, fingerprint)) as { ms: number; readyMs: number; articles: number; topics: number; contradictions: number };
  if (warm.articles !== n || warm.topics !== coldTopics || warm.contradictions !== coldContradictions) throw new Error(`warm start showed ${warm.articles} of ${n} articles, ${warm.topics} topics`);
  warmRuns.push(warm);
}
const warmMs = quantile(warmRuns.map((w) => w.ms), 0.5);
const warmReadyMs = quantile(warmRuns.map((w) => w.readyMs), 0.5);
const cacheMb = +(statSync(cachePath).size / 1048576).toFixed(1);

// Cold analysis on worker threads, as the CLI and the editor do a large corpus (one per core here).
async function threadedCold(): Promise<{ ms: number; threads: number }> {
  const started = now();
  const pool = new AnalysisPool(index.analyzer.options);
  try {
    const threaded = new CorpusIndex();
    const made = await Promise.all(readdirSync(dir).filter((f) => f !== ".cache.json").sort().map((f) => pool.analyze({ path: f, text: readFileSync(join(dir, f), "utf8") })));
    for (const a of made) threaded.restore(a);
    if (threaded.result().contradictionCount !== coldContradictions) throw new Error("threaded analysis differs");
    return { ms: now() - started, threads: pool.threads };
  } finally {
    await pool.close();
  }
}

void threadedCold().then((threaded) => {
rmSync(dir, { recursive: true, force: true });
const out = {
  articles: n, mb: +mb.toFixed(2), facts: snap.documents.reduce((s, d) => s + d.analysis.facts.length, 0), claims: snap.claims.size,
  topics: coldTopics, contradictions: coldContradictions,
  floorMs: +floorMs.toFixed(1), coldMs: +coldMs.toFixed(1), coldRunsMs: coldRuns.map((x) => Math.round(x)), mbPerS: +(mb / (coldMs / 1000)).toFixed(2), articlesPerS: Math.round(n / (coldMs / 1000)),
  floorRatio: +(coldMs / floorMs).toFixed(1),
  stagesMs: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, +v.toFixed(1)])),
  editMs: { p50: +quantile(edits, 0.5).toFixed(2), p95: +quantile(edits, 0.95).toFixed(2) },
  hoverMs: { p50: +quantile(hovers, 0.5).toFixed(3), p95: +quantile(hovers, 0.95).toFixed(3) },
  lookupBuildMs: +lookupBuildMs.toFixed(1), lookupEntries: lookup.entries.length,
  lookupMs: { p50: +quantile(searches, 0.5).toFixed(2), p95: +quantile(searches, 0.95).toFixed(2), firstRoundMax: +Math.max(...firstRound).toFixed(2) },
  warmMs: +warmMs.toFixed(1), warmRunsMs: warmRuns.map((x) => Math.round(x.ms)), warmReadyMs: +warmReadyMs.toFixed(1), cacheMb, cacheWriteMs: +cacheWriteMs.toFixed(1),
  peakRssMb: coldPeakRssMb, peakWithLookupMb, hits,
  threadedColdMs: +threaded.ms.toFixed(1), threads: threaded.threads,
};
process.stdout.write(JSON.stringify(out));
});
