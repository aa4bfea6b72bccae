import type { Fact } from "../types";
import { keepLongest } from "../text/spans";
import { asciiLetters, twins } from "../text/ascii";

/** Organisation role: parties are what topics are about; regulators and media report or rule on deals. */
export type OrgRole = "party" | "regulator" | "media";

export interface OrgEntry {
  id: string;
  label: string;
  names: string[];
  role?: OrgRole;
}

// Brands that stand for their owner in deal reporting are aliases (AWS → Amazon, Azure → Microsoft).
const KNOWN: OrgEntry[] = [
  { id: "microsoft", label: "Microsoft", names: ["Microsoft", "Microsoft Corp", "Microsoft Corporation", "MSFT", "Azure", "Microsoft Azure"] },
  { id: "openai", label: "OpenAI", names: ["OpenAI", "Open AI", "ChatGPT maker"] },
  { id: "amazon", label: "Amazon", names: ["Amazon", "Amazon.com", "AWS", "Amazon Web Services", "AMZN"] },
  { id: "google", label: "Google", names: ["Google", "Alphabet", "Google Cloud", "GOOGL", "DeepMind", "Google DeepMind"] },
  { id: "meta", label: "Meta", names: ["Meta", "Meta Platforms", "Facebook"] },
  { id: "apple", label: "Apple", names: ["Apple"] },
  { id: "nvidia", label: "Nvidia", names: ["Nvidia", "NVIDIA", "NVDA"] },
  { id: "softbank", label: "SoftBank", names: ["SoftBank", "Softbank", "SoftBank Group"] },
  { id: "oracle", label: "Oracle", names: ["Oracle"] },
  { id: "anthropic", label: "Anthropic", names: ["Anthropic"] },
  { id: "xai", label: "xAI", names: ["xAI"] },
  { id: "mistral", label: "Mistral AI", names: ["Mistral AI", "Mistral"] },
  { id: "ibm", label: "IBM", names: ["IBM"] },
  { id: "intel", label: "Intel", names: ["Intel"] },
  { id: "amd", label: "AMD", names: ["AMD", "Advanced Micro Devices"] },
  { id: "tsmc", label: "TSMC", names: ["TSMC", "Taiwan Semiconductor"] },
  { id: "qualcomm", label: "Qualcomm", names: ["Qualcomm"] },
  { id: "broadcom", label: "Broadcom", names: ["Broadcom"] },
  { id: "arm", label: "Arm", names: ["Arm Holdings"] },
  { id: "samsung", label: "Samsung", names: ["Samsung"] },
  { id: "tesla", label: "Tesla", names: ["Tesla"] },
  { id: "twitter", label: "Twitter", names: ["Twitter"] },
  { id: "salesforce", label: "Salesforce", names: ["Salesforce"] },
  { id: "adobe", label: "Adobe", names: ["Adobe"] },
  { id: "figma", label: "Figma", names: ["Figma"] },
  { id: "cisco", label: "Cisco", names: ["Cisco"] },
  { id: "vmware", label: "VMware", names: ["VMware"] },
  { id: "activision", label: "Activision Blizzard", names: ["Activision Blizzard", "Activision"] },
  { id: "linkedin", label: "LinkedIn", names: ["LinkedIn"] },
  { id: "github", label: "GitHub", names: ["GitHub"] },
  { id: "netflix", label: "Netflix", names: ["Netflix"] },
  { id: "disney", label: "Disney", names: ["Disney", "Walt Disney"] },
  { id: "comcast", label: "Comcast", names: ["Comcast"] },
  { id: "paramount", label: "Paramount", names: ["Paramount", "Paramount Global"] },
  { id: "warner-bros-discovery", label: "Warner Bros. Discovery", names: ["Warner Bros. Discovery", "Warner Bros Discovery", "WBD"] },
  { id: "sony", label: "Sony", names: ["Sony"] },
  { id: "uber", label: "Uber", names: ["Uber"] },
  { id: "spotify", label: "Spotify", names: ["Spotify"] },
  { id: "coreweave", label: "CoreWeave", names: ["CoreWeave"] },
  { id: "berkshire-hathaway", label: "Berkshire Hathaway", names: ["Berkshire Hathaway", "Berkshire"] },
  { id: "blackrock", label: "BlackRock", names: ["BlackRock"] },
  { id: "blackstone", label: "Blackstone", names: ["Blackstone"] },
  { id: "kkr", label: "KKR", names: ["KKR"] },
  { id: "thrive-capital", label: "Thrive Capital", names: ["Thrive Capital"] },
  { id: "sequoia", label: "Sequoia Capital", names: ["Sequoia Capital", "Sequoia"] },
  { id: "andreessen-horowitz", label: "Andreessen Horowitz", names: ["Andreessen Horowitz", "a16z"] },
  { id: "goldman-sachs", label: "Goldman Sachs", names: ["Goldman Sachs", "Goldman"] },
  { id: "jpmorgan", label: "JPMorgan Chase", names: ["JPMorgan Chase", "JPMorgan", "JP Morgan", "J.P. Morgan"] },
  { id: "morgan-stanley", label: "Morgan Stanley", names: ["Morgan Stanley"] },
  { id: "ubs", label: "UBS", names: ["UBS"] },
  { id: "ftc", label: "FTC", role: "regulator", names: ["FTC", "Federal Trade Commission"] },
  { id: "doj", label: "Justice Department", role: "regulator", names: ["Justice Department", "Department of Justice", "DOJ"] },
  { id: "european-commission", label: "European Commission", role: "regulator", names: ["European Commission", "EU regulators", "Brussels"] },
  { id: "cma", label: "CMA", role: "regulator", names: ["CMA", "Competition and Markets Authority"] },
  { id: "sec", label: "SEC", role: "regulator", names: ["SEC", "Securities and Exchange Commission"] },
  { id: "samr", label: "SAMR", role: "regulator", names: ["SAMR", "State Administration for Market Regulation"] },
  { id: "reuters", label: "Reuters", role: "media", names: ["Reuters"] },
  { id: "bloomberg", label: "Bloomberg", role: "media", names: ["Bloomberg", "Bloomberg News"] },
  { id: "financial-times", label: "Financial Times", role: "media", names: ["Financial Times", "FT"] },
  { id: "wsj", label: "The Wall Street Journal", role: "media", names: ["Wall Street Journal", "WSJ"] },
  { id: "cnbc", label: "CNBC", role: "media", names: ["CNBC"] },
  { id: "the-information", label: "The Information", role: "media", names: ["The Information"] },
];

const SUFFIX = "(?:(?:Inc|Corp|Ltd|L\\.L\\.C|S\\.A|N\\.V|Co)\\.?|Corporation|Limited|LLC|plc|PLC|AG|SA|NV|GmbH|SE|Company|Group|Holdings|Technologies|Systems|Labs|Capital|Partners|Ventures|Bank|Pharmaceuticals|Therapeutics|Biosciences|Networks|Software|Motors|Airlines|Energy|Media|Studios|Entertainment|Industries|Robotics|Dynamics|Semiconductor|Semiconductors|Foods|Brands|Health|Games|Gaming|Interactive|Aerospace|Logistics|Financial|Solutions|Cloud|Resources|Mining|Petroleum|Oil|Gas|Power|Pharma|Bancorp|Insurance|Communications|Telecom|Airways|Retail|Stores|Steel|Chemicals|Materials|Properties|Realty|Investments|Automotive|Electric|Devices|Platforms|Biotech|Therapeutics|Medical)";
const NAME_WORD = "(?:[A-Z][A-Za-z0-9&'’.-]*[A-Za-z0-9]|[A-Z])";
// A name marked as a company by its suffix ("Orbital Games Inc."): up to four capitalised words, one
// space apart, then the suffix. Read word by word rather than by one pattern: the pattern
// `(?<!…)(Word(?:\sWord){0,3})\s(Suffix)` is linear in V8 only thanks to its look-behind, which the
// regex check cannot take into account.
const SUFFIX_AFTER = new RegExp(`\\s(?:${SUFFIX})(?![A-Za-z])`, "y");
const NAME_RUN = /[A-Za-z0-9&'’.-]*/y;
const NAME_CHAR_BEFORE = /[\p{L}\d&'’.-]/u;
const UPPER = /[A-Z]/;
const CAPITAL = /[A-Z]/g;
const ALNUM = /[A-Za-z0-9]/;
const SPACE = /\s/;

interface Suffixed { index: number; text: string; name: string }

/** The capitalised words at `at` that make a name: each a run of name characters opening with a capital and ending with a letter or digit (or a lone capital), one space between them. */
function nameWords(text: string, at: number): number[] {
  const ends: number[] = [];
  for (let p = at; ends.length < 4 && UPPER.test(text.charAt(p)); p++) {
    NAME_RUN.lastIndex = p + 1;
    NAME_RUN.exec(text);
    const end = NAME_RUN.lastIndex;
    if (end - p > 1 && !ALNUM.test(text.charAt(end - 1))) break;
    ends.push(end);
    if (!SPACE.test(text.charAt(end))) break;
    p = end;
  }
  return ends;
}

/** Every name followed by a company suffix, leftmost first and never overlapping, as the pattern above would find them (and with the most words it allows). */
function suffixedNames(text: string): Suffixed[] {
  const out: Suffixed[] = [];
  // Capitals are found by the engine's own scan; each is then read word by word.
  const capital = CAPITAL;
  capital.lastIndex = 0;
  for (let hit = capital.exec(text); hit; hit = capital.exec(text)) {
    const p = hit.index;
    if (p > 0 && NAME_CHAR_BEFORE.test(charBefore(text, p))) continue;
    const ends = nameWords(text, p);
    for (let k = ends.length - 1; k >= 0; k--) {
      SUFFIX_AFTER.lastIndex = ends[k]!;
      if (!SUFFIX_AFTER.test(text)) continue;
      out.push({ index: p, text: text.slice(p, SUFFIX_AFTER.lastIndex), name: text.slice(p, ends[k]) });
      capital.lastIndex = SUFFIX_AFTER.lastIndex;
      break;
    }
  }
  return out;
}

/** The character (a whole code point) that ends just before `at`. */
function charBefore(text: string, at: number): string {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? text.slice(at - 2, at) : text.charAt(at - 1);
}
const TRAILING_SUFFIX = new RegExp(`\\s${SUFFIX}$`);

// First words too common to stand for a company on their own.
const GENERIC_FIRST = new Set(("General American National United First New Global International Digital Royal China Japan British European Pacific Atlantic Northern Southern Eastern Western Central Standard Universal Advanced Applied Allied Great " +
  "Swiss Switzerland Saudi Dutch Spanish Italian Irish Australian Canadian Indian Chinese Japanese Korean German French Federal State").split(" "));

// Ordinary words that open company names; the name's last word is the distinctive one.
const ORDINARY_FIRST = new Set("Time Credit Century Capital Express Royal Golden Silver Blue Red Green White Black Bank Home Life Trust".split(" "));

/** A company's id is its distinctive first word, so "Orbital Games Inc." and "Orbital" are one company across articles. */
function idFor(base: string): string {
  // "21st Century Fox" and "Twenty-First Century Fox" are one company: an ordinal opening a name is not its distinctive word.
  const words = base.split(/\s+/);
  // "GlaxoSmithKline" is GSK: a name of three or more capitalised parts run together goes by its initials.
  if (words.length === 1 && /^(?:\p{Lu}\p{Ll}+){3,}$/u.test(words[0]!)) return words[0]!.replace(/\p{Ll}+/gu, "").toLowerCase();
  if (words.length > 1 && /^(?:\d+(?:st|nd|rd|th)|[A-Z][a-z]+-(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth))$/.test(words[0]!)) return idFor(words.slice(1).join(" "));
  // "Time Warner", "Credit Suisse", "Century Fox": when the first word is an ordinary one, the company is known by its last.
  if (words.length > 1 && ORDINARY_FIRST.has(words[0]!)) return slug(words[words.length - 1]!.replace(/['’]s$/, ""));
  const first = words[0]!.replace(/['’]s$/, "");
  return first.length > 2 && !GENERIC_FIRST.has(first) ? slug(first) : slug(base);
}

// What a company is, capitalised only because it opens the sentence: "Drugmaker Veltrix Inc said …".
const ROLE_LEAD = /^(?:Drugmaker|Chipmaker|Carmaker|Automaker|Planemaker|Retailer|Lender|Insurer|Miner|Brewer|Grocer|Rival|Startup|Conglomerate|Supplier|Broadcaster|Publisher|Developer|Manufacturer|Investor|Buyer|Acquirer|Streamer|Fintech)\s(?=\p{Lu})/u;

/** The id a company written as `name` has in every article ("Kroger Co." and "Kroger" are both "kroger"). */
export function companyId(name: string): string {
  return idFor(canonicalName(name));
}

/** "Northwind Robotics Inc." and "Northwind" are one company: the name without corporate suffixes. */
function canonicalName(name: string): string {
  // "U.S.-based Cedar Bio", "London-listed Brightline's": descriptions and possessives are not the name.
  let n = name.trim().replace(ROLE_LEAD, "").split(/\s+/).filter((w) => !/^(?:U\.S\.|U\.K\.|[\w.]+-(?:based|listed|owned|backed|headquartered|born))$/i.test(w)).map((w) => w.replace(/['’]s$/, "")).join(" ");
  for (let prev = ""; prev !== n && n.includes(" "); ) { prev = n; n = n.replace(TRAILING_SUFFIX, ""); }
  return n;
}
// Names that deal phrasing marks as companies: "Northwind agreed to acquire Contoso", "a stake in Fabrikam".
const NAMES = `(?<![\\p{L}\\d&'’.-])(${NAME_WORD}(?:\\s${NAME_WORD}){0,2})`;
const NAME_BEFORE_DEAL = twins(new RegExp(
  `\\b${NAMES}(?:'s|’s)?\\s(?:(?:has |had |have )?(?:agreed|agrees|plans|planned|offered|offers|moved|bid|is set|was set|will|would)\\s(?:to\\s)?)?(?:acquire[sd]?|buy|buys|bought|merge[sd]?|invest(?:s|ed)?|take[sn]? over|sells?|sold|purchase[sd]?|stake|acquisition|takeover|merger|investment|valuation|shareholders|board|chief executive|CEO|spokes(?:man|woman|person))\\b`,
  "gu",
));
// Only companies have shares, stock and shareholders: "Alder shares fell", "Pinecrest's board".
const NAME_WITH_SHARES = twins(new RegExp(`\\b${NAMES}(?:'s|’s)?\\s(?:shares|stock|shareholders|stockholders|board of directors)\\b`, "gu"));
const NAME_AFTER_DEAL = twins(new RegExp(
  `\\b(?:acquisition of|takeover of|merger with|stake in|investment in|invest(?:s|ed)? in|bid for|offer for|deal with|buy|acquire|acquired|acquiring|partnership with|shares of|stake of)\\s${NAMES}`,
  "gu",
));
const NOT_NAMES = new Set(
  ("The A An And In On At Of For To By From With As It Its It's This That These Those He She They We Our Their His Her I You " +
    "But Or If When While After Before Since Until Despite However Meanwhile Analysts Investors Shares Monday Tuesday Wednesday " +
    "Thursday Friday Saturday Sunday January February March April May June July August September October November December " +
    "CEO CFO AI US U.S. UK EU Chief Executive President Mr Mrs Ms Dr New Under Both Each Some All Other Why What How Who Which " +
    "There Here Then Now Also Yet Still Inc Corp Group Company Board Series According Last Next Early Late Wall Street").split(" "),
);

export interface OrgRecognizer {
  entries: OrgEntry[];
  roleOf(id: string): OrgRole;
  labelOf(id: string): string;
  recognize(text: string): Fact[];
}

/** Organisations from the built-in list, the user's aliases, and names the text itself marks as companies. */
export function buildOrgRecognizer(aliases: Record<string, string[]> = {}): OrgRecognizer {
  const entries = KNOWN.map((e) => ({ ...e, names: [...e.names] }));
  for (const [idOrLabel, names] of Object.entries(aliases)) {
    if (!Array.isArray(names)) continue;
    const id = slug(idOrLabel);
    const entry = entries.find((e) => e.id === id);
    const clean = names.filter((n): n is string => typeof n === "string" && n.trim().length > 0).map((n) => n.trim());
    if (entry) entry.names.push(...clean);
    else entries.push({ id, label: idOrLabel, names: [idOrLabel, ...clean] });
  }
  const byName = new Map<string, OrgEntry>();
  for (const e of entries) for (const n of e.names) byName.set(n, e);
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escape);
  const known = twins(new RegExp(`(?<![\\p{L}\\d])(?:${names.join("|")})(?![\\p{L}\\d]|\\.\\p{L})`, "gu"));
  const labels = new Map(entries.map((e) => [e.id, e.label]));
  const roles = new Map(entries.map((e) => [e.id, e.role ?? "party"]));

  return {
    entries,
    roleOf: (id) => roles.get(id) ?? "party",
    labelOf: (id) => labels.get(id) ?? id.split("-").map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(" "),
    recognize(text: string): Fact[] {
      const found: Fact[] = [];
      const ascii = asciiLetters(text);
      for (const m of text.matchAll(known.of(ascii))) {
        const e = byName.get(m[0])!;
        found.push({ kind: "org", text: m[0], start: m.index!, end: m.index! + m[0].length, value: e.id });
      }
      // Names the article marks as companies, then every later mention of them.
      const learned = new Map<string, string>();
      for (const m of suffixedNames(text)) {
        const base = canonicalName(m.name.replace(/^(?:The|A|An)\s/, ""));
        // A known company inside ("Azure Still OpenAI's Cloud") means this is not a new name.
        // …nor is a Title-Case headline ("Mega Deals With New Partners").
        if (!isName(base) || base.split(/\s+/).some((w) => byName.has(w) || NOT_NAMES.has(w))) continue;
        learned.set(base, idFor(base));
        const shown = m.text.replace(/^(?:The|A|An)\s/, "").replace(ROLE_LEAD, "");
        found.push({ kind: "org", text: shown, start: m.index + (m.text.length - shown.length), end: m.index + m.text.length, value: idFor(base) });
      }
      for (const m of [...text.matchAll(NAME_BEFORE_DEAL.of(ascii)), ...text.matchAll(NAME_AFTER_DEAL.of(ascii)), ...text.matchAll(NAME_WITH_SHARES.of(ascii))]) {
        const name = m[1]!.replace(/^(?:The|A|An)\s/, "").replace(/['’]s$/, "");
        // "the AT&T-Time Warner merger": two companies joined by a hyphen, not a third.
        const joined = /^([^\s-]+)-\p{Lu}/u.exec(name);
        if (joined && (learned.has(joined[1]!) || byName.has(joined[1]!) || new RegExp(`(?<![\\p{L}\\d-])${escape(joined[1]!)}(?![\\p{L}\\d-])`, "u").test(text))) continue;
        if (isName(name) && !byName.has(name)) learned.set(name, learned.get(name) ?? idFor(canonicalName(name)));
      }
      for (const name of actingNames(text, ascii)) if (!learned.has(name) && !byName.has(name)) learned.set(name, slug(name));
      // "Orbital Games" named once lets "Orbital" alone stand for it.
      for (const [name, id] of [...learned]) {
        const first = name.split(/\s+/)[0]!;
        if (first !== name && id === slug(first) && !learned.has(first) && !byName.has(first) && !NOT_NAMES.has(first)) learned.set(first, id);
      }
      // "21st Century Fox" where the article also says "Fox" alone: one company, known by the shorter name.
      for (const [name, id] of [...learned]) {
        const last = name.split(/\s+/).pop()!;
        const alone = learned.get(last);
        if (last !== name && alone !== undefined && alone !== id) learned.set(name, alone);
      }
      // Every mention of a learned name, found with indexOf: a regular expression of this article's names
      // would be compiled for this article alone, which costs more than the search. Overlaps go to the longest.
      for (const [name, id] of learned) {
        for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
          if (wordBefore(text, at) || wordAt(text, at + name.length)) continue;
          found.push({ kind: "org", text: name, start: at, end: at + name.length, value: id });
        }
      }
      return keepLongest(found, text.length);
    },
  };
}

// Capitalised words that are places, titles or ordinary words, not companies acting in a story.
const NOT_ACTORS = new Set(
  ("Europe European America American Americans China Chinese Japan Japanese India Indian Britain British UK Germany German France French " +
    "Canada Canadian Korea Korean Taiwan Brazil Mexico Russia Australia Asia Africa Washington London Paris Tokyo Beijing Shanghai " +
    "Seattle Boston Texas California Delaware Congress Parliament Senate Government Reuters Bloomberg Street Valley Street's Friday's " +
    "Monday's Tuesday's Wednesday's Thursday's Sunday's Saturday's Today Yesterday Tomorrow God Internet Nasdaq Dow Treasury").split(" "),
);
/** Whether a capitalised name is a place or a people ("Switzerland", "European"), never a company. */
export function isPlace(name: string): boolean {
  return NOT_ACTORS.has(name) || PLACES.has(name);
}
const PLACES = new Set("Switzerland Swiss Saudi Arabia Netherlands Dutch Spain Spanish Italy Italian Ireland Irish Australia Australian Singapore Israel Sweden Norway Denmark Finland Austria Belgium Poland Oregon Dallas Wall Street".split(" "));

const ACTING = /^(?:['’]s\b|\s(?:shares|stock|board|said|says|announced|agreed|agrees|plans|will|would|has|had|is|was|reported|confirmed|declined|expects)\b)/;

/**
 * Single names a story uses as companies: at least twice, once in a company's way (possessive, or followed by
 * shares, board, said, will …), once inside a sentence or as a possessive (a common noun is capitalised only
 * where a sentence starts: "Executives declined to comment"), never as the second word of a person's name ("Denise Dresser").
 */
function actingNames(text: string, ascii: boolean): string[] {
  const seen = new Map<string, { count: number; acting: boolean; afterCapital: boolean; inside: boolean }>();
  const capitalised = CAPITALISED.of(ascii), prevWord = PREV_WORD.of(ascii);
  capitalised.lastIndex = 0;
  for (let m; (m = capitalised.exec(text)); ) {
    const w = m[0];
    let e = seen.get(w);
    if (e === undefined) {
      e = NOT_NAMES.has(w) || NOT_ACTORS.has(w) || /^[\p{Lu}\d]+$/u.test(w) ? NEVER : { count: 0, acting: false, afterCapital: false, inside: false };
      seen.set(w, e);
    }
    // A word once seen after a capitalised one is no company however often it acts: the rest is moot.
    if (e === NEVER || e.afterCapital) continue;
    e.count++;
    if (!e.inside && !startsSentence(text, m.index)) e.inside = true;
    const end = m.index + w.length;
    if (!e.acting && ACTING.test(text.slice(end, end + 14))) e.acting = true;
    if (!e.inside && /^['’]s\b/.test(text.slice(end, end + 3))) e.inside = true;
    // The capitalised word just before, when it begins within 30 characters.
    prevWord.lastIndex = m.index;
    const prev = prevWord.exec(text)?.[1];
    if (prev && m.index - 1 - prev.length >= Math.max(0, m.index - 30) && !NOT_NAMES.has(prev) && !NOT_ACTORS.has(prev)) e.afterCapital = true;
  }
  return [...seen].filter(([, e]) => e.count >= 2 && e.acting && e.inside && !e.afterCapital).map(([w]) => w);
}
const NEVER = { count: 0, acting: false, afterCapital: true, inside: false };
const CAPITALISED = twins(/(?<![\p{L}\d&'’.-])\p{Lu}[\p{Ll}\p{Lu}\d]{2,}(?![\p{L}\d&-])/gu);
// Looked for backwards from a word's start: the one before, capitalised then lower case, a space between.
const PREV_WORD = twins(/(?<=(\p{Lu}\p{Ll}+)\s)/uy);

/** Whether a word at `at` opens a sentence, a line or a quotation. */
function startsSentence(text: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\t")) i--;
  return i < 0 || /[.!?:;\n\r"“‘'(\[#*>•–—-]/.test(text[i]!);
}

const WORD = /^[\p{L}\d]/u;
/** Whether a letter or digit ends just before `at` (a whole code point: astral letters count). */
function wordBefore(text: string, at: number): boolean {
  if (at <= 0) return false;
  const low = text.charCodeAt(at - 1), high = text.charCodeAt(at - 2);
  const from = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff ? at - 2 : at - 1;
  return WORD.test(text.slice(from, at));
}

/** Whether a letter or digit begins at `at`. */
function wordAt(text: string, at: number): boolean {
  return at < text.length && WORD.test(text.slice(at, at + 2));
}

function isName(name: string): boolean {
  const words = name.split(/\s+/);
  if (words.every((w) => NOT_NAMES.has(w.replace(/[’']s$/, "")))) return false;
  return !NOT_NAMES.has(words[0]!) && name.length > 1;
}

export function slug(s: string): string {
  return s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/&/g, " and ").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
