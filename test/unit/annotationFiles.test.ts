import { test } from "node:test";
import assert from "node:assert/strict";
import fs, { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { spawn } from "node:child_process";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { ANNOTATIONS_PATH, applyEdits, emptyAnnotationFile, noteOn, parseAnnotationFile, serializeAnnotationFile, toWebAnnotations, type AnnotationFile } from "../../src/core";
import { ANNOTATION_LOCK, updateAnnotationFile, updateAnnotationFileSync } from "../../src/node/annotationWriter";
import { run } from "../../src/cli/main";

const CHILD = join(__dirname, "..", "annotationWriter.child.ts");
const TEXT = "Quillon agreed to buy Maple Rock Labs for $4.2 billion.";

function note(text: string): ReturnType<typeof noteOn> {
  return noteOn("a.txt", TEXT, 0, 7, text, { id: randomUUID(), now: "2026-11-21T10:00:00.000Z", creator: "ana" });
}

/** A corpus folder with one article and an annotations file holding `notes`. */
function corpus(notes: string[]): { dir: string; path: string; before: string } {
  const dir = mkdtempSync(join(tmpdir(), "claimscope-annotations-"));
  writeFileSync(join(dir, "a.txt"), `${TEXT}\n`);
  mkdirSync(join(dir, ".claimscope"));
  const file = applyEdits(emptyAnnotationFile(), notes.map((n) => ({ type: "put" as const, annotation: note(n) })));
  const before = serializeAnnotationFile(file);
  writeFileSync(join(dir, ANNOTATIONS_PATH), before);
  return { dir, path: join(dir, ANNOTATIONS_PATH), before };
}

function notesIn(path: string): string[] {
  const parsed = parseAnnotationFile(readFileSync(path, "utf8"));
  assert.ok(parsed.ok, "the file parses");
  return parsed.file.annotations.map((a) => a.note ?? "").sort();
}

const temps = (dir: string) => readdirSync(join(dir, ".claimscope")).filter((n) => n.endsWith(".tmp"));

function child(args: string[]): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ["--import", "tsx", CHILD, ...args], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    p.stderr.on("data", (d) => { stderr += d; });
    p.on("exit", (code, signal) => resolve({ code, signal, stderr }));
  });
}

test("a writer killed between writing and renaming leaves the old file whole; the next writer removes its temporary file and its lock", async () => {
  const c = corpus(["kept one", "kept two"]);
  const r = await child(["crash", c.dir, "lost", "1"]);
  assert.equal(r.signal, "SIGKILL", r.stderr);
  assert.equal(readFileSync(c.path, "utf8"), c.before, "the old file, byte for byte");
  const left = temps(c.dir);
  assert.equal(left.length, 1, "the crashed writer's temporary file is there");
  const written = parseAnnotationFile(readFileSync(join(c.dir, ".claimscope", left[0]!), "utf8"));
  assert.ok(written.ok && written.file.annotations.length === 3, "it was written whole and flushed before the rename");
  assert.ok(existsSync(`${c.path}.lock`), "and the lock of a process that is gone");
  // The CLI's import goes through the same writer: it breaks the dead writer's lock at once and cleans up.
  const web = join(c.dir, "incoming.jsonld");
  const incoming: AnnotationFile = applyEdits(emptyAnnotationFile(), [{ type: "put", annotation: note("imported") }]);
  writeFileSync(web, JSON.stringify(toWebAnnotations(incoming, `file://${c.dir}/`)));
  const out = run(["annotations", "import", c.dir, web]);
  assert.equal(out.code, 0, out.stderr);
  assert.deepEqual(temps(c.dir), []);
  assert.ok(!existsSync(`${c.path}.lock`), "the lock is released");
  assert.deepEqual(notesIn(c.path), ["imported", "kept one", "kept two"]);
});

test("a write that fails while the temporary file is written leaves the old file whole and no temporary file", () => {
  const c = corpus(["kept"]);
  const write = fs.writeFileSync, open = fs.openSync;
  const tempFds = new Set<number>();
  fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    const fd = (open as (...a: unknown[]) => number)(path, ...rest);
    if (String(path).endsWith(".tmp")) tempFds.add(fd);
    return fd;
  }) as typeof fs.openSync;
  fs.writeFileSync = ((file: unknown, ...rest: unknown[]) => {
    if (typeof file === "number" && tempFds.has(file)) throw Object.assign(new Error("no space left on device"), { code: "ENOSPC" });
    return (write as (...a: unknown[]) => void)(file, ...rest);
  }) as typeof fs.writeFileSync;
  try {
    assert.throws(() => updateAnnotationFileSync(c.dir, (f) => applyEdits(f, [{ type: "put", annotation: note("lost") }]), ANNOTATION_LOCK), /no space/);
  } finally {
    fs.writeFileSync = write;
    fs.openSync = open;
  }
  assert.equal(tempFds.size, 1, "the temporary file was opened");
  assert.equal(readFileSync(c.path, "utf8"), c.before);
  assert.deepEqual(temps(c.dir), []);
  assert.ok(!existsSync(`${c.path}.lock`), "the lock is released after a failure");
});

test("a file that cannot be read is left as it is and nothing is written", () => {
  const c = corpus([]);
  writeFileSync(c.path, "{ not json");
  const r = updateAnnotationFileSync(c.dir, (f) => applyEdits(f, [{ type: "put", annotation: note("x") }]), ANNOTATION_LOCK);
  assert.equal(r.ok, false);
  assert.equal(readFileSync(c.path, "utf8"), "{ not json");
  const out = run(["annotations", "import", c.dir, join(c.dir, "a.txt")]);
  assert.notEqual(out.code, 0);
});

test("a live writer's lock is waited for, not broken (the near miss of a dead one)", () => {
  const c = corpus([]);
  writeFileSync(`${c.path}.lock`, `${process.pid} ${hostname()} now\n`);
  assert.throws(() => updateAnnotationFileSync(c.dir, (f) => f, { waitMs: 200, staleMs: 60_000 }), /being written by another/);
  assert.ok(existsSync(`${c.path}.lock`));
});

test("the editor's writer, too, waits for a live writer's lock without blocking, then gives up and leaves the lock", async () => {
  const c = corpus(["kept"]);
  writeFileSync(`${c.path}.lock`, `${process.pid} ${hostname()} now\n`);
  let ticks = 0;
  const clock = setInterval(() => ticks++, 20);
  await assert.rejects(updateAnnotationFile(c.dir, (f) => applyEdits(f, [{ type: "put", annotation: note("x") }]), { waitMs: 300, staleMs: 60_000 }), /being written by another/);
  clearInterval(clock);
  assert.ok(ticks >= 5, `the event loop ran while it waited (${ticks} ticks)`);
  assert.ok(existsSync(`${c.path}.lock`));
  assert.equal(readFileSync(c.path, "utf8"), c.before);
});

test("two processes writing at once (the CLI's writer and the editor's) lose nothing", { timeout: 120_000 }, async () => {
  const c = corpus(["first"]);
  const N = 100;
  const [a, b] = await Promise.all([child(["sync", c.dir, "cli", String(N), "2"]), child(["async", c.dir, "editor", String(N), "2"])]);
  assert.equal(a.code, 0, a.stderr);
  assert.equal(b.code, 0, b.stderr);
  const notes = notesIn(c.path);
  assert.equal(notes.length, 1 + 2 * N, `${notes.length} notes`);
  for (let i = 0; i < N; i++) assert.ok(notes.includes(`cli ${i}`) && notes.includes(`editor ${i}`), `note ${i} of each`);
  assert.deepEqual(temps(c.dir), []);
});
