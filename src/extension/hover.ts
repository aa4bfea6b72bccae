import * as vscode from "vscode";
import { describeAt, formatValue, reviewState, termLabel, type ClaimView, type CorpusSnapshot, type Fact, type ReviewIndex, type ResolvedAnnotation } from "../core";
import type { CorpusService } from "./corpusService";
import type { ReviewService } from "./reviews";
import { escapeMarkdown, snippet } from "./escape";
import { rangeIn } from "./positions";

const KIND_LABEL: Record<Fact["kind"], string> = { money: "Amount", stake: "Ownership stake", percent: "Percentage", date: "Date", duration: "Duration", term: "Deal term", org: "Organisation" };

/** Hover cards: a fact's normalized value, its claim's topic, the article's place in corpus order, and what other sources say. */
export class ClaimHover implements vscode.HoverProvider {
  constructor(private readonly corpus: CorpusService, private readonly reviews: ReviewService) {}

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    const a = this.corpus.fresh(doc);
    if (!a) return undefined;
    const snap = this.corpus.snapshot();
    const offset = doc.offsetAt(pos);
    const index = this.reviews.index();
    const notes = index.notesIn(a.path).filter((r) => r.ranges[0]!.start <= offset && offset < r.ranges[0]!.end);
    const d = describeAt(snap, a.path, offset);
    if (!d && !notes.length) return undefined;
    const md = new vscode.MarkdownString(undefined, false);
    md.isTrusted = { enabledCommands: [...HOVER_COMMANDS] };
    md.supportHtml = false;
    for (const n of notes) {
      md.appendMarkdown(`**Note:** ${escapeMarkdown(n.annotation.note ?? "")}${by(n)} · ${link("Remove", "claimscope.removeAnnotation", [n.annotation.id])}\n\n`);
    }
    if (!d) {
      const r = notes[0]!.ranges[0]!;
      return new vscode.Hover(md, rangeIn(a, r.start, r.end));
    }
    const { fact } = d;
    if (fact) {
      md.appendMarkdown(`**${escapeMarkdown(fact.text)}** — ${KIND_LABEL[fact.kind]}: \`${formatValue(fact).replace(/`/g, "'")}\``);
      if (fact.kind === "term") md.appendMarkdown(` (${escapeMarkdown(termLabel(String(fact.value)))})`);
      if (fact.kind === "org") md.appendMarkdown(` (${escapeMarkdown(this.corpus.index.analyzer.orgs.labelOf(String(fact.value)))})`);
      md.appendMarkdown("\n\n");
    }
    const when = a.published ? `published ${escapeMarkdown(a.published)}` : "undated";
    md.appendMarkdown(`*${escapeMarkdown(a.path)}* · ${when} · #${d.order + 1} of ${snap.documents.length} in corpus order\n\n`);
    for (const v of d.claims) this.describeClaim(md, v, snap, index);
    const range = fact ? rangeIn(a, fact.start, fact.end) : rangeIn(a, d.claims[0]!.claim.start, d.claims[0]!.claim.end);
    return new vscode.Hover(md, range);
  }

  private describeClaim(md: vscode.MarkdownString, v: ClaimView, snap: CorpusSnapshot, index: ReviewIndex): void {
    const c = v.claim;
    md.appendMarkdown(`---\n\n**Topic:** ${escapeMarkdown(v.topic?.label ?? c.topic)} · this statement ${c.polarity}${c.status ? ` (${c.status})` : ""}\n\n`);
    const review = index.ofClaim(c.id);
    const state = reviewState(review);
    md.appendMarkdown(`${state ? `**Review:** ${state}${review!.annotation.note ? ` — ${escapeMarkdown(review!.annotation.note)}` : ""}${by(review!)}${review!.status === "changed" ? " *(text edited since)*" : ""} · ` : ""}`
      + `${link(state ? "Change review" : "Verify or dispute…", "claimscope.reviewClaim", [c.id])} · ${link("Timeline", "claimscope.showTimeline", [c.topic])}\n\n`);
    if (!v.others.length) { md.appendMarkdown("No other source speaks of this topic.\n\n"); return; }
    md.appendMarkdown("**Other sources on this topic:**\n\n");
    for (const o of v.others.slice(0, 8)) {
      const od = snap.documentOf.get(o.claim.id)!.analysis;
      const open = commandUri("claimscope.openClaim", [o.claim.id]);
      const flag = o.contradicting ? (snap.contradictionsByTopic.get(c.topic) ?? []).find((x) => (x.earlier === c.id && x.later === o.claim.id) || (x.later === c.id && x.earlier === o.claim.id)) : undefined;
      const fr = flag ? index.ofContradiction(flag) : undefined;
      const fs = reviewState(fr);
      const review = flag ? ` — ${fs ? `**${fs}**${fr!.annotation.note ? `: ${escapeMarkdown(fr!.annotation.note)}` : ""} · ` : ""}${link(fs ? "change" : "review flag…", "claimscope.reviewContradiction", [{ earlier: flag.earlier, later: flag.later }])}` : "";
      md.appendMarkdown(`- ${o.contradicting ? (fs === "dismissed" ? "✓" : "⚠") : "✓"} ${o.relation}: [${escapeMarkdown(od.path)}](${open} "Open") ${od.published ? `(${escapeMarkdown(od.published)})` : ""} — “${escapeMarkdown(snippet(o.claim.text, 110))}”${review}\n`);
    }
    if (v.others.length > 8) md.appendMarkdown(`- … and ${v.others.length - 8} more\n`);
    md.appendMarkdown("\n");
  }
}

/** The only commands a hover may run: ours, with arguments we wrote. */
const HOVER_COMMANDS = ["claimscope.openClaim", "claimscope.reviewClaim", "claimscope.reviewContradiction", "claimscope.removeAnnotation", "claimscope.showTimeline"] as const;

function commandUri(command: (typeof HOVER_COMMANDS)[number], args: unknown[]): string {
  return `command:${command}?${encodeURIComponent(JSON.stringify(args))}`;
}

function link(label: string, command: (typeof HOVER_COMMANDS)[number], args: unknown[]): string {
  return `[${label}](${commandUri(command, args)})`;
}

function by(r: ResolvedAnnotation): string {
  return r.annotation.creator ? ` *(${escapeMarkdown(r.annotation.creator)})*` : "";
}
