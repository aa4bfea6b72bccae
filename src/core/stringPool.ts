/** Longer strings (claim texts, sentences) are rarely repeated and not worth a lookup. */
const MAX_SHARED_LENGTH = 40;

/**
 * One copy of each short string the analyses repeat. Across a corpus the same fact texts ("transaction",
 * "stake"), values and organisation ids recur hundreds of thousands of times, each slice a string of its
 * own: 13 MB of copies at 10,000 articles. The pool only grows, by the distinct short strings ever seen.
 */
export class StringPool {
  private readonly seen = new Map<string, string>();

  share(s: string): string {
    if (s.length > MAX_SHARED_LENGTH) return s;
    const had = this.seen.get(s);
    if (had !== undefined) return had;
    this.seen.set(s, s);
    return s;
  }
}
