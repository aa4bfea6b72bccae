import * as vscode from "vscode";
import { formatValue, termLabel, type Claim, type CorpusSnapshot, type Fact } from "../core";
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
    const offset = doc.offsetAt(pos);
    const fact = a.facts.find((f) => f.start <= offset && offset < f.end);
    const claims = a.claims.filter((c) => c.start <= offset && offset < c.end);
    if (!fact && !claims.length) return undefined;
    const snap = this.corpus.snapshot();
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = { enabledCommands: ["claimscope.openClaim"] };
    md.supportHtml = false;
    const d = snap.documentOf.get(claims[0]?.id ?? "") ?? snap.documents.find((x) => x.analysis.path === a.path);
    if (fact) {
      md.appendMarkdown(`**${escapeMarkdown(fact.text)}** — ${KIND_LABEL[fact.kind]}: \`${formatValue(fact).replace(/`/g, "'")}\``);
      if (fact.kind === "term") md.appendMarkdown(` (${escapeMarkdown(termLabel(String(fact.value)))})`);
      if (fact.kind === "org") md.appendMarkdown(` (${escapeMarkdown(this.corpus.index.analyzer.orgs.labelOf(String(fact.value)))})`);
      md.appendMarkdown("\n\n");
    }
    const when = a.published ? `published ${escapeMarkdown(a.published)}` : "undated";
    md.appendMarkdown(`*${escapeMarkdown(a.path)}* · ${when} · #${(d?.order ?? 0) + 1} of ${snap.documents.length} in corpus order\n\n`);
    for (const c of claims.slice(0, 3)) this.describeClaim(md, c, snap);
    const range = fact ? rangeIn(a, fact.start, fact.end) : rangeIn(a, claims[0]!.start, claims[0]!.end);
    return new vscode.Hover(md, range);
  }

  private describeClaim(md: vscode.MarkdownString, c: Claim, snap: CorpusSnapshot): void {
    const topic = snap.topics.find((t) => t.id === c.topic);
    md.appendMarkdown(`---\n\n**Topic:** ${escapeMarkdown(topic?.label ?? c.topic)} · this statement ${c.polarity}${c.status ? ` (${c.status})` : ""}\n\n`);
    const against = new Map<string, string>();
    for (const x of snap.contradictions) {
      if (x.earlier === c.id) against.set(x.later, `contradicted later (${x.kind})`);
      if (x.later === c.id) against.set(x.earlier, `contradicts this earlier statement (${x.kind})`);
    }
    const others = (topic?.claims ?? []).filter((id) => id !== c.id && snap.claims.get(id)?.document !== c.document);
    if (!others.length) { md.appendMarkdown("No other source speaks of this topic.\n\n"); return; }
    md.appendMarkdown("**Other sources on this topic:**\n\n");
    const sorted = [...others].sort((x, y) => (against.has(x) ? 0 : 1) - (against.has(y) ? 0 : 1));
    for (const id of sorted.slice(0, 8)) {
      const o = snap.claims.get(id)!;
      const od = snap.documentOf.get(id)!;
      const relation = against.get(id) ?? (o.polarity === c.polarity || o.polarity === "neutral" || c.polarity === "neutral" ? "agrees" : "differs");
      const icon = against.has(id) ? "⚠" : "✓";
      const link = `command:claimscope.openClaim?${encodeURIComponent(JSON.stringify([id]))}`;
      md.appendMarkdown(`- ${icon} ${relation}: [${escapeMarkdown(od.analysis.path)}](${link} "Open") ${od.analysis.published ? `(${escapeMarkdown(od.analysis.published)})` : ""} — “${escapeMarkdown(snippet(o.text, 110))}”\n`);
    }
    if (sorted.length > 8) md.appendMarkdown(`- … and ${sorted.length - 8} more\n`);
    md.appendMarkdown("\n");
  }
}
