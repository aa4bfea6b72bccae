import { compareIso } from "./recognize/calendar";

export interface OrderOverride {
  /** Paths in the order to use; documents not listed follow in computed order. */
  order?: string[];
  /** Publication dates to use instead of what the documents say. */
  published?: Record<string, string>;
}

export interface Dated {
  path: string;
  published: string | null;
}

/**
 * Corpus order: by publication date where a document has one; an undated document sits with the dated
 * one before it in file-name order (so `000_…`–`004_…` keep their sequence); ties by file name.
 */
export function corpusOrder(docs: Dated[], override: OrderOverride = {}): string[] {
  const byName = [...docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  let carried = "";
  const keyed = byName.map((d, i) => {
    const date = override.published?.[d.path] ?? d.published;
    if (date) carried = date;
    return { path: d.path, key: date ?? carried, i };
  });
  keyed.sort((a, b) => (a.key && b.key ? compareIso(a.key, b.key) : a.key ? 1 : b.key ? -1 : 0) || a.i - b.i);
  const computed = keyed.map((k) => k.path);
  const listed = (override.order ?? []).filter((p) => computed.includes(p));
  return [...listed, ...computed.filter((p) => !listed.includes(p))];
}
