import { marked } from "marked";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";

export type Node = DefaultTreeAdapterMap["node"];
export type Element = DefaultTreeAdapterMap["element"];

export interface Rendered {
  /** Every element, in document order: its tag and attributes. */
  elements: Array<{ tag: string; attrs: Record<string, string>; text: string }>;
  /** What a reader sees, runs of white space (Monaco's nbsp among them) read as one space. */
  text: string;
}

/** Every element under `node`, in document order. */
export function tags(node: Node, out: Element[] = []): Element[] {
  if ("tagName" in node) out.push(node);
  for (const k of "childNodes" in node ? node.childNodes : []) tags(k, out);
  return out;
}

/** The text under `node`, as it is. */
export function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  return ("childNodes" in node ? node.childNodes : []).map(textOf).join("");
}

/** Markdown rendered as VS Code renders a hover or a tree tooltip (marked, GitHub-flavoured), parsed back as HTML. */
export function markdownFragment(markdown: string): Node {
  return parseFragment(marked.parse(markdown, { async: false, gfm: true })) as unknown as Node;
}

/**
 * Markdown rendered as VS Code renders a hover or a tree tooltip (marked, GitHub-flavoured), then read back
 * as a browser reads the HTML: what a reader would see and what markup there is.
 */
export function renderMarkdown(markdown: string): Rendered {
  const root = markdownFragment(markdown);
  return {
    elements: tags(root).map((e) => ({ tag: e.tagName, attrs: Object.fromEntries(e.attrs.map((a) => [a.name, a.value])), text: textOf(e as unknown as Node) })),
    text: textOf(root).replace(/\s+/g, " ").trim(),
  };
}
