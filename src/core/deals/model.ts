import type { Claim, Contradiction, SlotReading } from "../types";
import type { CorpusSnapshot } from "../corpus";
import { slotOf, STAGE_LABEL, type DealStage } from "./slots";

/** One deal of the corpus: its parties and, per slot, the values its statements give in corpus order. */
export interface Deal {
  /** The parties' ids joined by "+", as a flag's `deal` names it. */
  id: string;
  label: string;
  parties: string[];
  slots: Array<{ slot: string; label: string; values: Array<{ value: number | string; text: string; modality: SlotReading["modality"]; claim: string }> }>;
}

/** The deal a set of parties makes: the key flags and views share. */
export function dealId(parties: string[]): string {
  return parties.join("+");
}

/**
 * The corpus's deals, from its topics: a topic whose concept is a slot holds one deal's statements of that
 * slot (its parties are the deal's), already in corpus order. Deals are listed by their first statement.
 */
export function dealsOf(snap: CorpusSnapshot): Deal[] {
  const deals = new Map<string, Deal>();
  const first = new Map<string, number>();
  for (const t of snap.topics) {
    const def = slotOf(t.concept);
    if (!def || !t.orgs.length) continue;
    const id = dealId(t.orgs);
    let deal = deals.get(id);
    // A topic's label names its parties after its concept ("Deal value · Disney, Fox").
    if (!deal) deals.set(id, (deal = { id, label: (t.label.split(" · ")[1] ?? id).split(", ").join(" – "), parties: t.orgs, slots: [] }));
    const values: Deal["slots"][number]["values"] = [];
    for (const claimId of t.claims) {
      const c = snap.claims.get(claimId);
      if (!c?.slot) continue;
      values.push({ value: c.slot.value, text: c.slot.text, modality: c.slot.modality, claim: c.id });
      const order = snap.documentOf.get(c.id)?.order ?? Infinity;
      if (order < (first.get(id) ?? Infinity)) first.set(id, order);
    }
    if (values.length) deal.slots.push({ slot: def.id, label: def.label, values });
  }
  return [...deals.values()].filter((d) => d.slots.length).sort((a, b) => (first.get(a.id)! - first.get(b.id)!) || a.id.localeCompare(b.id));
}

/** What a slot's value reads as: the figure or date as written, a stage by its name. */
export function valueText(claim: Claim | undefined): string {
  const r = claim?.slot;
  if (!r) return "?";
  if (slotOf(claim.concept)?.kind === "status") return STAGE_LABEL[r.value as DealStage] ?? String(r.value);
  if (r.value === "postponed") return "postponed";
  return r.replaced ? `no longer ${r.text}` : r.text;
}

/**
 * A flag told as the change it is: "Deal value: $52.4 billion → $71.3 billion (superseded)". Undefined for
 * a flag that is no slot's (an arrangement that ends).
 */
export function changeSummary(x: Contradiction, claims: { get(id: string): Claim | undefined }): string | undefined {
  const def = x.slot ? slotOf(x.slot) : undefined;
  if (!def) return undefined;
  return `${def.label}: ${valueText(claims.get(x.earlier))} → ${valueText(claims.get(x.later))}${x.nature ? ` (${x.nature})` : ""}`;
}
