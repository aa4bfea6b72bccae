// Words before a figure that bound it: "up to $5 billion", "roughly 110 billion dollars".

export type Bound = "exact" | "approx" | "atLeast" | "atMost" | "range";

const QUALIFIERS: Array<[RegExp, string]> = [
  [/\b(up to|as much as|as many as|at most|no more than|a maximum of)$/i, ""],
  [/\b(more than|over|in excess of|upwards of|at least|no less than|just over|well over|north of|a minimum of|above)$/i, ""],
  [/\b(less than|under|below|just under|fewer than|shy of)$/i, ""],
  [/\b(nearly|almost|close to|roughly|about|around|approximately|approx\.|some|an estimated|estimated|circa|an approximate)$/i, ""],
];

/** The qualifier written just before `start`, lower-cased, or null. */
export function qualifierBefore(text: string, start: number): string | null {
  const mark = text.slice(Math.max(0, start - 2), start).trimEnd();
  if (mark.endsWith("~") || mark.endsWith("≈")) return "about";
  const before = text.slice(Math.max(0, start - 32), start).trimEnd().replace(/(?<=\s)(?:a|an|the)$/i, "").trimEnd();
  for (const [re] of QUALIFIERS) {
    const m = re.exec(before);
    if (m) return m[1]!.toLowerCase();
  }
  return null;
}

const AT_MOST = new Set(["up to", "as much as", "as many as", "at most", "no more than", "a maximum of", "less than", "under", "below", "just under", "fewer than", "shy of", "nearly", "almost", "close to"]);
const AT_LEAST = new Set(["more than", "over", "in excess of", "upwards of", "at least", "no less than", "just over", "well over", "north of", "a minimum of", "above"]);

export function boundOf(qualifier: string | undefined): Bound {
  if (!qualifier) return "exact";
  if (qualifier === "between") return "range";
  if (AT_MOST.has(qualifier)) return qualifier === "nearly" || qualifier === "almost" || qualifier === "close to" ? "approx" : "atMost";
  if (AT_LEAST.has(qualifier)) return "atLeast";
  return "approx";
}
