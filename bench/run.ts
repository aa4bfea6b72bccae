// npm run bench: generated corpora of 100, 1,000 and 10,000 articles, each measured in its own process,
// then the peer libraries on the same text, then the built CLI on generated and real reporting (bench/cli.ts).
// Writes bench/results.json and bench/RESULTS.md. Options: --sizes=…, --cli-sizes=…, and --baseline=DIST
// --baseline-name=NAME to run another build's CLI beside this one (before/after ratios from the same run).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { join } from "node:path";
import { runPeers } from "./peers";
import { benchCli, cliTable } from "./cli";

const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const sizes = (option("sizes") ?? "100,1000,10000").split(",").map(Number);
const cliSizes = (option("cli-sizes") ?? "1000,10000").split(",").map(Number);
const baseline = option("baseline");
const baselineName = option("baseline-name") ?? "the baseline build";
const here = import.meta.dirname;
const results: Record<string, any>[] = [];
for (const n of sizes) {
  process.stderr.write(`bench: ${n} articles…\n`);
  const out = execFileSync(process.execPath, ["--import", "tsx", join(here, "size.ts"), String(n)], { encoding: "utf8", maxBuffer: 1 << 26 });
  results.push(JSON.parse(out));
}
process.stderr.write("bench: peer libraries…\n");
const seeds = join(here, "..", "..", "shared", "corpus", "seeds");
const peers = runPeers(seeds);
const cli = benchCli(cliSizes, baseline);
const machine = { cpu: cpus()[0]?.model ?? "?", cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, date: new Date().toISOString().slice(0, 10) };
const growth = results.length > 1 ? results.slice(1).map((r, i) => ({
  from: results[i]!.articles, to: r.articles, size: +(r.articles / results[i]!.articles).toFixed(1),
  cold: +(r.coldMs / results[i]!.coldMs).toFixed(1), contradictions: +(r.stagesMs.contradictions / Math.max(0.1, results[i]!.stagesMs.contradictions)).toFixed(1),
})) : [];
writeFileSync(join(here, "results.json"), JSON.stringify({ machine, sizes: results, growth, peers, cli, baseline: baseline ? baselineName : undefined }, null, 2) + "\n");

const row = (r: Record<string, any>) => `| ${r.articles.toLocaleString("en-US")} | ${r.mb} | ${(r.coldMs / 1000).toFixed(2)} s (${(r.threadedColdMs / 1000).toFixed(2)} s on ${r.threads} threads) | ${r.mbPerS} | ${r.articlesPerS} | ${r.floorRatio}× | ${Object.entries(r.stagesMs).map(([k, v]) => `${k} ${Math.round(v as number)}`).join(", ")} | ${r.peakRssMb} MB (${r.peakWithLookupMb} MB with lookup) | ${(r.warmMs / 1000).toFixed(2)} s (ready for edits: ${(r.warmReadyMs / 1000).toFixed(2)} s; cache ${r.cacheMb} MB) | ${r.editMs.p50} / ${r.editMs.p95} | ${r.hoverMs.p50} / ${r.hoverMs.p95} | ${r.lookupMs.p50} / ${r.lookupMs.p95} (first round: up to ${r.lookupMs.firstRoundMax}; ${r.lookupEntries.toLocaleString("en-US")} entries) |`;
const tp = peers.throughput as Record<string, { mbPerS: number; kb: number }>;
// Each library against ours on the same task: all three kinds, dates only (chrono-node), money and percentages only (compromise).
const oursFor: Record<string, string> = { "chrono-node": "claimscope (dates only)", compromise: "claimscope (money and percentages only)" };
const ours = (peer: string) => tp[oursFor[peer] ?? "claimscope (recognizers only)"]!.mbPerS;
const dev = (peers.devSet ?? {}) as Record<string, Record<string, { p: number; r: number; f1: number }>>;
const md = `# Benchmark results

Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}; ${machine.date}. One process per size, one core.
Generated with \`npm run bench\` (seeded generator: \`bench/generate.ts\`, articles of about 4 KB).

| articles | MB | cold analysis, one thread (on worker threads) | MB/s | articles/s | vs floor (read + one regex) | stages (ms) | peak RSS, cold | warm start, nothing changed: shown (index ready) | edit p50 / p95 (ms) | hover p50 / p95 (ms) | fuzzy lookup p50 / p95 (ms) |
|---|---|---|---|---|---|---|---|---|---|---|---|
${results.map(row).join("\n")}

Growth: ${growth.map((g) => `${g.from} → ${g.to} articles (×${g.size}): cold time ×${g.cold}, contradiction step ×${g.contradictions}`).join("; ") || "—"}.

## The built CLI: \`claimscope analyze DIR --format json\`, default threads, generated and real reporting

Real reporting: \`../shared/bench/real-corpus.mjs\` (the development stories retold with their own casts and
figures). Each corpus measured in the same run as its floor (read every file, one regular expression, in one
Node process): medians of three cold runs, each in a fresh process (wall time, and the CPU time the process used,
which a machine shared by other work inflates less); stage shares from one more in-process run.
${baseline ? `"Before" is ${baselineName}, run interleaved with this build on the same corpora.\n` : ""}
${cliTable(cli)}

## Against the libraries one would pick instead (same generated text)

| recognizer | MB/s | text measured | ours ÷ theirs |
|---|---|---|---|
${Object.entries(tp).map(([k, v]) => `| ${k} | ${v.mbPerS} | ${v.kb} KB | ${k.startsWith("claimscope") || k === "floor" ? "—" : `${(ours(k) / v.mbPerS).toFixed(1)}× (against ${oursFor[k] ?? "claimscope (recognizers only)"})`} |`).join("\n")}

"ours ÷ theirs" compares each library with Claimscope's recognizers on the same task: money, percentages and stakes and dates for @microsoft/recognizers-text-suite, dates for chrono-node, money and percentages for compromise.

## On the development set (money / percentages / dates, F1 with overlap matching)

| recognizer | money P / R / F1 | percent P / R / F1 | date P / R / F1 |
|---|---|---|---|
${Object.entries(dev).map(([k, v]) => `| ${k} | ${["money", "percent", "date"].map((c) => `${v[c]!.p} / ${v[c]!.r} / ${v[c]!.f1}`).join(" | ")} |`).join("\n")}
`;
writeFileSync(join(here, "RESULTS.md"), md);
console.log(md);
