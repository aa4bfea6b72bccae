import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ChangeQueue, contractJsonText, createAnalyzer, CorpusLoader, DEFAULT_SETTINGS, runSteps, runSync, SLICE_MS,
  type AnalysisThreads, type ArticleSource, type CorpusSnapshot, type Io, type LoaderOptions, type Settings,
} from "../../src/core";
import { textHash } from "../../src/node/textHash";
import { sampleDocuments } from "./helpers";

/** Articles in memory: bytes or text by path; `later` answers each call a turn later, as an editor's file system does. */
class MemorySource implements ArticleSource {
  readonly files = new Map<string, Uint8Array | string>();
  readonly unreadable = new Set<string>();
  reads = 0;
  constructor(private readonly later = false) {}
  private answer<T>(f: () => T): Io<T> {
    return this.later ? new Promise<T>((resolve, reject) => setImmediate(() => { try { resolve(f()); } catch (e) { reject(e); } })) : f();
  }
  list(): Io<string[]> { return this.answer(() => [...this.files.keys()]); }
  stat(path: string): Io<{ size: number }> {
    return this.answer(() => {
      const f = this.files.get(path);
      if (f === undefined) throw Object.assign(new Error("not found"), { code: "ENOENT" });
      return { size: typeof f === "string" ? new TextEncoder().encode(f).length : f.length };
    });
  }
  read(path: string): Io<Uint8Array | string> {
    return this.answer(() => {
      this.reads++;
      if (this.unreadable.has(path)) throw Object.assign(new Error("permission denied"), { code: "EACCES" });
      const f = this.files.get(path)!;
      return typeof f === "string" ? new TextEncoder().encode(f) : f;
    });
  }
  hash(text: string): string { return textHash(text); }
}

function samples(later = false): MemorySource {
  const s = new MemorySource(later);
  for (const d of sampleDocuments()) s.files.set(d.path, d.text);
  return s;
}

const OPTIONS: LoaderOptions = { sizeLimit: "maxFileSize" };
const settings = (more: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...more });
const contract = (s: CorpusSnapshot) => [...contractJsonText(s, undefined, [], true)].join("");
const cacheOf = (l: CorpusLoader) => new TextEncoder().encode([...l.cachePieces()].join(""));
const immediately = { go: () => true, yieldToHost: () => new Promise<void>((r) => setImmediate(r)) };

test("loader: reads the articles the patterns accept, in path order, and says which files it skipped or read with a problem", () => {
  const src = samples();
  src.files.set("README.md", "Not an article: $5 billion.");
  src.files.set("bad/binary.txt", new Uint8Array([0x89, 0x50, 0, 0x1a]));
  src.files.set("bad/empty.md", "");
  src.files.set("bad/huge.txt", "x".repeat(3000));
  src.files.set("bad/latin1.txt", new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x20, 0x24, 0x35, 0x0a]));
  src.files.set("bad/broken.md", "---\ndate: [oops\n---\nNorthwind paid $2 billion.\n");
  src.files.set("bad/locked.txt", "Halvorsen paid $1 billion.");
  src.files.set("notes.csv", "a,b");
  src.unreadable.add("bad/locked.txt");
  const loader = new CorpusLoader(src, settings({ maxFileSize: 2000 }), OPTIONS);
  const loaded = runSync(loader.load());
  const paths = loader.index.result().documents.map((d) => d.path).sort();
  assert.deepEqual(paths, ["bad/broken.md", "bad/empty.md", "bad/latin1.txt", ...sampleDocuments().map((d) => d.path)].sort());
  assert.equal(loaded.articles, paths.length);
  assert.deepEqual(loader.notices().map((n) => `${n.path} ${n.reason}`), [
    "bad/binary.txt binary", "bad/broken.md front-matter", "bad/empty.md empty", "bad/huge.txt too-large", "bad/latin1.txt not-utf8", "bad/locked.txt unreadable",
  ]);
  assert.match(loader.notices().find((n) => n.reason === "too-large")!.message, /above the 0\.0 MB limit \(maxFileSize\); skipped/);
  assert.match(loader.notices().find((n) => n.reason === "unreadable")!.message, /cannot be read \(EACCES\); skipped/);
  assert.deepEqual([...loader.skipped().keys()].sort(), ["bad/binary.txt", "bad/huge.txt", "bad/locked.txt"], "only files left out are skipped");
});

test("loader: an asynchronous source, read a slice at a time, gives what a synchronous one gives", async () => {
  const now = new CorpusLoader(samples(), settings(), OPTIONS);
  runSync(now.load());
  const later = new CorpusLoader(samples(true), settings(), OPTIONS);
  const done = await runSteps(later.load(), immediately);
  assert.ok(done);
  assert.equal(contract(later.index.result()), contract(now.index.result()));
  assert.throws(() => runSync(new CorpusLoader(samples(true), settings(), OPTIONS).load()), /asynchronous source/);
});

test("loader cache: unchanged articles are taken from it; nothing changed, the cache's corpus is the report; one edit and only that article is analysed", () => {
  const src = samples();
  const first = new CorpusLoader(src, settings(), OPTIONS);
  const cold = runSync(first.load());
  assert.equal(cold.fromCache, 0);
  const cache = cacheOf(first);
  const n = sampleDocuments().length;

  const whole = new CorpusLoader(src, settings(), OPTIONS);
  const warm = runSync(whole.load({ cache, stopWhenCached: true }));
  assert.equal(warm.fromCache, n);
  assert.ok(warm.cached, "every article the one cached: the cache's corpus");
  assert.equal(whole.index.size, 0, "a report stops there: nothing analysed or restored");
  assert.equal(contract(warm.cached), contract(first.index.result()));

  let shown = 0;
  const behind = new CorpusLoader(src, settings(), OPTIONS);
  const filled = runSync(behind.load({ cache }), () => shown++);
  assert.equal(shown, 1, "shown once");
  assert.equal(behind.index.size, n, "the index is filled behind it, for the edits to come");
  assert.equal(filled.fromCache, n);

  const [edited] = sampleDocuments();
  src.files.set(edited!.path, edited!.text.replace(/\.\s*$/, ". Halvorsen later paid $9 billion for Lumen.\n"));
  const analysed: string[] = [];
  const partly = new CorpusLoader(src, settings(), OPTIONS);
  const analyzer = partly.index.analyzer, analyze = analyzer.analyzeDocument;
  analyzer.analyzeDocument = (d) => { analysed.push(d.path); return analyze(d); };
  const again = runSync(partly.load({ cache, stopWhenCached: true }));
  assert.equal(again.cached, undefined, "one article changed: no cached corpus");
  assert.equal(again.fromCache, n - 1);
  assert.deepEqual(analysed, [edited!.path], "only the changed article is analysed");
  const fresh = new CorpusLoader(src, settings(), OPTIONS);
  runSync(fresh.load());
  assert.equal(contract(partly.index.result()), contract(fresh.index.result()), "the same corpus as one read without a cache");
});

test("loader cache: another lexicon is another fingerprint (nothing reused); a damaged cache is said and ignored", () => {
  const src = samples();
  const first = new CorpusLoader(src, settings(), OPTIONS);
  runSync(first.load());
  const other = new CorpusLoader(src, settings({ extraTerms: [{ id: "earn-out", label: "Earn-out", phrases: ["earn-out"] }] }), OPTIONS);
  assert.notEqual(other.fingerprint, first.fingerprint);
  assert.equal(runSync(other.load({ cache: cacheOf(first) })).fromCache, 0);
  const damaged = new CorpusLoader(src, settings(), OPTIONS);
  const r = runSync(damaged.load({ cache: new TextEncoder().encode("{not json\n") }));
  assert.match(r.cacheProblem ?? "", /not a readable cache/);
  assert.equal(r.fromCache, 0);
  assert.equal(damaged.index.size, sampleDocuments().length);
});

test("loader changes: an edit, a deletion and a file turned binary are applied; a file rewritten with the same text changes nothing", () => {
  const src = samples();
  const loader = new CorpusLoader(src, settings(), OPTIONS);
  runSync(loader.load());
  const [a, b, c] = sampleDocuments();
  assert.equal(runSync(loader.apply([{ path: a!.path }])), false, "same text: nothing to tell");
  src.files.set(a!.path, `${a!.text}\nHalvorsen later paid $9 billion for Lumen.\n`);
  src.files.delete(b!.path);
  src.files.set(c!.path, new Uint8Array([1, 0, 2]));
  src.files.set("new.txt", "Halvorsen agreed to acquire Northwind for $5 billion.");
  assert.equal(runSync(loader.apply([{ path: a!.path }, { path: b!.path, deleted: true }, { path: c!.path }, { path: "new.txt" }])), true);
  assert.match(loader.index.get(a!.path)!.text, /\$9 billion/);
  assert.equal(loader.index.get(b!.path), undefined);
  assert.equal(loader.index.get(c!.path), undefined, "turned binary: out of the corpus");
  assert.deepEqual(loader.notices().map((n) => `${n.path} ${n.reason}`), [`${c!.path} binary`]);
  assert.ok(loader.index.get("new.txt"));
  src.files.set(c!.path, c!.text);
  assert.equal(runSync(loader.apply([{ path: c!.path }])), true, "readable again: back, its notice gone");
  assert.deepEqual(loader.notices(), []);
  assert.equal(runSync(loader.apply([{ path: "README.md" }])), false, "a file the patterns refuse is no article");
});

test("change queue: changes are gathered until they pause, the latest per file winning, and taken once", (t) => {
  // The clock is the test's: a busy machine cannot make a pause of its own.
  t.mock.timers.enable({ apis: ["setTimeout"] });
  let ready = 0;
  const q = new ChangeQueue(() => ready++, 20);
  q.changed("a.txt");
  q.changed("b.txt");
  q.deleted("a.txt");
  q.changed("b.txt");
  t.mock.timers.tick(5);
  q.changed("c.txt");
  assert.equal(ready, 0, "not while changes keep coming");
  t.mock.timers.tick(60);
  assert.equal(ready, 1, "once, after the pause");
  assert.deepEqual(q.take(), [{ path: "a.txt", deleted: true }, { path: "b.txt" }, { path: "c.txt" }]);
  assert.deepEqual(q.take(), [], "taken once");
  q.changed("d.txt");
  q.clear();
  t.mock.timers.tick(40);
  assert.equal(ready, 1, "cleared: nothing to take, no call");
  assert.equal(q.size, 0);
});

/** Threads that analyse a turn later (as worker threads do), counting calls; `failAfter`: rejects from then on. */
function fakeThreads(failAfter = Infinity, delayMs = 0) {
  const made = { calls: 0, closed: 0 };
  const factory = (_todo: number, options: Parameters<typeof createAnalyzer>[0]): AnalysisThreads => {
    const analyzer = createAnalyzer(options);
    return {
      threads: 2,
      failure: undefined,
      analyze: (d) => new Promise((resolve, reject) => setTimeout(() => (++made.calls > failAfter ? reject(new Error("thread died")) : resolve(analyzer.analyzeDocument(d))), delayMs)),
      close: async () => { made.closed++; },
    };
  };
  return { made, factory };
}

test("loader threads: articles are analysed on them, to the same corpus; threads that fail leave the rest to this thread, said once", async () => {
  const plain = new CorpusLoader(samples(), settings(), OPTIONS);
  runSync(plain.load());
  const ok = fakeThreads();
  const threaded = new CorpusLoader(samples(), settings(), { ...OPTIONS, threads: ok.factory });
  assert.equal((await runSteps(threaded.load(), immediately))!.value.threadsFailed, undefined);
  assert.equal(ok.made.calls, sampleDocuments().length);
  assert.equal(ok.made.closed, 1);
  assert.equal(contract(threaded.index.result()), contract(plain.index.result()));
  const bad = fakeThreads(2);
  const failing = new CorpusLoader(samples(), settings(), { ...OPTIONS, threads: bad.factory });
  const r = (await runSteps(failing.load(), immediately))!.value;
  assert.equal(r.threadsFailed, "thread died");
  assert.equal(contract(failing.index.result()), contract(plain.index.result()));
});

test("loader threads: their analyses are taken into the index with a pause after each article, not a batch at a time", async () => {
  const src = new MemorySource();
  for (let i = 0; i < 20; i++) for (const d of sampleDocuments()) src.files.set(`copy-${i}/${d.path}`, d.text);
  const loader = new CorpusLoader(src, settings(), { ...OPTIONS, threads: fakeThreads().factory });
  // Driven by hand, to see the index at every pause while analysing.
  const sizes: number[] = [];
  const steps = loader.load();
  for (let r = steps.next(); !r.done; ) {
    const step = r.value;
    if ("pause" in step && step.pause.phase === "analysing") sizes.push(loader.index.size);
    r = steps.next("wait" in step ? await Promise.all(step.wait) : undefined);
  }
  assert.deepEqual(sizes, Array.from({ length: src.files.size }, (_, i) => i + 1));
});

test("loader: a long listing is matched against the settings' patterns with a pause every 2,000 files", () => {
  const src = new MemorySource();
  for (let i = 0; i < 5000; i++) src.files.set(`a${i}.${i % 2 ? "txt" : "log"}`, "x");
  const loader = new CorpusLoader(src, settings(), OPTIONS);
  const steps = loader.load();
  let pauses = 0;
  for (let r = steps.next(); !r.done; ) {
    const step = r.value;
    if ("pause" in step) { if (step.pause.done > 0) break; pauses++; }
    r = steps.next("wait" in step ? step.wait : undefined);
  }
  steps.return(undefined as never);
  assert.equal(pauses, 2, "after 2,000 and 4,000 files, before any is read");
});

test("loader: stopped part-way (a newer index started), it stops at the next yield and closes its threads", async () => {
  const slow = fakeThreads(Infinity, 30);
  const src = new MemorySource();
  for (let i = 0; i < 20; i++) for (const d of sampleDocuments()) src.files.set(`copy-${i}/${d.path}`, d.text);
  const loader = new CorpusLoader(src, settings(), { ...OPTIONS, threads: slow.factory });
  // Stopped at the first yield once analysing (a busy machine can pass a slice's time while still reading,
  // before any thread is made: stopping there would test nothing about the threads).
  let go = true;
  const done = await runSteps(loader.load(), { go: () => go, yieldToHost: async () => undefined, progress: (p) => { if (p.phase === "analysing") go = false; } });
  assert.equal(done, undefined, "stopped");
  assert.ok(loader.index.size < src.files.size, "not every article was analysed");
  assert.equal(slow.made.closed, 1, "its threads closed");
});

test("change queue: a burst of a thousand changed files is applied as one batch, each file analysed once", (t) => {
  t.mock.timers.enable({ apis: ["setTimeout"] });
  const src = new MemorySource();
  const body = (i: number, price: number) => `Company${i % 40} Holdings agreed to acquire Target${i % 60} Labs for $${price} billion.\n`;
  for (let i = 0; i < 1000; i++) src.files.set(`a${String(i).padStart(4, "0")}.txt`, body(i, 1 + (i % 9)));
  const loader = new CorpusLoader(src, settings(), OPTIONS);
  runSync(loader.load());
  const analysed = new Map<string, number>();
  const analyzer = loader.index.analyzer, analyze = analyzer.analyzeDocument;
  analyzer.analyzeDocument = (d) => { analysed.set(d.path, (analysed.get(d.path) ?? 0) + 1); return analyze(d); };
  let batches = 0;
  const queue = new ChangeQueue(() => { batches++; runSync(loader.apply(queue.take())); }, 300);
  // A branch switch: every file rewritten, some twice, the events arriving a millisecond apart.
  for (let i = 0; i < 1000; i++) {
    const path = `a${String(i).padStart(4, "0")}.txt`;
    src.files.set(path, body(i, 20 + (i % 9)));
    queue.changed(path);
    if (i % 10 === 0) queue.changed(path);
    t.mock.timers.tick(1);
  }
  assert.equal(batches, 0, "nothing applied while the events keep coming");
  t.mock.timers.tick(300);
  assert.equal(batches, 1, "one re-analysis after the pause");
  assert.equal(analysed.size, 1000);
  assert.ok([...analysed.values()].every((n) => n === 1), "each file analysed once");
  assert.match(loader.index.get("a0000.txt")!.text, /\$20 billion/);
});

test("loader cache: its text made in steps (a pause per line of the corpus section) is the text cachePieces gives", () => {
  const src = new MemorySource();
  for (let i = 0; i < 20; i++) for (const d of sampleDocuments()) src.files.set(`copy-${i}/${d.path}`, d.text);
  const loader = new CorpusLoader(src, settings(), OPTIONS);
  runSync(loader.load());
  const steps = loader.cacheSteps();
  let pauses = 0, r = steps.next();
  for (; !r.done; r = steps.next()) {
    assert.ok("pause" in r.value && r.value.pause.phase === "caching");
    pauses++;
  }
  const text = [...r.value].join("");
  assert.equal(text, [...loader.cachePieces()].join(""));
  assert.equal(pauses, text.split("\n").filter((l) => l.startsWith("*corpus\t")).length, "a pause per line of the corpus section");
});

test("runSteps: the corpus shown and the caller's work after the last step each start a slice, once one is spent", async () => {
  const busy = () => { const t = performance.now(); while (performance.now() - t <= SLICE_MS + 5) { /* a slice's work */ } };
  const seen: string[] = [];
  function* work() {
    busy();
    yield { shown: {} as CorpusSnapshot };
    seen.push("after shown");
    busy();
    return 1;
  }
  const done = await runSteps(work(), { go: () => true, yieldToHost: async () => { seen.push("yield"); }, shown: () => seen.push("shown") });
  assert.deepEqual(done, { value: 1 });
  assert.deepEqual(seen, ["yield", "shown", "after shown", "yield"]);
  seen.length = 0;
  function* quick() {
    yield { shown: {} as CorpusSnapshot };
    return 2;
  }
  assert.deepEqual(await runSteps(quick(), { go: () => true, yieldToHost: async () => { seen.push("yield"); }, shown: () => seen.push("shown") }), { value: 2 });
  assert.deepEqual(seen, ["shown"], "a slice not spent: no yield");
  const stopped = await runSteps(work(), { go: () => false, yieldToHost: async () => undefined });
  assert.equal(stopped, undefined, "stopped at the yield before the corpus is shown");
});
