import * as vscode from "vscode";
import { CONFIG_FILE, parseConfigFile, readSettings, type Settings } from "../core";

const KEYS = ["include", "exclude", "order", "published", "orgAliases", "extraTerms", "tolerance", "maxFileSize", "maxProblems", "flagSeverity"] as const;

/**
 * The corpus config file at the root of the first workspace folder (the CLI reads the same file), or
 * undefined; a file that is not a JSON object is reported.
 */
export async function readConfigFile(problems: string[]): Promise<Record<string, unknown> | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  let bytes: Uint8Array;
  try { bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, CONFIG_FILE)); } catch { return undefined; }
  return parseConfigFile(bytes, problems);
}

/**
 * The settings in force: a `claimscope.*` setting the user has set wins, else the corpus config file's
 * value, else the default. A value of the wrong type is reported and its default used.
 */
export function readWorkspaceSettings(file?: Record<string, unknown>, fileProblems: string[] = []): { settings: Settings; problems: string[]; highlight: Set<string>; debounceMs: number } {
  const config = vscode.workspace.getConfiguration("claimscope");
  const raw: Record<string, unknown> = {};
  for (const k of KEYS) {
    const i = config.inspect(k);
    const explicit = i?.workspaceFolderValue ?? i?.workspaceValue ?? i?.globalValue;
    raw[k] = explicit !== undefined ? explicit : file?.[k] !== undefined ? file[k] : config.get(k);
  }
  const read = readSettings(raw, "Claimscope settings");
  const settings = read.settings;
  const problems = [...fileProblems, ...read.problems];
  const kinds = config.get<unknown>("highlight");
  const highlight = new Set(Array.isArray(kinds) ? kinds.filter((k): k is string => typeof k === "string") : ["money", "stake", "percent", "date", "term", "org"]);
  if (!Array.isArray(kinds)) problems.push('Claimscope settings: "highlight" should be a list of fact kinds; the default is used');
  const d = config.get<unknown>("debounceMs");
  const debounceMs = typeof d === "number" && d >= 0 ? d : 300;
  if (typeof d !== "number" || d < 0) problems.push('Claimscope settings: "debounceMs" should be a number of milliseconds; the default is used');
  return { settings, problems, highlight, debounceMs };
}
