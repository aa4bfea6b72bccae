import * as vscode from "vscode";
import { ANNOTATIONS_PATH, changedSpan, changeKey, claimPath, flagMessage, flagStatus, mostConfident, snippet, type Contradiction, type FlagLevel, type FlagStatus } from "../core";
import type { CorpusService } from "./corpusService";
import type { ReviewService } from "./reviews";
import { rangeIn } from "./positions";

const SEVERITY: Record<FlagLevel, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/**
 * Problems: one entry per change, on what the later statement changed (its figure, or an arrangement's
 * term), telling the change in one line; its related information points at every earlier statement it
 * changes. The severity follows the flag's nature (settings: a conflict is a warning, a superseded fact
 * information); a dismissed flag leaves. Orphaned annotations and an unreadable annotations file are
 * reported on that file. At most `maxProblems` flags are shown — those in open files first, then the most
 * confident — so a corpus with tens of thousands of flags does not swamp the window; the Claims view keeps them all.
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
    const severity = this.corpus.settings.flagSeverity;
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    const add = (uri: vscode.Uri, d: vscode.Diagnostic) => {
      const k = uri.toString();
      if (!byUri.has(k)) byUri.set(k, { uri, list: [] });
      byUri.get(k)!.list.push(d);
    };
    const statusOf = new Map<Contradiction, FlagStatus>();
    let shown: Contradiction[] = [];
    for (const x of snap.contradictions) {
      const status = flagStatus(x, index, severity);
      if (!status.shown) continue;
      statusOf.set(x, status);
      shown.push(x);
    }
    const max = this.corpus.settings.maxProblems;
    this.hidden = Math.max(0, shown.length - max);
    if (this.hidden) {
      const open = new Set(vscode.window.visibleTextEditors.map((e) => this.corpus.keyFor(e.document.uri)));
      const inOpen: Contradiction[] = [], rest: Contradiction[] = [];
      // Told by the claims' ids: looking the claims up would decode every article of a corpus shown from the cache.
      for (const x of shown) (open.has(claimPath(x.later)) ? inOpen : rest).push(x);
      shown = mostConfident(inOpen, max);
      shown = shown.concat(mostConfident(rest, max - shown.length));
    }
    // Flags telling one change of one statement, in one state, are one entry pointing at each earlier statement.
    const entries = new Map<string, { first: Contradiction; earlier: string[] }>();
    for (const x of shown) {
      const status = statusOf.get(x)!;
      const key = changeKey(x, snap, status);
      const entry = entries.get(key);
      if (entry) entry.earlier.push(x.earlier, ...(x.alsoEarlier ?? []));
      else entries.set(key, { first: x, earlier: [x.earlier, ...(x.alsoEarlier ?? [])] });
    }
    for (const { first: x, earlier } of entries.values()) {
      const status = statusOf.get(x)!;
      const l = snap.claims.get(x.later)!;
      const ld = snap.documentOf.get(l.id)!.analysis;
      const lu = this.corpus.uriFor(ld.path);
      if (!lu) continue;
      const at = changedSpan(l, ld.facts);
      const d = new vscode.Diagnostic(rangeIn(ld, at.start, at.end), flagMessage(x, snap, status), SEVERITY[status.level!]);
      d.source = "claimscope";
      d.code = `contradiction/${x.kind}`;
      d.relatedInformation = [];
      for (const id of [...new Set(earlier)]) {
        const e = snap.claims.get(id);
        const ed = e && snap.documentOf.get(id)?.analysis;
        const eu = ed && this.corpus.uriFor(ed.path);
        if (!e || !ed || !eu) continue;
        d.relatedInformation.push(new vscode.DiagnosticRelatedInformation(new vscode.Location(eu, rangeIn(ed, e.start, e.end)), `earlier, ${ed.path}: ${snippet(e.text, 100)}`));
      }
      const note = status.review?.annotation.note;
      if (note) d.relatedInformation.push(new vscode.DiagnosticRelatedInformation(new vscode.Location(lu, d.range), `reviewed ${status.state}: ${snippet(note, 100)}`));
      add(lu, d);
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
