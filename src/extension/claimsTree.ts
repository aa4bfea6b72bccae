import * as vscode from "vscode";
import { changeKey, dealSheets, statedValue, flagStatus, shownFlags, formatValue, reviewState, shortSource, snippet as cut, type Claim, type CorpusSnapshot, type DealSheet, type FlagStatus, type ResolvedAnnotation, type ReviewIndex, type ReviewState, type SheetFlag, type SheetSlot } from "../core";
import type { CorpusService } from "./corpusService";
import type { ReviewService } from "./reviews";
import { escapeMarkdown, snippet } from "./escape";

export type Grouping = "deal" | "topic" | "document" | "organization";
export const GROUPINGS: readonly Grouping[] = ["deal", "topic", "document", "organization"];

/** The most a label shows: the rest of what a node says is in its description and tooltip. */
export const MAX_LABEL = 60;

/** A node of the tree by deal: a deal, a change of one of its slots, an unchanged slot, or a statement under them. */
export interface DealItem {
  type: "item";
  id: string;
  role: "deal" | "change" | "slot" | "statement";
  label: string;
  description: string;
  tooltip: string;
  icon: string;
  color?: string;
  children: DealItem[];
  parent?: DealItem;
  /** The statement a click opens. */
  claim?: string;
  /** A change's flags, as the review command takes them (one change may be several flags: one per earlier statement). */
  flags?: Array<{ earlier: string; later: string }>;
  /** The deal a deal node (and its sheet) is. */
  deal: string;
  expanded?: boolean;
}

export type Node =
  | DealItem
  | { type: "group"; id: string; label: string; claims: string[]; grouping: Grouping }
  | { type: "claim"; id: string; parent: string }
  | { type: "annotations"; id: "notes" | "orphans"; label: string; annotations: string[] }
  | { type: "annotation"; annotation: string; parent: "notes" | "orphans" };

/** Icons of reviewed flags and claims. */
const STATE_ICON: Record<ReviewState, string> = { superseded: "history", conflict: "error", dismissed: "pass", verified: "verified", disputed: "question" };

/** Topics → claims (or documents / organisations → claims), contradicted claims flagged with their contradicting source. */
export class ClaimsTree implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  grouping: Grouping = "deal";
  filter = "";
  private groups: Array<Extract<Node, { type: "group" }>> = [];
  private dealItems: DealItem[] = [];
  private annotationGroups: Array<Extract<Node, { type: "annotations" }>> = [];
  private reviewIndex: ReviewIndex | undefined;
  /** The corpus, the reviews, the grouping or the filter changed since the groups were built. */
  private stale = true;
  private readonly claimNodes = new Map<string, Extract<Node, { type: "claim" }>>();
  /** Claim id → ids of the claims that contradict it (later) or that it contradicts (earlier). */
  private later = new Map<string, string[]>();
  private earlier = new Map<string, string[]>();

  constructor(private readonly corpus: CorpusService, private readonly reviews: ReviewService, private readonly state: vscode.Memento) {
    const saved = state.get<unknown>("claimscope.grouping");
    this.grouping = GROUPINGS.find((g) => g === saved) ?? "deal";
    reviews.onDidChange(() => this.refresh());
  }

  setGrouping(g: Grouping): void {
    this.grouping = g;
    void this.state.update("claimscope.grouping", g);
    this.refresh();
  }

  setFilter(text: string): void {
    this.filter = text.trim();
    void vscode.commands.executeCommand("setContext", "claimscope.filtered", this.filter.length > 0);
    this.refresh();
  }

  /**
   * Marks the tree for rebuilding and tells the view: the groups are built when next read, so a corpus
   * change costs nothing here while the Claims view is closed (at 10,000 articles a rebuild walks 86,000
   * flags, and every edit changes the corpus).
   */
  refresh(): void {
    this.stale = true;
    this.changed.fire(undefined);
  }

  private current(): void {
    if (!this.stale) return;
    this.stale = false;
    this.rebuild(this.corpus.snapshot());
  }

  /** Notes and orphaned annotations, shown after the claims whatever the grouping. */
  annotationRoots(): Array<Extract<Node, { type: "annotations" }>> {
    this.current();
    return this.annotationGroups;
  }

  /** The top-level groups as they stand (for tests and the view's description); empty when grouped by deal. */
  roots(): Array<Extract<Node, { type: "group" }>> {
    this.current();
    return this.groups;
  }

  /** The deals as they stand, when grouped by deal. */
  deals(): DealItem[] {
    this.current();
    return this.dealItems;
  }

  contradictedBy(id: string): string[] {
    this.current();
    return this.later.get(id) ?? [];
  }

  getChildren(node?: Node): Node[] {
    if (!node) return [...this.deals(), ...this.roots(), ...this.annotationGroups];
    if (node.type === "item") return node.children;
    if (node.type === "group") return node.claims.map((id) => this.claimNode(id, node.id));
    if (node.type === "annotations") return node.annotations.map((annotation) => ({ type: "annotation", annotation, parent: node.id }));
    return [];
  }

  getParent(node: Node): Node | undefined {
    this.current();
    if (node.type === "item") return node.parent;
    if (node.type === "claim") return this.groups.find((g) => g.id === node.parent);
    if (node.type === "annotation") return this.annotationGroups.find((g) => g.id === node.parent);
    return undefined;
  }

  /** The node of a claim in the current grouping, for reveal. */
  nodeOf(claimId: string): Node | undefined {
    const find = (items: DealItem[]): DealItem | undefined => {
      for (const i of items) { const hit = i.claim === claimId && i.role === "statement" ? i : find(i.children); if (hit) return hit; }
      return undefined;
    };
    const item = find(this.deals());
    if (item) return item;
    const g = this.roots().find((x) => x.claims.includes(claimId));
    return g ? this.claimNode(claimId, g.id) : undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    this.current();
    const snap = this.corpus.snapshot();
    const index = this.reviewIndex ?? this.reviews.index();
    if (node.type === "annotations") {
      const item = new vscode.TreeItem(node.label, vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `annotations:${node.id}`;
      item.description = String(node.annotations.length);
      item.iconPath = new vscode.ThemeIcon(node.id === "notes" ? "note" : "debug-disconnect", node.id === "orphans" ? new vscode.ThemeColor("list.warningForeground") : undefined);
      return item;
    }
    if (node.type === "annotation") return this.annotationItem(node, index);
    if (node.type === "item") return dealTreeItem(node);
    if (node.type === "group") {
      const flagged = node.claims.filter((id) => this.later.has(id) || this.earlier.has(id)).length;
      const item = new vscode.TreeItem(node.label, flagged ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
      item.id = `group:${node.id}`;
      item.description = `${node.claims.length} claim${node.claims.length === 1 ? "" : "s"}${flagged ? ` · ${flagged} flagged` : ""}`;
      item.iconPath = new vscode.ThemeIcon(node.grouping === "document" ? "file-text" : node.grouping === "organization" ? "organization" : flagged ? "warning" : "symbol-namespace",
        flagged ? new vscode.ThemeColor("list.warningForeground") : undefined);
      item.contextValue = `claimscope.${node.grouping}`;
      return item;
    }
    const claim = snap.claims.get(node.id)!;
    const doc = snap.documentOf.get(node.id)!;
    const contradicted = this.later.get(node.id) ?? [];
    const item = new vscode.TreeItem(snippet(claim.text, 90), vscode.TreeItemCollapsibleState.None);
    item.id = `claim:${node.parent}:${node.id}`;
    const value = claim.measure ? formatValue(doc.analysis.facts[claim.measure.fact]!) : "";
    // The flags this claim is part of, with their states; dismissed ones no longer count as open.
    const flags = (snap.contradictionsByTopic.get(claim.topic) ?? []).filter((x) => x.earlier === node.id || x.later === node.id);
    const statuses = flags.map((x) => flagStatus(x, index, this.corpus.settings.flagSeverity));
    const flagStates = statuses.map((st) => (st.state === "open" ? undefined : st.state));
    const open = statuses.filter((st) => st.state === "open");
    const claimReview = index.ofClaim(node.id);
    const claimState = reviewState(claimReview);
    const parts = [doc.analysis.path, value, claim.polarity === "neutral" ? "" : claim.polarity, claim.status ?? "", claimState ?? ""].filter(Boolean);
    if (contradicted.length) parts.push(`contradicted by ${contradicted.map((id) => snap.documentOf.get(id)?.analysis.path).join(", ")}`);
    const judged = [...new Set(flagStates.filter(Boolean))];
    if (judged.length) parts.push(`flag ${judged.join(", ")}`);
    item.description = parts.join(" · ");
    const loudest = open.find((st) => st.nature === "conflict") ?? open[0] ?? statuses.find((st) => st.state !== "dismissed") ?? statuses[0];
    const look = loudest && flagLook(loudest);
    item.iconPath = look ? new vscode.ThemeIcon(look.icon, look.color ? new vscode.ThemeColor(look.color) : undefined)
      : claimState ? new vscode.ThemeIcon(STATE_ICON[claimState])
      : new vscode.ThemeIcon(claim.polarity === "denies" ? "circle-slash" : "quote");
    const tip = new vscode.MarkdownString(undefined, false);
    tip.appendMarkdown(`**${escapeMarkdown(doc.analysis.path)}**${doc.analysis.published ? ` · ${escapeMarkdown(doc.analysis.published)}` : ""} · #${doc.order + 1} in corpus order\n\n`);
    tip.appendMarkdown(`${escapeMarkdown(claim.text)}\n\n`);
    if (contradicted.length) tip.appendMarkdown(`⚠ Contradicted by ${contradicted.map((id) => escapeMarkdown(snap.documentOf.get(id)?.analysis.path ?? id)).join(", ")}\n\n`);
    if (claimState) tip.appendMarkdown(`**Claim ${claimState}**${noteOf(claimReview)}\n\n`);
    flags.forEach((x, i) => { if (flagStates[i]) tip.appendMarkdown(`**Flag (${x.kind}) ${flagStates[i]}**${noteOf(index.ofContradiction(x))}\n\n`); });
    item.tooltip = tip;
    item.accessibilityInformation = { label: `${open.length ? "Contradicted claim" : flags.length ? "Reviewed claim" : "Claim"} from ${doc.analysis.path}: ${snippet(claim.text, 200)}` };
    item.command = { command: "claimscope.openClaim", title: "Open claim", arguments: [node.id] };
    item.contextValue = flags.length ? "claimscope.claim.flagged" : "claimscope.claim";
    return item;
  }

  private annotationItem(node: Extract<Node, { type: "annotation" }>, index: ReviewIndex): vscode.TreeItem {
    const r = index.all.find((x) => x.annotation.id === node.annotation);
    if (!r) return new vscode.TreeItem("(removed)");
    const a = r.annotation;
    const target = a.target[0];
    const label = a.kind === "note" ? a.note : `${a.kind === "contradiction" ? "Flag" : "Claim"} ${a.state}${a.note ? `: ${a.note}` : ""}`;
    const item = new vscode.TreeItem(snippet(label, 80), vscode.TreeItemCollapsibleState.None);
    item.id = `annotation:${node.parent}:${a.id}`;
    item.description = `${target.source} · “${snippet(target.quote.exact, 50)}”`;
    item.iconPath = new vscode.ThemeIcon(r.status === "orphaned" ? "debug-disconnect" : "note", r.status === "orphaned" ? new vscode.ThemeColor("list.warningForeground") : undefined);
    const tip = new vscode.MarkdownString(undefined, false);
    tip.appendMarkdown(`${escapeMarkdown(label)}\n\n“${escapeMarkdown(snippet(target.quote.exact, 300))}” in *${escapeMarkdown(target.source)}*\n\n`);
    if (r.reason) tip.appendMarkdown(`Orphaned: ${escapeMarkdown(r.reason)}`);
    item.tooltip = tip;
    const at = r.ranges[0];
    if (at) item.command = { command: "claimscope.openRange", title: "Open", arguments: [at.path, at.start, at.end] };
    item.contextValue = "claimscope.annotation";
    return item;
  }

  private claimNode(id: string, parent: string): Extract<Node, { type: "claim" }> {
    const key = `${parent}\u0000${id}`;
    let n = this.claimNodes.get(key);
    if (!n) this.claimNodes.set(key, (n = { type: "claim", id, parent }));
    return n;
  }

  private rebuild(snap: CorpusSnapshot): void {
    const index = (this.reviewIndex = this.reviews.index());
    const notes = index.all.filter((r) => r.annotation.kind === "note" && r.status !== "orphaned").map((r) => r.annotation.id);
    this.annotationGroups = [
      ...(notes.length ? [{ type: "annotations" as const, id: "notes" as const, label: "Notes", annotations: notes }] : []),
      ...(index.orphans.length ? [{ type: "annotations" as const, id: "orphans" as const, label: "Orphaned annotations", annotations: index.orphans.map((r) => r.annotation.id) }] : []),
    ];
    this.later = new Map();
    this.earlier = new Map();
    // Appended in place: one claim can be flagged by hundreds of later ones.
    const append = (m: Map<string, string[]>, k: string, v: string) => { const list = m.get(k); if (list) list.push(v); else m.set(k, [v]); };
    for (const c of shownFlags(snap, index)) {
      append(this.later, c.earlier, c.later);
      append(this.earlier, c.later, c.earlier);
    }
    this.claimNodes.clear();
    const match = this.matcher(snap);
    const groups: Array<Extract<Node, { type: "group" }>> = [];
    this.dealItems = [];
    if (this.grouping === "deal") {
      this.dealItems = dealSheets(snap, index, this.corpus.settings.flagSeverity).map((d) => dealNode(d, snap, match)).filter((d) => d.children.length);
    } else if (this.grouping === "topic") {
      for (const t of snap.topics) groups.push({ type: "group", id: t.id, label: t.label, claims: t.claims.filter(match), grouping: "topic" });
    } else if (this.grouping === "document") {
      for (const d of snap.documents) {
        groups.push({ type: "group", id: d.analysis.path, label: `${d.order + 1}. ${d.analysis.path}${d.analysis.published ? ` (${d.analysis.published})` : ""}`, claims: d.analysis.claims.map((c) => c.id).filter(match), grouping: "document" });
      }
    } else {
      const byOrg = new Map<string, string[]>();
      for (const d of snap.documents) for (const c of d.analysis.claims) for (const o of c.orgs) { const ids = byOrg.get(o); if (ids) ids.push(c.id); else byOrg.set(o, [c.id]); }
      for (const [org, ids] of [...byOrg].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]))) {
        groups.push({ type: "group", id: org, label: this.corpus.index.analyzer.orgs.labelOf(org), claims: ids.filter(match), grouping: "organization" });
      }
    }
    // Topics with contradictions first, then the larger ones (flagged claims counted once per group, not per comparison).
    if (this.grouping !== "document") {
      const flagged = new Map(groups.map((g) => [g, g.claims.filter((id) => this.later.has(id) || this.earlier.has(id)).length]));
      groups.sort((a, b) => flagged.get(b)! - flagged.get(a)! || b.claims.length - a.claims.length || a.label.localeCompare(b.label));
    }
    this.groups = groups.filter((g) => g.claims.length);
  }

  private matcher(snap: CorpusSnapshot): (id: string) => boolean {
    if (!this.filter) return () => true;
    const words = this.filter.toLowerCase().split(/\s+/);
    return (id) => {
      const c: Claim = snap.claims.get(id)!;
      const hay = `${c.text} ${c.topic} ${c.document} ${c.orgs.join(" ")} ${c.polarity} ${this.later.has(id) ? "contradicted flagged" : ""}`.toLowerCase();
      return words.every((w) => hay.includes(w));
    };
  }
}

function dealTreeItem(node: DealItem): vscode.TreeItem {
  const state = node.children.length ? (node.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed) : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(node.label, state);
  item.id = node.id;
  item.description = node.description;
  const tip = new vscode.MarkdownString(undefined, false);
  tip.appendMarkdown(node.tooltip);
  item.tooltip = tip;
  item.iconPath = new vscode.ThemeIcon(node.icon, node.color ? new vscode.ThemeColor(node.color) : undefined);
  item.contextValue = node.role === "statement" ? "claimscope.claim" : node.role === "change" ? "claimscope.change" : `claimscope.${node.role}`;
  item.accessibilityInformation = { label: `${node.label}, ${node.description}` };
  if (node.claim) item.command = { command: "claimscope.openClaim", title: "Open statement", arguments: [node.claim] };
  return item;
}

/** How a flag's state looks in the tree: an open conflict warns, an open superseded fact informs, a judged one shows its judgement. */
function flagLook(status: FlagStatus): { icon: string; color?: string; words: string } {
  if (status.state === "dismissed") return { icon: STATE_ICON.dismissed, words: "dismissed" };
  if (status.state !== "open") return { icon: STATE_ICON[status.state], words: `${status.state} (reviewed)` };
  return status.nature === "conflict"
    ? { icon: "warning", color: "list.warningForeground", words: "conflict" }
    : { icon: "history", color: "charts.blue", words: "superseded" };
}

function dealNode(d: DealSheet, snap: CorpusSnapshot, match: (id: string) => boolean): DealItem {
  const deal: DealItem = {
    type: "item", id: `deal:${d.id}`, role: "deal", label: cut(d.label, MAX_LABEL), deal: d.id, children: [],
    // Described once its changes are counted (below).
    description: "", tooltip: "",
    icon: d.openCount ? "warning" : "briefcase", ...(d.openCount ? { color: "list.warningForeground" } : {}), expanded: d.openCount > 0,
  };
  const statement = (parent: DealItem, claim: string, role: string, value: string): DealItem | undefined => {
    const c = snap.claims.get(claim);
    const doc = snap.documentOf.get(claim)?.analysis;
    if (!c || !doc || !match(claim)) return undefined;
    const where = `${shortSource(doc.path)}${doc.published ? ` · ${doc.published}` : ""}`;
    return {
      type: "item", id: `${parent.id}:${role}:${claim}`, role: "statement", deal: d.id, claim, parent, children: [],
      label: cut(`${role}: ${value} · ${where}`, MAX_LABEL), description: snippet(c.text, 120),
      tooltip: `**${escapeMarkdown(doc.path)}**${doc.published ? ` · ${escapeMarkdown(doc.published)}` : ""}\n\n${escapeMarkdown(c.text)}`,
      icon: role === "Later" ? "arrow-right" : role === "Earlier" ? "history" : "quote",
    };
  };
  const change = (group: SheetFlag[]): DealItem | undefined => {
    const f = group[0]!;
    const look = flagLook(f.status);
    const earlierIds = [...new Set(group.flatMap((g) => [g.flag.earlier, ...(g.flag.alsoEarlier ?? [])]))];
    const note = group.map((g) => g.status.review?.annotation.note).find(Boolean);
    const item: DealItem = {
      type: "item", id: `change:${group.map((g) => `${g.flag.earlier}>${g.flag.later}`).join("|")}`, role: "change", deal: d.id, parent: deal, children: [],
      label: cut(f.change, MAX_LABEL),
      description: `${look.words} · ${shortSource(f.laterSource)}${f.laterPublished ? `, ${f.laterPublished}` : ""}`,
      tooltip: `**${escapeMarkdown(f.change)}** — ${look.words}\n\nLater: *${escapeMarkdown(f.laterSource)}*${f.laterPublished ? ` (${escapeMarkdown(f.laterPublished)})` : ""}; earlier: ${group.map((g) => `*${escapeMarkdown(g.earlierSource)}*`).join(", ")}${note ? `\n\nNote: ${escapeMarkdown(note)}` : ""}`,
      icon: look.icon, ...(look.color ? { color: look.color } : {}), flags: group.map((g) => ({ earlier: g.flag.earlier, later: g.flag.later })), claim: f.flag.later,
      expanded: false,
    };
    for (const id of earlierIds) { const s = statement(item, id, "Earlier", statedValue(snap.claims.get(id))); if (s) item.children.push(s); }
    const later = statement(item, f.flag.later, "Later", statedValue(snap.claims.get(f.flag.later)));
    if (later) item.children.push(later);
    return item.children.length ? item : undefined;
  };
  /** Flags grouped into changes (changeKey), in the order of their first flag. */
  const changes = (flags: SheetFlag[]): SheetFlag[][] => {
    const groups = new Map<string, SheetFlag[]>();
    for (const f of flags) { const k = changeKey(f.flag, snap, f.status); const g = groups.get(k); if (g) g.push(f); else groups.set(k, [f]); }
    return [...groups.values()];
  };
  const slot = (s: SheetSlot): DealItem | undefined => {
    const item: DealItem = {
      type: "item", id: `slot:${d.id}:${s.slot}`, role: "slot", deal: d.id, parent: deal, children: [],
      label: cut(`${s.label}: ${s.current.text}`, MAX_LABEL),
      description: `${s.values.length} statement${s.values.length === 1 ? "" : "s"} · latest ${shortSource(s.current.source)}`,
      tooltip: `**${escapeMarkdown(s.label)}**: ${escapeMarkdown(s.current.text)} (latest report, *${escapeMarkdown(s.current.source)}*)`,
      icon: "symbol-field",
    };
    for (const v of s.values) { const st = statement(item, v.claim, v.modality === "reported" ? "Says" : v.modality, v.text); if (st) item.children.push(st); }
    return item.children.length ? item : undefined;
  };
  const groups = [...d.slots.flatMap((s) => changes(s.flags)), ...changes(d.arrangementFlags)];
  for (const g of groups) { const c = change(g); if (c) deal.children.push(c); }
  for (const s of d.slots) if (!s.flags.length) { const c = slot(s); if (c) deal.children.push(c); }
  const shown = groups.filter((g) => g[0]!.status.shown), open = groups.filter((g) => g[0]!.status.state === "open");
  deal.description = shown.length ? `${open.length} open of ${shown.length} change${shown.length === 1 ? "" : "s"} · ${d.slots.length} facts` : `${d.slots.length} facts`;
  deal.tooltip = `**${escapeMarkdown(d.label)}**\n\n${shown.length} flagged change${shown.length === 1 ? "" : "s"}, ${open.length} open · ${d.slots.length} facts tracked`;
  return deal;
}

function noteOf(r: ResolvedAnnotation | undefined): string {
  return r?.annotation.note ? ` — ${escapeMarkdown(r.annotation.note)}` : "";
}
