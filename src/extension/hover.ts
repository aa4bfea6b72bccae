import * as vscode from "vscode";
import { describeAt, flagChange, flagStatus, formatValue, HOVER_COMMANDS, reviewState, shortSource, slotOf, termLabel, valueText, type ClaimView, type Contradiction, type CorpusSnapshot, type Fact, type FlagSeverity, type HoverCommand, type ReviewIndex, type ResolvedAnnotation } from "../core";
import type { CorpusService } from "./corpusService";
import type { ReviewService } from "./reviews";
import { escapeMarkdown } from "./escape";
import { rangeIn } from "./positions";

const KIND_LABEL: Record<Fact["kind"], string> = { money: "Amount", stake: "Ownership stake", percent: "Percentage", date: "Date", duration: "Duration", term: "Deal term", org: "Organisation" };

/** Most entries of a slot's history a card lists; the deal sheet has them all. */
const MAX_HISTORY = 8;

/**
 * Hover cards, compact and in the order a reviewer reads them: the fact and its value; the deal slot's
 * history (each value with its source and date, as links, the flags between them marked); notes; and the
 * review actions last.
 */
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
    const { fact } = d ?? { fact: undefined };
    if (fact) {
      md.appendMarkdown(`**${escapeMarkdown(fact.text)}** — ${KIND_LABEL[fact.kind]}: \`${formatValue(fact).replace(/`/g, "'")}\``);
      if (fact.kind === "term") md.appendMarkdown(` (${escapeMarkdown(termLabel(String(fact.value), this.corpus.index.analyzer.lexicon))})`);
      if (fact.kind === "org") md.appendMarkdown(` (${escapeMarkdown(this.corpus.index.analyzer.orgs.labelOf(String(fact.value)))})`);
      md.appendMarkdown("\n\n");
    }
    const actions: string[] = [];
    if (d) {
      const severity = this.corpus.settings.flagSeverity;
      for (const v of d.claims) this.describeClaim(md, v, snap, index, severity, actions);
      const when = a.published ? `published ${escapeMarkdown(a.published)}` : "undated";
      md.appendMarkdown(`*${escapeMarkdown(a.path)}* · ${when} · #${d.order + 1} of ${snap.documents.length} in corpus order\n\n`);
    }
    for (const n of notes) {
      md.appendMarkdown(`**Note:** ${escapeMarkdown(n.annotation.note ?? "")}${by(n)}\n\n`);
      actions.push(link("Remove note", "claimscope.removeAnnotation", [n.annotation.id]));
    }
    if (actions.length) md.appendMarkdown(`---\n\n${[...new Set(actions)].join(" · ")}\n`);
    const range = fact ? rangeIn(a, fact.start, fact.end)
      : d?.claims[0] ? rangeIn(a, d.claims[0].claim.start, d.claims[0].claim.end)
      : rangeIn(a, notes[0]!.ranges[0]!.start, notes[0]!.ranges[0]!.end);
    return new vscode.Hover(md, range);
  }

  /** A claim's part of the card: its slot (or arrangement) and what each source says of it, in corpus order. */
  private describeClaim(md: vscode.MarkdownString, v: ClaimView, snap: CorpusSnapshot, index: ReviewIndex, severity: FlagSeverity, actions: string[]): void {
    const c = v.claim;
    const slot = slotOf(c.concept);
    const what = slot ? slot.label : v.topic?.label.split(" · ")[0] ?? c.topic;
    const deal = v.topic?.label.split(" · ")[1];
    md.appendMarkdown(`**${escapeMarkdown(what)}**${deal ? ` · ${escapeMarkdown(deal)}` : ""}${slot ? `: ${escapeMarkdown(valueText(c))}` : ` — this statement ${c.polarity}`}\n\n`);
    const flags = (snap.contradictionsByTopic.get(c.topic) ?? []).filter((x) => x.earlier === c.id || x.later === c.id || x.alsoEarlier?.includes(c.id));
    const flagOf = (id: string): Contradiction | undefined => flags.find((x) => (x.later === c.id && (x.earlier === id || x.alsoEarlier?.includes(id))) || (x.earlier === c.id && x.later === id) || (x.alsoEarlier?.includes(c.id) && x.later === id));
    const history = (v.topic?.claims ?? []).map((id) => snap.claims.get(id)!).filter(Boolean);
    const shown = history.length > MAX_HISTORY ? nearest(history, c.id, MAX_HISTORY) : history;
    for (const o of shown) {
      const od = snap.documentOf.get(o.id)!.analysis;
      const value = slot ? valueText(o) : o.polarity;
      const here = o.id === c.id;
      const flag = here ? undefined : flagOf(o.id);
      const status = flag && flagStatus(flag, index, severity);
      const mark = !status ? "" : status.state === "dismissed" ? " · dismissed" : ` · ⚠ ${status.state === "open" ? status.nature : `${status.state} (reviewed)`}`;
      const source = `[${escapeMarkdown(shortSource(od.path))}](${commandUri("claimscope.openClaim", [o.id])} "${escapeMarkdown(od.path).replace(/"/g, "'")}")`;
      md.appendMarkdown(`- ${here ? "**" : ""}${escapeMarkdown(value)}${here ? "** *(this)*" : ""} — ${source}${od.published ? ` ${escapeMarkdown(od.published)}` : ""}${mark}\n`);
    }
    if (history.length > shown.length) md.appendMarkdown(`- … ${history.length - shown.length} more in the ${link("deal sheet", "claimscope.showDealSheet", [c.id])}\n`);
    md.appendMarkdown("\n");
    for (const x of flags) {
      const status = flagStatus(x, index, severity);
      if (status.state !== "open") md.appendMarkdown(`*${escapeMarkdown(flagChange(x, snap))}: ${status.state}*${status.review?.annotation.note ? ` — ${escapeMarkdown(status.review.annotation.note)}` : ""}\n\n`);
    }
    const review = index.ofClaim(c.id);
    const state = reviewState(review);
    if (state) md.appendMarkdown(`**Claim ${state}**${review!.annotation.note ? ` — ${escapeMarkdown(review!.annotation.note)}` : ""}${by(review!)}${review!.status === "changed" ? " *(text edited since)*" : ""}\n\n`);
    for (const x of flags) {
      const status = flagStatus(x, index, severity);
      actions.push(link(status.state === "open" ? "Review flag…" : "Change flag review", "claimscope.reviewContradiction", [{ earlier: x.earlier, later: x.later }]));
    }
    actions.push(link(state ? "Change claim review" : "Verify or dispute…", "claimscope.reviewClaim", [c.id]));
    actions.push(link("Deal sheet", "claimscope.showDealSheet", [c.id]));
  }
}

/** The `n` statements of a history nearest the described one, in order. */
function nearest<T extends { id: string }>(list: T[], id: string, n: number): T[] {
  const at = Math.max(0, list.findIndex((x) => x.id === id));
  const start = Math.max(0, Math.min(at - Math.floor(n / 2), list.length - n));
  return list.slice(start, start + n);
}

function commandUri(command: HoverCommand, args: unknown[]): string {
  // encodeURIComponent leaves parentheses as they are; an id holding one unbalanced (an article named
  // "Deal (draft.txt") would end the Markdown link early or keep it open, so they are encoded too.
  return `command:${command}?${encodeURIComponent(JSON.stringify(args)).replace(/[()]/g, (c) => (c === "(" ? "%28" : "%29"))}`;
}

function link(label: string, command: HoverCommand, args: unknown[]): string {
  return `[${label}](${commandUri(command, args)})`;
}

function by(r: ResolvedAnnotation): string {
  return r.annotation.creator ? ` *(${escapeMarkdown(r.annotation.creator)})*` : "";
}
