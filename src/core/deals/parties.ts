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
    const word = m[0].replace(/['’]s$/, "").replace(/[.'’]+$/, "");
    if (!word) continue;
    // A name starts with a capital, or is an ordinal opening one ("21st Century Fox"); "£50bn" is no name.
    const capital = /^\p{Lu}/u.test(word) || /^\d+(?:st|nd|rd|th)$/.test(word);
    out.push({ word, lower: word.toLowerCase(), start: m.index, end: m.index + word.length, capital });
  }
  return out;
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

// Between two names, the words that say who does what to whom.
const BUYER_TARGET = /^\s*(?:['’]s\s+)?(?:(?:said|says|announced|confirmed)\s+(?:on\s+)?(?:\w+day\s+)?(?:that\s+)?(?:it|they)?(?:['’]s|['’]ve)?\s+)?(?:(?:has|have|is|are|was|set|sets|plans|agreed|agrees|moves|will|would|again|formally|officially|finally|on\s+\w+day|\w+ly|committed|pledged|seeks|wants|offered|made)\s+)*(?:to\s+)?(?:buy|buys|buying|bought|acquire|acquires|acquired|acquiring|purchase|purchases|purchased|take\s+over|takes\s+over|took\s+over|pick(?:s|ed)?\s+up|(?:complete[sd]?|close[sd]?|finali[sz]e[sd]?)\s+(?:its\s+|the\s+)?(?:\S+\s+){0,3}?(?:acquisition|purchase|takeover|deal|merger)\s+(?:of|for|with)|(?:bid|bids|offer|offers|offered|makes|made|make|raises|raised|boosts|boosted|sweetens|sweetened|improves|improved|increases|increased)\s+(?:\S+\s+){0,5}?(?:for|to\s+buy)|invest(?:s|ed|ing)?\s+(?:\S+\s+){0,5}?in(?:to)?|(?:announced|signs|signed|reached|strikes|struck)\s+(?:a\s+|an\s+)?(?:definitive\s+)?(?:agreement|deal)\s+to\s+(?:purchase|buy|acquire))\s+(?:the\s+)?(?:\S+\s+){0,6}?$/i;
const POSSESSIVE_FOR = /^\s*['’]s\s+(?:\S+\s+){0,4}?(?:bid|offer|approach|takeover|acquisition|purchase|deal|investment|stake)\s+(?:for|of|in)\s+(?:the\s+)?(?:\S+\s+){0,4}?$/i;
const BOUGHT_BY = /^\s*(?:(?:is|was|got|gets|being|to\s+be|will\s+be|has\s+been|agrees\s+to\s+be|agreed\s+to\s+be)\s+)?(?:bought|acquired|taken\s+over|purchased)\s+by\s+(?:the\s+|its\s+)?(?:\p{Ll}+\s+){0,2}$/iu;
const PAIR = /^\s*(?:[-–—/]|,|\s+and|\s+&)\s*$/;
const PAIR_AFTER = /^\s*(?:['’]s?\s+)?(?:\$?\S+\s+){0,8}?(?:merger|megamerger|deal|tie-up|combination|agree|agreed|extend|extends|terminate|terminates|delay|delays|complete|completes)\b/i;
// "Broadcom closes $69 billion VMware deal", "AT&T set to announce … Time Warner purchase": the deal named after its target.
const TARGET_NOUN = /^\s*(?:['’]s\s+)?(?:\p{Lu}[\p{L}]*\s+)?(?:deal|purchase|acquisition|takeover|buyout|merger|bid|offer)\b/iu;
const MERGER_OF = /\b(?:merger|deal|combination|tie-up)\s+(?:of|between)\s+(?:the\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,3}$/u;

/** The parties a headline or lead names as the deal, with who buys and who is bought when it says. */
export function dealOfLine(text: string, span: Span, orgs: OrgRecognizer, facts: Fact[]): DocumentDeal | null {
  const toks = tokens(text, span.start, span.end);
  const found = names(text, toks);
  const idOf = (n: Name): string | null => {
    // A known name inside the name is the company ("The Walt Disney Company"); one running past it is not ("AT&T-Time").
    const org = facts.find((f) => f.kind === "org" && f.start >= n.start && f.end <= n.end);
    if (org) return orgs.roleOf(org.value as string) === "party" ? (org.value as string) : null;
    return companyId(n.text.replace(/^The\s/, ""));
  };
  for (let i = 0; i + 1 < found.length; i++) {
    const a = found[i]!;
    // The next name, or the first after an apposition ("UBS, Switzerland's largest bank, has offered … Credit Suisse").
    for (let k = i + 1; k < Math.min(found.length, i + 4); k++) {
      const b = found[k]!;
      let between = text.slice(a.end, b.start).replace(/\([^()]{0,15}\)/g, " ").replace(/^\.(?=\s)/, "");
      if (k > i + 1) {
        const apposition = /^\s*,[^,]{1,60},/.exec(between);
        if (!apposition || found[k - 1]!.end > a.end + apposition[0].length) break;
        between = " " + between.slice(apposition[0].length);
      }
      let roles: [Role, Role] | null = null;
      if (BUYER_TARGET.test(between) || POSSESSIVE_FOR.test(between)) roles = ["buyer", "target"];
      else if (BOUGHT_BY.test(between)) roles = ["target", "buyer"];
      // "UBS, Switzerland's largest bank": a possessive after the comma is an apposition, not a second party.
      else if (PAIR.test(between) && !(between.includes(",") && /^['’]s\b/.test(text.slice(b.end, b.end + 3))) && (PAIR_AFTER.test(text.slice(b.end, span.end).replace(/^\s*,[^,]{1,60},/, "")) || MERGER_OF.test(text.slice(span.start, a.start)))) roles = ["party", "party"];
      else if (k === i + 1 && TARGET_NOUN.test(text.slice(b.end, span.end)) && !/[.;:!?]/.test(between)) roles = ["buyer", "target"];
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
