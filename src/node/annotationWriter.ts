import fs from "node:fs";
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { ANNOTATIONS_PATH, parseAnnotationFile, serializeAnnotationFile, type AnnotationFile } from "../core";

// `fs.…` is called through the module object (not destructured) so that a test can make one call fail or
// crash the process, to see what a write interrupted at that point leaves.

/** How long a writer waits for another one, and when a lock whose writer cannot be asked is taken as left behind. */
export interface LockTiming {
  waitMs: number;
  staleMs: number;
}

/** The timing the CLI and the editor use. */
export const ANNOTATION_LOCK: LockTiming = { waitMs: 5_000, staleMs: 10_000 };

export type AnnotationUpdate =
  | { ok: true; file: AnnotationFile; text: string; written: boolean }
  | { ok: false; error: string; text: string };

/**
 * Applies `edit` to DIR's annotations file as it is on disk now, under the lock every writer (CLI or
 * editor window) takes, and replaces the file in one step: the new text is written to a temporary
 * file beside it and flushed to disk, then renamed over it. A crash at any point leaves the old file
 * whole; the temporary files a crashed writer left are removed by the next one. `edit` returning
 * undefined writes nothing. A file that cannot be read is left as it is (`ok: false`).
 */
export function updateAnnotationFileSync(dir: string, edit: (current: AnnotationFile) => AnnotationFile | undefined, timing: LockTiming): AnnotationUpdate {
  const deadline = Date.now() + timing.waitMs;
  while (!tryLock(dir, timing)) {
    giveUpAfter(deadline);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, retryMs());
  }
  try {
    return updateLocked(dir, edit);
  } finally {
    releaseLock(dir);
  }
}

/** The same, waiting for the lock without blocking (the editor's extension host). */
export async function updateAnnotationFile(dir: string, edit: (current: AnnotationFile) => AnnotationFile | undefined, timing: LockTiming): Promise<AnnotationUpdate> {
  const deadline = Date.now() + timing.waitMs;
  while (!tryLock(dir, timing)) {
    giveUpAfter(deadline);
    await new Promise((r) => setTimeout(r, retryMs()));
  }
  try {
    return updateLocked(dir, edit);
  } finally {
    releaseLock(dir);
  }
}

function giveUpAfter(deadline: number): void {
  if (Date.now() > deadline) throw new Error(`${ANNOTATIONS_PATH} is being written by another window or command; try again in a moment`);
}

/** A wait between two tries at the lock, random so that two waiting writers do not keep meeting. */
function retryMs(): number {
  return 25 + Math.random() * 50;
}

function updateLocked(dir: string, edit: (current: AnnotationFile) => AnnotationFile | undefined): AnnotationUpdate {
  const path = join(dir, ANNOTATIONS_PATH);
  removeStaleTemps(path);
  const read = readText(path);
  if (!read.ok) return read;
  // No file yet reads as an empty one: no annotations.
  const current = read.text ?? "";
  const parsed = parseAnnotationFile(current);
  if (!parsed.ok) return { ok: false, error: parsed.error, text: current };
  const next = edit(parsed.file);
  if (!next) return { ok: true, file: parsed.file, text: current, written: false };
  const text = serializeAnnotationFile(next);
  replaceFile(path, text);
  return { ok: true, file: next, text, written: true };
}

function readText(path: string): { ok: true; text: string | undefined } | { ok: false; error: string; text: string } {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { ok: true, text: undefined };
    return { ok: false, error: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, text: "" };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, error: "not UTF-8 text", text: "" };
  }
}

/** Writes `text` to a new file beside `path`, flushes it, and renames it over `path`. */
export function replaceFile(path: string, text: string): void {
  fs.mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomUUID()}.tmp`;
  try {
    const fd = fs.openSync(temp, "wx");
    try {
      fs.writeFileSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, path);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
  // The rename itself is durable once the folder is flushed (not every platform can open a folder).
  try {
    const dirFd = fs.openSync(dirname(path), "r");
    try { fs.fsyncSync(dirFd); } finally { fs.closeSync(dirFd); }
  } catch { /* best effort */ }
}

/** Under the lock no other writer is at work: any temporary file beside `path` was left by one that died. */
function removeStaleTemps(path: string): void {
  const base = `${path.slice(dirname(path).length + 1)}.`;
  let names: string[];
  try {
    names = fs.readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const n of names) if (n.startsWith(base) && n.endsWith(".tmp")) fs.rmSync(join(dirname(path), n), { force: true });
}

function lockPath(dir: string): string {
  return join(dir, `${ANNOTATIONS_PATH}.lock`);
}

/** Takes the lock by creating its file exclusively; breaks one left by a writer that is gone. */
function tryLock(dir: string, timing: LockTiming): boolean {
  const lock = lockPath(dir);
  fs.mkdirSync(dirname(lock), { recursive: true });
  try {
    const fd = fs.openSync(lock, "wx");
    try {
      fs.writeFileSync(fd, `${process.pid} ${hostname()} ${new Date().toISOString()}\n`);
    } catch (e) {
      fs.closeSync(fd);
      fs.rmSync(lock, { force: true });
      throw e;
    }
    fs.closeSync(fd);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  if (lockIsStale(lock, timing)) fs.rmSync(lock, { force: true });
  return false;
}

function lockIsStale(lock: string, timing: LockTiming): boolean {
  let text: string, mtime: number;
  try {
    text = fs.readFileSync(lock, "utf8");
    mtime = fs.statSync(lock).mtimeMs;
  } catch {
    return false;
  }
  if (Date.now() - mtime > timing.staleMs) return true;
  const [pid, host] = text.split(" ");
  // A lock of this machine whose process has exited can be broken at once.
  if (host !== hostname() || !/^\d+$/.test(pid ?? "")) return false;
  try {
    process.kill(Number(pid), 0);
    return false;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
}

function releaseLock(dir: string): void {
  fs.rmSync(lockPath(dir), { force: true });
}
