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
export function groupTopics(concept: string, claims: Claim[], label: (concept: string, orgs: string[]) => string): Topic[] {
  const groups: Group[] = [];
  const place = (c: Claim) => {
    const g = groups.find((x) => compatibleParties(x.core, c.orgs));
    if (g) g.claims.push(c);
    else groups.push({ core: c.orgs, claims: [c] });
  };
  for (const c of claims) if (c.orgs.length >= 2) place(c);
  for (const c of claims) {
    if (c.orgs.length >= 2) continue;
    const candidates = groups.filter((g) => c.orgs.every((o) => g.core.includes(o)) && (c.orgs.length > 0 || g.core.length === 0));
    if (candidates.length) candidates.sort((a, b) => b.claims.length - a.claims.length)[0]!.claims.push(c);
    else place(c);
  }
  const order = new Map(claims.map((c, i) => [c.id, i]));
  const used = new Set<string>();
  return groups.map((g) => {
    g.claims.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    let id = `${concept}:${g.core.join("+") || "unattributed"}`;
    for (let n = 2; used.has(id); n++) id = `${concept}:${g.core.join("+") || "unattributed"}~${n}`;
    used.add(id);
    for (const c of g.claims) c.topic = id;
    return { id, label: label(concept, g.core), concept, orgs: g.core, claims: g.claims.map((c) => c.id) };
  });
}
