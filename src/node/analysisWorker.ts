// A worker thread of the analysis pool: analyses the batches of documents it is sent, answers each batch with
// one batch of compact JSON.
import { parentPort, workerData } from "node:worker_threads";
import { createAnalyzer, encodeDocument, type AnalysisOptions } from "../core";
import type { Job, Reply } from "./analysisPool";

const analyzer = createAnalyzer(workerData as AnalysisOptions);
parentPort!.on("message", (jobs: Job[]) => {
  parentPort!.postMessage(jobs.map((job): Reply => {
    try {
      return { id: job.id, data: encodeDocument(analyzer.analyzeDocument({ path: job.path, text: job.text })) };
    } catch (e) {
      return { id: job.id, error: e instanceof Error ? e.message : String(e) };
    }
  }));
});
