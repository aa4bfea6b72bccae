/**
 * The line that shows a long analysis's progress on a terminal, redrawn in place: at most every `everyMs`, cut
 * to the terminal's width (a wrapped line cannot be redrawn), and wiped before anything else is written there.
 * Shown only where a person watches (the caller decides: stderr a terminal); a log or a pipe gets none of it.
 */
export class TerminalProgress {
  private shownAt = -Infinity;
  private showing = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly columns: () => number | undefined,
    private readonly clock: () => number,
    private readonly everyMs: number,
  ) {}

  /** Shows `text`, unless a line was shown less than `everyMs` ago; `now`, whatever the time (a step of its own). */
  show(text: string, now = false): void {
    const at = this.clock();
    if (!now && at - this.shownAt < this.everyMs) return;
    this.shownAt = at;
    const line = `claimscope: ${text}`;
    // A terminal that gives no width (0, or none) is taken as the usual 80 columns.
    const width = (this.columns() || 80) - 1;
    this.write(`\r\x1b[2K${line.length > width ? line.slice(0, width - 1) + "…" : line}`);
    this.showing = true;
  }

  /** Wipes the line, if one is shown. */
  clear(): void {
    if (!this.showing) return;
    this.write("\r\x1b[2K");
    this.showing = false;
  }
}
