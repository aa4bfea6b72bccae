import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ArticleSource } from "../core";
import { textHash } from "./textHash";

/**
 * The files under a folder, read synchronously (the CLI's corpus: nothing else waits for it). Folders named
 * `node_modules` or starting with a dot are not entered; a folder that cannot be listed is noted in `problems`.
 */
export class FolderSource implements ArticleSource {
  readonly problems: string[] = [];

  constructor(readonly root: string) {}

  list(): string[] {
    const out: string[] = [];
    const walk = (rel: string) => {
      let entries;
      try {
        entries = readdirSync(join(this.root, rel), { withFileTypes: true });
      } catch (e) {
        this.problems.push(`${rel || this.root}: cannot be listed (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
        return;
      }
      for (const e of entries) {
        const p = rel ? `${rel}/${e.name}` : e.name;
        if (e.isDirectory()) {
          if (e.name !== "node_modules" && !e.name.startsWith(".")) walk(p);
        } else if (e.isFile()) out.push(p);
      }
    };
    walk("");
    return out;
  }

  stat(path: string): { size: number } {
    return statSync(join(this.root, path));
  }

  read(path: string): Uint8Array {
    return readFileSync(join(this.root, path));
  }

  hash(text: string): string {
    return textHash(text);
  }

  /** A file's bytes if it exists (the corpus config file), else undefined. */
  readIfThere(path: string): Uint8Array | undefined {
    try {
      return readFileSync(join(this.root, path));
    } catch {
      return undefined;
    }
  }
}
