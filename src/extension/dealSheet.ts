import * as vscode from "vscode";
import { dealId, dealSheet, dealSheets, isRecord, snippet, type CorpusSnapshot } from "../core";
import type { CorpusService } from "./corpusService";
import type { ReviewService } from "./reviews";
import { dealSheetHtml } from "./dealSheetPage";

/**
 * The deal sheet: one deal's facts, each slot's values in corpus order with sources, dates, flags and their
 * reviews, and a chart of each figure that moved. A webview whose page loads only our stylesheet and one
 * script with a nonce (no remote resources, no inline code); it asks the extension to open or review
 * things through messages, which are checked like any other input.
 */
export class DealSheetPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private deal: string | undefined;
  /** The page as last rendered (for tests). */
  html = "";
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly corpus: CorpusService, private readonly reviews: ReviewService) {
    this.disposables.push(reviews.onDidChange(() => this.render()));
  }

  /**
   * Shows a deal given by its id, a tree node (a deal or anything under one, a topic), or a claim id (its
   * topic's deal); asks which deal when given none. Anything else is refused.
   */
  async show(subject?: unknown): Promise<boolean> {
    await this.corpus.ready;
    await this.reviews.ready;
    const snap = this.corpus.snapshot();
    let id = dealOf(snap, subject);
    if (!id && subject !== undefined) {
      void vscode.window.showWarningMessage("Claimscope: that is not a deal of this corpus.");
      return false;
    }
    if (!id) {
      const sheets = dealSheets(snap, this.reviews.index(), this.corpus.settings.flagSeverity);
      if (!sheets.length) { void vscode.window.showInformationMessage("Claimscope: no deals found in this corpus."); return false; }
      const pick = await vscode.window.showQuickPick(
        sheets.map((d) => ({ label: `${d.openCount ? "$(warning) " : ""}${d.label}`, description: `${d.openCount} open of ${d.flagCount} changes · ${d.slots.length} facts`, id: d.id })),
        { title: "Claimscope: Deal Sheet", placeHolder: "Which deal?", matchOnDescription: true },
      );
      id = pick?.id;
    }
    if (!id) return false;
    this.deal = id;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel("claimscope.dealSheet", "Deal sheet", vscode.ViewColumn.Beside, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, "media"), vscode.Uri.joinPath(this.extensionUri, "dist", "webview")],
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
    if (!this.panel || !this.deal) return;
    const sheet = dealSheet(this.corpus.snapshot(), this.reviews.index(), this.corpus.settings.flagSeverity, this.deal);
    const webview = this.panel.webview;
    this.panel.title = sheet ? `Deal: ${snippet(sheet.label, 40)}` : "Deal sheet";
    this.html = dealSheetHtml(sheet, {
      csp: webview.cspSource,
      nonce: nonce(),
      style: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, "media", "dealSheet.css")).toString(),
      script: webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, "dist", "webview", "dealSheet.js")).toString(),
    });
    webview.html = this.html;
  }

  /** Messages from the page are requests, checked like any other input. */
  private receive(m: unknown): void {
    if (!isRecord(m)) return;
    if (m.type === "open" && typeof m.claim === "string") void vscode.commands.executeCommand("claimscope.openClaim", m.claim);
    if (m.type === "reviewFlag" && typeof m.earlier === "string" && typeof m.later === "string") void vscode.commands.executeCommand("claimscope.reviewContradiction", { earlier: m.earlier, later: m.later });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

/** The deal a subject names, if it names one of the corpus. */
export function dealOf(snap: CorpusSnapshot, subject: unknown): string | undefined {
  const deals = new Set<string>();
  for (const t of snap.topics) if (t.orgs.length) deals.add(dealId(t.orgs));
  const known = (id: unknown) => (typeof id === "string" && deals.has(id) ? id : undefined);
  if (typeof subject === "string") {
    if (known(subject)) return subject;
    const claim = subject.length < 4096 && snap.claims.get(subject);
    const topic = claim ? snap.topicById.get(claim.topic) : snap.topicById.get(subject);
    return topic ? known(dealId(topic.orgs)) : undefined;
  }
  if (!isRecord(subject)) return undefined;
  if (subject.type === "item") return known(subject.deal);
  if (subject.type === "group" && subject.grouping === "topic") return dealOf(snap, subject.id);
  if (subject.type === "claim" && typeof subject.id === "string") return dealOf(snap, subject.id);
  return undefined;
}

function nonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
