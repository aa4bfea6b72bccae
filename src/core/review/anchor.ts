import search from "approx-string-match";
import type { AnnotationTarget } from "./model";

/** Characters of context kept on each side of a quote: enough to tell repeated phrases apart. */
const CONTEXT = 32;
/** Occurrences of a quote weighed before giving up on telling them apart (a quote repeated more often is a boilerplate phrase). */
const MAX_OCCURRENCES = 1000;

export interface Anchored {
  start: number;
  end: number;
  /** False when the text at the anchor differs from the quote (the article was edited there). */
  exact: boolean;
}

/** Selectors for a range of a document's text. */
export function targetFor(source: string, text: string, start: number, end: number): AnnotationTarget {
  return {
    source,
    quote: { type: "TextQuoteSelector", exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - CONTEXT), start), suffix: text.slice(end, end + CONTEXT) },
    position: { type: "TextPositionSelector", start, end },
  };
}

/**
 * Finds a target in the text as it reads now: at its old position if the quote is still there; else
 * where quote and context together fit best, allowing edits (so a changed figure is found in its own
 * sentence, not in another sentence that happens to hold the old figure); else the occurrence of the
 * quote whose context fits best; else the closest approximate match of the quote alone; else nothing —
 * the annotation is orphaned.
 */
export function anchor(text: string, target: AnnotationTarget): Anchored | null {
  const { exact, prefix, suffix } = target.quote;
  const hint = target.position.start;
  if (!exact) return null;
  if (text.startsWith(exact, hint)) return { start: hint, end: hint + exact.length, exact: true };
  return inContext(text, target) ?? bestOccurrence(text, target) ?? approximate(text, exact, prefix, suffix, hint);
}

/** Errors allowed in an approximate match: a quarter of the characters. */
function allowed(length: number): number {
  return Math.min(256, Math.floor(length / 4));
}

function inContext(text: string, target: AnnotationTarget): Anchored | null {
  const { exact, prefix, suffix } = target.quote;
  if (!prefix && !suffix) return null;
  const window = prefix + exact + suffix;
  const matches = search(text, window, allowed(window.length));
  if (!matches.length) return null;
  const m = matches.reduce((a, b) => (Math.abs(b.start - target.position.start) < Math.abs(a.start - target.position.start) ? b : a));
  const expected = m.start + prefix.length;
  const slack = m.errors + 1;
  // Where the quote should stand between the context, give or take the errors found.
  const from = Math.max(0, expected - slack);
  const region = text.slice(from, expected + exact.length + slack);
  const at = region.indexOf(exact);
  if (at !== -1) return { start: from + at, end: from + at + exact.length, exact: true };
  // The quote itself was edited: find what stands in its place.
  const inner = search(region, exact, allowed(exact.length));
  if (!inner.length) return null;
  const best = inner.reduce((a, b) => (Math.abs(b.start + from - expected) < Math.abs(a.start + from - expected) ? b : a));
  return { start: from + best.start, end: from + best.end, exact: false };
}

function bestOccurrence(text: string, target: AnnotationTarget): Anchored | null {
  const { exact, prefix, suffix } = target.quote;
  let best: { start: number; score: number } | null = null;
  let seen = 0;
  for (let i = text.indexOf(exact); i >= 0 && seen < MAX_OCCURRENCES; i = text.indexOf(exact, i + 1), seen++) {
    const score = contextScore(text, i, i + exact.length, prefix, suffix) - distancePenalty(i, target.position.start, text.length);
    if (!best || score > best.score) best = { start: i, score };
  }
  return best ? { start: best.start, end: best.start + exact.length, exact: true } : null;
}

function approximate(text: string, exact: string, prefix: string, suffix: string, hint: number): Anchored | null {
  let best: { start: number; end: number; score: number } | null = null;
  for (const m of search(text, exact, allowed(exact.length))) {
    const score = contextScore(text, m.start, m.end, prefix, suffix) - distancePenalty(m.start, hint, text.length);
    if (!best || score > best.score) best = { start: m.start, end: m.end, score };
  }
  return best ? { start: best.start, end: best.end, exact: false } : null;
}

/** Characters of prefix and suffix that still surround the candidate. */
function contextScore(text: string, start: number, end: number, prefix: string, suffix: string): number {
  // Outside the text a character is undefined, which no character of the context equals.
  let p = 0;
  while (p < prefix.length && text[start - p - 1] === prefix[prefix.length - p - 1]) p++;
  let s = 0;
  while (s < suffix.length && text[end + s] === suffix[s]) s++;
  return p + s;
}

/** A small preference for the candidate nearest the old position (at most a few context characters' worth). */
function distancePenalty(at: number, hint: number, length: number): number {
  return (4 * Math.abs(at - hint)) / Math.max(1, length);
}
