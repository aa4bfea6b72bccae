import * as vscode from "vscode";
import { CorpusService } from "./corpusService";
import { registerArticleLanguage } from "./articleLanguage";
import { ContradictedMarks, Highlighting, ShownFlags, legend, ARTICLE_SELECTOR } from "./highlighting";
import { ClaimsTree } from "./claimsTree";
import { ClaimHover } from "./hover";
import { ContradictionDiagnostics } from "./diagnostics";
import { registerCommands } from "./commands";
import { createStatusBar } from "./statusBar";
import { lookupItems } from "./lookup";
import { ReviewService } from "./reviews";
import { ReviewActions } from "./reviewActions";
import { knownIds, refused, registerReviewCommands } from "./reviewCommands";
import { DealSheetPanel } from "./dealSheet";

/** What the extension gives its tests (and other extensions). */
export interface ClaimscopeApi {
  corpus: CorpusService;
  tree: ClaimsTree;
  diagnostics: vscode.DiagnosticCollection;
  /** What fills `diagnostics`, a few turns of the host after the corpus changes (`updated` settles when it is done). */
  problems: ContradictionDiagnostics;
  reviews: ReviewService;
  dealSheet: DealSheetPanel;
  marks: ContradictedMarks;
  lookup(query: string): Array<{ label: string; description?: string; detail?: string }>;
  /** Milliseconds spent in activate(), and from activation until the first index was complete (reported by the tests). */
  timings: { activateMs: number; firstIndexMs?: number };
}

export function activate(context: vscode.ExtensionContext): ClaimscopeApi {
  const t0 = globalThis.performance.now();
  const log = vscode.window.createOutputChannel("Claimscope");
  const corpus = new CorpusService(log, context.storageUri);
  const reviews = new ReviewService(corpus);
  const tree = new ClaimsTree(corpus, reviews, context.workspaceState);
  const view = vscode.window.createTreeView("claimscope.claims", { treeDataProvider: tree, showCollapseAll: true });
  const diagnostics = new ContradictionDiagnostics(corpus, reviews);
  const dealSheet = new DealSheetPanel(context.extensionUri, corpus, reviews);
  const shown = new ShownFlags(corpus, reviews);
  const highlighting = new Highlighting(corpus, shown);
  const marks = new ContradictedMarks(corpus, shown);
  const describe = () => {
    const snap = corpus.snapshot();
    const open = snap.contradictions.length ? reviews.index().open(snap.contradictions).length : 0;
    view.description = snap.documents.length ? `${snap.documents.length} articles · ${snap.contradictions.length} flagged${open < snap.contradictions.length ? ` (${open} open)` : ""}` : undefined;
    view.message = tree.filter ? `Filtered by “${tree.filter}”` : undefined;
  };
  reviews.onDidChange(describe);
  context.subscriptions.push(
    log, corpus, reviews, view, diagnostics, dealSheet, marks,
    registerArticleLanguage(corpus),
    vscode.languages.registerDocumentSemanticTokensProvider(ARTICLE_SELECTOR, highlighting, legend),
    vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, new ClaimHover(corpus, reviews)),
    vscode.languages.registerCodeActionsProvider(ARTICLE_SELECTOR, new ReviewActions(corpus, reviews), { providedCodeActionKinds: ReviewActions.kinds }),
    createStatusBar(corpus, reviews, diagnostics),
    ...registerCommands(corpus, tree, view, shown, reviews),
    ...registerReviewCommands(corpus, reviews),
    vscode.commands.registerCommand("claimscope.showDealSheet", (deal?: unknown) => (typeof deal === "string" && refused("claimscope.showDealSheet", deal, knownIds(corpus, reviews)) ? false : dealSheet.show(deal))),
    tree.onDidChangeTreeData(describe),
  );
  const timings: ClaimscopeApi["timings"] = { activateMs: 0 };
  void corpus.reindex().then(() => { timings.firstIndexMs = globalThis.performance.now() - t0; });
  timings.activateMs = globalThis.performance.now() - t0;
  return { corpus, tree, diagnostics: diagnostics.collection, problems: diagnostics, reviews, dealSheet, marks, timings, lookup: (q) => lookupItems(corpus, q) };
}

export function deactivate(): void {}
