import type { Change } from "./corpusLoader";

/**
 * Changes to a corpus's files arrive one by one (a branch switch brings a thousand): they are gathered, the
 * latest per file winning, and taken together once none has come for `delayMs`.
 */
export class ChangeQueue {
  private readonly pending = new Map<string, boolean>();
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `ready` is called once the changes have paused for `delayMs` (it takes them). */
  constructor(private readonly ready: () => void, public delayMs: number) {}

  get size(): number {
    return this.pending.size;
  }

  changed(path: string): void {
    this.pending.set(path, false);
    this.schedule();
  }

  deleted(path: string): void {
    this.pending.set(path, true);
    this.schedule();
  }

  /** The changes gathered, in the order their files first changed; the queue is left empty. */
  take(): Change[] {
    this.cancel();
    const out = [...this.pending].map(([path, deleted]): Change => (deleted ? { path, deleted } : { path }));
    this.pending.clear();
    return out;
  }

  /** Drops what is gathered (a full read of the corpus is coming, which reads every file anyway). */
  clear(): void {
    this.cancel();
    this.pending.clear();
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(): void {
    this.cancel();
    this.timer = setTimeout(() => { this.timer = undefined; this.ready(); }, this.delayMs);
  }
}
