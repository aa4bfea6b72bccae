// A deterministic, seeded generator of deal-news articles (~4 KB each): stories of acquisitions, stakes,
// licenses and revenue shares told over several articles, with restatements, changed figures, ended
// arrangements, completed and terminated deals, stock moves and filler prose.

export interface GeneratedArticle {
  path: string;
  text: string;
}

/** mulberry32: small, fast, and the same sequence everywhere for a seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SYL = ["al", "ver", "dor", "qui", "nex", "tan", "bri", "cor", "lum", "sol", "var", "pel", "mon", "tri", "zen", "hal", "nor", "wen", "ost", "rad"];
const SUFFIX = ["Industries", "Labs", "Robotics", "Holdings", "Technologies", "Group", "Systems", "Inc.", "Corp.", "Resources", "Software", "Energy"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const FILLER = [
  "Analysts said the transaction reflects a broader push toward automation across the sector.",
  "The company has spent the past several years expanding its footprint in Europe and Asia.",
  "Executives declined to comment on the timing of further announcements during the call.",
  "Investors have been watching the sector closely as interest rates weigh on valuations.",
  "Customers are unlikely to notice changes to existing products in the near term, people familiar with the plans said.",
  "The two companies have worked together on several research projects over the past decade.",
  "Industry observers noted that competition for engineering talent remains intense.",
  "The board met several times before agreeing to the terms, according to people briefed on the talks.",
  "Some employees expressed concern about the integration process in internal forums.",
  "The broader market was little changed on the day, with technology shares trading flat.",
];

/** `companies`: draw names from a pool this small, so that the same companies recur across stories. */
export function generateCorpus(count: number, seed = 42, companies?: number): GeneratedArticle[] {
  const r = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(r() * a.length)]!;
  const coin = () => { const w = pick(SYL) + pick(SYL) + (r() < 0.5 ? pick(SYL) : ""); return w[0]!.toUpperCase() + w.slice(1); };
  const pool = companies ? Array.from({ length: companies }, coin) : undefined;
  const name = () => (pool ? pick(pool) : coin());
  const storyCount = Math.max(1, Math.round(count / 8));
  const stories = Array.from({ length: storyCount }, () => ({
    buyer: name(), buyerSuffix: pick(SUFFIX), target: name(), targetSuffix: pick(SUFFIX), licensor: name(),
    price: Math.round(1 + r() * 90) + (r() < 0.5 ? 0.5 : 0), stake: Math.round(3 + r() * 30), perShare: Math.round(10 + r() * 120),
    year: 2020 + Math.floor(r() * 6), month: Math.floor(r() * 10), fee: Math.round(50 + r() * 400),
  }));
  const out: GeneratedArticle[] = [];
  for (let i = 0; i < count; i++) {
    const st = stories[i % storyCount]!;
    const step = Math.floor(i / storyCount); // position of this article in its story
    const month = Math.min(11, st.month + step);
    const day = 1 + Math.floor(r() * 27);
    const date = `${MONTHS[month]} ${day}, ${st.year}`;
    const B = `${st.buyer} ${st.buyerSuffix}`, T = `${st.target} ${st.targetSuffix}`;
    // Later articles sometimes change the story: a new price, a new stake, an ended license, an outcome.
    const price = step >= 2 && r() < 0.3 ? st.price + 1 + Math.round(r() * 5) : st.price;
    const stake = step >= 3 && r() < 0.3 ? st.stake + 2 : st.stake;
    const licenseEnded = step >= 2 && r() < 0.4;
    const outcome = step >= 4 ? (r() < 0.7 ? "completed" : "terminated") : "pending";
    const facts = [
      outcome === "completed" ? `${B} completed its acquisition of ${T} on ${MONTHS[month]} ${Math.min(28, day + 1)}, ${st.year}.`
        : outcome === "terminated" ? `${B} and ${st.target} terminated their merger agreement after regulators objected.`
          : `${B} agreed to acquire ${T} for $${price} billion, or $${st.perShare} a share, ${r() < 0.5 ? "in an all-cash deal" : "in cash and stock"}.`,
      `${st.buyer} already owns a ${stake}% stake in ${st.target}, which it bought in ${MONTHS[Math.floor(r() * 12)]} ${st.year - 1 - Math.floor(r() * 3)}.`,
      licenseEnded ? `${st.licensor} Labs said it ends ${st.target}'s exclusive license to its software, effective in ${1 + Math.floor(r() * 11)} months.`
        : `${st.target} retains its exclusive license to ${st.licensor} Labs' software for the next ${2 + Math.floor(r() * 8)} years.`,
      `The deal is valued at roughly $${price} billion including debt and is subject to regulatory approval.`,
      `${st.target} would owe a break-up fee of $${st.fee} million if it accepts a rival offer.`,
      `Shares of ${st.target} rose ${(r() * 20).toFixed(1)}% on the news, while ${st.buyer} fell ${(r() * 5).toFixed(1)}%.`,
      r() < 0.5 ? `A revenue-sharing agreement with ${st.licensor} Labs remains in place, the companies said on ${pick(["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])}.`
        : `The companies expect the transaction to close in the ${pick(["first", "second", "third", "fourth"])} quarter of ${st.year + 1}.`,
    ];
    const paras: string[] = [];
    let size = 0;
    let fi = 0;
    while (size < 3700) {
      const p = [pick(FILLER), fi < facts.length ? facts[fi++]! : pick(FILLER), pick(FILLER)].join(" ");
      paras.push(p);
      size += p.length + 2;
    }
    const title = `${B} ${outcome === "completed" ? "completes" : outcome === "terminated" ? "drops" : "moves on"} ${st.target} deal`;
    const md = i % 3 === 0;
    const text = md
      ? `---\ntitle: ${title}\ndate: ${st.year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}\n---\n\n# ${title}\n\n${paras.join("\n\n")}\n`
      : `${title}\n${date}\n\n${paras.join("\n")}\n`;
    out.push({ path: `a${String(i).padStart(5, "0")}.${md ? "md" : "txt"}`, text });
  }
  return out;
}
