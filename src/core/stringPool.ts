/**
 * One copy of each short string the analyses repeat. Across a corpus the same fact texts ("transaction",
 * "stake"), values and organisation ids recur hundreds of thousands of times, each slice a string of its own:
 * at 10,000 articles the copies were an eighth of the index's memory.
 */
export class StringPool {
  private readonly seen = new Map<string, string>();

  constructor(private readonly maxLength = 40) {}

  get size(): number {
    return this.seen.size;
  }

  share(s: string): string {
    if (s.length > this.maxLength) return s;
    const had = this.seen.get(s);
    if (had !== undefined) return had;
    this.seen.set(s, s);
    return s;
  }
}
