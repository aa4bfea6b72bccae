import * as vscode from "vscode";
import { readSettings, type Settings } from "../core";

const KEYS = ["include", "exclude", "order", "published", "orgAliases", "extraTerms", "tolerance", "maxFileSize"] as const;

/** The `claimscope.*` settings, checked: a value of the wrong type is reported and its default used. */
export function readWorkspaceSettings(): { settings: Settings; problems: string[]; highlight: Set<string>; debounceMs: number } {
  const config = vscode.workspace.getConfiguration("claimscope");
  const raw: Record<string, unknown> = {};
  for (const k of KEYS) raw[k] = config.get(k);
  const { settings, problems } = readSettings(raw, "Claimscope settings");
  const kinds = config.get<unknown>("highlight");
  const highlight = new Set(Array.isArray(kinds) ? kinds.filter((k): k is string => typeof k === "string") : ["money", "stake", "percent", "date", "term", "org"]);
  if (!Array.isArray(kinds)) problems.push('Claimscope settings: "highlight" should be a list of fact kinds; the default is used');
  const d = config.get<unknown>("debounceMs");
  const debounceMs = typeof d === "number" && d >= 0 ? d : 300;
  if (typeof d !== "number" || d < 0) problems.push('Claimscope settings: "debounceMs" should be a number of milliseconds; the default is used');
  return { settings, problems, highlight, debounceMs };
}
