import { unified } from "unified";
import remarkParse from "remark-parse";
import type { Nodes, Parents } from "mdast";
import type { Block, BlockKind } from "../types";
import { readSimpleMarkdown, type MarkdownShape } from "./simpleMarkdown";

export type Format = "markdown" | "text";

export interface Structure {
  blocks: Block[];
  /** The text with markup that carries no prose (URLs, code, HTML) blanked; offsets unchanged. */
  prose: string;
}

const parser = unified().use(remarkParse);
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>()\[\]"']+/g;

/**
 * Blocks (headings, paragraphs, list items, quotes, table cells) with offsets: for Markdown, from a line scan
 * when the document has only headings, paragraphs and inline links, else from remark's tree; for plain text, which puts one paragraph per line, every line is a block of its own.
 */
export function readStructure(text: string, format: Format): Structure {
  // Plain text has no Markdown to read: every line is a block, which is what remark's tree would be cut
  // into anyway, at a fraction of the cost (remark reads about 5 MB/s).
  if (format === "text") return { blocks: splitLines(text, [{ kind: "paragraph", start: 0, end: text.length }]), prose: withoutUrls(text) };
  const { blocks, masks } = readSimpleMarkdown(text) ?? remarkShape(text);
  return { blocks, prose: withoutUrls(masked(text, masks)) };
}

/** The blocks and prose-less ranges of any Markdown, from remark's tree. */
export function remarkShape(text: string): MarkdownShape {
  const tree = parser.parse(text);
  const blocks: Block[] = [];
  const masks: [number, number][] = [];
  const mask = (start: number, end: number) => { masks.push([start, end]); };

  // `inBlock`: inside a paragraph, heading or table cell, where raw HTML is inline and the block is already read.
  const visit = (node: Nodes, container: BlockKind, inBlock: boolean): void => {
    const start = node.position?.start.offset;
    const end = node.position?.end.offset;
    if (start === undefined || end === undefined) return;
    switch (node.type) {
      case "heading":
        blocks.push({ kind: "heading", start, end });
        break;
      case "paragraph":
        blocks.push({ kind: container, start, end });
        break;
      case "html": {
        // Raw HTML is never prose, but article text may follow it on its line (`<script>…</script> Zeta sold …`):
        // that text, outside every element, is read as a paragraph; the rest of the block stays blanked.
        const outside = inBlock ? [] : textOutsideHtml(text.slice(start, end));
        if (!outside.length) { mask(start, end); return; }
        let at = start;
        for (const [a, b] of outside) { mask(at, start + a); at = start + b; }
        mask(at, end);
        blocks.push({ kind: container, start: start + outside[0]![0], end: start + outside[outside.length - 1]![1] });
        return;
      }
      // No prose in these: code, link definitions, images.
      case "code":
      case "inlineCode":
      case "definition":
      case "image":
      case "imageReference":
        mask(start, end);
        return;
      case "link": {
        const kids = node.children;
        const first = kids[0]?.position?.start.offset;
        const last = kids[kids.length - 1]?.position?.end.offset;
        if (first === undefined || last === undefined || (kids.length === 1 && kids[0]!.type === "text" && kids[0]!.value === node.url)) {
          mask(start, end);
        } else {
          mask(start, first);
          mask(last, end);
        }
        break;
      }
      case "tableCell":
        blocks.push({ kind: "tableCell", start, end });
        break;
    }
    if ("children" in node) {
      const next: BlockKind = node.type === "listItem" ? "listItem" : node.type === "blockquote" ? "quote" : container;
      const block = inBlock || node.type === "paragraph" || node.type === "heading" || node.type === "tableCell";
      for (const child of (node as Parents).children) visit(child as Nodes, next, block);
    }
  };
  visit(tree, "paragraph", false);
  return { blocks: blocks.sort((a, b) => a.start - b.start), masks };
}

/** Elements that never hold text, so never open one. */
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);
const TAG_NAME = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)/;

/**
 * The ranges of a raw HTML block's text that lie outside every element, comment and tag (offsets into
 * `html`), each holding more than spaces. Text inside an element (`<div>$8 billion</div>`) is the HTML's.
 */
export function textOutsideHtml(html: string): [number, number][] {
  const out: [number, number][] = [];
  let depth = 0, from = -1;
  const close = (to: number) => {
    if (from >= 0 && /\S/.test(html.slice(from, to))) out.push([from, to]);
    from = -1;
  };
  for (let i = 0; i < html.length; ) {
    if (html[i] === "<" && /[A-Za-z/!?]/.test(html[i + 1] ?? "")) {
      close(i);
      let end: number;
      if (html.startsWith("<!--", i)) {
        end = html.indexOf("-->", i + 4);
        end = end < 0 ? html.length : end + 3;
      } else {
        end = html.indexOf(">", i);
        end = end < 0 ? html.length : end + 1;
        const tag = TAG_NAME.exec(html.slice(i, Math.min(end, i + 64)));
        if (tag) {
          if (tag[1]) depth = Math.max(0, depth - 1);
          else if (!VOID_ELEMENTS.has(tag[2]!.toLowerCase()) && html[end - 2] !== "/") depth++;
        }
      }
      i = end;
      continue;
    }
    if (depth === 0 && from < 0) from = i;
    if (depth > 0) close(i);
    i++;
  }
  close(html.length);
  return out;
}

const withoutUrls = (text: string) => text.replace(BARE_URL, (m) => " ".repeat(m.length));

/** The text with each range blanked (line breaks kept), built in one pass. */
export function masked(text: string, masks: [number, number][]): string {
  if (!masks.length) return text;
  const sorted = [...masks].sort((a, b) => a[0] - b[0]);
  let out = "";
  let at = 0;
  for (const [start, end] of sorted) {
    const from = Math.max(start, at);
    if (end <= from) continue;
    out += text.slice(at, from) + text.slice(from, end).replace(/[^\r\n]/g, " ");
    at = end;
  }
  return out + text.slice(at);
}

const TERMINAL = /[.!?:;,"”’)\]…]$/;

/** One block per non-empty line; short lines that do not end a sentence read as headings. */
function splitLines(text: string, blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const re = /[^\r\n]+/g;
    re.lastIndex = b.start;
    for (let m = re.exec(text); m && m.index < b.end; m = re.exec(text)) {
      let s = m.index;
      let e = Math.min(m.index + m[0].length, b.end);
      while (s < e && /\s/.test(text[s]!)) s++;
      while (e > s && /\s/.test(text[e - 1]!)) e--;
      if (e <= s) continue;
      const line = text.slice(s, e);
      let kind = b.kind;
      if (kind === "paragraph" && /^[•·▪◦‣\-*–]\s/.test(line)) kind = "listItem";
      else if (kind === "paragraph" && /^#{1,6}\s/.test(line)) kind = "heading";
      else if (kind === "paragraph" && looksLikeHeading(line)) kind = "heading";
      out.push({ kind, start: s, end: e });
    }
  }
  return out;
}

function looksLikeHeading(line: string): boolean {
  if (line.length > 120 || TERMINAL.test(line)) return false;
  const words = line.split(/\s+/);
  return words.length <= 16;
}
