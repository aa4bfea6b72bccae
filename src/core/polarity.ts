import type { DealStatus, Polarity } from "./types";

// Verbs and phrases that end, remove or deny an arrangement.
const DENY = /\b(?:no longer|not longer|ends|ended|ending|(?:to|will|would|could|agreed to|set to) end|end to|put an end|terminat(?:e|es|ed|ing|ion)|scrap(?:s|ped|ping)?|cancel(?:s|ed|led|ing|ling|lation)?|call(?:s|ed|ing)? off|abandon(?:s|ed|ing)?|revok(?:e|es|ed|ing)|revocation|rescind(?:s|ed)?|los(?:e|es|t|ing)|strip(?:s|ped|ping)?|remov(?:e|es|ed|ing)|eliminat(?:e|es|ed|ing)|expir(?:e|es|ed|ing)|laps(?:e|es|ed|ing)|stop(?:s|ped|ping)|ceas(?:e|es|ed|ing)|relinquish(?:es|ed|ing)?|(?:give|gives|gave|giving|given) up|waiv(?:e|es|ed|ing)|forfeit(?:s|ed)?|exit(?:s|ed|ing)?|block(?:s|ed|ing)?|reject(?:s|ed|ing)?|kill(?:s|ed)?|sever(?:s|ed)?|dissolv(?:e|es|ed|ing)|unwind(?:s|ing)?|unwound|walk(?:s|ed|ing)? away|pull(?:s|ed|ing)? out|back(?:s|ed|ing)? out|collaps(?:e|es|ed|ing)|fell through|f[ae]ll apart|broke off|break(?:s|ing)? off|departure from|depart(?:s|ed|ing)? from|drop(?:s|ped|ping)|halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?|withdr(?:aw|aws|ew|awn|awing)|ditch(?:es|ed|ing)?|dump(?:s|ed|ing)?|denied|denies|deny)\b/gi;
// Phrases that say an arrangement stands.
const AFFIRM = /\b(?:remain(?:s|ed|ing)?|retain(?:s|ed|ing)?|still|unchanged|intact|unaltered|untouched|keep(?:s|ing)?|kept|continu(?:e|es|ed|ing)|maintain(?:s|ed|ing)?|preserv(?:e|es|ed|ing)|stay(?:s|ed|ing)?|reaffirm(?:s|ed|ing)?|confirm(?:s|ed|ing)?|reiterat(?:e|es|ed|ing)|in place|extend(?:s|ed|ing)?|renew(?:s|ed|ing)?|hold(?:s|ing)?|grant(?:s|ed|ing)?|secur(?:e|es|ed|ing))\b/gi;
const NEGATOR = /\b(?:not|n't|never|no|without|nothing|nor|neither|cannot|won't|didn't|doesn't|don't|isn't|aren't|wasn't|weren't|hasn't|haven't)\b[^,;]{0,25}$/i;
const CHANGE_NEGATOR = /\b(?:not|n't|never|nothing|no|without)\b/gi;
const CHANGE_AFTER = /^[^,;.]{0,40}?\b(?:chang(?:e|es|ed|ing)|alter(?:s|ed|ing)?|affect(?:s|ed)?|modif(?:y|ies|ied))\b/i;

/** "nothing … changes the terms", "without altering": a change that is denied affirms what stands. */
function changeNegated(clause: string): boolean {
  for (const m of clause.matchAll(CHANGE_NEGATOR)) {
    const at = m.index! + m[0].length;
    if (CHANGE_AFTER.test(clause.slice(at, at + 60))) return true;
  }
  return false;
}
const NOT_EXCLUSIVE = /\b(?:non-?exclusive|not (?:an? |the )?(?:exclusive|sole)|no (?:longer )?(?:exclusive|sole)|nonexclusive)\b/i;
const HEDGE = /\b(?:could|might|may|(?<!even )if|whether|potential(?:ly)?|possible|possibly|rumou?rs?|rumou?red|speculat(?:e|es|ed|ion|ing)|unclear|questions?|consider(?:s|ed|ing)?|weigh(?:s|ed|ing)?|mulling|explor(?:e|es|ed|ing)|hypothetical)\b/i;

export interface Marker {
  polarity: "affirms" | "denies";
  at: number;
}

/**
 * What a clause says of the arrangement named at [termStart, termEnd): that it stands, that it ends,
 * or nothing firm (hedged, conditional, a question). Offsets are relative to `clause`.
 */
export function polarityOf(clause: string, termStart: number, termEnd: number, concept: string, negates = false): Polarity {
  if (negates) {
    // "Corvid can now use other clouds": the arrangement no longer holds — unless that is denied or hedged.
    const before = clause.slice(0, termStart);
    if (HEDGE.test(before) || isQuestion(clause)) return "neutral";
    return NEGATOR.test(before.slice(-40)) ? "affirms" : "denies";
  }
  if (/exclusiv|licen|cloud/.test(concept) && NOT_EXCLUSIVE.test(clause)) return "denies";
  const before = clause.slice(0, termStart);
  if (HEDGE.test(before) || isQuestion(clause)) return "neutral";
  if (changeNegated(clause)) return "affirms";
  const markers: Marker[] = [];
  // A condition says what would happen, not what did: "… if the deal is terminated".
  const condition = /\b(?:if|unless|should|in case|in the event)\b[^,;]*/gi;
  const conditional: Array<[number, number]> = [...clause.matchAll(condition)].filter((m) => m.index! >= termEnd).map((m) => [m.index!, m.index! + m[0].length]);
  const insideTerm = (at: number) => (at >= termStart && at < termEnd) || conditional.some(([a, b]) => at >= a && at < b);
  for (const m of clause.matchAll(DENY)) {
    if (insideTerm(m.index!)) continue;
    const negated = NEGATOR.test(clause.slice(Math.max(0, m.index! - 30), m.index!));
    markers.push({ polarity: negated ? "affirms" : "denies", at: m.index! });
  }
  for (const m of clause.matchAll(AFFIRM)) {
    if (insideTerm(m.index!)) continue;
    const negated = NEGATOR.test(clause.slice(Math.max(0, m.index! - 30), m.index!));
    markers.push({ polarity: negated ? "denies" : "affirms", at: m.index! });
  }
  if (!markers.length) return "affirms";
  // The marker nearest the term governs it; a tie goes to the denial.
  const dist = (k: Marker) => (k.at < termStart ? termStart - k.at : k.at >= termEnd ? k.at - termEnd : 0);
  markers.sort((a, b) => dist(a) - dist(b) || (a.polarity === "denies" ? -1 : 1));
  return markers[0]!.polarity;
}

const TERMINATED = /\b(?:terminat(?:e|es|ed|ing|ion)|scrap(?:s|ped)|call(?:s|ed)? off|abandon(?:s|ed)|collaps(?:e|es|ed)|walk(?:s|ed)? away|fell through|f[ae]ll apart|blocked|cancel(?:s|ed|led)|withdr(?:ew|awn)|no longer)\b/i;
// "Closed" in market reports is about a share price, not a deal: "Monday's closing price", "shares closed up 3%".
const COMPLETED = /\b(?:complet(?:e|ed|es|ion)|clos(?:ed|es|ing)(?!\s+(?:price|prices|bell|level|auction|quote|at|up|down|higher|lower|flat|unchanged|\d))|finali[sz](?:e|ed|es)|consummat(?:e|ed|es)|went public|wrapped up)\b/i;
const NOT_YET = /\b(?:expected to|expects? to|expecting to|set to|on track to|likely to|will|would|plans? to|aims? to|hopes? to|yet to|before|until|not|pending|awaiting|once|when|if)\s+(?:\w+\s+){0,2}$/i;
const PENDING = /\b(?:agree(?:d|s)? to|announc(?:e|es|ed|ing)|plans? to|planned|propos(?:e|es|ed|al)|pending|await(?:s|ed|ing)?|subject to|expected to|intends? to|signed|bid|offer(?:s|ed)?|will (?:acquire|buy|merge)|to acquire|to buy|to merge|in talks|negotiat(?:e|es|ed|ing|ions))\b/i;

/** Where a deal stands according to a clause: pending, completed or terminated. */
export function statusOf(clause: string): DealStatus | undefined {
  const t = TERMINATED.exec(clause);
  if (t && !NEGATOR.test(clause.slice(Math.max(0, t.index - 30), t.index))) return "terminated";
  const c = COMPLETED.exec(clause);
  if (c && !NOT_YET.test(clause.slice(Math.max(0, c.index - 40), c.index))) return "completed";
  if (c || PENDING.test(clause)) return "pending";
  return undefined;
}

function isQuestion(clause: string): boolean {
  return clause.trimEnd().replace(/["”’']$/, "").trimEnd().endsWith("?");
}
