/** Text shortened for a label, a message or a hover: white space folded, cut with an ellipsis. */
export function snippet(text: string, max = 100): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}

/** A snippet in quotation marks. */
export function quoted(text: string, max = 100): string {
  return `“${snippet(text, max)}”`;
}
