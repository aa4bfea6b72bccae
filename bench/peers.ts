// The recognizers a developer would pick instead, on the same text: throughput against ours, and what
// they find on the development set. node --import tsx bench/peers.ts
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import * as Recognizers from "@microsoft/recognizers-text-suite";
import * as chrono from "chrono-node";
import nlp from "compromise";
import { generateCorpus } from "./generate";
import { createAnalyzer } from "../src/core";
import { recognizeMoney } from "../src/core/recognize/money";
import { recognizePercentages } from "../src/core/recognize/percent";
import { recognizeDates } from "../src/core/recognize/dates";

type Span = { start: number; end: number };
type Finder = (text: string) => { money: Span[]; percent: Span[]; date: Span[] };

const E = Recognizers.Culture.English;
const toSpan = (r: { start: number; end: number }) => ({ start: r.start, end: r.end + 1 });
const peers: Record<string, Finder> = {
  "claimscope (recognizers only)": (t) => {
    const p = recognizePercentages(t);
    return { money: recognizeMoney(t), percent: p, date: recognizeDates(t, null) };
  },
  "@microsoft/recognizers-text-suite": (t) => ({
    money: Recognizers.recognizeCurrency(t, E).map(toSpan),
    percent: Recognizers.recognizePercentage(t, E).map(toSpan),
    date: Recognizers.recognizeDateTime(t, E).map(toSpan),
  }),
  "chrono-node": (t) => ({ money: [], percent: [], date: chrono.parse(t, new Date(2026, 2, 11)).map((r) => ({ start: r.index, end: r.index + r.text.length })) }),
  compromise: (t) => {
    const doc = nlp(t);
    const spans = (v: { json: (o: object) => Array<{ offset: { start: number; length: number } }> }) => v.json({ offset: true }).map((m) => ({ start: m.offset.start, end: m.offset.start + m.offset.length }));
    return { money: spans(doc.money()), percent: spans(doc.percentages()), date: [] };
  },
};

/**
 * MB/s of `run` over the texts: after a second of warm-up (so the JIT has compiled it, as in a long
 * session), the median of three passes, each cut off after four seconds for the slowest libraries.
 */
function throughput(run: (text: string) => unknown, texts: string[]): { mbPerS: number; kb: number } {
  const pass = (budgetMs: number) => {
    let bytes = 0;
    const t0 = performance.now();
    for (const t of texts) {
      run(t);
      bytes += t.length;
      if (performance.now() - t0 > budgetMs) break;
    }
    return { mbPerS: bytes / 1048576 / ((performance.now() - t0) / 1000), kb: Math.round(bytes / 1024) };
  };
  pass(1000);
  const runs = [pass(4000), pass(4000), pass(4000)].sort((a, b) => a.mbPerS - b.mbPerS);
  return { mbPerS: +runs[1]!.mbPerS.toFixed(4), kb: runs[1]!.kb };
}

export function runPeers(seeds: string | undefined) {
  const texts = generateCorpus(300, 11).map((d) => d.text);
  const analyzer = createAnalyzer();
  const out: Record<string, unknown> = {};
  const full = throughput((t) => analyzer.analyzeDocument({ path: "x.txt", text: t }), texts);
  const floor = throughput((t) => t.match(/\$\d+/g), texts);
  // Ours on each peer's own task as well: chrono-node finds dates only, compromise money and percentages only.
  const sameTask = {
    "claimscope (dates only)": throughput((t) => recognizeDates(t, null), texts),
    "claimscope (money and percentages only)": throughput((t) => { recognizeMoney(t); recognizePercentages(t); }, texts),
  };
  out.throughput = { "claimscope (whole analysis)": full, floor, ...sameTask, ...Object.fromEntries(Object.entries(peers).map(([k, f]) => [k, throughput(f, texts)])) };
  if (seeds && existsSync(join(seeds, "gold.json"))) out.devSet = accuracy(seeds);
  return out;
}

/** Precision/recall/F1 of each peer on the development set's money, percentages and dates (overlap matching, as the scorer does). */
function accuracy(dir: string) {
  const gold = JSON.parse(readFileSync(join(dir, "gold.json"), "utf8"));
  const files = readdirSync(dir).filter((f) => f.endsWith(".txt"));
  const u16 = (text: string, cp: number) => Array.from(text).slice(0, cp).join("").length;
  const result: Record<string, Record<string, { p: number; r: number; f1: number }>> = {};
  for (const [name, finder] of Object.entries(peers)) {
    const scores: Record<string, { tp: number; pred: number; gold: number }> = { money: { tp: 0, pred: 0, gold: 0 }, percent: { tp: 0, pred: 0, gold: 0 }, date: { tp: 0, pred: 0, gold: 0 } };
    for (const f of files) {
      const text = readFileSync(join(dir, f), "utf8");
      const found = finder(text);
      const g = {
        money: gold.amounts.filter((x: { file: string }) => x.file === f),
        percent: gold.percentages.filter((x: { file: string }) => x.file === f),
        date: gold.dates.filter((x: { file: string }) => x.file === f),
      };
      for (const kind of ["money", "percent", "date"] as const) {
        const spans = found[kind];
        const used = new Set<number>();
        for (const x of g[kind]) {
          const gs = { start: u16(text, x.start), end: u16(text, x.end) };
          const i = spans.findIndex((s, k) => !used.has(k) && s.start < gs.end && gs.start < s.end);
          if (i >= 0) { used.add(i); scores[kind]!.tp++; }
        }
        scores[kind]!.pred += spans.length;
        scores[kind]!.gold += g[kind].length;
      }
    }
    result[name] = Object.fromEntries(Object.entries(scores).map(([k, s]) => {
      const p = s.pred ? s.tp / s.pred : 0, r = s.gold ? s.tp / s.gold : 0;
      return [k, { p: +p.toFixed(2), r: +r.toFixed(2), f1: +(p + r ? (2 * p * r) / (p + r) : 0).toFixed(2) }];
    }));
  }
  return result;
}

if (process.argv[1]?.endsWith("peers.ts")) console.log(JSON.stringify(runPeers(process.argv[2]), null, 2));
