// A worker thread of the analysis pool: analyses the documents it is sent, answers with compact JSON.
import { parentPort, workerData } from "node:worker_threads";
import { createAnalyzer, encodeDocument, type AnalysisOptions } from "../core";
import type { Job, Reply } from "./analysisPool";

const analyzer = createAnalyzer(workerData as AnalysisOptions);
parentPort!.on("message", (job: Job) => {
  let reply: Reply;
  try {
    reply = { id: job.id, data: encodeDocument(analyzer.analyzeDocument({ path: job.path, text: job.text })) };
  } catch (e) {
    reply = { id: job.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(reply);
});
