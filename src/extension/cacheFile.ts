import * as vscode from "vscode";
import { mkdir, open, readFile, rename } from "node:fs/promises";

/**
 * The analysis cache's file in the workspace's storage folder. Node's file system, not workspace.fs: the
 * storage folder is this machine's, and a remote host's workspace.fs would carry megabytes through the window.
 */
export class CacheFile {
  /** How long keeping the cache last took (encoding and writing, in pieces), and its size. */
  lastWrite = { ms: 0, bytes: 0 };

  constructor(private readonly storage: vscode.Uri | undefined) {}

  get uri(): vscode.Uri | undefined {
    return this.storage && vscode.Uri.joinPath(this.storage, "analysis-cache.json");
  }

  /** The file's bytes; none when there is no storage or no cache yet. */
  async read(): Promise<Uint8Array | undefined> {
    const uri = this.uri;
    if (!uri) return undefined;
    try {
      return await readFile(uri.fsPath);
    } catch {
      return undefined;
    }
  }

  /**
   * Writes the pieces beside the old cache, each write yielding to the host, then renames it into place;
   * stops (keeping the old file) once `current` turns false. Throws when it cannot be written.
   */
  async write(pieces: Iterable<string>, current: () => boolean): Promise<void> {
    const uri = this.uri;
    if (!uri) return;
    const t0 = globalThis.performance.now();
    let bytes = 0;
    const tmp = `${uri.fsPath}.tmp`;
    await mkdir(this.storage!.fsPath, { recursive: true });
    const file = await open(tmp, "w");
    try {
      for (const piece of pieces) {
        if (!current()) return;
        // writeFile on an open file continues where the last write ended, and writes the whole piece.
        await file.writeFile(piece);
        bytes += Buffer.byteLength(piece);
      }
    } finally {
      await file.close();
    }
    await rename(tmp, uri.fsPath);
    this.lastWrite = { ms: Math.round(globalThis.performance.now() - t0), bytes };
  }
}
