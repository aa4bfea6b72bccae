import * as vscode from "vscode";
import { contradictedSpans, shownFlags, type Contradiction, type CorpusSnapshot, type DocumentAnalysis, type ReviewIndex } from "../core";
import type { CorpusService } from "./corpusService";
import type { ReviewService } from "./reviews";
import { positionIn, rangeIn } from "./positions";

const TYPES = ["money", "stake", "percentage", "dealDate", "dealTerm", "organization"] as const;
const TYPE_OF: Record<string, number> = { money: 0, stake: 1, percent: 2, date: 3, duration: 3, term: 4, org: 5 };
export const legend = new vscode.SemanticTokensLegend([...TYPES], ["contradicted"]);
export const ARTICLE_SELECTOR: vscode.DocumentSelector = [{ language: "claimscope-article" }, { language: "markdown" }, { language: "plaintext" }];

/**
 * Semantic tokens from the analysis: what a grammar cannot know — whether a percentage is a stake, and
 * which figures a later article changed (the `contradicted` modifier; dismissed flags do not count).
 */
export class Highlighting implements vscode.DocumentSemanticTokensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changed.event;

  constructor(private readonly corpus: CorpusService, private readonly flags: ShownFlags) {
    // The reviews change with the corpus too: one event for both.
    flags.reviews.onDidChange(() => this.changed.fire());
  }

  provideDocumentSemanticTokens(doc: vscode.TextDocument): vscode.SemanticTokens {
    const builder = new vscode.SemanticTokensBuilder(legend);
    const a = this.corpus.fresh(doc);
    if (!a) return builder.build();
    const spans = this.flags.spansIn(a);
    for (const f of a.facts) {
      if (!this.corpus.highlight.has(f.kind === "duration" ? "date" : f.kind)) continue;
      const start = positionIn(a, f.start), end = positionIn(a, f.end);
      if (start.line !== end.line) continue;
      const flagged = spans.some((s) => s.start < f.end && f.start < s.end);
      builder.push(start.line, start.character, end.character - start.character, TYPE_OF[f.kind]!, flagged ? 1 : 0);
    }
    return builder.build();
  }
}

/** The flags the editor shows (all but the dismissed), worked out once per corpus and review state. */
export class ShownFlags {
  private cache: { snap: CorpusSnapshot; index: ReviewIndex; flags: Contradiction[] } | undefined;

  constructor(private readonly corpus: CorpusService, readonly reviews: ReviewService) {}

  list(): Contradiction[] {
    const snap = this.corpus.snapshot(), index = this.reviews.index();
    if (this.cache?.snap !== snap || this.cache.index !== index) this.cache = { snap, index, flags: shownFlags(snap, index) };
    return this.cache.flags;
  }

  spansIn(a: DocumentAnalysis): Array<{ start: number; end: number; claim: string }> {
    return contradictedSpans(a.path, this.list(), this.corpus.snapshot().claims, a.facts);
  }
}

/**
 * The figures a later article changed, underlined in the contributed colour `claimscope.contradictedFact`
 * in every visible article: the mark stays whatever colour the theme gives the fact's kind.
 */
export class ContradictedMarks implements vscode.Disposable {
  readonly decoration = vscode.window.createTextEditorDecorationType({
    borderStyle: "none none dashed none",
    borderWidth: "0 0 2px 0",
    borderColor: new vscode.ThemeColor("claimscope.contradictedFact"),
    overviewRulerColor: new vscode.ThemeColor("claimscope.contradictedFact"),
    overviewRulerLane: vscode.OverviewRulerLane.Right,
  });
  private readonly disposables: vscode.Disposable[] = [];
  /** The ranges marked in each visible article at the last update. */
  private readonly marked = new Map<string, vscode.Range[]>();

  constructor(private readonly corpus: CorpusService, private readonly flags: ShownFlags) {
    this.disposables.push(
      flags.reviews.onDidChange(() => this.update()),
      vscode.window.onDidChangeVisibleTextEditors(() => this.update()),
    );
  }

  update(): void {
    this.marked.clear();
    for (const editor of vscode.window.visibleTextEditors) {
      const a = this.corpus.analysisFor(editor.document.uri);
      const ranges = a && a.text === editor.document.getText() ? this.flags.spansIn(a).map((s) => rangeIn(a, s.start, s.end)) : [];
      editor.setDecorations(this.decoration, ranges);
      this.marked.set(editor.document.uri.toString(), ranges);
    }
  }

  /** What is marked in a visible article (for tests); undefined when it is not visible. */
  rangesOf(uri: vscode.Uri): vscode.Range[] | undefined {
    return this.marked.get(uri.toString());
  }

  dispose(): void {
    this.decoration.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
