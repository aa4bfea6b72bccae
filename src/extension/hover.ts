import * as vscode from "vscode";
import { describeAt, formatValue, termLabel, type ClaimView, type CorpusSnapshot, type Fact } from "../core";
import type { CorpusService } from "./corpusService";
import { escapeMarkdown, snippet } from "./escape";
import { rangeIn } from "./positions";

const KIND_LABEL: Record<Fact["kind"], string> = { money: "Amount", stake: "Ownership stake", percent: "Percentage", date: "Date", duration: "Duration", term: "Deal term", org: "Organisation" };

/** Hover cards: a fact's normalized value, its claim's topic, the article's place in corpus order, and what other sources say. */
export class ClaimHover implements vscode.HoverProvider {
  constructor(private readonly corpus: CorpusService) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const a = this.corpus.fresh(doc);
    if (!a) return undefined;
    const snap = this.corpus.snapshot();
    const d = describeAt(snap, a.path, doc.offsetAt(pos));
    if (!d) return undefined;
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = { enabledCommands: ["claimscope.openClaim"] };
    md.supportHtml = false;
    const { fact } = d;
    if (fact) {
      md.appendMarkdown(`**${escapeMarkdown(fact.text)}** — ${KIND_LABEL[fact.kind]}: \`${formatValue(fact).replace(/`/g, "'")}\``);
      if (fact.kind === "term") md.appendMarkdown(` (${escapeMarkdown(termLabel(String(fact.value)))})`);
      if (fact.kind === "org") md.appendMarkdown(` (${escapeMarkdown(this.corpus.index.analyzer.orgs.labelOf(String(fact.value)))})`);
      md.appendMarkdown("\n\n");
    }
    const when = a.published ? `published ${escapeMarkdown(a.published)}` : "undated";
    md.appendMarkdown(`*${escapeMarkdown(a.path)}* · ${when} · #${d.order + 1} of ${snap.documents.length} in corpus order\n\n`);
    for (const v of d.claims) this.describeClaim(md, v, snap);
    const range = fact ? rangeIn(a, fact.start, fact.end) : rangeIn(a, d.claims[0]!.claim.start, d.claims[0]!.claim.end);
    return new vscode.Hover(md, range);
  }

  private describeClaim(md: vscode.MarkdownString, v: ClaimView, snap: CorpusSnapshot): void {
    const c = v.claim;
    md.appendMarkdown(`---\n\n**Topic:** ${escapeMarkdown(v.topic?.label ?? c.topic)} · this statement ${c.polarity}${c.status ? ` (${c.status})` : ""}\n\n`);
    if (!v.others.length) { md.appendMarkdown("No other source speaks of this topic.\n\n"); return; }
    md.appendMarkdown("**Other sources on this topic:**\n\n");
    for (const o of v.others.slice(0, 8)) {
      const od = snap.documentOf.get(o.claim.id)!.analysis;
      const link = `command:claimscope.openClaim?${encodeURIComponent(JSON.stringify([o.claim.id]))}`;
      md.appendMarkdown(`- ${o.contradicting ? "⚠" : "✓"} ${o.relation}: [${escapeMarkdown(od.path)}](${link} "Open") ${od.published ? `(${escapeMarkdown(od.published)})` : ""} — “${escapeMarkdown(snippet(o.claim.text, 110))}”\n`);
    }
    if (v.others.length > 8) md.appendMarkdown(`- … and ${v.others.length - 8} more\n`);
    md.appendMarkdown("\n");
  }
}
