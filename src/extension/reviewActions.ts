import * as vscode from "vscode";
import { CLAIM_STATES, FLAG_STATES, STATE_LABEL } from "../core";
import type { CorpusService } from "./corpusService";
import type { ReviewService } from "./reviews";

/** The lightbulb: review the flags and claims under the cursor, or note on the selection. */
export class ReviewActions implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly corpus: CorpusService, private readonly reviews: ReviewService) {}

  provideCodeActions(doc: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const a = this.corpus.fresh(doc);
    if (!a) return [];
    const snap = this.corpus.snapshot();
    const start = doc.offsetAt(range.start), end = doc.offsetAt(range.end);
    const claims = a.claims.filter((c) => c.start <= end && start <= c.end);
    const ids = new Set(claims.map((c) => c.id));
    const index = this.reviews.index();
    const actions: vscode.CodeAction[] = [];
    const ours = context.diagnostics.filter((d) => d.source === "claimscope");
    for (const flag of snap.contradictions.filter((c) => ids.has(c.earlier) || ids.has(c.later))) {
      const now = index.ofContradiction(flag)?.annotation;
      const other = snap.documentOf.get(ids.has(flag.earlier) ? flag.later : flag.earlier)?.analysis.path ?? "";
      for (const state of FLAG_STATES) {
        if (now?.kind === "contradiction" && now.state === state) continue;
        const action = new vscode.CodeAction(`Claimscope: mark flag (${flag.kind}, ${other}) as ${state}`, vscode.CodeActionKind.QuickFix);
        action.command = { command: "claimscope.reviewContradiction", title: STATE_LABEL[state], arguments: [{ earlier: flag.earlier, later: flag.later }, state] };
        action.diagnostics = ours.filter((d) => d.code === `contradiction/${flag.kind}`);
        actions.push(action);
      }
    }
    for (const c of claims.filter((x) => !x.fromHeading).slice(0, 3)) {
      const now = index.ofClaim(c.id)?.annotation;
      for (const state of CLAIM_STATES) {
        if (now?.kind === "claim" && now.state === state) continue;
        const action = new vscode.CodeAction(`Claimscope: mark claim as ${state}`, vscode.CodeActionKind.QuickFix);
        action.command = { command: "claimscope.reviewClaim", title: STATE_LABEL[state], arguments: [c.id, state] };
        actions.push(action);
      }
    }
    if (!range.isEmpty) {
      const action = new vscode.CodeAction("Claimscope: add a note to the selection", vscode.CodeActionKind.QuickFix);
      action.command = { command: "claimscope.addNote", title: "Add note", arguments: [{ path: a.path, start, end }] };
      actions.push(action);
    }
    return actions;
  }
}
