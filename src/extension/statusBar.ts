import * as vscode from "vscode";
import type { CorpusService } from "./corpusService";
import type { ReviewService } from "./reviews";

/**
 * A status-bar item with the corpus's counts and the flags still to review; click to open the claims view.
 * Updated after Problems (which follows every change of the corpus or the reviews): its tooltip counts what Problems leaves out.
 */
export function createStatusBar(corpus: CorpusService, reviews: ReviewService, problems: { readonly hidden: number; readonly onDidUpdate: vscode.Event<void> }): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem("claimscope.status", vscode.StatusBarAlignment.Left, 10);
  item.name = "Claimscope";
  item.command = "claimscope.claims.focus";
  const update = () => {
    const snap = corpus.snapshot();
    if (corpus.indexing) { item.text = "$(sync~spin) Claimscope: reading articles"; item.show(); return; }
    if (!snap.documents.length) { item.hide(); return; }
    const n = snap.contradictions.length;
    const open = n ? reviews.index().open(snap.contradictions).length : 0;
    const flags = !n ? "no contradictions" : open === n ? `$(warning) ${n}` : `$(warning) ${open} open of ${n}`;
    item.text = `$(law) ${snap.documents.length} articles · ${snap.claims.size} claims · ${flags}`;
    item.tooltip = `Claimscope: ${snap.documents.length} articles, ${snap.topics.length} topics, ${n} contradiction${n === 1 ? "" : "s"}${n ? ` (${n - open} reviewed)` : ""}${corpus.skipped.size ? `, ${corpus.skipped.size} file(s) skipped (see Output › Claimscope)` : ""}${problems.hidden ? `; ${problems.hidden} not in the Problems panel (claimscope.maxProblems)` : ""}`;
    item.accessibilityInformation = { label: item.tooltip };
    item.show();
  };
  problems.onDidUpdate(update);
  update();
  return item;
}
