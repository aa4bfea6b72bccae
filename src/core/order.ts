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
 * Corpus order: by publication date where a document has one. An undated document sits with the dated
 * document before it in file-name order within its series (so `000_…`–`004_…` keep their sequence), or,
 * before the series' first dated one, with the dated one after it; ties by file name. A series is a folder,
 * or the files of a folder that share the name before their sequence number (`story__000_…`): a date never
 * carries from one story's files to another's.
 */
export function corpusOrder(docs: Dated[], override: OrderOverride = {}): string[] {
  const byName = [...docs].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const dates = byName.map((d) => override.published?.[d.path] ?? d.published);
  const series = byName.map((d) => seriesOf(d.path));
  const keys: string[] = new Array(byName.length).fill("");
  for (let i = 0, carried = "", prev: string | undefined; i < byName.length; i++) {
    if (series[i] !== prev) { carried = ""; prev = series[i]; }
    if (dates[i]) carried = dates[i]!;
    keys[i] = carried;
  }
  for (let i = byName.length - 1, carried = "", prev: string | undefined; i >= 0; i--) {
    if (series[i] !== prev) { carried = ""; prev = series[i]; }
    if (dates[i]) carried = dates[i]!;
    if (!keys[i]) keys[i] = carried;
  }
  const keyed = byName.map((d, i) => ({ path: d.path, key: keys[i]!, i }));
  keyed.sort((a, b) => (a.key && b.key ? compareIso(a.key, b.key) : a.key ? 1 : b.key ? -1 : 0) || a.i - b.i);
  const computed = keyed.map((k) => k.path);
  const listed = (override.order ?? []).filter((p) => computed.includes(p));
  return [...listed, ...computed.filter((p) => !listed.includes(p))];
}

/** The folder of a path and the part of its file name before a sequence number ("a/story__000_x.txt" → "a/story__"). */
function seriesOf(path: string): string {
  const slash = path.lastIndexOf("/");
  const name = path.slice(slash + 1);
  const m = /^(\D*)\d{2,}[_\-. ]/.exec(name);
  return path.slice(0, slash + 1) + (m ? m[1] : "");
}
