import type { Claim } from "./types";

/** The key of a topic's parties (a sorted pair, one organisation, or "" for claims that name none); a newline is in no name. */
const SEP = "\n";

/** Every pair of a claim's parties (sorted, as claims keep them), each as a key. */
function pairsOf(orgs: string[]): string[] {
  if (orgs.length === 2) return [orgs[0]! < orgs[1]! ? orgs[0] + SEP + orgs[1] : orgs[1] + SEP + orgs[0]];
  const sorted = [...orgs].sort();
  const out: string[] = [];
  for (let i = 0; i < sorted.length; i++) for (let j = i + 1; j < sorted.length; j++) out.push(sorted[i] + SEP + sorted[j]);
  return out;
}

interface Group {
  orgs: string[];
  claims: Set<Claim>;
  /** How many of its claims name two or more parties. */
  multi: number;
}

/**
 * One concept's topics, kept up to date as claims come and go. Where a claim lands depends only on
 * claims that share a party with it, never on corpus order or on what was added first, so a change
 * touches only the topics of the parties it names:
 * - a claim naming two parties is in the topic of that pair;
 * - a claim naming more is in the topic of its pair that the most claims name (ties: the first pair
 *   alphabetically), so a three-party claim joins the two-party story it belongs to;
 * - a claim naming one party joins the pair topic of that party holding the most multi-party claims
 *   ("Microsoft will no longer be the sole cloud provider" lands with the Microsoft–OpenAI cloud claims),
 *   or a topic of its own when no pair names it;
 * - claims naming none share one topic.
 */
export class ConceptTopics {
  private readonly groups = new Map<string, Group>();
  /** Where each claim is. Claims are held as the objects the index holds (a map by id would copy the index's). */
  private readonly placed = new Map<Claim, string>();
  /** Pair key → multi-party claims naming both. */
  private readonly pairClaims = new Map<string, Set<Claim>>();
  /** Organisation → pair topics naming it that hold a multi-party claim. */
  private readonly pairTopicsOf = new Map<string, Set<string>>();
  /** Organisation → claims naming only it. */
  private readonly singles = new Map<string, Set<Claim>>();
  // Pending work, settled by settle().
  private readonly changedPairs = new Set<string>();
  private readonly rekey = new Set<Claim>();
  private readonly unsettledOrgs = new Set<string>();
  private readonly changed = new Set<string>();

  get size(): number {
    return this.groups.size;
  }

  add(c: Claim): void {
    if (c.orgs.length >= 2) {
      for (const p of pairsOf(c.orgs)) {
        let set = this.pairClaims.get(p);
        if (!set) this.pairClaims.set(p, (set = new Set()));
        set.add(c);
        this.changedPairs.add(p);
      }
      this.rekey.add(c);
    } else if (c.orgs.length === 1) {
      const o = c.orgs[0]!;
      let set = this.singles.get(o);
      if (!set) this.singles.set(o, (set = new Set()));
      set.add(c);
      this.unsettledOrgs.add(o);
    } else this.join(c, "", []);
  }

  /** Takes out a claim added before (the same object). */
  remove(c: Claim): void {
    if (!this.has(c)) return;
    const at = this.placed.get(c);
    if (at !== undefined) this.leave(c, at);
    this.rekey.delete(c);
    if (c.orgs.length >= 2) {
      for (const p of pairsOf(c.orgs)) {
        const set = this.pairClaims.get(p);
        set?.delete(c);
        if (set && !set.size) this.pairClaims.delete(p);
        this.changedPairs.add(p);
      }
    } else if (c.orgs.length === 1) {
      const set = this.singles.get(c.orgs[0]!);
      set?.delete(c);
      if (set && !set.size) this.singles.delete(c.orgs[0]!);
    }
  }

  /** Whether the claim was added and not removed: every claim is placed, pending, or one party's. */
  private has(c: Claim): boolean {
    if (c.orgs.length >= 2) return !!this.pairClaims.get(pairsOf(c.orgs)[0]!)?.has(c);
    if (c.orgs.length === 1) return !!this.singles.get(c.orgs[0]!)?.has(c);
    return this.placed.has(c);
  }

  /**
   * Places what add/remove left pending; returns the keys of the topics whose claims changed. With a
   * `deadline` (performance.now()) that passes first, it stops after the claim or organisation at hand and
   * returns undefined, the rest still pending for the next call (a concept of a large corpus has tens of
   * thousands of claims: placing them all at once would hold the editor's thread); each call places at least one.
   */
  settle(): Set<string>;
  settle(deadline: number): Set<string> | undefined;
  settle(deadline = Infinity): Set<string> | undefined {
    let worked = false;
    const late = () => worked && deadline !== Infinity && globalThis.performance.now() > deadline;
    for (const p of this.changedPairs) for (const c of this.pairClaims.get(p) ?? []) if (c.orgs.length > 2) this.rekey.add(c);
    this.changedPairs.clear();
    // Each claim leaves the pending set once placed, so that a later call goes on from the next.
    for (const c of this.rekey) {
      if (late()) return undefined;
      this.rekey.delete(c);
      worked = true;
      const pair = this.bestPair(c.orgs);
      const at = this.placed.get(c);
      if (at === pair) continue;
      if (at !== undefined) this.leave(c, at);
      this.join(c, pair, pair.split(SEP));
    }
    // Multi-party claims are placed: single-party claims of the organisations whose pair topics changed follow.
    for (const o of this.unsettledOrgs) {
      if (late()) return undefined;
      this.unsettledOrgs.delete(o);
      worked = true;
      const home = this.homeOf(o);
      for (const c of this.singles.get(o) ?? []) {
        const at = this.placed.get(c);
        if (at === home) continue;
        if (at !== undefined) this.leave(c, at);
        this.join(c, home, [o]);
      }
    }
    const out = new Set(this.changed);
    this.changed.clear();
    return out;
  }

  /** Every topic key (to re-check them all when corpus order changes). */
  keys(): IterableIterator<string> {
    return this.groups.keys();
  }

  group(key: string): { orgs: string[]; claims: Iterable<Claim> } | undefined {
    return this.groups.get(key);
  }

  private bestPair(orgs: string[]): string {
    const pairs = pairsOf(orgs);
    let best = pairs[0]!;
    for (const p of pairs) {
      const n = this.pairClaims.get(p)?.size ?? 0, m = this.pairClaims.get(best)?.size ?? 0;
      if (n > m || (n === m && p < best)) best = p;
    }
    return best;
  }

  private homeOf(o: string): string {
    let best: string | undefined;
    for (const k of this.pairTopicsOf.get(o) ?? []) {
      if (best === undefined) { best = k; continue; }
      const n = this.groups.get(k)!.multi, m = this.groups.get(best)!.multi;
      if (n > m || (n === m && k < best)) best = k;
    }
    return best ?? o;
  }

  private join(c: Claim, key: string, orgs: string[]): void {
    let g = this.groups.get(key);
    // An existing group keeps its parties: a single-party claim joining a pair topic names only one of them.
    if (!g) this.groups.set(key, (g = { orgs, claims: new Set(), multi: 0 }));
    g.claims.add(c);
    this.placed.set(c, key);
    this.changed.add(key);
    if (c.orgs.length >= 2) this.countMulti(g, key, 1);
  }

  private leave(c: Claim, key: string): void {
    const g = this.groups.get(key)!;
    g.claims.delete(c);
    this.placed.delete(c);
    this.changed.add(key);
    if (c.orgs.length >= 2) this.countMulti(g, key, -1);
    if (!g.claims.size) this.groups.delete(key);
  }

  /** A pair topic's multi-party count decides where its organisations' single-party claims go. */
  private countMulti(g: Group, key: string, by: number): void {
    g.multi += by;
    const listed = g.multi === 1 && by > 0, unlisted = g.multi === 0;
    for (const o of g.orgs) {
      // Only organisations with single-party claims have anything to move (one added later is marked by add).
      if (this.singles.has(o)) this.unsettledOrgs.add(o);
      if (listed) {
        let set = this.pairTopicsOf.get(o);
        if (!set) this.pairTopicsOf.set(o, (set = new Set()));
        set.add(key);
      } else if (unlisted) {
        const set = this.pairTopicsOf.get(o);
        set?.delete(key);
        if (set && !set.size) this.pairTopicsOf.delete(o);
      }
    }
  }
}
