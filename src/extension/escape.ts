/**
 * Article text shown in a Markdown hover or tooltip: every character Markdown or HTML could read as
 * syntax is escaped, so an article cannot create a link, a command URI, an image or markup.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()!|~<>]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/:/g, "&#58;")
    .replace(/\r?\n/g, " ")
    // Only at the start of a line do these begin a heading, list, rule or quote.
    .replace(/^(\s*)([#+\-=]|\d+[.)])/, (_, space: string, mark: string) => `${space}\\${mark}`);
}

/** Text for HTML content and attribute values (a webview page). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export { snippet } from "../core";
