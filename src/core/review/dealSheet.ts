// One deal as a reviewer reads it: every slot's values in corpus order with their sources, the flags
// between them with their state, and the figures that move over time as chart series. The tree by deal and
// the deal sheet both read deals from here.
import type { CorpusSnapshot } from "../corpus";
import { dealId, dealsOf, valueText, type Deal } from "../deals/model";
import { slotOf, type SlotKind } from "../deals/slots";
import type { Contradiction, Modality } from "../types";
import { flagChange, flagStatus, shortSource, type FlagSeverity, type FlagStatus } from "./flags";
import type { ReviewIndex } from "./resolve";

export interface SheetFlag {
  flag: Contradiction;
  /** What changed: "Deal value: $6.8 billion → $7.4 billion". */
  change: string;
  status: FlagStatus;
  /** The later statement's article, and its date. */
  laterSource: string;
  laterPublished: string | null;
  earlierSource: string;
}

export interface SheetValue {
  claim: string;
  source: string;
  published: string | null;
  /** Position of the article in corpus order (0-based, as the JSON contract counts). */
  order: number;
  value: number | string;
  /** The value as the text gives it. */
  text: string;
  modality: Modality;
  currency?: string;
  /** The statement's own words, for a table or a tooltip. */
  statement: string;
}

export interface SheetSlot {
  slot: string;
  label: string;
  kind: SlotKind;
  values: SheetValue[];
  /** The slot's flags, in corpus order of their later statement. */
  flags: SheetFlag[];
  /** The latest reported value (what the corpus says now), else the latest value. */
  current: SheetValue;
  /** Reported figures in corpus order, when the slot holds at least two different ones of one unit. */
  series?: { unit: string; points: Array<{ value: number; label: string; claim: string }> };
}

export interface DealSheet {
  id: string;
  label: string;
  parties: string[];
  /** Slots that changed or conflict first (by their first flag), then the others in the model's order. */
  slots: SheetSlot[];
  /** Flags on the deal's arrangements (a license that ends): no slot holds them. */
  arrangementFlags: SheetFlag[];
  flagCount: number;
  openCount: number;
}

/** Every deal of the corpus, those with shown flags first (most open flags first), then in order of their first statement. */
export function dealSheets(snap: CorpusSnapshot, reviews: ReviewIndex | undefined, severity: FlagSeverity): DealSheet[] {
  const byDeal = new Map<string, Contradiction[]>();
  for (const x of snap.contradictions) {
    const id = x.deal ?? dealId(snap.topicById.get(x.topic)?.orgs ?? []);
    const list = byDeal.get(id);
    if (list) list.push(x); else byDeal.set(id, [x]);
  }
  const deals = dealsOf(snap);
  const known = new Set(deals.map((d) => d.id));
  // A deal whose only flags are on an arrangement has no slot topic; its parties are the arrangement's.
  for (const [id, flags] of byDeal) {
    if (known.has(id)) continue;
    const orgs = snap.topicById.get(flags[0]!.topic)?.orgs ?? [];
    deals.push({ id, label: labelOfParties(snap, flags[0]!.topic, id), parties: orgs, slots: [] });
  }
  const sheets = deals.map((d, i) => ({ sheet: sheetOf(snap, reviews, severity, d, byDeal.get(d.id) ?? []), i }));
  sheets.sort((a, b) => (b.sheet.openCount - a.sheet.openCount) || (b.sheet.flagCount - a.sheet.flagCount) || a.i - b.i);
  return sheets.map((s) => s.sheet);
}

/** One deal's sheet, by its id (a flag's `deal`). */
export function dealSheet(snap: CorpusSnapshot, reviews: ReviewIndex | undefined, severity: FlagSeverity, id: string): DealSheet | undefined {
  return dealSheets(snap, reviews, severity).find((s) => s.id === id);
}

function labelOfParties(snap: CorpusSnapshot, topicId: string, id: string): string {
  const label = snap.topicById.get(topicId)?.label;
  return (label?.split(" · ")[1] ?? id).split(", ").join(" – ");
}

function sheetOf(snap: CorpusSnapshot, reviews: ReviewIndex | undefined, severity: FlagSeverity, deal: Deal, flags: Contradiction[]): DealSheet {
  const sheetFlag = (x: Contradiction): SheetFlag => {
    const later = snap.documentOf.get(x.later)?.analysis;
    return {
      flag: x,
      change: flagChange(x, snap),
      status: flagStatus(x, reviews, severity),
      laterSource: later?.path ?? x.later,
      laterPublished: later?.published ?? null,
      earlierSource: snap.documentOf.get(x.earlier)?.analysis.path ?? x.earlier,
    };
  };
  const all = flags.map(sheetFlag);
  const orderOf = (f: SheetFlag) => snap.documentOf.get(f.flag.later)?.order ?? Infinity;
  all.sort((a, b) => orderOf(a) - orderOf(b));
  const slots: SheetSlot[] = deal.slots.map((s) => {
    const values = s.values.map((v): SheetValue => {
      const doc = snap.documentOf.get(v.claim)!;
      const claim = snap.claims.get(v.claim);
      return {
        claim: v.claim, source: doc.analysis.path, published: doc.analysis.published, order: doc.order,
        value: v.value, text: valueText(claim), modality: v.modality, statement: claim?.text ?? "",
        ...(claim?.slot?.currency ? { currency: claim.slot.currency } : {}),
      };
    });
    const reported = values.filter((v) => v.modality === "reported");
    const kind = slotOf(s.slot)?.kind ?? "status";
    return {
      slot: s.slot, label: s.label, kind, values,
      flags: all.filter((f) => f.flag.slot === s.slot),
      current: reported[reported.length - 1] ?? values[values.length - 1]!,
      ...seriesOf(kind, reported),
    };
  });
  const firstFlag = (s: SheetSlot) => (s.flags.length ? orderOf(s.flags[0]!) : Infinity);
  slots.sort((a, b) => firstFlag(a) - firstFlag(b));
  const slotIds = new Set(deal.slots.map((s) => s.slot));
  return {
    id: deal.id, label: deal.label, parties: deal.parties, slots,
    arrangementFlags: all.filter((f) => !f.flag.slot || !slotIds.has(f.flag.slot)),
    flagCount: all.filter((f) => f.status.shown).length,
    openCount: all.filter((f) => f.status.state === "open").length,
  };
}

/** A chart series for the figures of a slot: only numbers of one unit, and only once they differ. */
function seriesOf(kind: SlotKind, reported: SheetValue[]): Pick<SheetSlot, "series"> {
  if (kind !== "money" && kind !== "stake" && kind !== "percent" && kind !== "count") return {};
  const numeric = reported.filter((v): v is SheetValue & { value: number } => typeof v.value === "number");
  if (!numeric.length) return {};
  const unit = kind === "money" ? numeric[0]!.currency ?? "USD" : kind === "count" ? "count" : "%";
  const same = numeric.filter((v) => (kind === "money" ? (v.currency ?? "USD") === unit : true));
  if (new Set(same.map((v) => v.value)).size < 2) return {};
  return {
    series: {
      unit,
      points: same.map((v) => ({
        value: kind === "stake" || kind === "percent" ? v.value * 100 : v.value,
        label: `${shortSource(v.source)}${v.published ? ` ${v.published}` : ""}`,
        claim: v.claim,
      })),
    },
  };
}
