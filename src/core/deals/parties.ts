import type { DocumentDeal, Fact, Span } from "../types";
import { companyId, isPlace, type OrgRecognizer } from "../recognize/orgs";

// Deal reporting names its deal in the headline and the lead: "X to buy Y", "X's bid for Y", "the X-Y merger",
// "Y to be acquired by X". Headlines are often in Title Case, so the words that tell the deal are matched in
// either case and a name is a run of capitalised words that are none of them.

const MARKERS = [
  "to", "buy", "buys", "buying", "bought", "acquire", "acquires", "acquired", "acquiring", "acquisition", "purchase", "purchases", "purchased",
  "take", "takes", "taking", "took", "over", "takeover", "pick", "picks", "picked", "up", "bid", "bids", "offer", "offers", "offered", "for",
  "of", "in", "into", "invest", "invests", "investing", "invested", "investment", "stake", "merge", "merges", "merged", "merger", "megamerger", "with",
  "deal", "and", "agree", "agrees", "agreed", "set", "plans", "plan", "moves", "makes", "make", "made", "complete", "completes", "completed",
  "close", "closes", "closed", "by", "be", "is", "was", "a", "an", "the", "its", "their", "on", "at", "after", "as", "says", "said", "sell", "sells",
  "extend", "extends", "again", "terminate", "terminates", "delay", "delays", "raise", "raises", "boosts", "tops", "beats", "defends", "pursues",
  "sues", "blocks", "blocked", "approves", "clears", "announce", "announces", "announced", "definitive", "agreement", "signs", "strike", "strikes", "reach", "reaches",
];
// Capitalised in headlines, but never a company's name.
const HEADLINE_WORDS = [
  "ai", "us", "u.s", "uk", "eu", "ceo", "cfo", "ipo", "tv", "it", "new", "summary", "update", "breaking", "exclusive", "analysis", "opinion", "report", "reports",
  "sources", "source", "deadline", "date", "termination", "closing", "shareholder", "shareholders", "meeting", "vote", "official", "statement", "regarding",
  "assets", "business", "unit", "arm", "trial", "court", "judge", "ruling", "rules", "consumer", "billion", "million", "deals", "talks", "record", "historic",
  "crisis", "investors", "analysts", "board", "stock", "shares", "price", "approval", "regulators", "extension", "takes", "wins", "loses", "misses",
  "schedules", "sets", "releases", "makes", "becomes", "kingmaker", "billionaire", "giant", "rival", "startup", "firm",
];
const CALENDAR = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"];
const MARKER_SET = new Set([...MARKERS, ...CALENDAR, ...HEADLINE_WORDS]);
// Hyphens split words: "the AT&T-Time Warner merger" names two companies.
const WORD = /[\p{L}\d][\p{L}\d&.'’]*/gu;

interface Token extends Span {
  word: string;
  lower: string;
  capital: boolean;
}

function tokens(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < to; m = WORD.exec(text)) {
    // A possessive is not part of the name: "Microsoft's proposed acquisition of …".
    const word = trimEnd(m[0].replace(/['’]s$/, ""));
    if (!word) continue;
    // A name starts with a capital, or is an ordinal opening one ("21st Century Fox"); "£50bn" is no name.
    const capital = /^\p{Lu}/u.test(word) || /^\d+(?:st|nd|rd|th)$/.test(word);
    out.push({ word, lower: word.toLowerCase(), start: m.index, end: m.index + word.length, capital });
  }
  return out;
}

/** A word without the periods and apostrophes that end it ("Inc." → "Inc"). */
function trimEnd(word: string): string {
  let end = word.length;
  while (end > 0 && ".'’".includes(word[end - 1]!)) end--;
  return word.slice(0, end);
}

interface Name extends Span {
  text: string;
  /** Index of the name's first and last token. */
  first: number;
  last: number;
}

/** Runs of capitalised words that are not deal words ("Broadcom", "Credit Suisse", "21st Century Fox"). */
function names(text: string, toks: Token[]): Name[] {
  const out: Name[] = [];
  let i = 0;
  while (i < toks.length) {
    const t = toks[i]!;
    if (!t.capital || MARKER_SET.has(t.lower)) { i++; continue; }
    let j = i;
    while (j + 1 < toks.length && toks[j + 1]!.capital && !MARKER_SET.has(toks[j + 1]!.lower) && /^ ?$/.test(text.slice(toks[j]!.end, toks[j + 1]!.start)) && j - i < 3) j++;
    const name = toks.slice(i, j + 1).map((x) => x.word).join(" ");
    // "Activision Blizzard, Inc.": a corporate suffix after a comma belongs to the name before it.
    // "AT&T Inc. (T)": a ticker in parentheses is no second company.
    const ticker = text[t.start - 1] === "(" && text[toks[j]!.end] === ")";
    if (!isPlace(name) && !SUFFIX_ONLY.test(name) && !ticker) out.push({ start: t.start, end: toks[j]!.end, text: name, first: i, last: j });
    i = j + 1;
  }
  return out;
}

const SUFFIX_ONLY = /^(?:Inc|Corp|Corporation|Ltd|LLC|plc|PLC|AG|SA|NV|SE|Co|Group|Holdings|Limited)$/;

type Role = "buyer" | "target" | "party";

// Between two names, the words that say who does what to whom. They are read as words, one pattern
// anchored at a time, so that no expression has to search a headline.
const REPORTING = new Set(["said", "says", "announced", "confirmed"]);
const SUBJECTS = new Set(["it", "they", "it's", "they've"]);
const MODIFIERS = new Set(["has", "have", "is", "are", "was", "set", "sets", "plans", "agreed", "agrees", "moves", "will", "would", "again", "formally", "officially", "finally", "committed", "pledged", "seeks", "wants", "offered", "made"]);
const VERB_PHRASES = [
  /^(?:buy|buys|buying|bought|acquire|acquires|acquired|acquiring|purchase|purchases|purchased|take over|takes over|took over|pick up|picks up|picked up)(?= |$)/,
  /^(?:complete[sd]?|close[sd]?|finali[sz]e[sd]?) (?:its |the )?(?:\S+ ){0,3}?(?:acquisition|purchase|takeover|deal|merger) (?:of|for|with)(?= |$)/,
  /^(?:bid|bids|offer|offers|offered|makes|made|make|raises|raised|boosts|boosted|sweetens|sweetened|improves|improved|increases|increased) (?:\S+ ){0,5}?(?:for|to buy)(?= |$)/,
  /^invest(?:s|ed|ing)? (?:\S+ ){0,5}?in(?:to)?(?= |$)/,
  /^(?:announced|signs|signed|reached|strikes|struck) (?:a |an )?(?:definitive )?(?:agreement|deal) to (?:purchase|buy|acquire)(?= |$)/,
];
const POSSESSIVE_FOR = /^'s (?:\S+ ){0,4}?(?:bid|offer|approach|takeover|acquisition|purchase|deal|investment|stake) (?:for|of|in)(?= |$)/;
const BOUGHT_BY = /^(?:(?:is|was|got|gets|being|to be|will be|has been|agrees to be|agreed to be) )?(?:bought|acquired|taken over|purchased) by(?= |$)/;
const PAIRING = new Set(["-", "–", "—", "/", ",", "and", "&"]);
const PAIR_WORDS = new Set(["merger", "megamerger", "deal", "tie-up", "combination", "agree", "agreed", "extend", "extends", "terminate", "terminates", "delay", "delays", "complete", "completes"]);
// "Broadcom closes $69 billion VMware deal", "AT&T set to announce … Time Warner purchase": the deal named after its target.
const TARGET_NOUN = /^\s*(?:['’]s\s+)?(?:\p{Lu}\p{Ll}*\s+)?(?:[Dd]eal|DEAL|[Pp]urchase|[Aa]cquisition|[Tt]akeover|[Bb]uyout|[Mm]erger|[Bb]id|[Oo]ffer)\b/u;

/** Lower-case words, a possessive its own word: "'s proposed acquisition of" → ["'s", "proposed", "acquisition", "of"]. */
function wordsOf(text: string): string[] {
  return text.replace(/[’']s\b/g, " 's ").replace(/’/g, "'").toLowerCase().split(/\s+/).filter(Boolean);
}

/** Whether the words between two names say the first buys, bids for or invests in the second. */
function buysBetween(words: string[]): boolean {
  let i = words[0] === "'s" ? 1 : 0;
  if (REPORTING.has(words[i] ?? "")) {
    i++;
    if (words[i] === "on") i++;
    if (/day$/.test(words[i] ?? "")) i++;
    if (words[i] === "that") i++;
    if (SUBJECTS.has(words[i] ?? "")) i++;
    if (words[i] === "'s") i++;
  }
  // A modifier may be the verb itself ("has offered $3 billion to buy …"): the phrases are tried at each step.
  for (let n = 0; n < 8; n++) {
    if (followedByTarget(words, i, VERB_PHRASES, 7)) return true;
    const w = words[i] ?? "";
    if (MODIFIERS.has(w) || /ly$/.test(w) || w === "to") i++;
    else if (w === "on" && /day$/.test(words[i + 1] ?? "")) i += 2;
    else return false;
  }
  return false;
}

/** Whether one of `phrases` starts at word `from` and at most `rest` words follow it (what the target is called). */
function followedByTarget(words: string[], from: number, phrases: RegExp[], rest: number): boolean {
  const tail = words.slice(from).join(" ");
  for (const re of phrases) {
    const m = re.exec(tail);
    if (m && wordsOf(tail.slice(m[0].length)).length <= rest) return true;
  }
  return false;
}

/** "… the AT&T-Time Warner merger", "Microsoft and Activision reportedly negotiating deal": a deal word soon after the pair. */
function pairNamedAsDeal(after: string): boolean {
  return wordsOf(after.replace(/^\s*,[^,]{1,60},/, "")).slice(0, 10).some((w) => PAIR_WORDS.has(w.replace(/[^a-z-]/g, "")));
}

/** "the merger between grocery giants Kroger and …": a deal word, then "of" or "between", just before the pair. */
function mergerOfBefore(before: string): boolean {
  const words = wordsOf(before).slice(-6);
  const at = words.findIndex((w, k) => /^(?:merger|deal|combination|tie-up)$/.test(w) && /^(?:of|between)$/.test(words[k + 1] ?? ""));
  return at >= 0 && words.slice(at + 2).every((w) => /^\p{Ll}[\p{L}-]*$/u.test(w));
}

/** The parties a headline or lead names as the deal, with who buys and who is bought when it says. */
export function dealOfLine(text: string, span: Span, orgs: OrgRecognizer, facts: Fact[]): DocumentDeal | null {
  const toks = tokens(text, span.start, span.end);
  const found = names(text, toks);
  const idOf = (n: Name): string | null => {
    // A known name inside the name is the company ("The Walt Disney Company"); one running past it is not ("AT&T-Time").
    const org = facts.find((f) => f.kind === "org" && f.start >= n.start && f.end <= n.end);
    if (org) return orgs.roleOf(org.value as string) === "party" ? (org.value as string) : null;
    // Part of a regulator's or a publication's name ("… Markets Authority") is no party.
    if (facts.some((f) => f.kind === "org" && f.start < n.end && n.start < f.end && orgs.roleOf(f.value as string) !== "party")) return null;
    return companyId(n.text.replace(/^The\s/, ""));
  };
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i]!;
    // The next name, or the first after an apposition ("UBS, Switzerland's largest bank, has offered … Credit Suisse").
    for (let k = i + 1; k < Math.min(found.length, i + 4); k++) {
      const b = found[k]!;
      let between = text.slice(a.end, b.start).replace(/\([^()]{0,15}\)/g, " ").replace(/^\.(?=\s)/, "");
      const apposition = /^\s*,[^,]{1,60},/.exec(between);
      if (k > i + 1 && (!apposition || found[k - 1]!.end > a.end + apposition[0].length)) break;
      if (apposition && !/^\s*,\s*$/.test(between)) between = " " + between.slice(apposition[0].length);
      let roles: [Role, Role] | null = null;
      const words = wordsOf(between);
      if (buysBetween(words) || followedByTarget(words, 0, [POSSESSIVE_FOR], 5)) roles = ["buyer", "target"];
      else if (followedByTarget(words, 0, [BOUGHT_BY], 3)) roles = ["target", "buyer"];
      // "UBS, Switzerland's largest bank": a possessive after the comma is an apposition, not a second party.
      else if (PAIRING.has(words.join(" ")) && !(between.includes(",") && /^['’]s\b/.test(text.slice(b.end, b.end + 3))) && (pairNamedAsDeal(text.slice(b.end, span.end)) || mergerOfBefore(text.slice(span.start, a.start)))) roles = ["party", "party"];
      else if (k === i + 1 && TARGET_NOUN.test(text.slice(b.end, span.end)) && !/[.;:!?](?:\s|$)/.test(between)) roles = ["buyer", "target"];
      if (!roles) continue;
      const x = idOf(a), y = idOf(b);
      if (!x || !y || x === y) continue;
      return makeDeal(x, y, roles[0] === "buyer" ? x : roles[1] === "buyer" ? y : undefined);
    }
  }
  return null;
}

export function makeDeal(a: string, b: string, buyer?: string): DocumentDeal {
  const parties = a < b ? [a, b] : [b, a];
  const deal: DocumentDeal = { parties };
  if (buyer) { deal.buyer = buyer; deal.target = buyer === a ? b : a; }
  return deal;
}
