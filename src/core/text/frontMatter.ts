import { parse as parseYaml } from "yaml";

export interface FrontMatter {
  /** Parsed mapping, or null when absent or unreadable. */
  data: Record<string, unknown> | null;
  /** Where the block (fences included) lies in the text; end 0 when there is none. */
  end: number;
  error: string | null;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/m;

/** Reads a leading YAML front matter block. A broken one is reported, never fatal. */
export function readFrontMatter(text: string): FrontMatter {
  const open = OPEN.exec(text);
  if (!open) return { data: null, end: 0, error: null };
  const bodyStart = open[0].length;
  const rest = text.slice(bodyStart);
  const close = CLOSE.exec(rest);
  if (!close) return { data: null, end: 0, error: "front matter opened with --- is never closed; read as article text" };
  const end = bodyStart + close.index + close[0].length;
  try {
    const data: unknown = parseYaml(rest.slice(0, close.index));
    if (data === null || data === undefined) return { data: {}, end, error: null };
    if (typeof data !== "object" || Array.isArray(data)) return { data: null, end, error: "front matter is not a key: value mapping; ignored" };
    return { data: data as Record<string, unknown>, end, error: null };
  } catch (e) {
    const msg = e instanceof Error ? e.message.split("\n")[0] : String(e);
    return { data: null, end, error: `front matter is not valid YAML (${msg}); ignored` };
  }
}

/** Blanks a range with spaces, keeping line breaks, so later offsets stay valid. */
export function blank(text: string, start: number, end: number): string {
  if (end <= start) return text;
  return text.slice(0, start) + text.slice(start, end).replace(/[^\r\n]/g, " ") + text.slice(end);
}
