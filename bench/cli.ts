// The built CLI (`claimscope analyze DIR --format json`, default threads) on the generated corpus and on real
// reporting (../shared/bench/real-corpus.mjs), each at 1,000 and 10,000 articles, with the floor measured in
// the same run: medians of three cold runs. `--baseline=DIST` also runs another build's dist/cli.js on the
// same corpora, interleaved, for before/after ratios measured together; and the time writing the report alone
// takes (bench/outputFloor.ts on each run's own output), what no implementation of the contract goes below.
// Used by bench/run.ts.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, openSync, closeSync, readFileSync, rmSync, statSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const here = import.meta.dirname;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const child = (script: string, ...args: string[]) => execFileSync(process.execPath, ["--import", "tsx", join(here, script), ...args], { encoding: "utf8", maxBuffer: 1 << 26 });

export interface CliRow {
  corpus: "generated" | "real"; articles: number; mb: number; floorMs: number; wallMs: number; wallRunsMs: number[]; cpuMs: number; peakRssMb: number; floorRatio: number;
  /** Writing the run's report alone, from its parsed JSON (median of 3, one per run). */
  outputAloneMs: number;
  stageShares: Record<string, number>; oneThread?: { wallMs: number; peakRssMb: number }; flags: number; flagsPerArticle: number; outputMb: number; baseline?: { wallMs: number; cpuMs: number; peakRssMb: number; outputMb: number };
}

/** One run of a built CLI on `dir`: wall time, peak memory, bytes written; with `outputAlone`, the time writing its report alone takes. */
function runCli(cli: string, dir: string, extra: string[] = [], outputAlone = false): { ms: number; cpuMs: number; peakMb: number; outMb: number; outputAloneMs?: number } {
  const scratch = mkdtempSync(join(tmpdir(), "claimscope-cli-"));
  const out = join(scratch, "out.json"), peak = join(scratch, "peak");
  const fd = openSync(out, "w");
  const started = performance.now();
  const r = spawnSync(process.execPath, ["--require", join(here, "peakRss.cjs"), cli, "analyze", dir, "--format", "json", ...extra], { stdio: ["ignore", fd, "pipe"], env: { ...process.env, CLAIMSCOPE_PEAK_FILE: peak } });
  const ms = performance.now() - started;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`${cli} exited ${r.status}: ${r.stderr}`);
  const used = JSON.parse(readFileSync(peak, "utf8")) as { maxRssKb: number; cpuMs: number };
  const res = { ms, cpuMs: used.cpuMs, peakMb: used.maxRssKb / 1024, outMb: statSync(out).size / 1048576, ...(outputAlone ? { outputAloneMs: JSON.parse(child("outputFloor.ts", out)).ms as number } : {}) };
  rmSync(scratch, { recursive: true, force: true });
  return res;
}

function write(kind: CliRow["corpus"], n: number, dir: string): number {
  if (kind === "generated") return Number(child("writeCorpus.ts", String(n), dir)) / 1048576;
  const script = join(here, "..", "..", "shared", "bench", "real-corpus.mjs");
  if (!existsSync(script)) throw new Error(`real reporting corpus: ${script} not found`);
  execFileSync(process.execPath, [script, dir, String(n)], { stdio: "ignore" });
  return Number(execFileSync("du", ["-sb", dir], { encoding: "utf8" }).split("\t")[0]) / 1048576;
}

export function benchCli(sizes: number[], baseline?: string): CliRow[] {
  const cli = join(here, "..", "dist", "cli.js");
  const rows: CliRow[] = [];
  for (const corpus of ["generated", "real"] as const) {
    for (const n of sizes) {
      process.stderr.write(`bench: CLI, ${corpus} corpus, ${n} articles…\n`);
      const dir = mkdtempSync(join(tmpdir(), `claimscope-cli-${corpus}-${n}-`));
      const mb = write(corpus, n, dir);
      const floors: number[] = [], ours: ReturnType<typeof runCli>[] = [], theirs: ReturnType<typeof runCli>[] = [], one: ReturnType<typeof runCli>[] = [];
      // The largest size also on one thread (--jobs 1), to tell whether the default's threads pay here.
      const threaded = n === Math.max(...sizes);
      for (let i = 0; i < 3; i++) {
        floors.push(JSON.parse(child("floor.ts", dir)).ms);
        ours.push(runCli(cli, dir, [], true));
        if (threaded) one.push(runCli(cli, dir, ["--jobs", "1"]));
        if (baseline) theirs.push(runCli(join(baseline, "cli.js"), dir));
      }
      const stages = JSON.parse(child("stageRun.ts", dir)) as { ms: number; stages: Record<string, number>; flags: number; outputMb: number };
      rmSync(dir, { recursive: true, force: true });
      const floorMs = median(floors), wallMs = median(ours.map((r) => r.ms));
      const total = Object.values(stages.stages).reduce((a, b) => a + b, 0);
      rows.push({
        corpus, articles: n, mb: +mb.toFixed(1), floorMs: Math.round(floorMs), wallMs: Math.round(wallMs), wallRunsMs: ours.map((r) => Math.round(r.ms)), cpuMs: Math.round(median(ours.map((r) => r.cpuMs))),
        peakRssMb: Math.round(median(ours.map((r) => r.peakMb))), floorRatio: +(wallMs / floorMs).toFixed(1),
        outputAloneMs: Math.round(median(ours.map((r) => r.outputAloneMs!))),
        stageShares: Object.fromEntries(Object.entries(stages.stages).map(([k, v]) => [k, Math.round((100 * v) / total)])),
        ...(threaded ? { oneThread: { wallMs: Math.round(median(one.map((r) => r.ms))), peakRssMb: Math.round(median(one.map((r) => r.peakMb))) } } : {}),
        flags: stages.flags, flagsPerArticle: +(stages.flags / n).toFixed(1), outputMb: +median(ours.map((r) => r.outMb)).toFixed(1),
        ...(baseline ? { baseline: { wallMs: Math.round(median(theirs.map((r) => r.ms))), cpuMs: Math.round(median(theirs.map((r) => r.cpuMs))), peakRssMb: Math.round(median(theirs.map((r) => r.peakMb))), outputMb: +median(theirs.map((r) => r.outMb)).toFixed(1) } } : {}),
      });
    }
  }
  return rows;
}

export function cliTable(rows: CliRow[]): string {
  const base = rows.some((r) => r.baseline);
  const head = `| corpus | articles | MB | CLI wall, median of 3 (runs) | CPU time | vs floor | floor (read + one regex) | writing the report alone (× floor) | peak RSS | on 1 thread: wall / peak | stages (share of analysis + output) | flags (per article) | JSON output${base ? " | before: wall / CPU / peak / output | after ÷ before (wall, CPU, peak)" : ""} |`;
  const line = `|${"---|".repeat(base ? 15 : 13)}`;
  const row = (r: CliRow) => `| ${r.corpus} | ${r.articles.toLocaleString("en-US")} | ${r.mb} | ${(r.wallMs / 1000).toFixed(2)} s (${r.wallRunsMs.map((x) => (x / 1000).toFixed(2)).join(", ")}) | ${(r.cpuMs / 1000).toFixed(2)} s | ${r.floorRatio}× | ${(r.floorMs / 1000).toFixed(2)} s | ${(r.outputAloneMs / 1000).toFixed(2)} s (${(r.outputAloneMs / r.floorMs).toFixed(1)}×) | ${r.peakRssMb} MB | ${r.oneThread ? `${(r.oneThread.wallMs / 1000).toFixed(2)} s / ${r.oneThread.peakRssMb} MB` : "—"} | ${Object.entries(r.stageShares).map(([k, v]) => `${k} ${v}%`).join(", ")} | ${r.flags.toLocaleString("en-US")} (${r.flagsPerArticle}) | ${r.outputMb} MB${r.baseline ? ` | ${(r.baseline.wallMs / 1000).toFixed(2)} s / ${(r.baseline.cpuMs / 1000).toFixed(2)} s / ${r.baseline.peakRssMb} MB / ${r.baseline.outputMb} MB | ${(r.wallMs / r.baseline.wallMs).toFixed(2)}, ${(r.cpuMs / r.baseline.cpuMs).toFixed(2)}, ${(r.peakRssMb / r.baseline.peakRssMb).toFixed(2)}` : ""} |`;
  return [head, line, ...rows.map(row)].join("\n");
}

// Run alone: node --import tsx bench/cli.ts [--sizes=1000,10000] [--baseline=DIST]
if (process.argv[1] === import.meta.filename) {
  const sizes = (process.argv.find((a) => a.startsWith("--sizes="))?.slice(8) ?? "1000,10000").split(",").map(Number);
  const baseline = process.argv.find((a) => a.startsWith("--baseline="))?.slice(11);
  const rows = benchCli(sizes, baseline);
  process.stdout.write(JSON.stringify(rows) + "\n" + cliTable(rows) + "\n");
}
