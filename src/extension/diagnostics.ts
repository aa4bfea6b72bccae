import * as vscode from "vscode";
import { ANNOTATIONS_PATH, claimPath, mostConfident, reviewState, snippet, type Contradiction, type ResolvedAnnotation } from "../core";
import type { CorpusService } from "./corpusService";
import type { ReviewService } from "./reviews";
import { rangeIn } from "./positions";

/**
 * Problems: a statement a later article contradicts is a warning pointing at the later statement;
 * the later one carries an information diagnostic pointing back. A dismissed flag leaves; a superseded
 * one stays as information, a conflict as a warning, both saying so. Orphaned annotations and an
 * unreadable annotations file are reported on that file. At most `maxProblems` contradictions are shown —
 * those in open files first, then the most confident — so a corpus with tens of thousands of flags does
 * not swamp the window; the Claims view keeps them all.
 */
export class ContradictionDiagnostics implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection("claimscope");

  /** Contradictions left out of the Problems panel by the cap, at the last update. */
  hidden = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly corpus: CorpusService, private readonly reviews: ReviewService) {
    reviews.onDidChange(() => this.update());
    // Over the cap, which flags are shown depends on the open files.
    this.disposables.push(vscode.window.onDidChangeVisibleTextEditors(() => { if (this.hidden) this.update(); }));
  }

  update(): void {
    const snap = this.corpus.snapshot();
    const index = this.reviews.index();
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    const add = (uri: vscode.Uri, d: vscode.Diagnostic) => {
      const k = uri.toString();
      if (!byUri.has(k)) byUri.set(k, { uri, list: [] });
      byUri.get(k)!.list.push(d);
    };
    // Each flag's review is looked up once: it decides both whether the flag is shown and how.
    const reviewOf = new Map<Contradiction, ResolvedAnnotation>();
    let shown: Contradiction[] = [];
    for (const x of snap.contradictions) {
      const review = index.ofContradiction(x);
      if (review) {
        if (reviewState(review) === "dismissed") continue;
        reviewOf.set(x, review);
      }
      shown.push(x);
    }
    const max = this.corpus.settings.maxProblems;
    this.hidden = Math.max(0, shown.length - max);
    if (this.hidden) {
      const open = new Set(vscode.window.visibleTextEditors.map((e) => this.corpus.keyFor(e.document.uri)));
      const inOpen: Contradiction[] = [], rest: Contradiction[] = [];
      // Told by the claims' ids: looking the claims up would decode every article of a corpus shown from the cache.
      for (const x of shown) (open.has(claimPath(x.earlier)) || open.has(claimPath(x.later)) ? inOpen : rest).push(x);
      shown = mostConfident(inOpen, max);
      shown = shown.concat(mostConfident(rest, max - shown.length));
    }
    for (const x of shown) {
      const review = reviewOf.get(x);
      const state = reviewState(review);
      const judged = state ? ` — reviewed: ${state}${review!.annotation.note ? ` (${snippet(review!.annotation.note, 80)})` : ""}` : "";
      const e = snap.claims.get(x.earlier)!, l = snap.claims.get(x.later)!;
      const ed = snap.documentOf.get(e.id)!.analysis, ld = snap.documentOf.get(l.id)!.analysis;
      const eu = this.corpus.uriFor(ed.path), lu = this.corpus.uriFor(ld.path);
      if (!eu || !lu) continue;
      const er = rangeIn(ed, e.start, e.end), lr = rangeIn(ld, l.start, l.end);
      const warn = new vscode.Diagnostic(er, `Contradicted by a later article: ${x.explanation}${judged}`, state === "superseded" ? vscode.DiagnosticSeverity.Information : vscode.DiagnosticSeverity.Warning);
      warn.source = "claimscope";
      warn.code = `contradiction/${x.kind}`;
      warn.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(lu, lr), `later statement: ${snippet(l.text, 120)}`)];
      add(eu, warn);
      const info = new vscode.Diagnostic(lr, `Contradicts an earlier statement in ${ed.path} (${x.kind})${judged}`, vscode.DiagnosticSeverity.Information);
      info.source = "claimscope";
      info.code = `contradiction/${x.kind}`;
      info.relatedInformation = [new vscode.DiagnosticRelatedInformation(new vscode.Location(eu, er), `earlier statement: ${snippet(e.text, 120)}`)];
      add(lu, info);
    }
    for (const store of this.reviews.allStores()) {
      // The entry's line in the file, found only when there is an orphan to point at.
      const lineOf = (id: string) => Math.max(0, store.text.split("\n").findIndex((t) => t.includes(JSON.stringify(id))));
      if (store.problem) {
        const d = new vscode.Diagnostic(new vscode.Range(0, 0, 0, 0), `${ANNOTATIONS_PATH} cannot be read: ${store.problem}. It is left as it is; reviews are not applied or saved until it is fixed.`, vscode.DiagnosticSeverity.Error);
        d.source = "claimscope";
        add(store.uri, d);
      }
      for (const o of index.orphans) {
        if (!store.file.annotations.some((a) => a.id === o.annotation.id)) continue;
        const what = o.annotation.kind === "note" ? "Note" : `Review (${o.annotation.state})`;
        const line = lineOf(o.annotation.id);
        const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, 1000), `${what} on “${snippet(o.annotation.target[0].quote.exact, 80)}” is orphaned: ${o.reason}`, vscode.DiagnosticSeverity.Warning);
        d.source = "claimscope";
        d.code = "orphaned-annotation";
        add(store.uri, d);
      }
    }
    this.collection.clear();
    for (const { uri, list } of byUri.values()) this.collection.set(uri, list);
  }

  dispose(): void {
    this.collection.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
