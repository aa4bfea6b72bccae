// Export to and import from the W3C Web Annotation Data Model (JSON-LD), so that reviews move to
// and from other annotation tools. https://www.w3.org/TR/annotation-model/
import { isClaimState, isFlagState, type Annotation, type AnnotationFile, type AnnotationTarget } from "./model";
import { readAnnotation } from "./store";
import { isRecord } from "../isRecord";

const CONTEXT = "http://www.w3.org/ns/anno.jsonld";
const TAG = "claimscope:";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Json = Record<string, unknown>;

/** An AnnotationCollection holding every annotation; `base` is the IRI of the corpus root (ending in "/"). */
export function toWebAnnotations(file: AnnotationFile, base: string): Json {
  const items = file.annotations.map((a) => toWebAnnotation(a, base));
  return { "@context": CONTEXT, type: "AnnotationCollection", label: "Claimscope annotations", total: items.length, first: { type: "AnnotationPage", startIndex: 0, items } };
}

function toWebAnnotation(a: Annotation, base: string): Json {
  const body: Json[] = [];
  if (a.kind !== "note") {
    body.push({ type: "TextualBody", purpose: "assessing", value: a.state });
    body.push({ type: "TextualBody", purpose: "tagging", value: `${TAG}${a.kind}` });
    if (a.concept) body.push({ type: "TextualBody", purpose: "classifying", value: `${TAG}concept/${a.concept}` });
  }
  if (a.note) body.push({ type: "TextualBody", purpose: "commenting", value: a.note, format: "text/plain" });
  const out: Json = {
    "@context": CONTEXT,
    id: UUID.test(a.id) ? `urn:uuid:${a.id}` : a.id,
    type: "Annotation",
    motivation: a.kind === "note" ? "commenting" : "assessing",
    created: a.created,
    modified: a.modified,
  };
  if (a.creator) out.creator = { type: "Person", name: a.creator };
  out.body = body;
  out.target = a.target.map((t) => ({
    source: base + t.source.split("/").map(encodeURIComponent).join("/"),
    selector: [
      { type: "TextQuoteSelector", exact: t.quote.exact, prefix: t.quote.prefix, suffix: t.quote.suffix },
      { type: "TextPositionSelector", start: t.position.start, end: t.position.end },
    ],
  }));
  return out;
}

export interface ImportResult {
  annotations: Annotation[];
  /** What was left out, and why. */
  skipped: string[];
}

export interface ImportContext {
  /** IRI of the corpus root, ending in "/". */
  base: string;
  /** Corpus paths, to place targets whose source is another copy of the same corpus. */
  paths: readonly string[];
  newId(): string;
  now: string;
}

/** Reads an Annotation, a list of them, an AnnotationPage or an AnnotationCollection with its pages embedded. */
export function fromWebAnnotations(json: unknown, ctx: ImportContext): ImportResult {
  const items = annotationsIn(json);
  const annotations: Annotation[] = [];
  const skipped: string[] = [];
  for (const [i, item] of items.entries()) {
    const label = isRecord(item) && typeof item.id === "string" ? item.id : `item ${i + 1}`;
    const read = fromWebAnnotation(item, ctx);
    if (typeof read === "string") skipped.push(`${label}: ${read}`);
    else annotations.push(read);
  }
  if (!items.length) skipped.push("no annotations found (expected an Annotation, a list, an AnnotationPage or an AnnotationCollection)");
  return { annotations, skipped };
}

function annotationsIn(json: unknown): unknown[] {
  if (Array.isArray(json)) return json;
  if (!isRecord(json)) return [];
  const type = types(json);
  if (type.includes("Annotation")) return [json];
  if (type.includes("AnnotationPage")) return Array.isArray(json.items) ? json.items : [];
  if (type.includes("AnnotationCollection")) {
    const out: unknown[] = [];
    const seen = new Set<unknown>();
    for (let page = json.first; isRecord(page) && !seen.has(page); page = page.next) {
      seen.add(page);
      if (Array.isArray(page.items)) out.push(...page.items);
    }
    return out;
  }
  return [];
}

function fromWebAnnotation(item: unknown, ctx: ImportContext): Annotation | string {
  if (!isRecord(item) || !types(item).includes("Annotation")) return "not an Annotation";
  const bodies = listOf(item.body).filter(isRecord);
  if (typeof item.bodyValue === "string") bodies.push({ type: "TextualBody", value: item.bodyValue, purpose: "commenting" });
  const textOf = (purpose: string) => bodies.find((b) => b.purpose === purpose && typeof b.value === "string")?.value as string | undefined;
  const state = textOf("assessing");
  const tags = bodies.filter((b) => (b.purpose === "tagging" || b.purpose === "classifying") && typeof b.value === "string").map((b) => b.value as string);
  const note = textOf("commenting") ?? bodies.find((b) => b.purpose === undefined && types(b).includes("TextualBody") && typeof b.value === "string")?.value as string | undefined;
  const targets: AnnotationTarget[] = [];
  for (const t of listOf(item.target)) {
    const read = readTarget(t, ctx);
    if (typeof read === "string") return read;
    targets.push(read);
  }
  if (!targets.length) return "no target";
  let kind: Annotation["kind"];
  if (tags.includes(`${TAG}contradiction`) || (!tags.includes(`${TAG}claim`) && targets.length === 2 && isFlagState(state))) kind = "contradiction";
  else if (tags.includes(`${TAG}claim`) || isClaimState(state)) kind = "claim";
  else kind = "note";
  const concept = tags.find((t) => t.startsWith(`${TAG}concept/`))?.slice(`${TAG}concept/`.length);
  const rawId = typeof item.id === "string" && item.id ? item.id.replace(/^urn:uuid:/, "") : ctx.newId();
  const creator = typeof item.creator === "string" ? item.creator : isRecord(item.creator) && typeof item.creator.name === "string" ? item.creator.name : undefined;
  // Our own file format checks the rest (states per kind, number of targets, note length).
  const checked = readAnnotation({
    id: rawId,
    kind,
    ...(kind !== "note" ? { state } : {}),
    ...(note !== undefined ? { note } : {}),
    ...(concept ? { concept } : {}),
    ...(creator ? { creator } : {}),
    created: typeof item.created === "string" ? item.created : ctx.now,
    modified: typeof item.modified === "string" ? item.modified : typeof item.created === "string" ? item.created : ctx.now,
    target: targets.map((t) => ({ source: t.source, selector: [t.quote, t.position] })),
  });
  return checked;
}

function readTarget(t: unknown, ctx: ImportContext): AnnotationTarget | string {
  if (!isRecord(t) || typeof t.source !== "string") return "a target without a source and selectors (a whole document) cannot be placed";
  const source = corpusPath(t.source, ctx);
  if (!source) return `${t.source} is not an article of this corpus`;
  const selectors = listOf(t.selector).filter(isRecord);
  const quote = selectors.find((s) => s.type === "TextQuoteSelector");
  const position = selectors.find((s) => s.type === "TextPositionSelector");
  if (!quote || typeof quote.exact !== "string" || !quote.exact) return "a target without a TextQuoteSelector cannot be re-anchored";
  const ok = position && Number.isInteger(position.start) && Number.isInteger(position.end);
  return {
    source,
    quote: { type: "TextQuoteSelector", exact: quote.exact, prefix: typeof quote.prefix === "string" ? quote.prefix : "", suffix: typeof quote.suffix === "string" ? quote.suffix : "" },
    position: { type: "TextPositionSelector", start: ok ? (position.start as number) : 0, end: ok ? (position.end as number) : 0 },
  };
}

/** A source IRI as a corpus path: under our base, the path itself, or the corpus path it ends with. */
function corpusPath(source: string, ctx: ImportContext): string | undefined {
  const known = new Set(ctx.paths);
  const decode = (s: string) => { try { return decodeURIComponent(s); } catch { return s; } };
  if (source.startsWith(ctx.base)) {
    const rel = source.slice(ctx.base.length).split("/").map(decode).join("/");
    if (known.has(rel)) return rel;
  }
  if (known.has(source)) return source;
  const path = source.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "").split("/").map(decode).join("/");
  return ctx.paths.filter((p) => path === p || path.endsWith(`/${p}`)).sort((a, b) => b.length - a.length)[0];
}

function types(o: Json): string[] {
  return listOf(o.type).filter((t): t is string => typeof t === "string");
}

function listOf(v: unknown): unknown[] {
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
}
