import type { Block } from "../types";

/** What the structure reader needs from a Markdown document: its blocks and the ranges that carry no prose. */
export interface MarkdownShape {
  blocks: Block[];
  masks: [number, number][];
}

// A list item, quote, fence, indented code, thematic break or setext underline, or an HTML block or a
// link definition: a line opening with one of these is left to remark.
const COMPLEX_START = /^(?:[>*+\-_=~`<|]|\d{1,9}[.)](?:[ \t]|$)|\[[^\]]*\]:)/;
// Code spans, HTML and autolinks, escapes: left to remark.
const COMPLEX_INLINE = /[`<\\]/;
const ATX = /^#{1,6}(?=[ \t]|$)/;
// A list item's marker and the spaces after it (five or more would start indented code inside the item).
const BULLET = /^[-*+] {1,4}(?=\S)/;
const ORDERED = /^(\d{1,9})[.)] {1,4}(?=\S)/;
const THEMATIC = /^(?:[-*_][ \t]*){3,}$/;
const LINK = /(!?)\[([^[\]\n]*)\]\(([^()\s<>]*)\)/y;

/**
 * The common shape of an article in Markdown — ATX headings, paragraphs, inline links and images — read by
 * one scan over the lines, with the offsets remark gives (a test holds the two together). Anything else
 * returns null and is read by remark, which costs about fifty times as much.
 */
export function readSimpleMarkdown(text: string): MarkdownShape | null {
  if (/\r(?!\n)/.test(text)) return null; // a lone carriage return ends a line for remark
  const blocks: Block[] = [];
  const masks: [number, number][] = [];
  let para: Block | null = null;
  // After a list item, until a paragraph or heading outside the list: what an indented line means depends on it.
  let inList = false;
  let blankBefore = false;
  const close = () => {
    if (para) blocks.push(para);
    para = null;
  };
  for (let next = 0; next <= text.length; ) {
    const ls = next;
    let le = text.indexOf("\n", ls);
    if (le < 0) le = text.length;
    next = le + 1;
    if (le > ls && text[le - 1] === "\r") le--;
    let fs = ls;
    while (fs < le && text[fs] === " ") fs++;
    // remark's blocks end where the line ends, trailing spaces included.
    let content = le;
    while (content > fs && (text[content - 1] === " " || text[content - 1] === "\t")) content--;
    if (fs === content) {
      close();
      blankBefore = true;
      continue;
    }
    if (fs - ls >= 4 || text[fs] === "\t") return null;
    const line = text.slice(fs, content);
    const ordered = ORDERED.exec(line);
    const item = ordered ?? BULLET.exec(line);
    let at = fs;
    let kind: Block["kind"] = "paragraph";
    if (item) {
      // Only a flat list at the margin; an ordered item other than 1 cannot interrupt a paragraph.
      if (fs !== ls || THEMATIC.test(line) || (para && ordered && ordered[1] !== "1")) return null;
      at = fs + item[0].length;
      const rest = text.slice(at, content);
      if (ATX.test(rest) || COMPLEX_START.test(rest)) return null;
      close();
      inList = true;
      kind = "listItem";
    } else if (inList && blankBefore && fs !== ls) {
      return null; // an indented line after a gap in a list may belong to the item
    }
    blankBefore = false;
    const heading = item ? null : ATX.exec(line);
    if (heading) {
      // A closing run of #s is not part of the title; remark's node still spans it, but leave such lines to remark.
      if (/(?:^|[ \t])#+$/.test(line.slice(heading[0].length))) return null;
      if (COMPLEX_INLINE.test(line) || !readLinks(text, fs, content, masks)) return null;
      close();
      inList = false;
      blocks.push({ kind: "heading", start: fs, end: le });
      continue;
    }
    if ((!item && COMPLEX_START.test(line)) || COMPLEX_INLINE.test(line) || !readLinks(text, at, content, masks)) return null;
    if (!para) {
      if (!item) inList = false;
      para = { kind, start: at, end: le };
    }
    para.end = le;
  }
  close();
  return { blocks, masks };
}

/** Masks the markup of each inline link or image in [start, end); false when a bracket is anything else. */
function readLinks(text: string, start: number, end: number, masks: [number, number][]): boolean {
  for (let i = text.indexOf("[", start); i >= 0 && i < end; i = text.indexOf("[", i)) {
    const image = i > start && text[i - 1] === "!";
    LINK.lastIndex = image ? i - 1 : i;
    const m = LINK.exec(text);
    if (!m || LINK.lastIndex > end) return false;
    const [, , label, url] = m;
    const at = LINK.lastIndex - m[0].length;
    if (image || !label || label === url) masks.push([at, LINK.lastIndex]);
    else {
      masks.push([at, at + 1]);
      masks.push([at + 1 + label!.length, LINK.lastIndex]);
    }
    i = LINK.lastIndex;
  }
  // A closing bracket with no opening one before it.
  let open = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === "[") open++;
    else if (c === "]" && --open < 0) return false;
  }
  return true;
}
