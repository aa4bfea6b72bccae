import type { Claim, Topic } from "./types";

interface Group {
  core: string[];
  claims: Claim[];
}

/** Two claims on one concept are about the same thing when one's parties include the other's, or they share two. */
export function compatibleParties(a: string[], b: string[]): boolean {
  if (!a.length || !b.length) return a.length === b.length;
  const shared = a.filter((x) => b.includes(x)).length;
  return shared === a.length || shared === b.length || shared >= 2;
}

/**
 * Groups one concept's claims (given in corpus order) into topics. Claims naming two or more parties found
 * the groups; a claim naming one joins the largest group that has it, so "Microsoft will no longer be the sole
 * cloud provider" lands with the Microsoft–OpenAI cloud claims.
 */
export function groupTopics(concept: string, claims: Claim[], label: (concept: string, orgs: string[]) => string, taken: { has(id: string): boolean } = new Set()): Topic[] {
  const groups: Group[] = [];
  // Organisation → groups whose core names it, in creation order: only those can take a claim naming it.
  const byOrg = new Map<string, number[]>();
  let unattributed: number | undefined;
  const create = (c: Claim) => {
    const i = groups.push({ core: c.orgs, claims: [c] }) - 1;
    for (const o of c.orgs) { let l = byOrg.get(o); if (!l) byOrg.set(o, (l = [])); l.push(i); }
    if (!c.orgs.length) unattributed = i;
  };
  const candidates = (c: Claim): number[] => {
    if (!c.orgs.length) return unattributed === undefined ? [] : [unattributed];
    const seen = new Set<number>();
    for (const o of c.orgs) for (const i of byOrg.get(o) ?? []) seen.add(i);
    return [...seen].sort((a, b) => a - b);
  };
  const place = (c: Claim) => {
    const i = candidates(c).find((k) => compatibleParties(groups[k]!.core, c.orgs));
    if (i === undefined) create(c);
    else groups[i]!.claims.push(c);
  };
  for (const c of claims) if (c.orgs.length >= 2) place(c);
  for (const c of claims) {
    if (c.orgs.length >= 2) continue;
    const fits = candidates(c).filter((k) => c.orgs.every((o) => groups[k]!.core.includes(o)));
    if (fits.length) {
      let best = fits[0]!;
      for (const k of fits) if (groups[k]!.claims.length > groups[best]!.claims.length) best = k;
      groups[best]!.claims.push(c);
    } else place(c);
  }
  const order = new Map(claims.map((c, i) => [c.id, i]));
  const used = new Set<string>();
  const isTaken = (id: string) => used.has(id) || taken.has(id);
  return groups.map((g) => {
    g.claims.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    let id = `${concept}:${g.core.join("+") || "unattributed"}`;
    for (let n = 2; isTaken(id); n++) id = `${concept}:${g.core.join("+") || "unattributed"}~${n}`;
    used.add(id);
    for (const c of g.claims) c.topic = id;
    return { id, label: label(concept, g.core), concept, orgs: g.core, claims: g.claims.map((c) => c.id) };
  });
}
