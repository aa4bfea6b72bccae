import { marked } from "marked";
import { parseFragment, type DefaultTreeAdapterMap } from "parse5";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

export interface Rendered {
  /** Every element, in document order: its tag and attributes. */
  elements: Array<{ tag: string; attrs: Record<string, string>; text: string }>;
  /** What a reader sees, runs of white space (Monaco's nbsp among them) read as one space. */
  text: string;
}

function tags(node: Node, out: Element[] = []): Element[] {
  if ("tagName" in node) out.push(node);
  for (const k of "childNodes" in node ? node.childNodes : []) tags(k, out);
  return out;
}

function textOf(node: Node): string {
  if (node.nodeName === "#text") return (node as DefaultTreeAdapterMap["textNode"]).value;
  return ("childNodes" in node ? node.childNodes : []).map(textOf).join("");
}

/**
 * Markdown rendered as VS Code renders a hover or a tree tooltip (marked, GitHub-flavoured), then read back
 * as a browser reads the HTML: what a reader would see and what markup there is.
 */
export function renderMarkdown(markdown: string): Rendered {
  const html = marked.parse(markdown, { async: false, gfm: true });
  const root = parseFragment(html) as unknown as Node;
  return {
    elements: tags(root).map((e) => ({ tag: e.tagName, attrs: Object.fromEntries(e.attrs.map((a) => [a.name, a.value])), text: textOf(e as unknown as Node) })),
    text: textOf(root).replace(/\s+/g, " ").trim(),
  };
}
