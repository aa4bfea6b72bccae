import { isRecord } from "../isRecord";

/** The corpus config file at the corpus's root (settings for the CLI; the editor reads it under its own settings). */
export const CONFIG_FILE = ".claimscope.json";

/** The config file's settings object, or undefined (with a problem said) when it is not a JSON object. */
export function parseConfigFile(bytes: Uint8Array | string, problems: string[]): Record<string, unknown> | undefined {
  let data: unknown;
  try {
    data = JSON.parse(typeof bytes === "string" ? bytes : new TextDecoder().decode(bytes));
  } catch (e) {
    problems.push(`${CONFIG_FILE}: not valid JSON (${e instanceof Error ? e.message : String(e)}); defaults used`);
    return undefined;
  }
  if (isRecord(data)) return data;
  problems.push(`${CONFIG_FILE}: expected an object of settings; defaults used`);
  return undefined;
}
