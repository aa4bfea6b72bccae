import * as vscode from "vscode";
import type { CorpusSnapshot } from "../core";
import type { CorpusService } from "./corpusService";
import { snippet } from "./escape";
import { rangeIn } from "./positions";

/**
 * Problems: a statement a later article contradicts is a warning pointing at the later statement;
 * the later one carries an information diagnostic pointing back.
 */
export class ContradictionDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection("claimscope");

  constructor(private readonly corpus: CorpusService) {
    corpus.onDidChange((snap) => this.update(snap));
  }

  update(snap: CorpusSnapshot): void {
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    const add = (uri: vscode.Uri, d: vscode.Diagnostic) => {
      const k = uri.toString();
      if (!byUri.has(k)) byUri.set(k, { uri, list: [] });
      byUri.get(k)!.list.push(d);
    };
    for (const x of snap.contradictions) {
      const e = snap.claims.get(x.earlier)!, l = snap.claims.get(x.later)!;
      const ed = snap.documentOf.get(e.id)!.analysis, ld = snap.documentOf.get(l.id)!.analysis;
      const eu = this.corpus.uriFor(ed.path), lu = this.corpus.uriFor(ld.path);
      if (!eu || !lu) continue;
      const er = rangeIn(ed, e.start, e.end), lr = rangeIn(ld, l.start, l.end);
      const warn = new vscode.Diagnostic(er, `Contradicted by a later article: ${x.explanation}`, vscode.DiagnosticSeverity.Warning);
      warn.source = "claimscope";
      warn.code = `contradiction/${x.kind}`;
      warn.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(lu, lr), `later statement: ${snippet(l.text, 120)}`)];
      add(eu, warn);
      const info = new vscode.Diagnostic(lr, `Contradicts an earlier statement in ${ed.path} (${x.kind})`, vscode.DiagnosticSeverity.Information);
      info.source = "claimscope";
      info.code = `contradiction/${x.kind}`;
      info.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(eu, er), `earlier statement: ${snippet(e.text, 120)}`)];
      add(lu, info);
    }
    this.collection.clear();
    for (const { uri, list } of byUri.values()) this.collection.set(uri, list);
  }

  dispose(): void {
    this.collection.dispose();
  }
}
