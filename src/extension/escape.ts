/**
 * Article text shown in a Markdown hover or tooltip: every character Markdown or HTML could read as
 * syntax is escaped, so an article cannot create a link, a command URI, an image or markup.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_{}[\]()!|~<>@]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    // No scheme (`https:`, `command:`) and no `www.` is left for a GFM autolink to find.
    .replace(/:/g, "&#58;")
    .replace(/\b(www)\./gi, "$1\\.")
    .replace(/\r\n?|\n/g, " ")
    // Indentation at the start would make a code block; a paragraph does not show it anyway.
    .replace(/^\s+/, "")
    // Only at the start of a line do these begin a heading, list, rule or quote ("1." is escaped after its digits).
    .replace(/^(?:[#+\-=]|(\d+)([.)]))/, (mark: string, digits: string | undefined, dot: string | undefined) => (digits ? `${digits}\\${dot}` : `\\${mark}`));
}

/** Text for HTML content and attribute values (a webview page). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export { snippet } from "../core";
