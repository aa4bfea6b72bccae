import { test } from "node:test";
import assert from "node:assert/strict";
import { AnalysisPool } from "../../src/node/analysisPool";
import { createAnalyzer } from "../../src/core";
import { sampleDocuments } from "./helpers";

test("pool: worker threads give the same analysis as this thread, with the corpus's options; a closed pool refuses work", async () => {
  const options = { extraTerms: [{ id: "earn-out", phrases: ["earn-out"] }], orgAliases: { Contoso: ["Contoso Cloud"] }, tolerance: 0.05 };
  const here = createAnalyzer(options);
  const pool = new AnalysisPool(options, 2);
  try {
    const docs = sampleDocuments();
    const there = await Promise.all(docs.map((d) => pool.analyze(d)));
    assert.deepEqual(there, docs.map((d) => here.analyzeDocument(d)));
  } finally {
    await pool.close();
  }
  await assert.rejects(pool.analyze({ path: "a.txt", text: "x" }), /closed/);
});
