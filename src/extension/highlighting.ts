import * as vscode from "vscode";
import type { CorpusService } from "./corpusService";
import { positionIn } from "./positions";

const TYPES = ["money", "stake", "percentage", "dealDate", "dealTerm", "organization"] as const;
const TYPE_OF: Record<string, number> = { money: 0, stake: 1, percent: 2, date: 3, duration: 3, term: 4, org: 5 };
export const legend = new vscode.SemanticTokensLegend([...TYPES], ["contradicted"]);
export const ARTICLE_SELECTOR: vscode.DocumentSelector = [{ language: "claimscope-article" }, { language: "markdown" }, { language: "plaintext" }];

/**
 * Semantic tokens from the analysis: what a grammar cannot know — whether a percentage is a stake, and
 * which facts belong to a statement a later article contradicts.
 */
export class Highlighting implements vscode.DocumentSemanticTokensProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeSemanticTokens = this.changed.event;

  constructor(private readonly corpus: CorpusService) {
    corpus.onDidChange(() => this.changed.fire());
  }

  provideDocumentSemanticTokens(doc: vscode.TextDocument): vscode.SemanticTokens {
    const builder = new vscode.SemanticTokensBuilder(legend);
    const a = this.corpus.fresh(doc);
    if (!a) return builder.build();
    const snap = this.corpus.snapshot();
    const contradicted = new Set<string>();
    for (const c of snap.contradictions) { contradicted.add(c.earlier); contradicted.add(c.later); }
    const flaggedSpans = a.claims.filter((c) => contradicted.has(c.id));
    for (const f of a.facts) {
      if (!this.corpus.highlight.has(f.kind === "duration" ? "date" : f.kind)) continue;
      const start = positionIn(a, f.start), end = positionIn(a, f.end);
      if (start.line !== end.line) continue;
      const flagged = flaggedSpans.some((c) => c.start <= f.start && f.end <= c.end);
      builder.push(start.line, start.character, end.character - start.character, TYPE_OF[f.kind]!, flagged ? 1 : 0);
    }
    return builder.build();
  }
}
