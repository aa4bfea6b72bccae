import { ANNOTATIONS_SCHEMA, isClaimState, isFlagState, type Annotation, type AnnotationFile, type AnnotationTarget } from "./model";
import { isRecord } from "../isRecord";

export type ParsedAnnotations = { ok: true; file: AnnotationFile } | { ok: false; error: string };

/** Longest note kept: a note is a reviewer's remark, not a document. */
export const MAX_NOTE = 10_000;

/**
 * Reads an annotations file. Anything it cannot fully understand makes the whole file unreadable:
 * the caller keeps it as it is and writes nothing, so no teammate's annotation is ever lost.
 */
export function parseAnnotationFile(text: string): ParsedAnnotations {
  if (!text.trim()) return { ok: true, file: { schema: ANNOTATIONS_SCHEMA, annotations: [] } };
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { ok: false, error: `not valid JSON (${(e as Error).message})` };
  }
  if (!isRecord(raw)) return { ok: false, error: "expected an object with \"schema\" and \"annotations\"" };
  if (raw.schema !== ANNOTATIONS_SCHEMA) return { ok: false, error: `unknown schema ${JSON.stringify(raw.schema)} (expected "${ANNOTATIONS_SCHEMA}")` };
  if (!Array.isArray(raw.annotations)) return { ok: false, error: "\"annotations\" must be a list" };
  const annotations: Annotation[] = [];
  const ids = new Set<string>();
  for (const [i, entry] of raw.annotations.entries()) {
    const a = readAnnotation(entry);
    if (typeof a === "string") return { ok: false, error: `annotation ${i + 1}: ${a}` };
    if (ids.has(a.id)) return { ok: false, error: `annotation ${i + 1}: id ${a.id} appears twice` };
    ids.add(a.id);
    annotations.push(a);
  }
  return { ok: true, file: { schema: ANNOTATIONS_SCHEMA, annotations } };
}

/** One annotation checked field by field; a string says what is wrong. */
export function readAnnotation(entry: unknown): Annotation | string {
  if (!isRecord(entry)) return "not an object";
  const { id, kind, state, note, created, modified, creator, target, concept } = entry;
  if (typeof id !== "string" || !id) return "missing \"id\"";
  if (typeof created !== "string" || typeof modified !== "string") return "missing \"created\" or \"modified\"";
  if (note !== undefined && (typeof note !== "string" || note.length > MAX_NOTE)) return `"note" must be text of at most ${MAX_NOTE} characters`;
  if (creator !== undefined && typeof creator !== "string") return "\"creator\" must be text";
  if (concept !== undefined && typeof concept !== "string") return "\"concept\" must be text";
  if (!Array.isArray(target)) return "\"target\" must be a list";
  const targets: AnnotationTarget[] = [];
  for (const t of target) {
    const read = readTarget(t);
    if (typeof read === "string") return read;
    targets.push(read);
  }
  const base = { id, created, modified, ...(note !== undefined ? { note } : {}), ...(creator !== undefined ? { creator } : {}) };
  if (kind === "contradiction") {
    if (!isFlagState(state)) return `a contradiction's state is superseded, conflict or dismissed, not ${JSON.stringify(state)}`;
    if (targets.length !== 2) return "a contradiction has two targets (earlier, later)";
    return { ...base, kind, state, target: [targets[0]!, targets[1]!], ...(concept !== undefined ? { concept } : {}) };
  }
  if (kind === "claim") {
    if (!isClaimState(state)) return `a claim's state is verified or disputed, not ${JSON.stringify(state)}`;
    if (targets.length !== 1) return "a claim has one target";
    return { ...base, kind, state, target: [targets[0]!], ...(concept !== undefined ? { concept } : {}) };
  }
  if (kind === "note") {
    if (typeof note !== "string" || !note.trim()) return "a note needs its text";
    if (targets.length !== 1) return "a note has one target";
    return { ...base, kind, note, target: [targets[0]!] };
  }
  return `unknown kind ${JSON.stringify(kind)}`;
}

function readTarget(t: unknown): AnnotationTarget | string {
  if (!isRecord(t) || typeof t.source !== "string" || !t.source) return "a target needs a \"source\"";
  const selectors = Array.isArray(t.selector) ? t.selector : undefined;
  const quote = selectors?.find((s): s is Record<string, unknown> => isRecord(s) && s.type === "TextQuoteSelector");
  const position = selectors?.find((s): s is Record<string, unknown> => isRecord(s) && s.type === "TextPositionSelector");
  if (!quote || typeof quote.exact !== "string" || !quote.exact) return "a target needs a TextQuoteSelector with \"exact\" text";
  const start = position?.start, end = position?.end;
  const ok = Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && (end as number) >= (start as number);
  return {
    source: t.source,
    quote: { type: "TextQuoteSelector", exact: quote.exact, prefix: str(quote.prefix), suffix: str(quote.suffix) },
    // Without a usable position the quote alone anchors it (position 0 is only a hint).
    position: { type: "TextPositionSelector", start: ok ? (start as number) : 0, end: ok ? (end as number) : 0 },
  };
}

/**
 * The file as written: keys in a fixed order, one annotation per entry, entries in document order
 * (source, then position, then id) so that a review shows up in git as a small, readable diff.
 */
export function serializeAnnotationFile(file: AnnotationFile): string {
  const sorted = [...file.annotations].sort(compareAnnotations);
  const entries = sorted.map((a) => {
    const out: Record<string, unknown> = { id: a.id, kind: a.kind };
    // A field left undefined is left out of the JSON.
    if (a.kind !== "note") {
      out.state = a.state;
      out.concept = a.concept;
    }
    out.note = a.note;
    out.target = a.target.map((t) => ({
      source: t.source,
      selector: [
        { type: "TextQuoteSelector", exact: t.quote.exact, prefix: t.quote.prefix, suffix: t.quote.suffix },
        { type: "TextPositionSelector", start: t.position.start, end: t.position.end },
      ],
    }));
    out.creator = a.creator;
    out.created = a.created;
    out.modified = a.modified;
    return out;
  });
  return `${JSON.stringify({ schema: ANNOTATIONS_SCHEMA, annotations: entries }, null, 2)}\n`;
}

function compareAnnotations(a: Annotation, b: Annotation): number {
  const x = a.target[0], y = b.target[0];
  return order(x.source, y.source) || x.position.start - y.position.start || order(a.id, b.id);
}

function order(p: string, q: string): number {
  return p < q ? -1 : p > q ? 1 : 0;
}

/** A change to the file, applied to whatever the file holds at the moment of writing (so two windows do not overwrite each other). */
export type AnnotationEdit = { type: "put"; annotation: Annotation } | { type: "delete"; id: string };

export function applyEdits(file: AnnotationFile, edits: AnnotationEdit[]): AnnotationFile {
  const byId = new Map(file.annotations.map((a) => [a.id, a]));
  for (const e of edits) {
    if (e.type === "put") byId.set(e.annotation.id, e.annotation);
    else byId.delete(e.id);
  }
  return { schema: ANNOTATIONS_SCHEMA, annotations: [...byId.values()] };
}

function str(v: unknown): string {
  return typeof v === "string" ? v : "";
}

/** Edits that bring annotations from elsewhere (an import) into a file: new ones added, newer versions of ours taken, older ones left. */
export function mergeEdits(file: AnnotationFile, incoming: Annotation[]): { edits: AnnotationEdit[]; added: number; updated: number; unchanged: number } {
  const byId = new Map(file.annotations.map((a) => [a.id, a]));
  const edits: AnnotationEdit[] = [];
  let added = 0, updated = 0, unchanged = 0;
  for (const a of incoming) {
    const mine = byId.get(a.id);
    if (!mine) added++;
    else if (a.modified > mine.modified) updated++;
    else { unchanged++; continue; }
    edits.push({ type: "put", annotation: a });
  }
  return { edits, added, updated, unchanged };
}
