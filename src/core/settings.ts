import type { ExtraTerm } from "./recognize/terms";
import { DEFAULT_MAX_BYTES } from "./text/decode";
import { isRecord } from "./isRecord";
import { DEFAULT_FLAG_SEVERITY, FLAG_LEVELS, type FlagSeverity } from "./review/flags";

/** Everything a user can set, from `.claimscope.json` (CLI) or the `claimscope.*` settings (editor). */
export interface Settings {
  include: string[];
  exclude: string[];
  order: string[];
  published: Record<string, string>;
  orgAliases: Record<string, string[]>;
  extraTerms: ExtraTerm[];
  tolerance: number;
  maxFileSize: number;
  /** Most contradictions shown in the Problems panel (editor only): beyond, the panel would swamp the window. */
  maxProblems: number;
  /** How loudly a flag of each nature is shown: Problems severity in the editor, SARIF level in reports. */
  flagSeverity: FlagSeverity;
}

export const DEFAULT_SETTINGS: Settings = {
  include: [], exclude: [], order: [], published: {}, orgAliases: {}, extraTerms: [], tolerance: 0, maxFileSize: DEFAULT_MAX_BYTES, maxProblems: 1000, flagSeverity: DEFAULT_FLAG_SEVERITY,
};

const isStringArray = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === "string");

/**
 * Reads settings of unknown shape. A value of the wrong type is reported and replaced by its default;
 * the rest still applies.
 */
export function readSettings(raw: unknown, where = "settings"): { settings: Settings; problems: string[] } {
  const settings: Settings = structuredClone(DEFAULT_SETTINGS);
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings, problems };
  if (!isRecord(raw)) return { settings, problems: [`${where}: expected an object of settings; all defaults used`] };
  const bad = (key: string, want: string) => problems.push(`${where}: "${key}" should be ${want}; the default is used`);
  for (const key of ["include", "exclude", "order"] as const) {
    if (raw[key] === undefined) continue;
    if (isStringArray(raw[key])) settings[key] = raw[key] as string[];
    else bad(key, "a list of strings");
  }
  if (raw.published !== undefined) {
    if (isRecord(raw.published) && Object.values(raw.published).every((v) => typeof v === "string" && /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/.test(v))) {
      settings.published = raw.published as Record<string, string>;
    } else bad("published", "an object of path → ISO date (YYYY, YYYY-MM or YYYY-MM-DD)");
  }
  if (raw.orgAliases !== undefined) {
    if (isRecord(raw.orgAliases) && Object.values(raw.orgAliases).every(isStringArray)) settings.orgAliases = raw.orgAliases as Record<string, string[]>;
    else bad("orgAliases", "an object of organisation → list of names");
  }
  if (raw.extraTerms !== undefined) {
    const ok = Array.isArray(raw.extraTerms) && raw.extraTerms.every((t) => isRecord(t) && typeof t.id === "string" && /^[a-z0-9][a-z0-9-]*$/.test(t.id) && isStringArray(t.phrases) && (t.label === undefined || typeof t.label === "string"));
    if (ok) settings.extraTerms = raw.extraTerms as ExtraTerm[];
    else bad("extraTerms", 'a list of { "id": "kebab-case-id", "label"?: "…", "phrases": ["…"] }');
  }
  if (raw.tolerance !== undefined) {
    if (typeof raw.tolerance === "number" && raw.tolerance >= 0 && raw.tolerance < 1) settings.tolerance = raw.tolerance;
    else bad("tolerance", "a number from 0 to 1 (a fraction: 0.02 is 2%)");
  }
  if (raw.maxFileSize !== undefined) {
    if (typeof raw.maxFileSize === "number" && raw.maxFileSize > 0) settings.maxFileSize = raw.maxFileSize;
    else bad("maxFileSize", "a positive number of bytes");
  }
  if (raw.maxProblems !== undefined) {
    if (Number.isInteger(raw.maxProblems) && (raw.maxProblems as number) >= 0) settings.maxProblems = raw.maxProblems as number;
    else bad("maxProblems", "a whole number, 0 or more");
  }
  if (raw.flagSeverity !== undefined) {
    const levels: readonly unknown[] = FLAG_LEVELS;
    const v = raw.flagSeverity;
    if (isRecord(v) && Object.keys(v).every((k) => k === "conflict" || k === "superseded") && Object.values(v).every((l) => levels.includes(l))) {
      settings.flagSeverity = { ...settings.flagSeverity, ...(v as Partial<FlagSeverity>) };
    } else bad("flagSeverity", `an object { "conflict"?: level, "superseded"?: level } with levels ${FLAG_LEVELS.join(", ")}`);
  }
  return { settings, problems };
}
