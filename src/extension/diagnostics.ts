import * as vscode from "vscode";
import { ANNOTATIONS_PATH, changedSpan, flagMessage, problemEntries, runSteps, snippet, type FlagLevel, type Steps } from "../core";
import type { CorpusService } from "./corpusService";
import type { ReviewService } from "./reviews";
import { rangeIn } from "./positions";
import { yieldToHost } from "./yieldToHost";

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
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when an update is in the panel (and `hidden` counts what it left out). */
  readonly onDidUpdate = this.changed.event;
  private generation = 0;
  private latest: Promise<void> = Promise.resolve();

  constructor(private readonly corpus: CorpusService, private readonly reviews: ReviewService) {
    reviews.onDidChange(() => this.update());
    // Over the cap, which flags are shown depends on the open files.
    this.disposables.push(vscode.window.onDidChangeVisibleTextEditors(() => { if (this.hidden) this.update(); }));
  }

  /** Settles when the latest update is in the panel. */
  get updated(): Promise<void> {
    const p = this.latest;
    return p.then(() => (p === this.latest ? undefined : this.updated));
  }

  /**
   * Builds the panel's entries again, from a turn of the host after the one that asked (the corpus's other
   * views are told in that turn: Problems of a large corpus would hold it up), in steps with the host's turns
   * between them; the panel changes at once when they are done. A newer update stops an older one.
   */
  update(): void {
    const gen = ++this.generation;
    const current = () => gen === this.generation;
    this.latest = (async () => {
      await yieldToHost();
      if (!current()) return;
      const done = await runSteps(this.entries(), { go: current, yieldToHost });
      if (!done || !current()) return;
      this.hidden = done.value.hidden;
      this.collection.clear();
      for (const { uri, list } of done.value.byUri.values()) this.collection.set(uri, list);
      this.changed.fire();
    })();
  }

  private *entries(): Steps<{ byUri: Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>; hidden: number }> {
    const snap = this.corpus.snapshot();
    const index = this.reviews.index();
    const byUri = new Map<string, { uri: vscode.Uri; list: vscode.Diagnostic[] }>();
    const add = (uri: vscode.Uri, d: vscode.Diagnostic) => {
      const k = uri.toString();
      if (!byUri.has(k)) byUri.set(k, { uri, list: [] });
      byUri.get(k)!.list.push(d);
    };
    const open = new Set(vscode.window.visibleTextEditors.map((e) => this.corpus.keyFor(e.document.uri)));
    const { entries, hidden } = yield* problemEntries(snap, index, this.corpus.settings.flagSeverity, this.corpus.settings.maxProblems, (p) => open.has(p));
    let n = 0;
    for (const { first: x, status, earlier } of entries) {
      yield { pause: { phase: "publishing", done: ++n, total: entries.length } };
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
    return { byUri, hidden };
  }

  dispose(): void {
    this.generation++; // an update under way stops
    this.changed.dispose();
    this.collection.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
