import type { DocumentDeal, Fact, Modality, Sentence, SlotReading, Span } from "../types";
import { companyId, isPlace, type OrgRecognizer } from "../recognize/orgs";
import { monthIndex, parseIso } from "../recognize/calendar";
import { OTHER_MONEY, SLOTS, type DealStage, type SlotDefinition } from "./slots";
import { WordPatterns } from "../recognize/prefixes";

/** One slot value a sentence states, before it becomes a claim. */
export interface SlotStatement {
  slot: string;
  sentence: Sentence;
  /** The document's fact the value is (a figure or a date), if it is one. */
  fact?: number;
  /** The document's facts inside the sentence, in text order. */
  facts: number[];
  reading: SlotReading;
  /** The deal's parties as the statement names them (sorted), or none when it names no deal. */
  orgs: string[];
}

export interface ReadContext {
  text: string;
  facts: Fact[];
  sentences: Sentence[];
  orgs: OrgRecognizer;
  deal: DocumentDeal | null;
  published: string | null;
}

// Cues are ASCII words: \b and a plain class bound them (a Unicode look-behind, tried at every position of every
// window, cost more than the rest of the reading).
const compile = (sources: string[]) => new RegExp(`\\b(?:${sources.join("|")})(?![A-Za-z0-9])`, "gi");
const CUES = new Map<string, RegExp>([...SLOTS, OTHER_MONEY].filter((s) => s.cues.length).map((s) => [s.id, compile(s.cues)]));
const LEADS = new Map<string, RegExp>(SLOTS.filter((s) => s.leads?.length).map((s) => [s.id, compile(s.leads!)]));
const MONEY_SLOTS = [...SLOTS.filter((s) => s.kind === "money"), OTHER_MONEY];
const DATE_SLOTS = SLOTS.filter((s) => s.kind === "date");

/** How far a cue may be from its figure, in characters; a cue in another clause of the sentence counts as further. */
const REACH = 80;
const CLAUSE_PENALTY = 35;

// A share price in a market report, not a price offered for the shares.
const MARKET = /\b(?:closing (?:share |stock )?price|share price|stock price|premarket|traded at|trading at)\b/gi;
const SHARES_WORD = /\b(?:shares?|stock)\b/gi;
const MARKET_MOVE = /^(?:\s+\S+){0,5}?\s+(?:rose|fell|jumped|surged|climbed|dropped|gained|lost|closed|traded|trading|were up|was up|were down|was down|ended|opened|finished|soared|slumped|sank)\b/i;
// Words that end one statement of a sentence and begin another.
const CLAUSE_BREAK = /;|\s[—–]\s|,\s(?:but|while|whereas|although|though|and|which|who)\s|\s(?:but|whereas|although)\s|,\s(?=\p{Lu})/gu;

// The word right before a figure that makes it a past one: "from $52.4 billion", "its initial $52.4 offer", "began with a $1.25 billion investment".
const HISTORY_BEFORE = /(?:\b(?:from|initial|original|previous|prior|earlier|former|old|began with)\s+(?:[\w’'-]+\s+)?|\b(?:initially|originally|previously)\s+(?:[\w’'-]+\s+){0,6}|\bhad (?:\w+ly )?(?:offered|agreed|paid|invested|valued|bid)\b(?:\s+[\w$€£.,'’-]+){0,3}?\s*)$/i;
const PAST_OPENING = /^\W*(?:earlier that year|earlier this year|last year|a year (?:ago|earlier)|(?:two|three|several) years (?:ago|earlier)|previously|at the time|back then|back in \d{4}),/i;
const CONDITIONAL = /\b(?:if|unless|in the event)\b/i;
const SHOULD_FIRST = /^\W*should\b/i;
// A figure that is a difference between two others: "$19 billion richer than the one Fox accepted".
const DIFFERENCE_AFTER = /^\s*(?:more|less|higher|lower|richer|above|below|ahead|cheaper|bigger|larger|smaller|short|over)\b(?:\s+\w+){0,2}?\s+(?:than|of)\b/i;
const PORTION_AFTER = /^\s*(?:\([^)]*\)\s*)?(?:\S+\s+){0,2}?as (?:a )?part of\b/i;
const VALUED_DEAL = /\b(?:deal|offer|bid|acquisition|takeover|transaction|purchase|merger|buyout)\b[^.;]{0,30}\bvalu(?:ed|es|ing)\b|\bequity\b/i;
// A figure that is part of another ("$107.50 per share, comprised of $53.75 in cash and …").
const PORTION_BEFORE = /\b(?:compris(?:ed|ing) of|consist(?:s|ed|ing) of|made up of|of which|split between|including|includes|plus)\b[^.;,]{0,25}$/i;
// A figure that would only hold in a case the text imagines: "would still only value VMware at around $54 billion".
// ("Shareholders would receive $38 a share" and "would increase the total to $85.1B" state terms, not a case imagined.)
const HYPOTHETICAL = /\b(?:could|might|may)\b|\b(?:will|would) (?:have|need) to\b|\bwould (?:(?:still|only|also|then|likely|have) ){0,3}(?:been )?(?:value|put|push|mean|cost|create|imply|give|make|be worth|worth)\b/i;
// A date a text says is possible, not set: "could extend to Nov. 26", "with an option to extend". ("If it is not
// done by June 30, either side may walk away" sets a deadline: a condition alone does not make a date possible.)
const POSSIBLE = /\b(?:could|can|may|might|option|right|would|possibly|potentially)\b/i;
const EXPECTED_BEFORE = /\b(?:expect\w*|anticipat\w*|plans?|planned|intends?|aims?|set to|likely|could|may|might|potential(?:ly)?|nears?|nearing|in talks|consider\w*|seek\w*|hopes?|poised)\b/i;
const CHANGED = /\b(?:push(?:ed|es|ing)? back|delay(?:ed|s|ing)?|postpon(?:e|ed|es|ing)|extend(?:ed|s|ing)?|moved|raise[sd]?|raising|boost(?:ed|s|ing)?|lift(?:ed|s)?|increas(?:e|ed|es|ing)|sweeten(?:ed|s)?|cut|lower(?:ed|s)?|reduc(?:e|ed|es)|revis(?:e|ed|es)|now|new|latest|balloon(?:ed|s)?|soar(?:ed|s)?|jump(?:ed|s)?|grew|grown|exploded|risen|rose)\b/i;
const NEGATED = /\b(?:not|n't|never|no|without|nor|yet to|failed to)\b(?:\s+\w+){0,2}\s*$/i;
const PARENS_AFTER_MONEY = /^\((?:\s*(?:about|around|roughly|approximately|or|some))?$/i;
const NOT_HELD = /\b(?:does(?:n['’]t| not)|did(?:n['’]t| not)|not)\s+(?:already\s+)?own\b|\b(?:remaining|rest of|other)\s*$/i;

// The stage of a deal a clause tells, strongest first.
const STAGES: Array<[DealStage, RegExp]> = [
  ["terminated", /\b(?:terminat(?:ed|es|e|ing)\b(?!\s+fees?)|call(?:ed|s)? off|scrap(?:ped|s)\b|walk(?:ed|s)? away|abandon(?:ed|s)\b|collaps(?:ed|es)\b|fell through|pull(?:ed|s)? out of|drop(?:ped|s) (?:its|the|their) (?:bid|offer|pursuit|plans?)|withdr(?:ew|awn|aws) (?:its|the|their) (?:bid|offer)|(?:would|will) not (?:raise|increase|improve|up|sweeten) (?:its|the|their) (?:£|\$|€)?\S* ?(?:bid|offer)|no longer (?:pursu|plan|seek)\w*)/i],
  // An injunction blocks a deal once granted; one asked for is a lawsuit's.
  ["blocked", /\b(?:(?<!to\s)block(?:ed|s)\b|(?:granted|issued|imposed|won|put) (?:an? )?(?:\w+ )?injunctions?\b|injunctions? (?:in place|granted|issued)|prohibit(?:ed|s)\b|vetoed\b)/i],
  ["cleared", /\b(?:approv(?:ed|es|al)\b|clear(?:ed|s|ance)\b(?! (?:up|out|away))|green light|sign(?:ed|s)? off|upheld|uphold(?:s)?\b|go-ahead)/i],
  ["completed", /\b(?:complet(?:ed|es|ion)\b|clos(?:ed|es) (?:its |the |their )?(?:\S+ ){0,2}?(?:deal|acquisition|merger|takeover|purchase|transaction)|became effective|(?:is )?now (?:officially )?(?:a )?part of|finali[sz]ed)/i],
  ["sued", /\b(?:su(?:ed|es|ing)\b|lawsuit|(?:mov|seek|sought)\w* to block|challeng(?:ed|es) (?:the )?(?:deal|merger|acquisition|takeover)|(?:seek|seeks|sought|asked|asks|request\w*|filed|files) (?:\w+ ){0,6}?(?:for )?(?:an? )?(?:\w+ )?injunction)/i],
  ["rejected", /\b(?:reject(?:ed|s|ing)?\b|rebuff(?:ed|s)?\b|turned down|spurned|snubbed)/i],
  ["agreed", /\b(?:agree(?:d|s)? to (?:buy|acquire|purchase|merge|sell|combine|a deal|terms|be acquired|be bought)|(?:struck|reached|signed|inked|announced) (?:a |an |the |its )?(?:definitive )?(?:deal|agreement|merger agreement)|agreed-upon|agreed deal|definitive agreement|(?:is|are) (?:buying|acquiring))/i],
  ["pursuing", /\b(?:continu(?:e|es|ed|ing) to pursue|still (?:pursuing|interested)|remains? (?:committed|interested))/i],
  ["offered", /\b(?:offered (?:to buy|\$|£|€|one|two|three|\d)|made (?:a|an|three|two|several|four|five) (?:\S+ )?(?:offers?|bids?|approach(?:es)?)|bid(?:s)? (?:\$|£|€|\d))/i],
  ["talks", /\b(?:in (?:advanced |early |exclusive )?(?:talks|negotiations|discussions)|nearing a deal|close to a deal|negotiating)\b/i],
];
const NOT_YET = /\b(?:to|to be|will be|would be|yet to be|yet to|pending)\s*$/i;
// "… will stay on after the acquisition is completed": a completion in a clause of time is still to come.
const WHEN_CLAUSE = /\b(?:after|once|when|until|before|upon)\b/i;
const STAGES_IN_SENTENCE: Array<[DealStage, RegExp]> = STAGES.map(([stage, re]) => [stage, new RegExp(re.source, "gi")]);
const STAGE_EXPECTED = /\b(?:expect\w*|anticipat\w*|likely|poised|set to|would|will|could|can|may|might|able to|option|right to|hopes? to|aims? to|plans? to|on track to|seeks? to)\b/i;
const DEAL_CONTEXT = /\b(?:deal|acquisition|merger|megamerger|takeover|transaction|buyout|purchase|tie-up|combination|offer|bid|approach|agreement|buy|acquire|pursuit|plans? to)\b/i;
// Only an event itself put off: "that meeting has been postponed", "postponed the vote".
const EXTENDED = /\bextend(?:s|ed|ing)?\b/i;
const POSTPONED = /\b(?:(?:meeting|vote|closing|hearing|decision|ruling)\s+(?:\w+\s+){0,2}?(?:has|have|had|was|were|been|is|are)\s+(?:\w+\s+)?(?:postponed|delayed|put off|pushed back|adjourned)|(?:postponed|delayed|adjourned|put off|pushed back)\s+(?:the|its|their)\s+(?:\w+\s+)?(?:meeting|vote|closing|hearing|decision|ruling))\b/i;
const DIVEST = /\b(?:sell|sells|sale|sold|divest\w*|spin\w*|offload\w*|transfer\w*|dispos\w*)\b/i;
const COUNT = /\b(\d{1,3}(?:,\d{3})+|\d+)\s+(?:[\p{L}-]+\s+)?(?:stores|store locations|locations|supermarkets|outlets|branches|pharmacies|sites)\b/giu;

interface Clause extends Span {}

/** Every slot value the sentences of a document state, each tied to its deal's parties. */
export function readSlots(ctx: ReadContext): SlotStatement[] {
  const out: SlotStatement[] = [];
  const { text, facts } = ctx;
  const pubYear = parseIso(ctx.published)?.y ?? latestYear(facts);
  const spelledCurrency = new Map<number, string>();
  for (const f of facts) if (f.kind === "money" && f.currency && f.currency !== "USD" && typeof f.value === "number") spelledCurrency.set(f.value, f.currency);
  let fi = 0;
  let carried: string[] = ctx.deal?.parties ?? [];
  for (const s of ctx.sentences) {
    if (s.heading) continue;
    while (fi < facts.length && facts[fi]!.start < s.start) fi++;
    const inside: number[] = [];
    for (let k = fi; k < facts.length && facts[k]!.start < s.end; k++) if (facts[k]!.end <= s.end) inside.push(k);
    // Most sentences give no slot a value: one with no figure, date, term or company is passed over, and one
    // with no figure or date is read only if it tells a stage of a deal, puts an event off or counts stores sold.
    if (!inside.some((k) => SLOT_FACTS.has(facts[k]!.kind))) continue;
    const partyOrg = (k: number) => facts[k]!.kind === "org" && ctx.orgs.roleOf(facts[k]!.value as string) === "party";
    if (!ctx.deal) {
      const named = inside.filter(partyOrg);
      if (named.length) carried = [...new Set(named.map((k) => facts[k]!.value as string))].sort().slice(0, 2);
    }
    const sentence = text.slice(s.start, s.end);
    const figures = inside.some((k) => FIGURE_FACTS.has(facts[k]!.kind));
    // Each sentence-wide pattern is run once: the filter below and the readings after it share the answers.
    const words = new SentenceWords(sentence, s);
    const tellsStage = () => words.has(DEAL_CONTEXT) && STAGE_PATTERNS.some((re) => words.has(re));
    const tellsDivestment = () => words.has(DIVEST);
    const put = words.first(POSTPONED);
    if (!figures && !tellsStage() && !put && !(/\d/.test(sentence) && tellsDivestment())) continue;
    const parties = inside.filter(partyOrg);
    const clauses = clausesOf(sentence, s.start);
    const cues = new SentenceCues(sentence, s);
    const named = [...new Set(parties.map((k) => facts[k]!.value as string))].sort();
    const docDeal = ctx.deal?.parties ?? carried;
    // A sentence naming another pair of companies is about their deal ("Fox has scheduled a vote on the Disney offer").
    // …or one other company, with the deal's target: "a shareholder vote on the Disney offer" in a story of Comcast's bid for Fox.
    const others = named.filter((o) => !docDeal.includes(o));
    const target = ctx.deal?.target;
    const sentenceDeal = named.length === 2 && others.length ? named
      : others.length === 1 && target && others[0] !== target ? [others[0]!, target].sort() : docDeal;
    // A valuation, or a round raised, is a company's own: the company the sentence names first ("Anthropic's
    // valuation", "Graspwell closed a $150 million round"), else the deal's target.
    const valued = named.length ? (facts[parties[0]!]!.value as string) : ctx.deal?.target ?? (docDeal.length === 1 ? docDeal[0] : undefined);
    const scope: Scope = { out, s, inside, parties, facts, deal: ctx.deal, carried, clauses, sentenceDeal, valued };
    let previousMoney: Fact | undefined;
    for (const k of inside) {
      const f = facts[k]!;
      const clause = clauseOf(clauses, f.start);
      if (f.kind === "money") {
        const parenthetical = previousMoney && PARENS_AFTER_MONEY.test(text.slice(previousMoney.end, f.start).trim());
        previousMoney = f;
        if (parenthetical || typeof f.value !== "number") continue;
        if ((f.value < 1e6 && marketMoveBefore(text.slice(clause.start, f.start))) || splitConsideration(text, f, s) || PORTION_BEFORE.test(text.slice(s.start, f.start)) || DIFFERENCE_AFTER.test(text.slice(f.end, f.end + 30)) || PORTION_AFTER.test(text.slice(f.end, f.end + 40))) continue;
        // A share price in a market report is no deal figure; a company's value at the market's close is its valuation.
        let slot = f.per === "share" ? "price-per-share" : nearestSlot(text, f, MONEY_SLOTS, clause, cues, clauses, f.value < 1e6 ? "skip" : "valuation");
        // "the deal, which valued the equity at $52.4 billion": what a deal values is its price, not a company's valuation.
        if (slot === "valuation" && VALUED_DEAL.test(text.slice(clause.start, f.start))) slot = "deal-value";
        if (!slot || slot === OTHER_MONEY.id || (slot !== "price-per-share" && f.value < 100_000)) continue;
        const reading = readingOf(f, modalityOf(text, f, clause, s, pubYear, facts, inside));
        // "$89 billion" in an article that writes "A$89 billion": the bare dollar sign is the article's currency.
        if (f.currency === "USD" && f.text.startsWith("$")) { const spelled = spelledCurrency.get(f.value); if (spelled) reading.currency = spelled; }
        if (slot === "enterprise-value") { slot = "deal-value"; reading.basis = "enterprise"; }
        else if (slot === "deal-value" && /\bequity value\b[^.;]{0,25}$/i.test(text.slice(clause.start, f.start))) reading.basis = "equity";
        if (slot === "round-size" || slot === "investment" || slot === "valuation") { const when = seriesNear(text, f, clause) ?? monthNear(text, f, clause, s); if (when) reading.when = when; }
        const year = pastYear(text, f, clause, s, pubYear, facts, inside);
        if (year !== undefined) reading.when = String(year);
        if (VARYING.has(slot) && pastOpening(text, s)) reading.modality = "history";
        if (slot === "holding-value" || slot === "investment" || slot === "total-investment") { const h = holderOf(text, f, parties, facts, clause, ctx.deal); if (h) reading.holder = h; }
        markChange(reading, text, s);
        add(scope, slot, reading, k);
      } else if ((f.kind === "stake" || f.kind === "percent") && typeof f.value === "number" && nearestSlot(text, f, MARKET_SHARE_SLOTS, clause, cues, clauses, false, 60) === "market-share") {
        // A company's share of its market: "Walmart, with a 25% market share", "…; Walmart controls 22%".
        const reading = readingOf(f, modalityOf(text, f, clause, s, pubYear, facts, inside));
        const holder = holderOf(text, f, parties, facts, clause, null);
        if (!holder) continue;
        reading.holder = holder;
        add(scope, "market-share", reading, k);
      } else if (f.kind === "stake" && typeof f.value === "number") {
        if (NOT_HELD.test(text.slice(clause.start, f.start)) || NOT_HELD.test(text.slice(f.end, Math.min(clause.end, f.end + 40)).replace(/^\s*(?:of|in)\s+\S+\s+/, ""))) continue;
        const reading = readingOf(f, pastOpening(text, s) ? "history" : modalityOf(text, f, clause, s, pubYear, facts, inside));
        const holder = holderOf(text, f, parties, facts, clause, ctx.deal);
        if (holder) reading.holder = holder;
        const year = pastYear(text, f, clause, s, pubYear, facts, inside);
        if (year !== undefined) reading.when = String(year);
        const target = stakeTarget(f, facts, inside, text);
        if (target && target !== holder) reading.target = target;
        markChange(reading, text, s);
        add(scope, "stake", reading, k);
      } else if (f.kind === "percent" && typeof f.value === "number") {
        if (nearestSlot(text, f, PREMIUM_SLOTS, clause, cues, clauses, false, 15) !== "premium") continue;
        if (/\b(?:average|median|typical|typically)\b/i.test(text.slice(Math.max(clause.start, f.start - 30), f.end + 30))) continue;
        add(scope, "premium", readingOf(f, modalityOf(text, f, clause, s, pubYear, facts, inside)), k);
      } else if (f.kind === "date") {
        const value = dateValue(f);
        if (!value || f.dateKind === "weekday" || f.dateKind === "relative") continue;
        const slot = nearestSlot(text, f, DATE_SLOTS, clause, cues, clauses, false);
        if (!slot || (f.dateKind === "year" && slot !== "expected-close")) continue;
        // A date's slot says whether it is expected (an expected closing); a deadline is a deadline, however worded.
        const modality = modalityOf(text, f, clause, s, pubYear, facts, inside);
        const possible = POSSIBLE.test(tail(text.slice(Math.max(clause.start, f.start - 60), f.start), ",;").slice(-50));
        const reading: SlotReading = { value, start: f.start, end: f.end, text: f.text, modality: modality === "history" ? modality : slot === "expected-close" ? "expected" : possible ? "conditional" : "reported" };
        markChange(reading, text, s);
        add(scope, slot, reading, k);
        // A deadline extended to a date: the deal is now expected to close by then, whatever was expected before.
        if (slot === "outside-date" && reading.modality === "reported" && EXTENDED.test(sentence)) add(scope, "expected-close", { ...reading, modality: "expected", inferred: true }, k);
        if (slot === "expected-close" && !reading.replaced && reading.modality !== "history") {
          // An expected closing is also what the deal's status was expected to become.
          add(scope, "deal-status", { value: "completed", start: f.start, end: f.end, text: f.text, modality: "expected" });
        }
      } else if (f.kind === "duration" && typeof f.value === "string") {
        if (nearestSlot(text, f, EXTENSION_SLOTS, clause, cues, clauses, false, 180) !== "extension-length") continue;
        // "extend … by twelve months", "for another three months", "a 90-day extension": the length of an extension.
        if (!/\b(?:by|for(?: another)?|another|an additional|a further)\s+$/i.test(text.slice(Math.max(s.start, f.start - 20), f.start)) && !/^[\s-]*(?:\w+\s+)?extension\b/i.test(text.slice(f.end, f.end + 25))) continue;
        add(scope, "extension-length", readingOf(f, "reported"), k);
      }
    }
    // Counts of stores a deal sells off.
    if (tellsDivestment()) {
      for (const m of sentence.matchAll(COUNT)) {
        const start = s.start + m.index!, end = start + m[0].length;
        const before = tail(text.slice(Math.max(s.start, start - 80), start), ",;");
        const q = /\b(as many as|up to|about|around|roughly|nearly|more than|at least|some)\s*$/i.exec(before.slice(-30))?.[1]?.toLowerCase();
        const reading: SlotReading = { value: Number(m[1]!.replace(/,/g, "")), start, end, text: m[0], modality: HYPOTHETICAL.test(before) || CONDITIONAL.test(before) ? "conditional" : "reported" };
        if (q) reading.qualifier = q;
        add(scope, "divest-count", reading);
      }
    }
    // An event put off without a new date: "that meeting has been postponed".
    if (put) {
      // The verb is the statement; the event named with it is the slot's cue.
      const verbAt = put.text.lastIndexOf(" ") + 1;
      const at = { start: put.start + verbAt, end: put.end };
      const slot = nearestSlot(text, at, DATE_SLOTS, clauseOf(clauses, at.start), cues, clauses, false);
      if (slot && slot !== "suit-date") add(scope, slot, { value: "postponed", start: at.start, end: at.end, text: put.text, modality: "reported", replaced: true, changed: true });
    }
    // Where the deal stands.
    if (tellsStage()) {
      const regulator = inside.some((k) => facts[k]!.kind === "org" && ctx.orgs.roleOf(facts[k]!.value as string) === "regulator");
      const stage = stageOf(text, clauses, words, regulator || CLEARANCE_CONTEXT.test(sentence), pubYear);
      if (stage) {
        // Who cleared or blocked it: one regulator's block is not undone by another's clearance.
        const authority = (stage.value === "cleared" || stage.value === "blocked") ? inside.find((k) => facts[k]!.kind === "org" && ctx.orgs.roleOf(facts[k]!.value as string) === "regulator") : undefined;
        if (authority !== undefined) stage.holder = facts[authority]!.value as string;
        add(scope, "deal-status", stage);
      }
    }
  }
  return out;
}

/** What a sentence's statements need to be tied to their deal. */
interface Scope {
  out: SlotStatement[];
  s: Sentence;
  inside: number[];
  parties: number[];
  facts: Fact[];
  deal: DocumentDeal | null;
  carried: string[];
  clauses: Clause[];
  sentenceDeal: string[];
  valued: string | undefined;
}

/**
 * Adds a statement with its deal's parties. A figure may be another bidder's ("Comcast's $65 billion offer" in
 * a story of Disney's bid); dates, counts and stages are the sentence's deal's; a valuation or a round, its company's.
 */
function add(sc: Scope, slot: string, reading: SlotReading, fact?: number): void {
  const orgs = slot === "valuation" || slot === "round-size" ? (sc.valued ? [sc.valued] : [])
    : BIDDER_SLOTS.has(slot) ? partiesFor(reading, sc.parties, sc.facts, sc.deal, sc.carried, clauseOf(sc.clauses, reading.start)) : sc.sentenceDeal;
  if (!orgs.length) return;
  const st: SlotStatement = { slot, sentence: sc.s, reading, orgs, facts: sc.inside };
  if (fact !== undefined) st.fact = fact;
  sc.out.push(st);
}

const SLOT_FACTS = new Set(["money", "stake", "percent", "date", "duration", "term", "org"]);
const FIGURE_FACTS = new Set(["money", "stake", "percent", "date", "duration"]);

/** Slots whose figure belongs to whoever offers or holds it, not always to the document's deal. */
const BIDDER_SLOTS = new Set(["deal-value", "price-per-share", "enterprise-value", "stake", "investment", "total-investment", "holding-value", "round-size", "premium"]);
const MARKET_SHARE_SLOTS = SLOTS.filter((s) => s.id === "market-share");
const PREMIUM_SLOTS = SLOTS.filter((s) => s.id === "premium");
const EXTENSION_SLOTS = SLOTS.filter((s) => s.id === "extension-length");

function clausesOf(sentence: string, offset: number): Clause[] {
  const out: Clause[] = [];
  let from = 0;
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    if (m.index! > from) out.push({ start: offset + from, end: offset + m.index! });
    from = m.index! + m[0].length;
  }
  out.push({ start: offset + from, end: offset + sentence.length });
  return out;
}

function clauseOf(clauses: Clause[], at: number): Clause {
  return clauses.find((c) => at >= c.start && at < c.end) ?? clauses[clauses.length - 1]!;
}

/**
 * The slot whose cue is nearest the figure: "a $60bn valuation", "paying $3 billion", "a $3 billion
 * termination fee". A cue right after the figure ("$2 billion round") is nearer than one a word before.
 * Null when no cue is in reach. When a market report is nearer, `market` says what the figure is: a share
 * price ("skip") or a company's market value ("valuation").
 */
function nearestSlot(text: string, f: Span, slots: SlotDefinition[], clause: Clause, cues: SentenceCues, clauses: Clause[], market: "skip" | "valuation" | false, reach = REACH): string | null {
  let best: string | null = null;
  let bestDistance = reach + 1;
  const s = cues.sentence;
  const from = Math.max(s.start, f.start - reach - CLAUSE_PENALTY), to = Math.min(s.end, f.end + reach + CLAUSE_PENALTY);
  for (const cue of cuesOf(slots)) {
    const found = cues.of(cue.re);
    for (let n = 0; n < found.length; n += 2) {
      const start = found[n]!, end = found[n + 1]!;
      if (start < from || end > to) continue;
      if ((start < f.end && end > f.start) || (cue.leadOnly && end > f.start)) continue;
      // Words that make a sum something else bind closely: "$36 million more a month", "$1 billion in synergies".
      const d = cue.other && start >= f.end && /^\s*(?:\S+\s+){0,2}$/.test(text.slice(f.end, start)) ? 0 : cueDistance(text, f, start, end, clause, clauses) * cue.weight;
      if (d < bestDistance) { bestDistance = d; best = cue.slot; }
    }
  }
  if (market && best) {
    const window = text.slice(from, to);
    MARKET.lastIndex = 0;
    for (let m = MARKET.exec(window); m; m = MARKET.exec(window)) {
      if (cueDistance(text, f, from + m.index, from + m.index + m[0].length, clause, clauses) <= bestDistance) return market === "skip" ? null : "valuation";
    }
    SHARES_WORD.lastIndex = 0;
    for (let m = SHARES_WORD.exec(window); m; m = SHARES_WORD.exec(window)) {
      const move = MARKET_MOVE.exec(window.slice(m.index + m[0].length, m.index + m[0].length + 80));
      if (move && cueDistance(text, f, from + m.index, from + m.index + m[0].length + move[0].length, clause, clauses) <= bestDistance) return market === "skip" ? null : "valuation";
    }
  }
  return best;
}

/** How far a cue at [start, end) is from a figure: a cue after it counts a little nearer, one in another clause (or after "and") further. */
function cueDistance(text: string, f: Span, start: number, end: number, clause: Clause, clauses: Clause[]): number {
  let d = end <= f.start ? f.start - end : start >= f.end ? start - f.end - 0.5 : 0;
  if (clauseOf(clauses, start) !== clause) d += CLAUSE_PENALTY;
  // A cue after "and" introduces the next figure: "equity value of $52.4 billion and a total transaction value of …".
  else if (start >= f.end && /\b(?:and|or|while|with|versus|vs)\b|[,;]/.test(text.slice(f.end, start))) d += CLAUSE_PENALTY;
  return d;
}

interface Cue { slot: string; re: RegExp; leadOnly: boolean; other: boolean; weight: number }

/** Every match of a global pattern in `words`, as start and end offsets in pairs, `offset` added. */
function globalMatches(re: RegExp, words: string, offset: number): number[] {
  const out: number[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(words); m; m = re.exec(words)) out.push(offset + m.index, offset + m.index + m[0].length);
  return out;
}

/**
 * What the sentence-wide patterns (a deal named, its stage, an event put off, a sale) find in one sentence, all
 * found in one pass: `has` answers as `test`, `first` as `exec`, `all` as a global search would.
 */
class SentenceWords {
  // The scan's own lists: read while this sentence is read, before the next sentence's scan.
  private readonly found: readonly (readonly number[])[];
  constructor(private readonly words: string, readonly sentence: Span) {
    this.found = SENTENCE_PATTERNS.find(words, sentence.start);
  }

  all(re: RegExp): readonly number[] {
    return this.found[SENTENCE_PATTERNS.numberOf(re)]!;
  }

  has(re: RegExp): boolean {
    return this.all(re).length > 0;
  }

  first(re: RegExp): { start: number; end: number; text: string } | undefined {
    const [start, end] = this.all(re);
    return start === undefined ? undefined : { start, end: end!, text: this.words.slice(start - this.sentence.start, end! - this.sentence.start) };
  }
}
const STAGE_PATTERNS = STAGES_IN_SENTENCE.map(([, re]) => re);
// Words and phrases: eight letters tell most of them apart.
const SENTENCE_PATTERNS = new WordPatterns([DEAL_CONTEXT, POSTPONED, DIVEST, ...STAGE_PATTERNS], 8);

/**
 * Where each cue pattern matches in one sentence (start and end offsets in the document, in pairs), all found
 * in one pass the first time one is asked for: a sentence's figures each look for the cues near them.
 */
class SentenceCues {
  // The scan's own lists: read while this sentence is read, before the next sentence's scan.
  private found: readonly (readonly number[])[] | undefined;
  constructor(private readonly words: string, readonly sentence: Span) {}

  of(re: RegExp): readonly number[] {
    this.found ??= CUE_PATTERNS.find(this.words, this.sentence.start);
    return this.found[CUE_PATTERNS.numberOf(re)]!;
  }
}
const CUE_PATTERNS = new WordPatterns([...new Set([...CUES.values(), ...LEADS.values()])], 8);
const CUE_LISTS = new Map<SlotDefinition[], Cue[]>();

/** A slot list's cue patterns, each once, in the table's order (a tie goes to the earlier slot). */
function cuesOf(slots: SlotDefinition[]): Cue[] {
  let list = CUE_LISTS.get(slots);
  if (list) return list;
  list = [];
  for (const slot of slots) {
    const other = slot === OTHER_MONEY;
    const cues = CUES.get(slot.id), leads = LEADS.get(slot.id);
    if (cues) list.push({ slot: slot.id, re: cues, leadOnly: false, other, weight: other ? 0.5 : 1 });
    if (leads) list.push({ slot: slot.id, re: leads, leadOnly: true, other, weight: other ? 0.5 : 1 });
  }
  CUE_LISTS.set(slots, list);
  return list;
}

function readingOf(f: Fact, modality: Modality): SlotReading {
  const r: SlotReading = { value: f.value as number | string, start: f.start, end: f.end, text: f.text, modality };
  if (f.currency) r.currency = f.currency;
  if (f.qualifier) r.qualifier = f.qualifier;
  if (f.max !== undefined) r.max = f.max;
  return r;
}

/** Whether a figure is stated as fact, as history, on a condition or as an expectation. */
function modalityOf(text: string, f: Span, clause: Clause, sentence: Span, pubYear: number | undefined, facts: Fact[], inside: number[]): Modality {
  const before = text.slice(Math.max(clause.start, f.start - 60), f.start);
  if (HISTORY_BEFORE.test(before) || pastYear(text, f, clause, sentence, pubYear, facts, inside) !== undefined) return "history";
  if (conditional(text.slice(clause.start, f.start)) || HYPOTHETICAL.test(tail(before, ",;").slice(-80))) return "conditional";
  // "would pay $300 million if the deal is terminated": a sum owed on a condition named after it.
  if (CONDITIONAL.test(text.slice(f.end, Math.min(clause.end, f.end + 30)).split(/[,;]/)[0]!)) return "conditional";
  if (EXPECTED_BEFORE.test(text.slice(clause.start, f.start))) return "expected";
  return "reported";
}

/** A year before the article's, dating the figure: right after it ("$9 billion in 2015") or opening its sentence ("In 2019, …"). */
function pastYear(text: string, f: Span, clause: Clause, sentence: Span, pubYear: number | undefined, facts: Fact[], inside: number[]): number | undefined {
  if (pubYear === undefined) return undefined;
  for (const k of inside) {
    const d = facts[k]!;
    if (d.kind !== "date" || typeof d.value !== "string" || d === f) continue;
    const y = parseIso(d.value.split("/")[0])?.y;
    if (y === undefined || y >= pubYear || !/\d{4}/.test(d.text)) continue;
    if (d.start >= f.end && d.start - f.end < 40 && /^\s*(?:\S+\s+){0,3}?(?:in|as of|during|back in|at the end of)\s+$/i.test(text.slice(f.end, d.start)) && d.start <= clause.end) return y;
    if (d.end <= f.start && /^\W*(?:in|as of|back in|by)\s+$/i.test(text.slice(sentence.start, d.start))) return y;
    // "The Series C in 2024 valued Lumora at $2.4 billion": a past year in the figure's clause, before it.
    if (d.end <= f.start && d.start >= clause.start && /\b(?:in|back in|during)\s+$/i.test(text.slice(Math.max(clause.start, d.start - 9), d.start))) return y;
  }
  return undefined;
}

/** "£41.7bn in cash and £8.3bn in shares": each is a part of the price, told together; neither is the price. */
function splitConsideration(text: string, f: Span, s: Span): boolean {
  if (!CASH_OR_STOCK.test(text.slice(f.end, f.end + 30))) return false;
  const sentence = text.slice(s.start, s.end);
  return (sentence.match(CASH_OR_STOCK_ALL) ?? []).length >= 2 && /\bin cash\b/i.test(sentence) && /\bin (?:\S+ )?(?:stock|shares)\b/i.test(sentence);
}
const CASH_OR_STOCK = /^\s*in\s+(?:cash|(?:\S+\s+)?(?:stock|shares))\b/i;
const CASH_OR_STOCK_ALL = /(?<![\d.,])\d[\d.,]*(?:\s?(?:trillion|billion|million|bn|mn|m|b|tn))?\s+in\s+(?:cash|(?:\S+\s+)?(?:stock|shares))\b/gi;

/**
 * "Earlier that year, Google invested $300m for a 10pc stake": a sentence set in the past tells history — of
 * the figures that change over time (a stake, a valuation); a deal's agreed price told in the past is still its price.
 */
function pastOpening(text: string, sentence: Span): boolean {
  return PAST_OPENING.test(text.slice(sentence.start, Math.min(sentence.end, sentence.start + 40)));
}
const VARYING = new Set(["stake", "valuation", "holding-value", "total-investment", "round-size", "investment", "market-share"]);

/** The lettered round a figure is of: "a $300 million Series C" → "series-c"; another letter, another round. */
function seriesNear(text: string, f: Span, clause: Clause): string | undefined {
  const m = SERIES.exec(text.slice(Math.max(clause.start, f.start - 40), Math.min(clause.end, f.end + 40)));
  return m ? `series-${m[1]!.toLowerCase()}` : undefined;
}
const SERIES = /\bSeries ([A-H])\b/;

/**
 * The month a figure is dated to: right after it ("$3.5 billion round in March") or just before it in its
 * sentence ("a round in March that valued the company at $61.5 billion") → "--03".
 */
function monthNear(text: string, f: Span, clause: Clause, sentence: Span): string | undefined {
  const m = MONTH_AFTER.exec(text.slice(f.end, Math.min(clause.end, f.end + 40))) ?? MONTH_BEFORE.exec(text.slice(Math.max(sentence.start, f.start - 60), f.start));
  if (!m) return undefined;
  const month = monthIndex(m[1]!);
  return month < 0 ? undefined : `--${String(month + 1).padStart(2, "0")}`;
}
const MONTH_AFTER = /^(?:\s+[\w-]+){0,3}?\s+in\s+(?:early\s+|late\s+|mid-?)?(January|February|March|April|May|June|July|August|September|October|November|December)\b/i;
const MONTH_BEFORE = /\bin (?:early |late |mid-?)?(January|February|March|April|May|June|July|August|September|October|November|December) (?:that|which) (?:\w+ ){0,5}$/i;

/** "Fox’s stock has jumped more than 6% to $47.50": a share price in a market report. */
function marketMoveBefore(before: string): boolean {
  SHARES_WORD.lastIndex = 0;
  for (let m = SHARES_WORD.exec(before); m; m = SHARES_WORD.exec(before)) if (MARKET_MOVE.test(before.slice(m.index + m[0].length, m.index + m[0].length + 80))) return true;
  return false;
}

/** What follows the last of `stops` in a text (all of it when none occurs): the clause a word is in. */
function tail(text: string, stops: string): string {
  let at = -1;
  for (const c of stops) at = Math.max(at, text.lastIndexOf(c));
  return text.slice(at + 1);
}

/** Whether a figure's clause, up to it, sets a condition: "if the deal fails", "Should the merger collapse, …". */
function conditional(before: string): boolean {
  return CONDITIONAL.test(tail(before, ",;")) || (SHOULD_FIRST.test(before) && !/[,;]/.test(before));
}

/** Whether a clause dates what it says to a year before the article's ("agreed to merge in October 2022"). */
function pastYearIn(words: string, pubYear: number | undefined): boolean {
  if (pubYear === undefined) return false;
  for (const m of words.matchAll(/\b(?:in|since|back in)\s+(?:\p{L}+\.?\s+)?(?:\d{1,2},?\s+)?((?:19|20)\d{2})\b/gu)) if (Number(m[1]) < pubYear) return true;
  return false;
}

/** The latest year a document writes out: the earliest it can have been written, when it gives no date. */
function latestYear(facts: Fact[]): number | undefined {
  let y: number | undefined;
  for (const f of facts) {
    if (f.kind !== "date" || typeof f.value !== "string" || !/\d{4}/.test(f.text)) continue;
    const v = parseIso(f.value)?.y;
    if (v !== undefined && (y === undefined || v > y)) y = v;
  }
  return y;
}

// The last sentence markChange read, and whether it says something changed (each of its figures asks).
let changedSentence: Span | undefined;
let changedWords = false;

/** Whether a statement says its value changed, or no longer holds ("pushed back the closing, which originally was set for …"). */
function markChange(r: SlotReading, text: string, sentence: Span): void {
  if (changedSentence !== sentence) { changedSentence = sentence; changedWords = CHANGED.test(text.slice(sentence.start, sentence.end)); }
  if (!changedWords) return;
  const words = text.slice(sentence.start, sentence.end);
  r.changed = true;
  if (r.modality === "history" && /\b(?:push(?:ed|es)? back|delay(?:ed|s)?|postpon(?:e|ed)|moved|extend(?:ed|s)?)\b/i.test(words)) r.replaced = true;
}

/** A date's value for comparing: its ISO value, or the month and day it writes ("--11-26") when the year is only inferred. */
export function dateValue(f: Fact): string | null {
  const written = /\b(?:19|20)\d{2}\b/.test(f.text);
  if (typeof f.value === "string" && written) return f.value;
  const m = /\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?(?:\s+(\d{1,2}))?|\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(January|February|March|April|May|June|July|August|September|October|November|December)/i.exec(f.text);
  if (!m) return typeof f.value === "string" ? f.value : null;
  const month = monthIndex((m[1] ?? m[4])!);
  if (month < 0) return null;
  const day = m[2] ?? m[3];
  const mm = String(month + 1).padStart(2, "0");
  return day ? `--${mm}-${day.padStart(2, "0")}` : `--${mm}`;
}

/** "a 9.9% stake in Alder" → alder; "58% of the combined company" → "combined company". */
export function stakeTarget(stake: Fact, facts: Fact[], claimFacts: number[], text: string): string | undefined {
  const after = text.slice(stake.end, stake.end + 60);
  const prep = /^\s*(?:-\s*)?(?:\p{L}[\p{L}-]*\s+){0,3}?(?:in|of)\s+/u.exec(after);
  if (!prep) return undefined;
  const from = stake.end + prep[0].length;
  const org = claimFacts.map((k) => facts[k]!).find((f) => f.kind === "org" && f.start >= from && f.start <= from + 4);
  if (org) return String(org.value);
  const phrase = /^(?:the\s+|its\s+|their\s+)?([a-z][a-z -]{2,40}?)(?=[,.;:]|\s(?:and|while|but|which|that)\b|$)/.exec(text.slice(from, from + 50));
  // "the combined group", "the merged entity", "the enlarged company": one thing, however a report words it.
  return phrase ? phrase[1]!.trim().replace(/^(?:combined|merged|enlarged)\s+(?:company|group|entity|business|firm)$/, "combined company") : undefined;
}

/** The holder of a stake or an investment: the party named nearest before it in its clause ("Pfizer holds a 32% stake"). */
function holderOf(text: string, f: Span, parties: number[], facts: Fact[], clause: Clause, deal: DocumentDeal | null): string | undefined {
  let best: Fact | undefined;
  for (const k of parties) {
    const o = facts[k]!;
    // "its stake in Alder remains at 9.9%": a company after "in" or "of" is what is held, not who holds it.
    if (o.end <= f.start && o.start >= clause.start - 60 && !/\b(?:in|of)\s+$/i.test(text.slice(Math.max(0, o.start - 4), o.start))) best = o;
  }
  if (best) return best.value as string;
  // A name the recognizer does not know, holding it: "in which Pfizer holds a 32% stake".
  const named = HOLDER_BEFORE.exec(text.slice(Math.max(clause.start, f.start - 60), f.start));
  if (named && !isPlace(named[1]!)) return companyId(named[1]!);
  return deal?.buyer;
}
const HOLDER_BEFORE = /(?<![\p{L}&.'’-])(\p{Lu}[\p{L}&.'’-]+(?: \p{Lu}[\p{L}&.'’-]+)?)(?: (?:holds|owns|has|had|held|controls|retains|will hold|will own|would hold|would own)|, with) (?:(?:a|an|the|its|about|around|roughly|nearly|some|up to|majority|minority|controlling) ){0,3}$/u;

/**
 * The deal a statement is about. The document's deal, unless the party nearest the figure is another
 * company ("Comcast's $65 billion offer for Fox" in a story of Disney's bid): then that company's deal for
 * the same target. With no deal in the headline, the parties the sentence (or the one before) names.
 */
function partiesFor(at: Span, parties: number[], facts: Fact[], deal: DocumentDeal | null, carried: string[], clause: Clause): string[] {
  const named = parties.map((k) => facts[k]!);
  if (!deal) return carried;
  if (!named.length || named.every((o) => deal.parties.includes(o.value as string))) return deal.parties;
  let nearest: Fact | undefined;
  let bestDistance = Infinity;
  for (const o of named) {
    const inClause = o.start >= clause.start && o.end <= clause.end;
    const d = (o.end <= at.start ? at.start - o.end : o.start - at.end + 20) + (inClause ? 0 : 200);
    if (d < bestDistance) { bestDistance = d; nearest = o; }
  }
  const id = nearest!.value as string;
  if (deal.parties.includes(id)) return deal.parties;
  const other = deal.target ?? named.map((o) => o.value as string).find((v) => deal.parties.includes(v));
  if (!other || other === id) return [id];
  return id < other ? [id, other] : [other, id];
}

// Who clears a deal: a board's or a company's approval is not a clearance.
const CLEARANCE_CONTEXT = /\b(?:regulators?|regulatory|commission|authorit(?:y|ies)|court|judge|antitrust|competition|government|watchdog|shareholders|stockholders|final approval|unconditional|conditional|federal|U\.S\.|US|EU|UK|European|Chinese|British|necessary approvals?)(?![\p{L}\d])/iu;
// An approval still to come: "pending regulatory approval", "needs approval from".
const AWAITED = /\b(?:pending|subject to|awaiting|await|needs?|require[sd]?|requiring|seek(?:ing|s)?|sought|without|for|receiv(?:e|es|ing)|win|obtain|secur(?:e|ing)|get|getting|gain)\s+(?:\S+\s+){0,3}$/i;

/** The stage of the deal a sentence tells, with its modality, or null. */
function stageOf(text: string, clauses: Clause[], sentenceWords: SentenceWords, clearance: boolean, pubYear: number | undefined): SlotReading | null {
  let found: { stage: DealStage; rank: number; start: number; end: number; modality: Modality } | null = null;
  // Each stage's words are looked for once in the sentence; the first time in each clause counts. (A sentence
  // that opens with a break between clauses is read from its first clause, as its words were found there.)
  const from = clauses[0]!.start;
  const whole = from === sentenceWords.sentence.start;
  const sentence = whole ? "" : text.slice(from, clauses[clauses.length - 1]!.end);
  STAGES_IN_SENTENCE.forEach(([stage, re], rank) => {
    const hits: readonly number[] = whole ? sentenceWords.all(STAGE_PATTERNS[rank]!) : globalMatches(re, sentence, from);
    let lastClause: Clause | undefined;
    for (let n = 0; n < hits.length; n += 2) {
      const start = hits[n]!, end = hits[n + 1]!;
      const m = { index: start - from, 0: text.slice(start, end) };
      const c = clauseOf(clauses, from + m.index);
      if (c === lastClause) continue;
      lastClause = c;
      const words = text.slice(c.start, c.end);
      const at = from + m.index - c.start;
      const before = words.slice(0, at);
      if (NEGATED.test(before)) continue;
      if (stage === "cleared" && !clearance) continue;
      // "is to be completed by …", "has yet to close": a completion still to come.
      if (stage === "completed" && (NOT_YET.test(before) || WHEN_CLAUSE.test(tail(before, ",;").slice(-45)))) continue;
      // "either side can walk away if the deal is not done by …": a stage on a condition named after it.
      const after = words.slice(at + m[0].length, at + m[0].length + 40).split(/[,;]/)[0]!;
      let modality: Modality = conditional(before) || CONDITIONAL.test(after) ? "conditional" : STAGE_EXPECTED.test(tail(before, ".;").slice(-70)) ? "expected" : HISTORY_BEFORE.test(before) || pastYearIn(words, pubYear) ? "history" : "reported";
      if (stage === "cleared" && AWAITED.test(before)) modality = "expected";
      if (modality === "conditional") continue;
      if (!found || rank < found.rank) found = { stage, rank, start: from + m.index, end: from + m.index + m[0].length, modality };
    }
  });
  if (!found) return null;
  const f = found as { stage: DealStage; start: number; end: number; modality: Modality };
  return { value: f.stage, start: f.start, end: f.end, text: text.slice(f.start, f.end), modality: f.modality };
}
