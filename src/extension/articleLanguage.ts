import * as vscode from "vscode";
import type { CorpusService } from "./corpusService";

export const ARTICLE_LANGUAGE = "claimscope-article";

/** Plain-text corpus files open in the article language (Markdown articles stay Markdown, with the injected grammar). */
export function registerArticleLanguage(corpus: CorpusService): vscode.Disposable {
  const adopt = (doc: vscode.TextDocument) => {
    if (doc.languageId === "plaintext" && corpus.keyFor(doc.uri)) void vscode.languages.setTextDocumentLanguage(doc, ARTICLE_LANGUAGE);
  };
  vscode.workspace.textDocuments.forEach(adopt);
  return vscode.workspace.onDidOpenTextDocument(adopt);
}
