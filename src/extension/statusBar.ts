import * as vscode from "vscode";
import type { CorpusService } from "./corpusService";

/** A status-bar item with the corpus's counts; click to open the claims view. */
export function createStatusBar(corpus: CorpusService): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem("claimscope.status", vscode.StatusBarAlignment.Left, 10);
  item.name = "Claimscope";
  item.command = "claimscope.claims.focus";
  const update = () => {
    const snap = corpus.snapshot();
    if (corpus.indexing) { item.text = "$(sync~spin) Claimscope: reading articles"; item.show(); return; }
    if (!snap.documents.length) { item.hide(); return; }
    const n = snap.contradictions.length;
    item.text = `$(law) ${snap.documents.length} articles · ${snap.claims.size} claims · ${n ? `$(warning) ${n}` : "no contradictions"}`;
    item.tooltip = `Claimscope: ${snap.documents.length} articles, ${snap.topics.length} topics, ${n} contradiction${n === 1 ? "" : "s"}${corpus.skipped.size ? `, ${corpus.skipped.size} file(s) skipped (see Output › Claimscope)` : ""}`;
    item.accessibilityInformation = { label: item.tooltip };
    item.show();
  };
  corpus.onDidChange(update);
  update();
  return item;
}
