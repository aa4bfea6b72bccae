// The facts a deal carries, in one table: what each slot is called, what kind of value fills it, and the
// words that tie a figure in a sentence to it. Reading a sentence (read.ts), comparing values (changes.ts)
// and every view take a slot's meaning from here.
import type { Modality } from "../types";

export type SlotKind = "money" | "stake" | "percent" | "count" | "date" | "duration" | "status";

export interface SlotDefinition {
  id: string;
  label: string;
  kind: SlotKind;
  /** Regular-expression sources naming the slot near a figure of its kind (case-insensitive, word-bounded). */
  cues: string[];
  /** Cues that name the slot only for a figure after them ("now worth $60.6 billion"). */
  leads?: string[];
  /** Values that are separate quantities by nature (one tranche of an investment and the next): read, never compared. */
  separate?: boolean;
  /** Whether two different values can only follow one another in time (an outside date moved), never clash in one moment. */
  movesOnly?: boolean;
}

/** Where a deal stands. Order matters only for reading: a clause's first stage in this list wins a tie. */
export type DealStage = "terminated" | "blocked" | "sued" | "cleared" | "completed" | "agreed" | "rejected" | "pursuing" | "offered" | "talks";


const DEAL_NOUN = "(?:deal|acquisition|merger|mega-?merger|takeover|transaction|buyout|purchase|tie-up|combination|offer|bid|approach)";

export const SLOTS: SlotDefinition[] = [
  // Money. The cue nearest a figure decides which of these it is (read.ts); a later entry never overrides a nearer cue.
  { id: "price-per-share", label: "Price per share", kind: "money", cues: ["per[- ]share", "(?:a|per|for each|each|for every) (?:[\\w.&'’-]+ ){0,3}?(?:share|ADS)", "each"] },
  { id: "termination-fee", label: "Termination fee", kind: "money", cues: [
    "(?:termination|break-?up|break|walk-?away) fees?", "on the hook",
    "if (?:the )?(?:deal|transaction|merger|agreement|acquisition) (?:is |was )?(?:terminated|called off|abandoned|collapses|fails|falls through|is blocked)",
  ] },
  { id: "reverse-termination-fee", label: "Reverse termination fee", kind: "money", cues: ["reverse (?:termination|break-?up|break) fees?"] },
  { id: "net-debt", label: "Net debt assumed", kind: "money", cues: ["net debt", "debt"] },
  // Read as a deal value on the enterprise basis (read.ts): one slot, two quantities the text tells apart.
  { id: "enterprise-value", label: "Total transaction value", kind: "money", cues: ["total transaction(?: value)?", "enterprise value", "including (?:net )?debt", "including the assumption"] },
  { id: "holding-value", label: "Value of a holding", kind: "money", cues: ["on the books"], leads: [
    "(?:stake|holding|investment|position|bet|interest) (?:\\w+ ){0,3}?(?:is |was |are |has )?(?:now )?(?:worth|valued at|balloon(?:ed|s)? to|grown to)", "fair value (?:\\S+ ){0,10}?at",
  ] },
  { id: "total-investment", label: "Total invested", kind: "money", cues: [
    "(?:has|have|had) (?:already )?(?:invested|put|poured|injected|committed) (?:\\w+ ){0,2}?(?:so far|to date|in total|in all|altogether)", "(?:so far|to date|in total|in all|altogether|cumulative(?:ly)?)", "total (?:investment|stake|commitment)",
    "(?:had|has|have) already invested",
  ] },
  { id: "valuation", label: "Valuation", kind: "money", cues: ["(?:post-money |pre-money )?valuations?", "valu(?:ed|es|ing) (?:\\w+ ){0,4}?at", "market (?:value|capitali[sz]ation|cap)"] },
  { id: "round-size", label: "Funding round", kind: "money", cues: ["(?:funding |financing |investment |equity )?rounds?", "rais(?:e|es|ed|ing)", "fundrais(?:e|ing)", "series [a-h]"] },
  { id: "investment", label: "Investment", kind: "money", separate: true, cues: ["invest(?:s|ed|ing|ment|ments)?", "infusion", "inject(?:s|ed|ing)?", "pump(?:s|ed|ing)?", "pour(?:s|ed|ing)?", "backing", "put (?:\\w+ ){0,3}?into"] },
  // A rescue's public support: a central bank's liquidity line, a state's guarantee against losses.
  { id: "liquidity-support", label: "Liquidity support", kind: "money", cues: ["liquidity (?:line|assistance|support|facility|backstop)", "(?:credit|emergency) line", "backstop"] },
  { id: "loss-guarantee", label: "Loss guarantee", kind: "money", cues: ["(?:loss|losses) (?:guarantee|protection)", "guarantee (?:\\w+ ){0,2}?(?:for|against) (?:\\w+ )?loss(?:es)?", "cover losses", "guarantee"] },
  { id: "deal-value", label: "Deal value", kind: "money", cues: [
    DEAL_NOUN + "s?", "equity value", "(?:buy|buys|bought|acquire|acquires|acquired|acquiring|purchase[sd]?|sell|sells|sold|sale)", "pa(?:y|ys|id|ying)", "price[sd]?", "valued", "worth", "consideration",
  ] },
  // Other figures a deal carries.
  { id: "stake", label: "Stake", kind: "stake", cues: [] },
  { id: "premium", label: "Premium", kind: "percent", cues: ["premium"] },
  { id: "market-share", label: "Market share", kind: "percent", cues: ["market share", "share of the (?:\\w+ ){0,3}?market", "of the (?:\\w+ ){0,3}?market"] },
  { id: "divest-count", label: "Stores to divest", kind: "count", cues: [] },
  { id: "extension-length", label: "Extension", kind: "duration", movesOnly: true, cues: ["extend(?:s|ed|ing)?", "extension", "push(?:es|ed)? back", "delay(?:s|ed)?"] },
  // Dated events.
  { id: "outside-date", label: "Deadline", kind: "date", movesOnly: true, cues: [
    "outside date", "close-by date", "(?:merger |closure |closing |termination |end |drop-dead )?deadlines?", "termination date", "end date", "drop-dead date", "long-?stop date", "expir(?:e|es|ed|y)",
    "extend(?:s|ed|ing)? (?:\\w+ ){0,6}?(?:to|until|through)", "complet(?:e|ed|ing|ion of) (?:\\w+ ){0,4}?by", "(?:could|can|may|right to) terminate",
  ] },
  { id: "decision-date", label: "Regulator's deadline", kind: "date", movesOnly: true, cues: ["decide (?:\\w+ ){0,3}?by", "(?:decision|ruling|verdict|rule) (?:\\w+ ){0,6}?(?:by|to|on|until)", "(?:deadline|date) for (?:its |a |the )?(?:ruling|decision)"] },
  { id: "vote-date", label: "Shareholder vote", kind: "date", movesOnly: true, cues: ["vote", "shareholder meeting", "special meeting", "stockholders? meeting", "meeting date", "meeting"] },
  { id: "expected-close", label: "Expected closing", kind: "date", movesOnly: true, cues: [
    "(?:expect(?:s|ed)?|anticipat(?:e|es|ed)|set|scheduled|on track|due|likely|poised|slated|originally set|targeted) (?:\\w+ ){0,4}?(?:to )?(?:close|closing|complete|completion|be completed|be finali[sz]ed)",
    "clos(?:e|ing) (?:is |was )?(?:now )?(?:expected|scheduled|set|slated|targeted)", "timeline", "timetable", "closing date", "set for",
  ] },
  { id: "completed-on", label: "Completed on", kind: "date", cues: ["complet(?:ed|es)", "closed", "became effective", "took effect"] },
  { id: "suit-date", label: "Lawsuit filed", kind: "date", cues: ["sued", "sues", "su(?:e|ing) to block", "(?:filed|brought) (?:a |an )?(?:lawsuit|suit|complaint|challenge)", "lawsuit"] },
  { id: "investor-day", label: "Investor day", kind: "date", movesOnly: true, cues: ["investor day", "capital markets day", "investor (?:event|presentation)"] },
  { id: "deal-status", label: "Status", kind: "status", cues: [] },
];

/**
 * Money near these words is some other sum (synergies, revenue, a loan, a fine), not a figure of the deal;
 * when one is the nearest cue, the figure fills no slot.
 */
export const OTHER_MONEY: SlotDefinition = { id: "other-money", label: "Other", kind: "money", cues: [
  "synerg(?:y|ies)", "revenues?", "sales", "profits?", "earnings", "income", "loss(?:es)?", "(?:debt |bridge )?financing", "bonds?", "loans?", "credit (?:line|facility)",
  "cash flow", "dividends?", "buybacks?", "fines?", "penalt(?:y|ies)", "salar(?:y|ies)", "compensation", "costs?", "spending", "capex",
  "(?:a|per) (?:month|year|quarter)", "annual(?:ly)?", "(?:in )?cash on hand", "cash reserves", "fund(?:s|ing)? to (?!buy|acquire)", "market share", "assets under management",
] };

const BY_ID = new Map(SLOTS.map((s) => [s.id, s]));

// The lexicon's concepts (recognize/terms.ts) by what a claim naming them says. A deal's progress and its
// figures are its slots' (above); an arrangement between the parties holds or ends, and is its own claim.
/** Concepts whose state is a deal's progress, told by the status slot. */
const STATUS_CONCEPTS = new Set(["acquisition", "merger", "deal", "ipo", "recapitalization", "tender-offer", "spin-off", "divestiture", "restructuring"]);
/** Concepts told by a figure or a proceeding, which the slots read. */
const FIGURE_CONCEPTS = new Set(["stake", "valuation", "funding-round", "investment", "break-up-fee", "debt-financing", "regulatory-approval", "regulatory-challenge", "shareholder-approval", "litigation", "secondary-sale", "buyback", "warrants", "down-round", "termination", "completion"]);

/**
 * Whether a concept is an arrangement that holds or ends (an exclusive license, a revenue share, cloud
 * exclusivity, a joint venture, a user's own term) rather than a deal's progress or figure.
 */
export function isArrangement(concept: string): boolean {
  return !STATUS_CONCEPTS.has(concept) && !FIGURE_CONCEPTS.has(concept) && !BY_ID.has(concept);
}

export function slotOf(id: string): SlotDefinition | undefined {
  return BY_ID.get(id);
}

export function isSlot(concept: string): boolean {
  return BY_ID.has(concept);
}

/** What each stage is called in a flag or a view. */
export const STAGE_LABEL: Record<DealStage, string> = {
  talks: "in talks", offered: "offered", rejected: "rejected", pursuing: "still pursued", agreed: "agreed", sued: "challenged in court",
  cleared: "cleared", blocked: "blocked", terminated: "terminated", completed: "completed",
};

/**
 * Whether a deal reported at `from` and later at `to` has changed course, not progressed: an agreed deal
 * blocked or called off, a blocked one cleared, a terminated one revived, a rejected approach agreed.
 * Progress (agreed → cleared → completed, sued → blocked → terminated) and repeats are not changes.
 */
export function stageChanged(from: DealStage, fromModality: Modality, to: DealStage): boolean {
  const failed = to === "blocked" || to === "terminated";
  if (fromModality === "expected") {
    // An expectation that the deal would close or be cleared, then a block or its end; a suit denies an expected clearance.
    // ("will continue to pursue" is a bid still alive, whatever the tense.)
    // An expected rejection, then an agreement: the expectation did not hold.
    if (to === "agreed") return from === "rejected";
    return failed ? from === "completed" || from === "cleared" || from === "pursuing" : to === "sued" && from === "cleared";
  }
  if (failed) return from === "agreed" || from === "pursuing" || from === "cleared" || from === "offered" || from === "talks";
  if (to === "cleared" || to === "completed") return from === "blocked" || from === "terminated";
  if (to === "agreed") return from === "rejected" || from === "terminated";
  return false;
}
