import * as vscode from "vscode";
import { snippet, STATE_LABEL, topicTimeline, type Timeline, type TimelineEntry, type TimelineLink } from "../core";
import type { CorpusService } from "./corpusService";
import type { ReviewService } from "./reviews";

/**
 * The topic timeline: one topic's claims in corpus order, with figures, flags and reviews, in a
 * webview. Its page loads only our stylesheet and one script with a nonce (no remote resources,
 * no inline code), and it asks the extension to open or review things through messages.
 */
export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private topic: string | undefined;
  /** The page as last rendered (for tests). */
  html = "";
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly corpus: CorpusService, private readonly reviews: ReviewService) {
    this.disposables.push(reviews.onDidChange(() => this.render()));
  }

  async show(topicId?: unknown): Promise<boolean> {
    await this.corpus.ready;
    await this.reviews.ready;
    const snap = this.corpus.snapshot();
    let id = typeof topicId === "string" && snap.topicById.has(topicId) ? topicId : undefined;
    if (!id && topicId && typeof topicId === "object" && (topicId as { type?: unknown }).type === "group" && (topicId as { grouping?: unknown }).grouping === "topic") {
      id = String((topicId as { id: unknown }).id);
    }
    if (!id) {
      const flagged = new Set(snap.contradictions.map((c) => c.topic));
      const pick = await vscode.window.showQuickPick(
        snap.topics.filter((t) => t.claims.length > 1 || flagged.has(t.id)).map((t) => ({ label: `${flagged.has(t.id) ? "$(warning) " : ""}${t.label}`, description: `${t.claims.length} claims`, id: t.id })),
        { title: "Claimscope: Topic Timeline", matchOnDescription: true },
      );
      id = pick?.id;
    }
    if (!id) return false;
    this.topic = id;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel("claimscope.timeline", "Topic timeline", vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, "media")],
        retainContextWhenHidden: false,
      });
      this.panel.iconPath = vscode.Uri.joinPath(this.extensionUri, "media", "claimscope.svg");
      this.panel.onDidDispose(() => { this.panel = undefined; }, null, this.disposables);
      this.panel.webview.onDidReceiveMessage((m: unknown) => this.receive(m), null, this.disposables);
    }
    this.render();
    this.panel.reveal(undefined, true);
    return true;
  }

  private render(): void {
    if (!this.panel || !this.topic) return;
    const timeline = topicTimeline(this.corpus.snapshot(), this.reviews.index(), this.topic);
    const webview = this.panel.webview;
    this.panel.title = timeline ? `Timeline: ${snippet(timeline.topic.label, 40)}` : "Topic timeline";
    this.html = timelineHtml(timeline, {
      csp: webview.cspSource,
      nonce: nonce(),
      style: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, "media", "timeline.css")).toString(),
      script: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, "media", "timeline.js")).toString(),
    });
    webview.html = this.html;
  }

  /** Messages from the page are requests, checked like any other input. */
  private receive(m: unknown): void {
    if (typeof m !== "object" || m === null) return;
    const msg = m as Record<string, unknown>;
    if (msg.type === "open" && typeof msg.claim === "string") void vscode.commands.executeCommand("claimscope.openClaim", msg.claim);
    if (msg.type === "reviewFlag" && typeof msg.earlier === "string" && typeof msg.later === "string") void vscode.commands.executeCommand("claimscope.reviewContradiction", { earlier: msg.earlier, later: msg.later });
    if (msg.type === "reviewClaim" && typeof msg.claim === "string") void vscode.commands.executeCommand("claimscope.reviewClaim", msg.claim);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

export interface PageResources {
  csp: string;
  nonce: string;
  style: string;
  script: string;
}

/** The page: every piece of article text is escaped; the policy allows our stylesheet and our one script. */
export function timelineHtml(t: Timeline | undefined, r: PageResources): string {
  const policy = `default-src 'none'; img-src ${r.csp}; style-src ${r.csp}; script-src 'nonce-${r.nonce}'; font-src ${r.csp}`;
  const body = t ? timelineBody(t) : `<p class="empty">This topic is no longer in the corpus (the articles changed). Open another from the Claims view.</p>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${policy}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${esc(r.style)}">
<title>Topic timeline</title>
</head>
<body>
${body}
<script nonce="${r.nonce}" src="${esc(r.script)}"></script>
</body>
</html>`;
}

function timelineBody(t: Timeline): string {
  const flags = t.entries.reduce((n, e) => n + e.contradictedBy.length, 0);
  const open = t.entries.reduce((n, e) => n + e.contradictedBy.filter((l) => !l.review).length, 0);
  const items = t.entries.map((e, i) => entryHtml(e, i)).join("\n");
  return `<header>
<h1>${esc(t.topic.label)}</h1>
<p class="summary">${t.entries.length} statement${t.entries.length === 1 ? "" : "s"} in corpus order · ${flags} flag${flags === 1 ? "" : "s"}${flags ? ` (${open} open)` : ""}</p>
</header>
<ol class="timeline" aria-label="Statements on ${esc(t.topic.label)} in corpus order">
${items}
</ol>`;
}

function entryHtml(e: TimelineEntry, i: number): string {
  const flagged = e.contradictedBy.some((l) => !l.review) || e.contradicts.some((l) => !l.review);
  const cls = ["entry", e.polarity, flagged ? "flagged" : "", e.review ?? ""].filter(Boolean).join(" ");
  const badges = [
    e.value ? `<span class="value">${esc(e.value)}</span>` : "",
    `<span class="badge ${e.polarity}">${e.polarity}</span>`,
    e.status ? `<span class="badge status">${esc(e.status)}</span>` : "",
    e.review ? `<span class="badge review ${e.review}" title="${esc(STATE_LABEL[e.review])}">${e.review}</span>` : "",
  ].join("");
  const links = [
    ...e.contradictedBy.map((l) => linkHtml(l, "contradicted later by", { earlier: e.claim.id, later: l.claim })),
    ...e.contradicts.map((l) => linkHtml(l, "contradicts earlier", { earlier: l.claim, later: e.claim.id })),
  ].join("");
  return `<li class="${cls}" data-index="${i}">
<div class="when"><span class="order">#${e.order + 1}</span> ${e.published ? `<time>${esc(e.published)}</time>` : `<span class="undated">undated</span>`}</div>
<div class="card">
<div class="source"><a href="#" class="open" data-claim="${esc(e.claim.id)}">${esc(e.source)}</a>${badges}</div>
<blockquote>${esc(snippet(e.claim.text, 400))}</blockquote>
${e.note ? `<p class="note"><span class="label">Note:</span> ${esc(e.note)}</p>` : ""}
${links ? `<ul class="flags">${links}</ul>` : ""}
<button type="button" class="review-claim" data-claim="${esc(e.claim.id)}">${e.review ? "Change review" : "Verify or dispute…"}</button>
</div>
</li>`;
}

function linkHtml(l: TimelineLink, relation: string, pair: { earlier: string; later: string }): string {
  return `<li class="flag ${l.review ?? "open"}">
<span class="kind">⚠ ${esc(l.kind)}</span> ${relation} <a href="#" class="open" data-claim="${esc(l.claim)}">${esc(l.source)}</a>
${l.review ? `<span class="badge review ${l.review}">${l.review}</span>` : ""}
<span class="explanation">${esc(l.explanation)}</span>
${l.note ? `<span class="note"><span class="label">Note:</span> ${esc(l.note)}</span>` : ""}
<button type="button" class="review-flag" data-earlier="${esc(pair.earlier)}" data-later="${esc(pair.later)}">${l.review ? "Change" : "Review…"}</button>
</li>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
