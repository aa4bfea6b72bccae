import * as vscode from "vscode";
import type { ClaimscopeApi } from "../../../src/extension/extension";

export async function api(): Promise<ClaimscopeApi> {
  const ext = vscode.extensions.getExtension<ClaimscopeApi>("claimscope.claimscope");
  if (!ext) throw new Error("extension claimscope.claimscope not found");
  const a = await ext.activate();
  await a.corpus.ready;
  return a;
}

export function root(): vscode.Uri {
  return vscode.workspace.workspaceFolders![0]!.uri;
}

export function file(rel: string): vscode.Uri {
  return vscode.Uri.joinPath(root(), rel);
}

export async function open(rel: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(file(rel));
  return vscode.window.showTextDocument(doc);
}

/** Waits until a condition holds (the corpus updates asynchronously after edits and file events). */
export async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, ms = 10000): Promise<T> {
  const t0 = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - t0 > ms) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * What a webview page of this extension may name, from a webview of the test's own (its source, and where the
 * extension's files are served): the rules test/webviewPolicy.ts checks a page against, not read from the page.
 */
export async function webviewRules(): Promise<{ cspSource: string; resourceRoot: string }> {
  const probe = vscode.window.createWebviewPanel("claimscope.test", "probe", { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {});
  const ext = vscode.extensions.getExtension("claimscope.claimscope")!.extensionUri;
  const rules = { cspSource: probe.webview.cspSource, resourceRoot: probe.webview.asWebviewUri(ext).toString().replace(/\/?$/, "/") };
  // Closed once shown (closing a panel still being opened upsets the workbench).
  await until("the probe shown", () => probe.visible);
  probe.dispose();
  return rules;
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === "string" ? c : "value" in c ? c.value : ""))).join("\n");
}

export function offsetOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Position {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = doc.getText().indexOf(needle, at + 1);
  if (at < 0) throw new Error(`"${needle}" not in ${doc.uri.path}`);
  return doc.positionAt(at + 1);
}
