/** A value now or later: files on a local disk answer at once (the CLI), an editor's file system later. */
export type Io<T> = T | Promise<T>;

/**
 * Where a corpus's articles come from — files under a folder (the CLI), the editor's workspace with its open
 * documents, or memory (tests). Paths are corpus keys: relative to the corpus's root, forward slashes.
 */
export interface ArticleSource {
  /** Every candidate file's path; the loader keeps those the settings' include and exclude patterns accept. */
  list(): Io<string[]>;
  /** The file's size in bytes (a document open in an editor: its text's length). */
  stat(path: string): Io<{ size: number }>;
  /** The file's bytes, or its text where the source holds text (a document open in an editor). */
  read(path: string): Io<Uint8Array | string>;
  /** The hash by which the analysis cache knows a text again (src/node/textHash.ts). */
  hash(text: string): string;
}

/** Why a file is in a report's notices: skipped (binary, too-large, unreadable) or read with a problem. */
export type NoticeReason = "binary" | "too-large" | "unreadable" | "not-utf8" | "front-matter" | "empty";

/** A file the analysis skipped, or read in part: what the JSON, SARIF and text reports say besides their findings. */
export interface Notice {
  path: string;
  reason: NoticeReason;
  message: string;
}

/** Reasons that leave a file out of the corpus (the others read it all the same). */
export const SKIPPING: ReadonlySet<NoticeReason> = new Set(["binary", "too-large", "unreadable"]);
