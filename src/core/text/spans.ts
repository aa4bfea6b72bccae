import type { Span } from "../types";

/** Marks which characters of a text are taken, so that overlap checks cost the span's length, not the number of spans. */
export class Occupancy {
  private readonly taken: Uint8Array;
  constructor(length: number) {
    this.taken = new Uint8Array(length + 1);
  }
  free(s: Span): boolean {
    for (let i = s.start; i < s.end; i++) if (this.taken[i]) return false;
    return true;
  }
  take(s: Span): void {
    this.taken.fill(1, s.start, s.end);
  }
}

/** Of overlapping spans, keeps the longest (the earlier on a tie); returns them in text order. */
export function keepLongest<T extends Span>(spans: T[], textLength: number): T[] {
  const room = new Occupancy(textLength);
  const kept: T[] = [];
  for (const s of [...spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start)) {
    if (!room.free(s)) continue;
    room.take(s);
    kept.push(s);
  }
  return kept.sort((a, b) => a.start - b.start);
}
