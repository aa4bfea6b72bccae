import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ANNOTATIONS_PATH, parseAnnotationFile, type AnnotationFile } from "../core";

export type ReadAnnotations = { file: AnnotationFile | null; problem?: string };

/** The corpus's annotations file, if it has one; a file that cannot be read is reported and left alone. */
export function readAnnotations(dir: string): ReadAnnotations {
  const path = join(dir, ANNOTATIONS_PATH);
  if (!existsSync(path)) return { file: null };
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    return { file: null, problem: `${ANNOTATIONS_PATH}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); reviews not applied` };
  }
  const parsed = parseAnnotationFile(text);
  if (!parsed.ok) return { file: null, problem: `${ANNOTATIONS_PATH}: ${parsed.error}; reviews not applied (the file is left as it is)` };
  return { file: parsed.file };
}
