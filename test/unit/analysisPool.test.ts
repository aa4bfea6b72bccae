import { test } from "node:test";
import assert from "node:assert/strict";
import { AnalysisPool, analysisThreads, BATCH_ARTICLES, BATCH_CHARS, defaultThreads, POOL_THRESHOLD, takeBatch, THROUGHPUT_THRESHOLD, type Job } from "../../src/node/analysisPool";
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

test("batches: articles go to a thread a batch at a time, up to so many articles or characters; a long article goes alone", () => {
  const jobs = (lengths: number[]): Job[] => lengths.map((n, id) => ({ id, path: `a${id}.txt`, text: "x".repeat(n) }));
  const sizes = (queue: Job[]) => { const out: number[] = []; while (queue.length) out.push(takeBatch(queue).length); return out; };
  assert.deepEqual(sizes(jobs(Array(40).fill(100))), [BATCH_ARTICLES, BATCH_ARTICLES, 40 - 2 * BATCH_ARTICLES]);
  assert.deepEqual(sizes(jobs([2 * BATCH_CHARS, 10, 10])), [1, 2], "an article past the characters' limit is a batch of its own");
  assert.deepEqual(sizes(jobs([BATCH_CHARS - 1, 1, 5])), [2, 1], "the batch ends at the article that reaches the limit");
  const queue = jobs([5, 5, 5]);
  assert.deepEqual(takeBatch(queue).map((j) => j.id), [0, 1, 2], "in the order asked");
  assert.deepEqual(takeBatch(queue), [], "an empty queue gives an empty batch");
});

test("threads: the CLI's default starts them only for a corpus large enough to gain; asked for, or for the editor, from the pool's threshold", async () => {
  const options = createAnalyzer().options;
  const made: AnalysisPool[] = [];
  const threads = (o: Parameters<typeof analysisThreads>[0], todo: number) => {
    const pool = analysisThreads(o)(todo, options);
    if (pool) made.push(pool);
    return pool?.threads;
  };
  const cores = defaultThreads();
  try {
    assert.equal(threads({}, THROUGHPUT_THRESHOLD - 1), undefined);
    assert.equal(threads({ jobs: 2 }, POOL_THRESHOLD - 1), undefined);
    assert.equal(threads({ jobs: 2 }, POOL_THRESHOLD), 2);
    // One per core where there are two or more; on one core, none.
    assert.equal(threads({}, THROUGHPUT_THRESHOLD), cores > 1 ? cores : undefined);
    assert.equal(threads({ keepThreadFree: true }, POOL_THRESHOLD), cores > 1 ? cores : undefined);
    assert.equal(threads({ jobs: 1 }, THROUGHPUT_THRESHOLD), undefined);
  } finally {
    await Promise.all(made.map((p) => p.close()));
  }
});
