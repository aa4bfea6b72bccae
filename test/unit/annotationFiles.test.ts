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

const NO_SPACE = { code: "ENOSPC", message: "no space left on device" };

/**
 * Calls `body` with the file system failing as a disk can for the files whose path ends in `fault.suffix`:
 * opening one throws, or writing to one it opened does, with `fault`'s code and message. Says how many such
 * files were opened; the file system is itself again afterwards, whatever happened.
 */
function onFaultyDisk<T>(fault: { suffix: string; on: "open" | "write"; code: string; message: string }, body: () => T): { value: T; opened: number } {
  const open = fs.openSync, write = fs.writeFileSync;
  const fds = new Set<number>();
  const error = () => Object.assign(new Error(fault.message), { code: fault.code });
  fs.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    const faulty = String(path).endsWith(fault.suffix);
    if (faulty && fault.on === "open") throw error();
    const fd = (open as (...a: unknown[]) => number)(path, ...rest);
    if (faulty) fds.add(fd);
    return fd;
  }) as typeof fs.openSync;
  fs.writeFileSync = ((file: unknown, ...rest: unknown[]) => {
    if (typeof file === "number" && fds.has(file)) throw error();
    return (write as (...a: unknown[]) => void)(file, ...rest);
  }) as typeof fs.writeFileSync;
  try {
    return { value: body(), opened: fds.size };
  } finally {
    fs.openSync = open;
    fs.writeFileSync = write;
  }
}

test("a write that fails while the temporary file is written leaves the old file whole and no temporary file", () => {
  const c = corpus(["kept"]);
  const { opened } = onFaultyDisk({ suffix: ".tmp", on: "write", ...NO_SPACE }, () =>
    assert.throws(() => updateAnnotationFileSync(c.dir, (f) => applyEdits(f, [{ type: "put", annotation: note("lost") }]), ANNOTATION_LOCK), /no space/));
  assert.equal(opened, 1, "the temporary file was opened");
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

const addNote = (text: string) => (f: AnnotationFile) => applyEdits(f, [{ type: "put", annotation: note(text) }]);

test("a folder without an annotations file gets one on the first write; an edit that changes nothing writes nothing", () => {
  const dir = mkdtempSync(join(tmpdir(), "claimscope-annotations-"));
  const path = join(dir, ANNOTATIONS_PATH);
  const none = updateAnnotationFileSync(dir, () => undefined, ANNOTATION_LOCK);
  assert.deepEqual([none.ok, none.ok && none.written, none.text, existsSync(path)], [true, false, "", false]);
  const first = updateAnnotationFileSync(dir, addNote("first"), ANNOTATION_LOCK);
  assert.deepEqual([first.ok, first.ok && first.written], [true, true]);
  assert.deepEqual(notesIn(path), ["first"]);
  assert.equal(readFileSync(path, "utf8"), first.text);
  const again = updateAnnotationFileSync(dir, () => undefined, ANNOTATION_LOCK);
  assert.deepEqual([again.ok && again.written, again.text], [false, first.text]);
});

test("a file that is not UTF-8, or cannot be read at all, is left as it is, with the reason", () => {
  const c = corpus([]);
  const bytes = Buffer.concat([Buffer.from(c.before.slice(0, -3)), Buffer.from([0xff, 0xfe]), Buffer.from(c.before.slice(-3))]);
  writeFileSync(c.path, bytes);
  const r = updateAnnotationFileSync(c.dir, addNote("x"), ANNOTATION_LOCK);
  assert.deepEqual([r.ok, !r.ok && r.error], [false, "not UTF-8 text"]);
  assert.deepEqual(readFileSync(c.path), bytes);
  const d = corpus([]);
  fs.rmSync(d.path);
  mkdirSync(d.path);
  const unreadable = updateAnnotationFileSync(d.dir, addNote("x"), ANNOTATION_LOCK);
  assert.deepEqual([unreadable.ok, !unreadable.ok && unreadable.error], [false, "cannot be read (EISDIR)"]);
});

test("a lock is broken when it is older than the stale time, or its writer on this machine is gone; otherwise waited for", () => {
  const c = corpus(["kept"]);
  const lock = `${c.path}.lock`;
  const busy = (text: string, staleMs = 60_000) => {
    writeFileSync(lock, text);
    try {
      updateAnnotationFileSync(c.dir, addNote("x"), { waitMs: 100, staleMs });
      return "written";
    } catch (e) {
      return /being written by another/.test((e as Error).message) ? "busy" : (e as Error).message;
    } finally {
      fs.rmSync(lock, { force: true });
    }
  };
  // A process number no process has here.
  let free = 4_000_000;
  for (;; free--) { try { process.kill(free, 0); } catch (e) { if ((e as NodeJS.ErrnoException).code === "ESRCH") break; } }
  assert.equal(busy(`${free} another-host now\n`), "busy", "a writer elsewhere cannot be asked, even by a number that is free here");
  assert.equal(busy(`pid ${hostname()} now\n`), "busy", "nor one that did not say its process");
  assert.equal(busy(`+${free} ${hostname()} now\n`), "busy", "a process is a plain number");
  assert.equal(busy(`${free}e0 ${hostname()} now\n`), "busy");
  assert.equal(busy(`${free} ${hostname()} now\n`), "written", "the near miss: a writer of this machine that is gone");
  const old = Date.now() / 1000 - 120;
  writeFileSync(lock, `${process.pid} another-host then\n`);
  fs.utimesSync(lock, old, old);
  updateAnnotationFileSync(c.dir, addNote("after a stale lock"), { waitMs: 100, staleMs: 60_000 });
  assert.ok(notesIn(c.path).includes("after a stale lock"));
  assert.ok(!existsSync(lock));
});

test("only the writer's own temporary files are removed, not another file's", () => {
  const c = corpus(["kept"]);
  const folder = join(c.dir, ".claimscope");
  writeFileSync(join(folder, "notes.json.123.abc.tmp"), "someone else's");
  writeFileSync(join(folder, "annotations.json.123.abc.tmp"), "a dead writer's");
  updateAnnotationFileSync(c.dir, addNote("x"), ANNOTATION_LOCK);
  assert.deepEqual(temps(c.dir), ["notes.json.123.abc.tmp"]);
});

test("a lock that cannot be taken or written says why, and leaves no lock behind", () => {
  const c = corpus(["kept"]);
  const attempt = (fail: "open" | "write") =>
    onFaultyDisk({ suffix: ".lock", on: fail, ...(fail === "open" ? { code: "EACCES", message: "permission denied" } : NO_SPACE) }, () => {
      try {
        updateAnnotationFileSync(c.dir, addNote("x"), { waitMs: 100, staleMs: 60_000 });
        return "written";
      } catch (e) {
        return (e as Error).message;
      }
    }).value;
  assert.equal(attempt("open"), "permission denied");
  assert.equal(attempt("write"), "no space left on device");
  assert.ok(!existsSync(`${c.path}.lock`));
  assert.equal(readFileSync(c.path, "utf8"), c.before);
});

test("a temporary file that cannot be created fails the write with its own reason", () => {
  const c = corpus(["kept"]);
  onFaultyDisk({ suffix: ".tmp", on: "open", code: "EMFILE", message: "too many open files" }, () =>
    assert.throws(() => updateAnnotationFileSync(c.dir, addNote("x"), ANNOTATION_LOCK), /too many open files/));
  assert.equal(readFileSync(c.path, "utf8"), c.before);
  assert.ok(!existsSync(`${c.path}.lock`));
});

test("a lock another writer broke while this one held it does not fail this one's write", () => {
  const c = corpus(["kept"]);
  const r = updateAnnotationFileSync(c.dir, (f) => { fs.rmSync(`${c.path}.lock`); return addNote("mine")(f); }, ANNOTATION_LOCK);
  assert.ok(r.ok && r.written);
  assert.deepEqual(notesIn(c.path), ["kept", "mine"]);
});
