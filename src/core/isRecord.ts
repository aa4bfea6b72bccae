/** A plain JSON object (not null, not a list): what settings, annotation files and Web Annotations are read as. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
