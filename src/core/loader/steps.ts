import type { CorpusSnapshot } from "../corpus";
import type { Io } from "./source";

/**
 * The loader's work is written once, as a generator of steps, and run by one of two drivers: `runSync` for a
 * source that answers at once (the CLI's `run`, tests), `runSteps` for one that answers later, yielding to the
 * host between slices (the editor). A step is
 * - `wait`: values to resolve (the source's answers, a worker's analyses); the generator resumes with them;
 * - `pause`: a point where the work may yield and be stopped, with how far it has come;
 * - `shown`: the corpus as the cache kept it, to show while the index behind it is filled.
 */
export type Step = { wait: Array<Io<unknown>> } | { pause: Progress } | { shown: CorpusSnapshot };
export type Steps<R> = Generator<Step, R, unknown>;

export interface Progress {
  /** (publishing: the editor building a view of the corpus, such as its Problems, a piece at a time.) */
  phase: "reading" | "analysing" | "grouping" | "caching" | "publishing";
  done: number;
  total: number;
}

/** What a progress step tells a person: the editor's notification and the CLI's terminal line say the same. */
export function progressText(p: Progress): string {
  if (p.phase === "grouping") return "grouping claims and checking them against each other";
  if (!p.total) return `${p.phase}…`;
  return `${p.phase} ${p.done.toLocaleString("en-US")} of ${p.total.toLocaleString("en-US")}`;
}

/** Work between yields to the editor's host, so that typing and hovers never wait longer. */
export const SLICE_MS = 25;

/** Resolves `items` (as a step): the generator resumes with their values, in order. */
export function* all<T>(items: Array<Io<T>>): Steps<T[]> {
  return (yield { wait: items }) as T[];
}

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: Error };

/** Calls `f`, keeping a throw or a rejection as the value instead, so one unreadable file does not stop the rest. */
export function attempt<T>(f: () => Io<T>): Io<Attempt<T>> {
  const fail = (e: unknown): Attempt<T> => ({ ok: false, error: e instanceof Error ? e : new Error(String(e)) });
  try {
    const v = f();
    return isPromise(v) ? v.then((value): Attempt<T> => ({ ok: true, value }), fail) : { ok: true, value: v };
  } catch (e) {
    return fail(e);
  }
}

function isPromise<T>(v: Io<T>): v is Promise<T> {
  return typeof (v as { then?: unknown })?.then === "function";
}

/** Runs steps whose every value is at hand; throws if one is a promise (an asynchronous source needs runSteps). */
export function runSync<R>(steps: Steps<R>, onShown?: (snap: CorpusSnapshot) => void): R {
  let r = steps.next();
  while (!r.done) {
    const step = r.value;
    let back: unknown;
    if ("wait" in step) {
      back = step.wait.map((v) => {
        if (isPromise(v)) throw new Error("an asynchronous source read synchronously");
        return v;
      });
    } else if ("shown" in step) onShown?.(step.shown);
    r = steps.next(back);
  }
  return r.value;
}

export interface Driver {
  /** Whether to go on; checked at each pause that yields. */
  go(): boolean;
  /** Gives the host its turn (setImmediate in Node). */
  yieldToHost(): Promise<void>;
  progress?(p: Progress): void;
  shown?(snap: CorpusSnapshot): void;
}

/**
 * Runs steps, resolving what they wait for and yielding to the host once a slice's SLICE_MS has passed;
 * undefined when stopped. `shown` and the caller's work after the last step start a slice of their own
 * (publishing a corpus is work of its own, which added to a slice's would hold the host twice as long).
 */
export async function runSteps<R>(steps: Steps<R>, driver: Driver): Promise<{ value: R } | undefined> {
  let sliceStart = globalThis.performance.now();
  const spent = () => globalThis.performance.now() - sliceStart > SLICE_MS;
  /** Yields to the host; says whether to go on. */
  const yieldNow = async (progress?: Progress): Promise<boolean> => {
    if (progress) driver.progress?.(progress);
    await driver.yieldToHost();
    sliceStart = globalThis.performance.now();
    return driver.go();
  };
  let r = steps.next();
  try {
    while (!r.done) {
      const step = r.value;
      let back: unknown;
      if ("wait" in step) back = await Promise.all(step.wait);
      else if ("shown" in step) {
        if (spent() && !(await yieldNow())) return undefined;
        driver.shown?.(step.shown);
      } else if (spent() && !(await yieldNow(step.pause))) return undefined;
      r = steps.next(back);
    }
    if (spent() && !(await yieldNow())) return undefined;
    return { value: r.value };
  } finally {
    // Stopped (or failed) part-way: the generator's own `finally` blocks run (a thread pool is closed).
    if (!r.done) steps.return(undefined as R);
  }
}
