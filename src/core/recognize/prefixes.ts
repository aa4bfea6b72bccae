/**
 * Which lower-case beginnings a match of a regular-expression source can have, up to `depth` characters: the
 * key that lets a recognizer try only the patterns that can start at a word instead of scanning the text once
 * per pattern. Understands what our pattern sources use — literals, escapes, groups, alternatives, character
 * classes, ?, *, + and {m,n}, lookarounds —; where it meets anything else it stops, and the beginnings found so
 * far are shorter (less selective, never wrong). An empty string among them means "may begin with anything".
 */
export function beginnings(source: string, depth = 3): Set<string> {
  const out = new Set<string>();
  for (const s of expand(parseAlternatives(source, { i: 0 }), depth)) out.add(s.prefix);
  return out;
}

const DIGITS = [..."0123456789"];
// What \s matches in JavaScript, with or without the u flag.
const SPACES = [..."\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"];
const SPACE_CODES = new Set(SPACES.map((c) => c.charCodeAt(0)));

type Node =
  | { t: "chars"; set: string[] | null } // null: any character
  | { t: "group"; alts: Node[][] }
  | { t: "skip" } // zero-width
  | { t: "repeat"; node: Node; min: number; max: number };

interface Partial { prefix: string; done: boolean }

function parseAlternatives(src: string, pos: { i: number }): Node[][] {
  const alts: Node[][] = [[]];
  while (pos.i < src.length) {
    const c = src[pos.i]!;
    if (c === ")") break;
    if (c === "|") { pos.i++; alts.push([]); continue; }
    let node = parseAtom(src, pos);
    node = quantified(src, pos, node);
    alts[alts.length - 1]!.push(node);
  }
  return alts;
}

function parseAtom(src: string, pos: { i: number }): Node {
  const c = src[pos.i]!;
  if (c === "(") {
    const look = /^\(\?(?:<?[=!])/.exec(src.slice(pos.i, pos.i + 4));
    pos.i += look ? look[0].length : src.startsWith("(?:", pos.i) ? 3 : src.startsWith("(?<", pos.i) ? src.indexOf(">", pos.i) + 1 - pos.i : 1;
    const alts = parseAlternatives(src, pos);
    pos.i++; // ")"
    return look ? { t: "skip" } : { t: "group", alts };
  }
  if (c === "[") {
    const end = classEnd(src, pos.i);
    const body = src.slice(pos.i + 1, end);
    pos.i = end + 1;
    return { t: "chars", set: classChars(body) };
  }
  if (c === "\\") {
    const e = src[pos.i + 1] ?? "";
    pos.i += 2;
    if (e === "d") return { t: "chars", set: DIGITS };
    if (e === "s") return { t: "chars", set: SPACES };
    if (/[DwWSpPbBuxk]/.test(e)) {
      if (e === "b" || e === "B") return { t: "skip" };
      if (e === "p" || e === "P" || e === "u" || e === "x" || e === "k") pos.i = skipEscapeBody(src, pos.i);
      return { t: "chars", set: null };
    }
    return { t: "chars", set: [e.toLowerCase()] };
  }
  if (c === "^" || c === "$") { pos.i++; return { t: "skip" }; }
  pos.i++;
  return { t: "chars", set: c === "." ? null : [c.toLowerCase()] };
}

function quantified(src: string, pos: { i: number }, node: Node): Node {
  const q = /^(?:\?|\*|\+|\{(\d+)(?:,(\d*))?\})\??/.exec(src.slice(pos.i));
  if (!q) return node;
  pos.i += q[0].length;
  const sym = q[0][0];
  if (sym === "?") return { t: "repeat", node, min: 0, max: 1 };
  if (sym === "*") return { t: "repeat", node, min: 0, max: Infinity };
  if (sym === "+") return { t: "repeat", node, min: 1, max: Infinity };
  const min = Number(q[1]);
  return { t: "repeat", node, min, max: q[2] === undefined ? min : q[2] === "" ? Infinity : Number(q[2]) };
}

function classEnd(src: string, start: number): number {
  for (let i = start + 1; i < src.length; i++) {
    if (src[i] === "\\") i++;
    else if (src[i] === "]" && i > start + 1) return i;
  }
  return src.length - 1;
}

/** The characters a class admits, lower-cased; null when it is negated or uses a shorthand. */
function classChars(body: string): string[] | null {
  if (body.startsWith("^") || /\\[DwWSpP]/.test(body)) return null;
  const out: string[] = [];
  for (let i = 0; i < body.length; i++) {
    let c = body[i]!;
    if (c === "\\") {
      c = body[++i] ?? "";
      if (c === "d" || c === "s") { out.push(...(c === "d" ? DIGITS : SPACES)); continue; }
    }
    if (body[i + 1] === "-" && i + 2 < body.length) {
      const to = body[i + 2]!;
      if (to.charCodeAt(0) - c.charCodeAt(0) > 64) return null;
      for (let k = c.charCodeAt(0); k <= to.charCodeAt(0); k++) out.push(String.fromCharCode(k).toLowerCase());
      i += 2;
    } else out.push(c.toLowerCase());
  }
  return [...new Set(out)];
}

function skipEscapeBody(src: string, i: number): number {
  if (src[i] === "{") return src.indexOf("}", i) + 1;
  if (src[i] === "<") return src.indexOf(">", i) + 1;
  return i + (/^[0-9a-fA-F]{2,4}/.exec(src.slice(i))?.[0].length ?? 0);
}

const LIMIT = 4096;
/** What one node may expand the beginnings to before the expansion stops there (a guard for deep indexes). */
const EXPANSION_LIMIT = 16 * LIMIT;

/** Every way the alternatives can begin; a sequence that ends before `depth` characters may match that short. */
function expand(alts: Node[][], depth: number): Partial[] {
  return alts.flatMap((seq) => walkOpen(seq, { prefix: "", done: false }, depth));
}

function step(node: Node, partials: Partial[], depth: number): Partial[] {
  const next = stepUncapped(node, partials, depth);
  // Past LIMIT beginnings (runs of digits and alternatives multiply them), the ones before this node stand:
  // shorter, never wrong.
  return next.length > EXPANSION_LIMIT ? dedupe(partials.map((p) => ({ prefix: p.prefix, done: true }))) : next;
}

function stepUncapped(node: Node, partials: Partial[], depth: number): Partial[] {
  if (partials.length > EXPANSION_LIMIT) return partials.map((p) => ({ prefix: p.prefix, done: true }));
  switch (node.t) {
    case "skip":
      return partials;
    case "chars":
      if (!node.set || partials.length * node.set.length > EXPANSION_LIMIT) return partials.map((p) => ({ prefix: p.prefix, done: true }));
      return partials.flatMap((p) => node.set!.map((c) => ({ prefix: p.prefix + c, done: false })));
    case "group":
      return partials.flatMap((p) => node.alts.flatMap((seq) => walkOpen(seq, p, depth)));
    case "repeat": {
      const out: Partial[] = [];
      let current = partials;
      const most = Math.min(node.max, depth);
      for (let n = 0; n <= most && current.length; n++) {
        if (n >= node.min) for (const p of current) out.push(p);
        if (n === most) break;
        const next = step(node.node, current.filter((p) => !p.done && p.prefix.length < depth), depth);
        for (const p of next) if (p.done || p.prefix.length >= depth) out.push(p);
        current = next.filter((p) => !p.done && p.prefix.length < depth);
      }
      return dedupe(out);
    }
  }
}

/** A group's sequence continued from one partial: the partial stays open when the sequence completes. */
function walkOpen(seq: Node[], p: Partial, depth: number): Partial[] {
  let open: Partial[] = [p];
  const closed: Partial[] = [];
  for (const node of seq) {
    const next = step(node, open, depth);
    open = next.filter((q) => !q.done && q.prefix.length < depth);
    for (const q of next) if (q.done || q.prefix.length >= depth) closed.push(q);
    if (!open.length) break;
    if (open.length + closed.length > LIMIT) return [...closed, ...open].map((q) => ({ prefix: q.prefix, done: true }));
  }
  return [...closed, ...open];
}

function dedupe(ps: Partial[]): Partial[] {
  const seen = new Map<string, Partial>();
  for (const p of ps) {
    const key = `${p.prefix}\u0000${p.done}`;
    if (!seen.has(key)) seen.set(key, p);
  }
  return [...seen.values()];
}

interface TrieNode {
  /** Entries that may match where the text begins with this node's characters. */
  entries: number[];
  /**
   * Children by ASCII code, in the first two levels, which every lookup reads (the text is nearly all ASCII: an
   * array read, not a hash lookup)…
   */
  ascii: Array<TrieNode | undefined> | undefined;
  /**
   * …and by any other code, and every code deeper down, in two lists read side by side: a node there has a few
   * children, where a scan of a short list costs less than a hash lookup, and an array of 128 each would be large.
   */
  codes: number[];
  kids: TrieNode[];
}

const trieNode = (level: number): TrieNode => ({ entries: [], ascii: level < 2 ? new Array<TrieNode | undefined>(128).fill(undefined) : undefined, codes: [], kids: [] });
function childOf(node: TrieNode, c: number): TrieNode | undefined {
  if (node.ascii && c < 128) return node.ascii[c];
  const { codes } = node;
  for (let i = 0; i < codes.length; i++) if (codes[i] === c) return node.kids[i];
  return undefined;
}

/**
 * Entries (each a list of pattern sources) by the lower-case characters a match can begin with: at a position,
 * `at` gives the entries worth trying there, in entry order. A trie keyed by character codes, so a lookup
 * allocates nothing and stops at the first character no entry begins with.
 */
export class PrefixIndex {
  private readonly root: TrieNode = trieNode(0);
  private readonly starts = new Map<string, RegExp | null>();

  constructor(private readonly entries: string[][], private readonly depth = 3) {
    entries.forEach((sources, i) => {
      for (const source of sources) {
        for (const b of beginnings(source, depth)) {
          let node = this.root;
          for (let k = 0; k < b.length; k++) {
            const c = lowerCode(b.charCodeAt(k));
            let child = childOf(node, c);
            if (!child) {
              child = trieNode(k + 1);
              if (node.ascii && c < 128) node.ascii[c] = child;
              else { node.codes.push(c); node.kids.push(child); }
            }
            node = child;
          }
          if (!node.entries.includes(i)) node.entries.push(i);
        }
      }
    });
    // A node answers for the entries of the shorter beginnings above it too.
    const inherit = (node: TrieNode, above: number[]) => {
      node.entries = [...new Set([...above, ...node.entries])].sort((x, y) => x - y);
      for (const child of [...(node.ascii ?? []), ...node.kids]) if (child) inherit(child, node.entries);
    };
    inherit(this.root, []);
  }

  /**
   * A global pattern that matches wherever an entry may begin after `before` (a look-behind or `\b`):
   * one native search finds the few places worth a lookup, where a scan would look up every character. It
   * matches more than the index admits, never less: beginnings of up to START_DEPTH characters, letters in
   * either case (and the two signs that fold to k and s), any white space for a space, any non-ASCII character
   * for one. None when an entry may begin with anything.
   */
  startsAfter(before: string): RegExp | undefined {
    let re = this.starts.get(before);
    if (re === undefined) {
      const all: string[] = [];
      for (const sources of this.entries) for (const source of sources) for (const b of beginnings(source, Math.min(START_DEPTH, this.depth))) all.push(b);
      re = all.includes("") ? null : new RegExp(`${before}${alternation(all)}`, "gi");
      this.starts.set(before, re);
    }
    return re ?? undefined;
  }

  /** The entries that may match at `at`. */
  at(text: string, at: number): readonly number[] {
    let node = this.root;
    const end = Math.min(text.length, at + this.depth);
    for (let i = at; i < end; i++) {
      const child = childOf(node, lowerCode(text.charCodeAt(i)));
      if (!child) break;
      node = child;
    }
    return node.entries;
  }
}

/** Three characters make the starts' search selective (one or two find most words); more make it slower. */
const START_DEPTH = 3;

/** A character of a beginning as the starts' search matches it, as a class's body (a superset of what lowerCode folds to it). */
function startChar(c: string): string {
  const code = c.charCodeAt(0);
  if (SPACE_CODES.has(code)) return "\\s";
  if (code >= 128) return "\\x80-\\uffff";
  if (c === "k") return "k\\u212a";
  if (c === "s") return "s\\u017f";
  return /\w/.test(c) ? c : `\\${c}`;
}

interface StartNode { end: boolean; kids: Map<string, StartNode> }

/**
 * The beginnings as one pattern, factored like a trie — `(?:1(?:9\d|…)|…)`, characters with the same
 * continuations in one class —: digit runs make hundreds of beginnings, and a pattern that tries them one by one
 * at every place is slower than the scan it replaces. A beginning that holds another's start stands for it.
 */
function alternation(all: string[]): string {
  const root: StartNode = { end: false, kids: new Map() };
  for (const b of all) {
    let node = root;
    for (const c of b) {
      if (node.end) break;
      const key = startChar(c);
      let kid = node.kids.get(key);
      if (!kid) node.kids.set(key, (kid = { end: false, kids: new Map() }));
      node = kid;
    }
    node.end = true;
  }
  const write = (node: StartNode): string => {
    if (node.end) return "";
    const byRest = new Map<string, string[]>();
    for (const [key, kid] of node.kids) {
      const rest = write(kid);
      byRest.set(rest, [...(byRest.get(rest) ?? []), key]);
    }
    const parts = [...byRest].map(([rest, keys]) => (keys.length === 1 && (keys[0]!.length === 1 || /^\\.$/.test(keys[0]!)) ? keys[0]! : `[${keys.join("")}]`) + rest);
    return parts.length === 1 ? parts[0]! : `(?:${parts.join("|")})`;
  };
  return write(root);
}

/**
 * The index's key for a character: lower case as the `i` flag folds (ASCII at once, the rest through toLowerCase,
 * and the two characters that fold to ASCII), and every white space one space — `\s` admits 25 characters, and
 * each one a node of its own made deep indexes of phrases thousands of nodes large (the index is only less
 * selective for it: a pattern is then tried after a tab where it wants a space, and fails there).
 */
function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c === 9 || c === 10 || c === 11 || c === 12 || c === 13 ? 32 : c;
  if (SPACE_CODES.has(c)) return 32;
  if (c === 0x212a) return 107; // KELVIN SIGN folds to k
  if (c === 0x17f) return 115; // LONG S folds to s
  return String.fromCharCode(c).toLowerCase().charCodeAt(0);
}

/**
 * Every match of each sticky pattern at each position `mayStart` admits, trying at a position only the
 * patterns `index` says can begin there (index entries are pattern numbers). Overlapping matches of one
 * pattern are all reported; callers keep the longest.
 */
export function matchEach(text: string, patterns: RegExp[], index: PrefixIndex, start: StartRule, found: (pattern: number, m: RegExpExecArray) => void): void {
  const starts = start.before === undefined ? undefined : index.startsAfter(start.before);
  for (let at = 0; at < text.length; at++) {
    if (starts) {
      // The next place worth a lookup, found natively (searched from here each time: the search is shared).
      starts.lastIndex = at;
      const s = starts.exec(text);
      if (!s) return;
      at = s.index;
    }
    if (!start.holds(text, at)) continue;
    const candidates = index.at(text, at);
    for (let n = 0; n < candidates.length; n++) {
      const i = candidates[n]!;
      const re = patterns[i]!;
      re.lastIndex = at;
      const m = re.exec(text);
      if (m && m[0].length) found(i, m);
    }
  }
}

/**
 * Where a pattern may begin: `holds` says exactly; `before`, when given, is an assertion that holds wherever
 * `holds` does (and may hold elsewhere), for the starts' search to skip the rest natively. Only `\b` pays:
 * behind a look-behind the search tries every place in turn, and costs more than the scan it would spare.
 */
export interface StartRule {
  holds(text: string, at: number): boolean;
  before?: string;
}

const isAsciiWord = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Where `\b` holds in a pattern without the u flag: between an ASCII word character and anything else. */
export const asciiWordBoundary: StartRule = {
  holds(text, at) {
    const c = isAsciiWord(text.charCodeAt(at));
    return at === 0 ? c : c !== isAsciiWord(text.charCodeAt(at - 1));
  },
  before: "\\b",
};

/** After anything but a letter, digit or hyphen (the terms' own look-behind), and not on a space. */
export const afterWord: StartRule = {
  holds(text, at) {
    if (isSpace(text.charCodeAt(at))) return false;
    if (at === 0) return true;
    const p = text.charCodeAt(at - 1);
    if (p < 128) return !(isAsciiWord(p) && p !== 95) && p !== 45;
    return !/\p{L}/u.test(text[at - 1]!);
  },
};

/** Where a word or a run of digits begins (what `\b` and the patterns' look-behinds allow), or after any non-ASCII character. */
export const wordOrDigitsStart: StartRule = {
  holds(text, at) {
    const c = text.charCodeAt(at);
    if (isSpace(c)) return false;
    if (at === 0) return true;
    const p = text.charCodeAt(at - 1);
    if (p >= 128) return true;
    if (!isAsciiWord(p)) return true;
    return c >= 48 && c <= 57 && !(p >= 48 && p <= 57);
  },
};

/**
 * Global patterns that each begin where `\b` holds, looked for together: one pass over a text tries a pattern
 * only where the prefix index says it can begin, and finds for each pattern what its own global search finds
 * (leftmost first, each search going on after its last match).
 */
export class WordPatterns {
  private readonly sticky: RegExp[];
  private readonly index: PrefixIndex;
  private readonly numbers: Map<RegExp, number>;

  constructor(readonly patterns: RegExp[], depth: number) {
    for (const re of patterns) if (!re.source.startsWith("\\b") || re.flags.includes("u")) throw new Error(`WordPatterns: /${re.source}/ must begin with \\b, without the u flag`);
    this.sticky = patterns.map((re) => new RegExp(re.source, re.flags.replace("g", "") + "y"));
    this.index = new PrefixIndex(patterns.map((re) => [re.source]), depth);
    this.numbers = new Map(patterns.map((re, i) => [re, i]));
  }

  /** The place of `re` among the patterns (a pattern not given is an error). */
  numberOf(re: RegExp): number {
    const n = this.numbers.get(re);
    if (n === undefined) throw new Error(`WordPatterns: /${re.source}/ is not one of the patterns`);
    return n;
  }

  // One set of lists, filled again by each find: a reader looks for these patterns in every sentence of a corpus,
  // and lists made afresh each time were most of what it allocated.
  private readonly found: number[][] = [];
  private readonly lastEnd: number[] = [];

  /**
   * For each pattern, its matches in `text` as start and end offsets in pairs, `offset` added to each. The lists
   * are this object's, valid until its next find.
   */
  find(text: string, offset = 0): readonly (readonly number[])[] {
    const { found, lastEnd } = this;
    for (let i = 0; i < this.patterns.length; i++) {
      (found[i] ??= []).length = 0;
      lastEnd[i] = 0;
    }
    matchEach(text, this.sticky, this.index, asciiWordBoundary, (i, m) => {
      // A global search goes on after its last match: one overlapping it is not one it finds.
      if (m.index < lastEnd[i]!) return;
      lastEnd[i] = m.index + m[0].length;
      found[i]!.push(offset + m.index, offset + lastEnd[i]!);
    });
    return found;
  }
}
