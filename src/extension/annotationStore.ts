import * as vscode from "vscode";
import { ANNOTATION_LOCK, updateAnnotationFile } from "../node/annotationWriter";
import { ANNOTATIONS_PATH, applyEdits, emptyAnnotationFile, parseAnnotationFile, serializeAnnotationFile, type AnnotationEdit, type AnnotationFile } from "../core";

const STALE_LOCK_MS = ANNOTATION_LOCK.staleMs;
const LOCK_WAIT_MS = ANNOTATION_LOCK.waitMs;

function unreadable(error: string): string {
  return `${ANNOTATIONS_PATH} cannot be read (${error}); it is left as it is and nothing was saved. Fix or move it, then try again.`;
}

/**
 * One workspace folder's `.claimscope/annotations.json`. Every change is applied to the file as it
 * is on disk at that moment, under a lock and written atomically (beside it, then renamed over it),
 * so two windows never overwrite each other's annotations. A file it cannot read is kept untouched.
 */
export class AnnotationStore implements vscode.Disposable {
  readonly uri: vscode.Uri;
  private readonly lock: vscode.Uri;
  file: AnnotationFile = emptyAnnotationFile();
  /** Why the file cannot be read; while set, nothing is written. */
  problem: string | undefined;
  /** The file's text as last read, to find an annotation's line in it. */
  text = "";
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly watcher: vscode.FileSystemWatcher;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly folder: vscode.WorkspaceFolder) {
    this.uri = vscode.Uri.joinPath(folder.uri, ANNOTATIONS_PATH);
    this.lock = vscode.Uri.joinPath(folder.uri, `${ANNOTATIONS_PATH}.lock`);
    // The folder too: deleting it reports the folder only, not the file inside.
    const dir = ANNOTATIONS_PATH.split("/")[0]!;
    this.watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `{${dir},${ANNOTATIONS_PATH}}`));
    const reload = () => void this.load();
    this.watcher.onDidChange(reload);
    this.watcher.onDidCreate(reload);
    this.watcher.onDidDelete(reload);
  }

  /** Reads the file (another window or a git checkout may have changed it). */
  load(): Promise<void> {
    return this.serial(async () => {
      const read = await this.read();
      const before = this.text + String(this.problem);
      if (read.ok) { this.file = read.file; this.problem = undefined; } else { this.file = emptyAnnotationFile(); this.problem = read.error; }
      this.text = read.text;
      if (before !== this.text + String(this.problem)) this.changed.fire();
    });
  }

  /** Applies edits to the file as it is now. Refuses (with the reason) when the file cannot be read. */
  update(edits: AnnotationEdit[]): Promise<void> {
    return this.serial(async () => {
      // On disk: the writer the CLI uses too (one lock, temp file flushed then renamed, stale temps removed).
      if (this.uri.scheme === "file") {
        const r = await updateAnnotationFile(this.folder.uri.fsPath, (file) => applyEdits(file, edits), ANNOTATION_LOCK);
        this.text = r.text;
        if (!r.ok) {
          this.problem = r.error;
          this.changed.fire();
          throw new Error(unreadable(r.error));
        }
        this.file = r.file;
        this.problem = undefined;
        this.changed.fire();
        return;
      }
      await this.acquire();
      try {
        const read = await this.read();
        if (!read.ok) {
          this.problem = read.error;
          this.text = read.text;
          this.changed.fire();
          throw new Error(unreadable(read.error));
        }
        const next = applyEdits(read.file, edits);
        const text = serializeAnnotationFile(next);
        const temp = vscode.Uri.joinPath(this.folder.uri, `${ANNOTATIONS_PATH}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}.tmp`);
        await vscode.workspace.fs.writeFile(temp, new TextEncoder().encode(text));
        await vscode.workspace.fs.rename(temp, this.uri, { overwrite: true });
        this.file = next;
        this.text = text;
        this.problem = undefined;
        this.changed.fire();
      } finally {
        await this.release();
      }
    });
  }

  private async read(): Promise<{ ok: true; file: AnnotationFile; text: string } | { ok: false; error: string; text: string }> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.uri);
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === "FileNotFound") return { ok: true, file: emptyAnnotationFile(), text: "" };
      return { ok: false, error: `cannot be read: ${e instanceof Error ? e.message : String(e)}`, text: "" };
    }
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      return { ok: false, error: "not UTF-8 text", text: "" };
    }
    const parsed = parseAnnotationFile(text);
    return parsed.ok ? { ok: true, file: parsed.file, text } : { ok: false, error: parsed.error, text };
  }

  /** On a virtual file system: a lock only one writer can take, by renaming a fresh file onto its name without overwriting. */
  private async acquire(): Promise<void> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (;;) {
      if (await this.tryLock()) return;
      const stat = await vscode.workspace.fs.stat(this.lock).then((s) => s, () => undefined);
      if (stat && Date.now() - stat.mtime > STALE_LOCK_MS) await vscode.workspace.fs.delete(this.lock).then(undefined, () => undefined);
      else if (Date.now() > deadline) throw new Error(`${ANNOTATIONS_PATH} is being written by another window; try again in a moment`);
      else await new Promise((r) => setTimeout(r, 25 + Math.random() * 50));
    }
  }

  private async tryLock(): Promise<boolean> {
    const mine = vscode.Uri.joinPath(this.folder.uri, `${ANNOTATIONS_PATH}.${Math.random().toString(36).slice(2)}.lock`);
    await vscode.workspace.fs.writeFile(mine, new TextEncoder().encode(String(Date.now())));
    try {
      await vscode.workspace.fs.rename(mine, this.lock, { overwrite: false });
      return true;
    } catch (e) {
      if (e instanceof vscode.FileSystemError && e.code === "FileExists") return false;
      throw e;
    } finally {
      await vscode.workspace.fs.delete(mine).then(undefined, () => undefined);
    }
  }

  private release(): Thenable<void> {
    return vscode.workspace.fs.delete(this.lock).then(undefined, () => undefined);
  }

  /** One read or write at a time within this window. */
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  dispose(): void {
    this.watcher.dispose();
    this.changed.dispose();
  }
}
