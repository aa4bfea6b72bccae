import { isRecord } from "./isRecord";
import { quoted } from "./text/snippet";

/**
 * The only commands a hover's links may run, each with the one argument the hover writes. The hover is
 * trusted for these alone, and each command checks its argument again when it runs: a link that
 * Claimscope did not write (or that an edit made stale) is refused with the reason.
 */
export const HOVER_COMMANDS = ["claimscope.openClaim", "claimscope.reviewClaim", "claimscope.reviewContradiction", "claimscope.removeAnnotation", "claimscope.showDealSheet"] as const;
export type HoverCommand = (typeof HOVER_COMMANDS)[number];

/** What the corpus and the reviews hold now. */
export interface KnownIds {
  claim(id: string): boolean;
  /** A deal, or a claim of one (the deal sheet opens on its deal). */
  deal(id: string): boolean;
  flag(earlier: string, later: string): boolean;
  annotation(id: string): boolean;
}

/** Longer than any id the analysis or the annotations file makes. */
const MAX_ID = 4096;

const WHAT: Record<HoverCommand, string> = {
  "claimscope.openClaim": "a claim of this corpus",
  "claimscope.reviewClaim": "a claim of this corpus",
  "claimscope.reviewContradiction": "a flag of this corpus ({ earlier, later } claim ids)",
  "claimscope.removeAnnotation": "an annotation in the annotations file",
  "claimscope.showDealSheet": "a deal of this corpus or a claim of one",
};

/** Why `arg` is refused as what the hover gives `command`, or undefined when it names something that exists. */
export function hoverArgumentRefusal(command: HoverCommand, arg: unknown, known: KnownIds): string | undefined {
  const refuse = (why: string) => `${command} was given ${why}, not ${WHAT[command]}; nothing was done (a link Claimscope did not make, or one an edit made stale)`;
  // (An empty string is refused below like no id at all.)
  const id = (v: unknown): string | undefined => (typeof v === "string" && v.length <= MAX_ID ? v : undefined);
  if (command === "claimscope.reviewContradiction") {
    if (!isRecord(arg) || Object.keys(arg).some((k) => k !== "earlier" && k !== "later")) return refuse(describe(arg));
    const earlier = id(arg.earlier), later = id(arg.later);
    if (!earlier || !later) return refuse(describe(arg));
    return known.flag(earlier, later) ? undefined : refuse(`${quoted(earlier, 60)} → ${quoted(later, 60)}, which no flag joins`);
  }
  const s = id(arg);
  if (!s) return refuse(describe(arg));
  const exists = command === "claimscope.removeAnnotation" ? known.annotation(s) : command === "claimscope.showDealSheet" ? known.deal(s) : known.claim(s);
  return exists ? undefined : refuse(`${quoted(s, 60)}, which is not one`);
}

function describe(v: unknown): string {
  if (typeof v === "string") return v.length ? `a string of ${v.length} characters` : "an empty string";
  if (v === null || v === undefined) return String(v);
  if (Array.isArray(v)) return "a list";
  return typeof v === "object" ? "an object of another shape" : `a ${typeof v}`;
}
