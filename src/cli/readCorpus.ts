import { readdirSync, readFileSync, statSync, existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { corpusFilter, decodeArticle, readSettings, tooLarge, type DocumentInput, type Settings } from "../core";

export interface ReadCorpus {
  documents: DocumentInput[];
  settings: Settings;
  /** Messages for the user: skipped files, bad settings. Nothing here stops the analysis. */
  messages: string[];
}

export const CONFIG_FILE = ".claimscope.json";

/** Reads every article under `dir` (recursively), with the corpus config file if there is one. */
export function readCorpus(dir: string, overrides: Partial<Settings> = {}): ReadCorpus {
  const messages: string[] = [];
  let raw: unknown;
  const configPath = join(dir, CONFIG_FILE);
  if (existsSync(configPath)) {
    try {
      raw = JSON.parse(readFileSync(configPath, "utf8"));
    } catch (e) {
      messages.push(`${CONFIG_FILE}: not valid JSON (${(e as Error).message}); defaults used`);
    }
  }
  const read = readSettings(raw, CONFIG_FILE);
  messages.push(...read.problems);
  const settings: Settings = { ...read.settings, ...overrides };
  const accept = corpusFilter(settings.include, settings.exclude);
  const documents: DocumentInput[] = [];
  for (const abs of walk(dir, messages)) {
    const rel = relative(dir, abs).split(sep).join("/");
    if (!accept(rel)) continue;
    let bytes: Buffer;
    try {
      const size = statSync(abs).size;
      if (size > settings.maxFileSize) {
        messages.push(`${rel}: ${tooLarge(size, settings.maxFileSize, "--max-size")}`);
        continue;
      }
      bytes = readFileSync(abs);
    } catch (e) {
      messages.push(`${rel}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}); skipped`);
      continue;
    }
    const decoded = decodeArticle(bytes, settings.maxFileSize);
    if (!decoded.ok) { messages.push(`${rel}: ${decoded.reason}`); continue; }
    for (const w of decoded.warnings) messages.push(`${rel}: ${w}`);
    documents.push({ path: rel, text: decoded.text });
  }
  return { documents, settings, messages };
}

function* walk(dir: string, messages: string[]): Generator<string> {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    messages.push(`${dir}: cannot be listed (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : 1));
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name === "node_modules" || e.name.startsWith(".")) continue;
      yield* walk(p, messages);
    } else if (e.isFile()) yield p;
  }
}
