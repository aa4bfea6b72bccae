import { Worker } from "node:worker_threads";
import { availableParallelism } from "node:os";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { decodeDocument, type AnalysisOptions, type DocumentAnalysis, type DocumentInput } from "../core";

export interface Job extends DocumentInput {
  id: number;
}
export type Reply = { id: number; data: string } | { id: number; error: string };

/**
 * Jobs go to a thread in batches, and come back so: a message costs the sender and the woken receiver far
 * more than copying its text, and one per article made the threads spend a tenth of their time posting and
 * waiting for the next article. A batch ends at this many articles or characters, whichever comes first…
 */
export const BATCH_ARTICLES = 16;
export const BATCH_CHARS = 1 << 16;
/** …and a thread holds at most two batches, so that one with long articles does not hold up the rest. */
const BATCHES_IN_FLIGHT = 2;

/** The next batch, taken from the front of `queue`: at least one job, then more while both limits allow. */
export function takeBatch(queue: Job[]): Job[] {
  const batch: Job[] = [];
  let chars = 0;
  while (queue.length && batch.length < BATCH_ARTICLES && chars < BATCH_CHARS) {
    const job = queue.shift()!;
    batch.push(job);
    chars += job.text.length;
  }
  return batch;
}

/**
 * Documents worth starting threads for: each thread compiles the analysis afresh (about half a second
 * before it runs at full speed), so below this one thread is as fast.
 */
export const POOL_THRESHOLD = 500;

/** Threads to use: one per core, at most 8 (beyond that, decoding the results on one thread is the limit). */
export function defaultThreads(): number {
  return Math.max(1, Math.min(8, availableParallelism()));
}

/**
 * Documents worth threads when only the time to the end counts (the CLI): measured on two cores, one thread's
 * start-up and the decoding of every result made 1,000 articles slower on two threads than on one, and 10,000
 * faster (see bench/RESULTS.md).
 */
export const THROUGHPUT_THRESHOLD = 5000;

/**
 * The threads to analyse a corpus's `todo` articles on, the one rule for the CLI and the editor: `jobs` when
 * asked for, else one per core; none below POOL_THRESHOLD articles — or, unless `keepThreadFree` (the editor's
 * host must stay free for typing, whatever the total time), below THROUGHPUT_THRESHOLD without `jobs`.
 */
export function analysisThreads(o: { jobs?: number; keepThreadFree?: boolean }): (todo: number, options: Required<AnalysisOptions>) => AnalysisPool | undefined {
  return (todo, options) => {
    const threads = o.jobs || defaultThreads();
    const from = o.jobs || o.keepThreadFree ? POOL_THRESHOLD : THROUGHPUT_THRESHOLD;
    if (threads < 2 || todo < from) return undefined;
    return new AnalysisPool(options, Math.min(threads, Math.ceil(todo / 50)));
  };
}

/**
 * Analyses documents on worker threads, so a large corpus is read on every core and the calling thread (the
 * extension host, the CLI) stays free. Results come back as compact JSON and are decoded here: the same
 * analysis, object for object, as `createAnalyzer(options).analyzeDocument` would give.
 */
export class AnalysisPool {
  private readonly workers: Array<{ worker: Worker; busy: number }> = [];
  private readonly waiting = new Map<number, { input: DocumentInput; resolve: (a: DocumentAnalysis) => void; reject: (e: Error) => void }>();
  /** Jobs not yet sent. */
  private readonly queue: Job[] = [];
  private next = 0;
  /** How many documents each thread has answered for: what the threads did, for those who must know they ran. */
  readonly answered: number[] = [];
  private failed: Error | undefined;
  private closed = false;

  constructor(options: AnalysisOptions, threads = defaultThreads()) {
    const { script, eval: isCode } = workerScript();
    for (let i = 0; i < threads; i++) {
      this.answered.push(0);
      const slot = { worker: new Worker(script, { workerData: options, eval: isCode }), busy: 0 };
      slot.worker.on("message", (replies: Reply[]) => {
        slot.busy--;
        this.answered[i]! += replies.length;
        for (const r of replies) this.settle(r);
        this.pump();
      });
      slot.worker.on("error", (e) => this.failAll(e));
      this.workers.push(slot);
    }
  }

  get threads(): number {
    return this.workers.length;
  }

  /** Why the threads stopped, if they did (analyze then rejects at once). */
  get failure(): Error | undefined {
    return this.failed;
  }

  analyze(input: DocumentInput): Promise<DocumentAnalysis> {
    if (this.failed || this.closed) return Promise.reject(this.failed ?? new Error("analysis pool closed"));
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { input, resolve, reject });
      this.queue.push({ id, path: input.path, text: input.text });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((w) => w.worker.terminate()));
    for (const w of this.waiting.values()) w.reject(new Error("analysis pool closed"));
    this.waiting.clear();
  }

  private pump(): void {
    for (const slot of this.workers) {
      while (slot.busy < BATCHES_IN_FLIGHT && this.queue.length) {
        slot.busy++;
        slot.worker.postMessage(takeBatch(this.queue));
      }
    }
  }

  private settle(r: Reply): void {
    const w = this.waiting.get(r.id);
    if (!w) return;
    this.waiting.delete(r.id);
    if ("error" in r) w.reject(new Error(r.error));
    else {
      try {
        w.resolve(decodeDocument(w.input.path, w.input.text, r.data));
      } catch (e) {
        w.reject(e instanceof Error ? e : new Error(String(e)));
      }
    }
  }

  private failAll(e: Error): void {
    this.failed ??= e;
    this.queue.length = 0;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}

/** The worker's script: bundled beside the CLI and the extension (dist/worker.js), or the source under tsx. */
function workerScript(): { script: string; eval: boolean } {
  const built = join(__dirname, "worker.js");
  if (existsSync(built)) return { script: built, eval: false };
  // Unbundled (tests and benchmarks run the sources through tsx): load tsx's require hook first.
  return { script: `require("tsx/cjs"); require(${JSON.stringify(join(__dirname, "analysisWorker.ts"))});`, eval: true };
}
