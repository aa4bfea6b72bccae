import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { DocumentInput } from "../../src/core";

export const SAMPLES = join(__dirname, "..", "..", "samples");

/** The sample corpus's articles, as the CLI would read them. */
export function sampleDocuments(): DocumentInput[] {
  return readdirSync(SAMPLES)
    .filter((f) => /\.(txt|md)$/.test(f) && !/^README/i.test(f))
    .map((f) => ({ path: f, text: readFileSync(join(SAMPLES, f), "utf8") }));
}
