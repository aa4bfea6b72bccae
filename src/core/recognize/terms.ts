import type { Fact } from "../types";
import { keepLongest } from "../text/spans";
import { PrefixIndex, matchEach, afterWord } from "./prefixes";

/** One deal term: a canonical id, a label, and the phrasings that name it. */
export interface TermDefinition {
  id: string;
  label: string;
  /** Regular-expression sources, matched case-insensitively at word boundaries. */
  patterns: string[];
  /** Case-sensitive sources, for phrasings that only count before a name ("buys Contoso"). */
  exact?: string[];
  /** The topic concept a claim naming this term is about; defaults to the id. */
  concept?: string;
  /** Terms that say what happens to a deal ("terminated", "completed") rather than what it is. */
  role?: "concept" | "event";
  /** Naming it says the concept's arrangement no longer holds ("other clouds" for cloud exclusivity). */
  negates?: boolean;
}

/** A user-supplied term: plain phrases, no regular expressions. */
export interface ExtraTerm {
  id: string;
  label?: string;
  phrases: string[];
}

const CLOUD = "(?:cloud|hosting|compute|infrastructure|server|data[- ]cent(?:er|re))";

export const DEAL_TERMS: TermDefinition[] = [
  { id: "cloud-exclusivity", label: "Cloud exclusivity", patterns: [
    `exclusive ${CLOUD}(?: \\w+)? (?:provider|partner|platform|rights|deal|agreement|arrangement|supplier|vendor|home)`,
    `(?:sole|only) ${CLOUD} (?:provider|partner|platform|supplier|vendor)`,
    "cloud exclusivity", `exclusive (?:hosting|compute) (?:rights|deal|agreement)`, "exclusive cloud",
    `(?:runs?|running|ran|hosted|host(?:s|ing)?|built|operat(?:e|es|ed|ing)) exclusively (?:on|through|in)`,
    "(?:sole|only|exclusive) (?:host|hosting provider)", "(?:only|sole) (?:cloud |platform |provider )(?:that|to) (?:hosts?|runs?|serves?)",
  ] },
  { id: "other-clouds", label: "Other clouds", concept: "cloud-exclusivity", negates: true, patterns: [
    // Only a freedom to go elsewhere counts, not a mention of other clouds: "can now sell its API through rival clouds".
    "(?:can now|can also|is now free to|is free to|may now|will be able to|is allowed to|are allowed to|will be allowed to) (?:\\w+ ){0,5}?(?:through|on|via|with|to|from) (?:other|rival|competing|any|third-party|outside) cloud(?:s| providers?| platforms?| vendors?)",
  ] },
  { id: "api-hosting", label: "API hosting", concept: "cloud-exclusivity", patterns: [
    "(?:hosts?|hosting|hosted|runs?|serves?|routes?|routed)(?: all)?(?: of)? (?:\\w+['’]s )?API(?: calls| traffic| products| services| requests)?",
    "API (?:calls|traffic|products|services|requests)(?= (?:\\w+ ){0,4}(?:hosted|run|routed|flow|stay))",
  ] },
  { id: "stateless-api", label: "Stateless API", concept: "cloud-exclusivity", patterns: ["stateless[\"”’']? api(?: calls| traffic| products| services| requests)?"] },
  { id: "exclusive-license", label: "Exclusive license", patterns: [
    "non-?exclusive licen[cs]e", "exclusive (?:ip |intellectual[- ]property )?licen[cs](?:e|es|ing)(?: rights| agreement| deal| arrangement| terms)?",
    "exclusively licen[cs]ed", "exclusive (?:ip |intellectual[- ]property |commercial |distribution )?rights?",
  ] },
  { id: "exclusivity", label: "Exclusivity", patterns: ["exclusivity", "exclusive (?:deal|arrangement|agreement|partnership|partner|relationship|access|position|status|role)"] },
  { id: "license", label: "License", patterns: ["licen[cs]ing (?:terms|agreements?|deals?|arrangements?|rights|fees?)", "licen[cs]e (?:agreements?|deals?|fees?)", "(?:ip|intellectual[- ]property) rights"] },
  { id: "revenue-share", label: "Revenue share", patterns: [
    "revenue[- ]shar(?:e|ing)(?: agreement| deal| arrangement| payments?| interests?| terms| obligations?)?",
    "profit[- ]shar(?:e|ing)(?: agreement| deal| arrangement)?", "shar(?:e|es|ing) (?:of )?(?:its |their )?revenue", "(?:cut|share) of (?:its |their |the )?revenue",
  ] },
  { id: "stake", label: "Stake", patterns: ["(?<!at |high[- ])(?:equity |ownership |minority |majority |controlling )?stakes?(?!holder|s are|[- ]?high)", "equity (?:position|interest|holding)", "shareholding", "ownership interest", "(?:controlling|majority|minority) interest"] },
  { id: "valuation", label: "Valuation", patterns: ["(?:post-money |pre-money )?valuations?", "valu(?:ed|es|ing) (?:\\w+ ){0,4}at"] },
  { id: "funding-round", label: "Funding round", patterns: [
    "(?:funding|financing|fundraising|investment|equity|venture) rounds?", "rounds? of (?:funding|financing|investment)", "series [a-h]\\d?(?: round| funding)?",
    "(?:seed|pre-seed|mega-?) rounds?", "(?:new|fresh|additional) (?:funding|financing|capital)", "(?<=(?:billion|million|bn|\\d) )rounds?", "fundrais(?:e|ing)",
  ] },
  { id: "investment", label: "Investment", patterns: ["investments?", "invest(?:s|ed|ing)?(?= in| into| up to| an| about| roughly| more| \\$)", "(?:lead|largest|biggest|anchor|strategic|major|single largest|largest single) investor"] },
  { id: "commitment", label: "Spending commitment", patterns: ["(?:spending |purchase |compute |cloud )?commitments?", "(?:data[- ]cent(?:er|re)|compute|chip|gpu) (?:deal|agreement|contract|partnership)s?", "(?:agree|commit|contract)(?:d|s|ted|ting|ing|ed)? to (?:purchase|buy|spend)(?= (?:up to |about |roughly |more than |an additional |an incremental |a further )?(?:\\$|€|£|us\\$|\\d))", "cloud (?:contract|deal|agreement)", "compute (?:deal|contract|agreement)"] },
  { id: "acquisition", label: "Acquisition", patterns: ["acquisitions?", "acquir(?:e|es|ed|ing)", "takeovers?", "take over", "buyouts?", "(?:deal|agreement|offer|bid) to (?:buy|purchase)",
    "(?:to be|be|being|been|was|were|is|are) (?:bought|purchased|taken over) by"],
    exact: ["(?:[Bb]uy|[Bb]uys|[Bb]uying|[Bb]ought|[Pp]urchas(?:e|es|ed|ing))(?= (?:rival |startup |[A-Z]))", "[Pp]urchase of(?= [A-Z])"] },
  { id: "merger", label: "Merger", patterns: ["mergers?", "merg(?:e|es|ed|ing) with", "business combination"] },
  { id: "joint-venture", label: "Joint venture", patterns: ["joint ventures?"] },
  { id: "partnership", label: "Partnership", patterns: ["partnerships?", "alliances?", "(?<!frontier model )partner(?= with)"] },
  { id: "break-up-fee", label: "Break-up fee", patterns: ["(?:reverse )?break(?:-?up)? fees?", "(?:reverse )?termination fees?", "walk-?away fees?"] },
  { id: "regulatory-approval", label: "Regulatory approval", patterns: ["(?:regulatory|antitrust|government|merger) (?:approvals?|clearance|sign-?off|nod)", "approvals? from (?:regulators|the \\w+)", "cleared by (?:regulators|the \\w+)", "regulators? (?:approved|cleared|signed off)"] },
  { id: "regulatory-challenge", label: "Regulatory challenge", patterns: ["(?:antitrust|regulatory) (?:lawsuit|suit|challenge|probe|investigation|review|scrutiny|hurdles?|concerns?)", "sued to block", "lawsuit to block", "in-depth (?:investigation|probe)", "second request"] },
  { id: "shareholder-approval", label: "Shareholder approval", patterns: ["shareholder (?:approval|vote)", "approved by shareholders"] },
  { id: "recapitalization", label: "Recapitalization", patterns: ["recapitali[sz]ation", "recapitali[sz]e[sd]?"] },
  { id: "restructuring", label: "Restructuring", patterns: ["restructur(?:ing|ed|es)"] },
  { id: "ipo", label: "IPO", patterns: ["ipos?", "initial public offerings?", "(?:go|goes|going|went) public", "(?:direct |public )listing"] },
  { id: "spin-off", label: "Spin-off", patterns: ["spin-?offs?", "spun off", "spin(?:s|ning)? off"] },
  { id: "divestiture", label: "Divestiture", patterns: ["divestitures?", "divest(?:s|ed|ing)?", "carve-?outs?"] },
  { id: "tender-offer", label: "Tender offer", patterns: ["tender offers?"] },
  { id: "board-seat", label: "Board seat", patterns: ["board seats?", "(?:board )?observer seats?", "seats? on (?:the|its) board"] },
  { id: "preferential-access", label: "Preferential access", patterns: ["preferential access", "right of first refusal", "first access"] },
  { id: "debt-financing", label: "Debt financing", patterns: ["debt financing", "credit facility", "convertible (?:notes?|bonds?)", "bridge loan"] },
  { id: "public-benefit-corporation", label: "Public benefit corporation", patterns: ["public[- ]benefit corporations?", "pbc"] },
  { id: "nonprofit-control", label: "Nonprofit control", patterns: ["non-?profit (?:parent|board|foundation|control|entity|arm)", "for-profit (?:arm|entity|subsidiary|unit|company|business)"] },
  { id: "agi-clause", label: "AGI clause", patterns: ["agi (?:clause|definition|provision|declaration|threshold)", "definition of (?:agi|artificial general intelligence)", "expert panel"] },
  { id: "secondary-sale", label: "Secondary share sale", patterns: ["secondary (?:share )?sales?", "tender offer for employee shares", "employee share sales?"] },
  { id: "buyback", label: "Share buyback", patterns: ["(?:share )?buybacks?", "share repurchases?"] },
  { id: "warrants", label: "Warrants", patterns: ["warrants? to (?:buy|purchase)"] },
  { id: "down-round", label: "Down round", patterns: ["down rounds?"] },
  { id: "litigation", label: "Litigation", patterns: ["lawsuits?", "legal action", "litigation", "sued"] },
  { id: "termination", label: "Termination", role: "event", patterns: ["terminat(?:e|es|ed|ing|ion)", "call(?:s|ed)? off", "scrap(?:s|ped|ping)?", "abandon(?:s|ed|ing)?", "walk(?:s|ed)? away from"] },
  { id: "completion", label: "Completion", role: "event", patterns: ["complet(?:e|es|ed|ing|ion)(?= (?:the|its|a|an|of|their)\\b)", "(?:closed|closes|closing)(?= (?:the|its|of the) (?:deal|acquisition|transaction|merger|purchase))", "finali[sz](?:e|es|ed|ing)"] },
  { id: "deal", label: "Deal", role: "event", patterns: ["deals?", "agreements?", "transactions?", "pacts?", "contracts?", "arrangements?"] },
];

/** The deal terms, with a user's extra terms first so that theirs win a tie. */
export function buildLexicon(extra: ExtraTerm[] = []): CompiledTerm[] {
  const user: TermDefinition[] = extra
    .filter((t) => t && typeof t.id === "string" && Array.isArray(t.phrases) && t.phrases.length)
    .map((t) => ({ id: t.id, label: t.label ?? t.id, patterns: t.phrases.filter((p) => typeof p === "string" && p.trim()).map(phraseToPattern) }));
  const compile = (sources: string[], flags: string) => new RegExp(`(?<![\\p{L}\\d-])(?:${sources.join("|")})(?![\\p{L}\\d])`, flags);
  return [...user, ...DEAL_TERMS].flatMap((t) => [
    ...(t.patterns.length ? [{ def: t, re: compile(t.patterns, "iuy"), sources: t.patterns }] : []),
    ...(t.exact?.length ? [{ def: t, re: compile(t.exact, "uy"), sources: t.exact }] : []),
  ]);
}

export interface CompiledTerm {
  def: TermDefinition;
  /** Sticky: tried where the term may begin. */
  re: RegExp;
  sources: string[];
}

function phraseToPattern(phrase: string): string {
  return phrase.trim().split(/[\s-]+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s-]+");
}

const DEFAULT_LEXICON = buildLexicon();
// Terms are words and phrases: eight letters tell most of them apart where three would send every "the" and
// "con" to the patterns that begin so.
const TERM_PREFIX_DEPTH = 8;
const dispatch = new WeakMap<CompiledTerm[], { index: PrefixIndex; patterns: RegExp[] }>();

/**
 * Deal terms, longest match first; each fact's value is the term's canonical id. One pass over the text:
 * at each word start, only the terms that can begin with its first letters are tried.
 */
export function recognizeTerms(text: string, lexicon: CompiledTerm[] = DEFAULT_LEXICON): Fact[] {
  let d = dispatch.get(lexicon);
  if (!d) dispatch.set(lexicon, (d = { index: new PrefixIndex(lexicon.map((t) => t.sources), TERM_PREFIX_DEPTH), patterns: lexicon.map((t) => t.re) }));
  const found: Fact[] = [];
  matchEach(text, d.patterns, d.index, afterWord, (i, m) => {
    const start = m.index, end = m.index + m[0].length;
    found.push({ kind: "term", text: m[0], start, end, value: refine(lexicon[i]!.def.id, text, start, end) });
  });
  return keepLongest(found, text.length);
}

const CLOUD_CONTEXT = /\b(?:cloud|host(?:s|ed|ing)?|hosted|azure|aws|google cloud|servers?|data ?cent(?:er|re)s?|infrastructure|compute|api|apis|workloads?)\b/i;
const LICENSE_CONTEXT = /\b(?:licen[cs]\w*|intellectual property|ip\b|models? and products|commerciali[sz]\w*|deploy\w*|distribut\w*)/i;

const CLOUD_VERB = /^\s+to\s+(?:host|run|serve|provide (?:the )?(?:cloud|compute|infrastructure)|power|process)\b/i;
const OTHER_VERB = /^\s+to\s+(?:resell|sell|license|use|deploy|distribute|commerciali[sz]e|market|offer|access|integrate|build|develop)\b/i;

/** "exclusive rights" and "exclusivity" name a cloud arrangement or a license according to what surrounds them. */
function refine(id: string, text: string, start: number, end: number): string {
  if (id !== "exclusive-license" && id !== "exclusivity") return id;
  const phrase = text.slice(start, end).toLowerCase();
  if (id === "exclusive-license" && /licen[cs]/.test(phrase)) return id;
  // What the rights are to do decides first: "exclusive rights to host …" / "… to resell …".
  const next = text.slice(end, end + 40);
  if (CLOUD_VERB.test(next)) return "cloud-exclusivity";
  if (OTHER_VERB.test(next)) return id;
  const around = text.slice(Math.max(0, start - 40), Math.min(text.length, end + 60));
  const after = text.slice(end, Math.min(text.length, end + 60));
  if (CLOUD_CONTEXT.test(after) && !LICENSE_CONTEXT.test(after)) return "cloud-exclusivity";
  if (CLOUD_CONTEXT.test(around) && !LICENSE_CONTEXT.test(around)) return "cloud-exclusivity";
  return id;
}

export function termLabel(id: string, lexicon: CompiledTerm[]): string {
  return lexicon.find((t) => t.def.id === id)?.def.label ?? id.replace(/-/g, " ").replace(/^./, (c) => c.toUpperCase());
}

export function termConcept(id: string, lexicon: CompiledTerm[]): { concept: string; event: boolean; negates: boolean } {
  const def = lexicon.find((t) => t.def.id === id)?.def;
  return { concept: def?.concept ?? id, event: def?.role === "event", negates: def?.negates === true };
}
