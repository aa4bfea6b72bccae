import type { Claim, Contradiction, Fact, Topic } from "./types";
import { isArrangement } from "./deals/slots";
import { quoted } from "./text/snippet";

export interface ClaimRef {
  claim: Claim;
  /** Position of the claim's document in corpus order. */
  order: number;
  facts: Fact[];
  /** Short name of the document for explanations. */
  source: string;
  /** The document's publication date (ISO), when known. */
  published: string | null;
}

/** Most flags one later statement raises; beyond that the earliest ones are left out. */
const MAX_PER_CLAIM = 25;
/** How far back a later statement is compared, in claims of its topic: keeps a huge topic linear. */
const MAX_SCAN = 400;

/**
 * Flags on an arrangement (an exclusive license, a revenue share, cloud exclusivity): a later claim that
 * says it ends where an earlier one said it holds, or the reverse. Each later claim is held against the
 * earlier ones, nearest first, until an earlier source already says the same thing: a statement is
 * contradicted by the report that changed the story, not again by every later one that repeats it.
 * Figures, dates and a deal's progress are its slots' (deals/changes.ts), not an arrangement's.
 */
export function findContradictions(topic: Topic, refs: ClaimRef[]): Contradiction[] {
  const out: Contradiction[] = [];
  if (!isArrangement(topic.concept)) return out;
  // Where each claim's document begins in the list, to step over a document's own claims at once.
  const docStart: number[] = [];
  refs.forEach((r, i) => docStart.push(i > 0 && refs[i - 1]!.claim.document === r.claim.document ? docStart[i - 1]! : i));
  for (let i = 1; i < refs.length; i++) {
    const later = refs[i]!;
    if (later.claim.fromHeading) continue;
    let flagged = 0;
    const floor = Math.max(0, i - MAX_SCAN);
    for (let j = docStart[i]! - 1; j >= floor && flagged < MAX_PER_CLAIM; j--) {
      const earlier = refs[j]!;
      if (!comparable(earlier, later)) continue;
      const a = earlier.claim.polarity, b = later.claim.polarity;
      if (a === "neutral" || b === "neutral") continue;
      if (a === b) break;
      const shared = earlier.claim.orgs.filter((o) => later.claim.orgs.includes(o)).length;
      // An arrangement that ends after it held is the world changing; one said to hold after it ended is a disagreement.
      out.push(make(topic, earlier, later, "polarity", shared >= 2 ? 0.85 : 0.7, b === "denies" ? "superseded" : "conflict",
        flat`${later.source} says ${b === "denies" ? "it ends or does not hold" : "it still holds"} (${quoted(later.claim.text, 90)}); ${earlier.source} said ${a === "denies" ? "it had ended" : "it held"} (${quoted(earlier.claim.text, 90)})`));
      flagged++;
    }
  }
  return out;
}

function comparable(a: ClaimRef, b: ClaimRef): boolean {
  return a.claim.document !== b.claim.document && a.order < b.order && !a.claim.fromHeading;
}

/**
 * A template whose result is one flat string. Explanations are kept for every flag, and a template literal
 * leaves a tree of its pieces behind: at 10,000 articles those trees held 11 MB.
 */
function flat(strings: TemplateStringsArray, ...values: unknown[]): string {
  const parts: string[] = [strings[0]!];
  for (let i = 0; i < values.length; i++) parts.push(String(values[i]), strings[i + 1]!);
  return parts.join("");
}

function make(topic: Topic, earlier: ClaimRef, later: ClaimRef, kind: Contradiction["kind"], confidence: number, nature: Contradiction["nature"], explanation: string): Contradiction {
  return { topic: topic.id, earlier: earlier.claim.id, later: later.claim.id, kind, confidence, explanation, nature };
}

/**
 * The `n` most confident contradictions, ties kept in list order: what sorting them all by confidence would
 * pick, without sorting tens of thousands of objects — only their confidences are sorted, as numbers, to
 * find the cut.
 */
export function mostConfident(list: Contradiction[], n: number): Contradiction[] {
  if (n <= 0) return [];
  if (list.length <= n) return list.slice();
  const confidence = new Float64Array(list.length); // filled by a loop: TypedArray.from with a mapping function is several times slower
  for (let i = 0; i < list.length; i++) confidence[i] = list[i]!.confidence;
  const cut = confidence.slice().sort()[list.length - n]!;
  let atCut = n;
  for (const c of confidence) if (c > cut) atCut--;
  return list.filter((x) => x.confidence > cut || (x.confidence === cut && atCut-- > 0));
}
