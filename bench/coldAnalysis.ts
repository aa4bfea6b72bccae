import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { CorpusIndex } from "../src/core";

/** Cold analysis: read and analyse every article file of `dir`, then topics and contradictions. */
export function coldAnalysis(dir: string) {
  const started = performance.now();
  const index = new CorpusIndex();
  for (const f of readdirSync(dir).sort()) if (!f.startsWith(".")) index.set({ path: f, text: readFileSync(join(dir, f), "utf8") });
  const snap = index.result();
  return { index, snap, ms: performance.now() - started, stages: { ...index.analyzer.stats, ...index.stats } };
}
