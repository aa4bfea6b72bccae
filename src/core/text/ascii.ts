// Letter classes written as Unicode properties (`\p{L}`, `\p{Lu}`, `\p{Ll}`) are slow in look-behinds and
// scans; most articles hold no letter outside ASCII, and there an ASCII range matches exactly what the property
// does. Each pattern therefore has an ASCII twin, used only on such texts.

// A character that may be a letter outside ASCII: anything but ASCII, the Latin-1 signs (Latin-1's letters
// ª µ º À–ÿ are not excluded), general punctuation (curly quotes, dashes, spaces) and currency signs.
const OTHER_LETTER = /[^\x00-\x7f\u00a0-\u00a9\u00ab-\u00b4\u00b6-\u00b9\u00bb-\u00bf\u2000-\u206f\u20a0-\u20cf]/;

/** Whether every letter in `text` is an ASCII letter (so that a pattern's ASCII twin finds what it finds). */
export function asciiLetters(text: string): boolean {
  return !OTHER_LETTER.test(text);
}

const INSIDE_CLASS: Record<string, string> = { L: "A-Za-z", Lu: "A-Z", Ll: "a-z" };

/**
 * `re` with `\p{L}`, `\p{Lu}` and `\p{Ll}` (and `\P{…}` outside a class) written as ASCII ranges, same flags: on a
 * text whose letters are all ASCII it matches exactly what `re` matches (with the `i` flag both sides fold case alike).
 */
export function asciiTwin(re: RegExp): RegExp {
  const s = re.source;
  let out = "";
  let inClass = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\") {
      const prop = /^\\([pP])\{(\w+)\}/.exec(s.slice(i, i + 8));
      if (!prop) {
        out += s.slice(i, i + 2);
        i++;
        continue;
      }
      const range = INSIDE_CLASS[prop[2]!];
      if (range === undefined || (prop[1] === "P" && inClass)) throw new Error(`asciiTwin: ${prop[0]} has no ASCII twin (in /${s}/)`);
      out += inClass ? range : prop[1] === "P" ? `[^${range}]` : `[${range}]`;
      i += prop[0].length - 1;
      continue;
    }
    if (c === "[" && !inClass) inClass = true;
    else if (c === "]" && inClass) inClass = false;
    out += c;
  }
  return new RegExp(out, re.flags);
}

/** A pattern and its ASCII twin; `of(ascii)` gives the one to use on a text (see asciiLetters). */
export interface Twins {
  of(ascii: boolean): RegExp;
}

export function twins(re: RegExp): Twins {
  const ascii = asciiTwin(re);
  return { of: (a) => (a ? ascii : re) };
}
