import * as vscode from "vscode";
import { readFile as readFileThen, stat as statThen } from "node:fs";
import { promisify } from "node:util";
import { DEFAULT_INCLUDE, LIST_PIECE, type ArticleSource } from "../core";
import { textHash } from "../node/textHash";
import { yieldToHost } from "./yieldToHost";

/**
 * The workspace's files as an ArticleSource: keys are paths relative to their workspace folder (prefixed by
 * the folder's name in a multi-root workspace); a document open in an editor is read as it reads there.
 */
export class WorkspaceSource implements ArticleSource {
  private readonly uris = new Map<string, vscode.Uri>();
  private listing: Promise<string[]> | undefined;

  /** `include`: the settings' patterns, so that the search walks the workspace for articles only. */
  constructor(private readonly include: string[]) {}

  /** Corpus key of a file (undefined: outside the workspace). */
  static keyOf(uri: vscode.Uri): string | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const rel = uri.path.slice(folder.uri.path.replace(/\/$/, "").length + 1);
    if (!rel) return undefined;
    return (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? `${folder.name}/${rel}` : rel;
  }

  /** The articles found when first asked (one search per source: a re-index makes a new source). */
  list(): Promise<string[]> {
    return (this.listing ??= this.find());
  }

  private async find(): Promise<string[]> {
    // One search where the patterns allow it: each findFiles walks the whole workspace.
    const patterns = this.include.length ? this.include : DEFAULT_INCLUDE;
    const searches = patterns.length > 1 && !patterns.some((x) => /[{},]/.test(x)) ? [`{${patterns.join(",")}}`] : patterns;
    for (const pattern of searches) {
      const found = await vscode.workspace.findFiles(pattern, "**/node_modules/**");
      // Found files are taken in pieces with the host's turns between them: ten thousand at once hold it up.
      for (let i = 0; i < found.length; i++) {
        if (i && i % LIST_PIECE === 0) await yieldToHost();
        this.remember(found[i]!);
      }
    }
    return [...this.uris.keys()];
  }

  /** Notes a file the watchers or editors told of, so that it can be read by its key. */
  remember(uri: vscode.Uri): string | undefined {
    const key = WorkspaceSource.keyOf(uri);
    if (key) this.uris.set(key, uri);
    return key;
  }

  forget(key: string): void {
    this.uris.delete(key);
  }

  uriFor(key: string): vscode.Uri | undefined {
    return this.uris.get(key);
  }

  keys(): IterableIterator<[string, vscode.Uri]> {
    return this.uris.entries();
  }

  async stat(key: string): Promise<{ size: number }> {
    const uri = this.must(key);
    const open = openDocument(uri);
    if (open) return { size: open.getText().length };
    return uri.scheme === "file" ? statFile(uri.fsPath) : vscode.workspace.fs.stat(uri);
  }

  async read(key: string): Promise<Uint8Array | string> {
    const uri = this.must(key);
    const open = openDocument(uri);
    if (open) return open.getText();
    return uri.scheme === "file" ? readWhole(uri.fsPath) : vscode.workspace.fs.readFile(uri);
  }

  hash(text: string): string {
    return textHash(text);
  }

  private must(key: string): vscode.Uri {
    const uri = this.uris.get(key);
    if (!uri) throw new Error("no longer in the workspace");
    return uri;
  }
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  const s = uri.toString();
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === s);
}

// Files on this machine's disk are read with Node's file system: workspace.fs would take each of ten
// thousand files through the window and back when the extension host is remote (bench/RESULTS.md).
// Any other scheme (virtual file systems) goes through workspace.fs. The callback API is used: fs/promises'
// readFile opens, stats, reads and closes in separate steps, several times slower over many small files.
const statFile = promisify(statThen), readWhole = promisify(readFileThen);
