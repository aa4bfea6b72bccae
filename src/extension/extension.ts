import * as vscode from "vscode";
import { CorpusService } from "./corpusService";
import { registerArticleLanguage } from "./articleLanguage";
import { Highlighting, legend, ARTICLE_SELECTOR } from "./highlighting";
import { ClaimsTree } from "./claimsTree";
import { ClaimHover } from "./hover";
import { ContradictionDiagnostics } from "./diagnostics";
import { registerCommands } from "./commands";
import { createStatusBar } from "./statusBar";
import { lookupItems } from "./lookup";

/** What the extension gives its tests (and other extensions). */
export interface ClaimscopeApi {
  corpus: CorpusService;
  tree: ClaimsTree;
  diagnostics: vscode.DiagnosticCollection;
  lookup(query: string): Array<{ label: string; description?: string; detail?: string }>;
}

export function activate(context: vscode.ExtensionContext): ClaimscopeApi {
  const log = vscode.window.createOutputChannel("Claimscope");
  const corpus = new CorpusService(log);
  const tree = new ClaimsTree(corpus, context.workspaceState);
  const view = vscode.window.createTreeView("claimscope.claims", { treeDataProvider: tree, showCollapseAll: true });
  const diagnostics = new ContradictionDiagnostics(corpus);
  const highlighting = new Highlighting(corpus);
  const describe = () => {
    const snap = corpus.snapshot();
    view.description = snap.documents.length ? `${snap.documents.length} articles · ${snap.contradictions.length} flagged` : undefined;
    view.message = tree.filter ? `Filtered by “${tree.filter}”` : undefined;
  };
  corpus.onDidChange(describe);
  context.subscriptions.push(
    log, corpus, view, diagnostics,
    registerArticleLanguage(corpus),
    vscode.languages.registerDocumentSemanticTokensProvider(ARTICLE_SELECTOR, highlighting, legend),
    vscode.languages.registerHoverProvider(ARTICLE_SELECTOR, new ClaimHover(corpus)),
    createStatusBar(corpus),
    ...registerCommands(corpus, tree, view),
    tree.onDidChangeTreeData(describe),
  );
  void corpus.reindex();
  return { corpus, tree, diagnostics: diagnostics.collection, lookup: (q) => lookupItems(corpus, q) };
}

export function deactivate(): void {}
