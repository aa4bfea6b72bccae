/** What reading an article's bytes gave: its text with any warnings, or why it was skipped. */
export type Decoded =
  | { ok: true; text: string; warnings: string[] }
  | { ok: false; reason: string; kind: "binary" | "too-large" };

export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Decodes an article file: UTF-8 (a BOM is dropped); binary and oversized files are refused with a reason. */
export function decodeArticle(bytes: Uint8Array, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  if (bytes.length > maxBytes) return { ok: false, reason: tooLarge(bytes.length, maxBytes, "setting claimscope.maxFileSize / --max-size"), kind: "too-large" };
  const probe = bytes.subarray(0, 65536);
  if (probe.includes(0)) return { ok: false, reason: "binary file (contains NUL bytes); skipped", kind: "binary" };
  const warnings: string[] = [];
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    text = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false }).decode(bytes);
    warnings.push("not valid UTF-8; undecodable bytes were replaced with U+FFFD");
  }
  return { ok: true, text, warnings };
}

/** Why a file above the size limit is skipped; `limit` names the setting that sets it. */
export function tooLarge(bytes: number, maxBytes: number, limit: string): string {
  return `file is ${mb(bytes)}, above the ${mb(maxBytes)} limit (${limit}); skipped`;
}

function mb(n: number): string {
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
