import { test } from "node:test";
import assert from "node:assert/strict";
import { CorpusIndex } from "../../src/core";

// Small stories of our own (every company and figure invented): each article is one dated file, and a flag is
// written `slot earlier>later nature` with the articles' letters.

type Story = Array<[date: string, body: string]>;

function flagsOf(story: Story): string[] {
  const index = new CorpusIndex();
  story.forEach(([date, body], i) => index.set({ path: `${String.fromCharCode(97 + i)}.md`, text: `---\ndate: ${date}\n---\n\n${body}\n` }));
  return index.result().contradictions.map((c) => `${c.slot ?? c.kind} ${c.earlier[0]}>${c.later[0]}${c.nature ? ` ${c.nature}` : ""}`).sort();
}

test("changes of a deal's slots are flagged once, with their nature", () => {
  const cases: Array<[string, Story, string[]]> = [
    ["a price raised", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
      ["2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to $7.4 billion."],
    ], ["deal-value a>b superseded"]],
    ["a misprinted scale", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $4.2 billion."],
      ["2026-03-01", "Halvorsen Industries is completing its $4.2 million takeover of Northwind Robotics."],
    ], ["deal-value a>b conflict"]],
    ["two prices a share for one offer", [
      ["2026-01-05", "Halvorsen Industries will pay $54 a share for Northwind Robotics."],
      ["2026-01-06", "Halvorsen Industries agreed to buy Northwind Robotics at $52.50 per share."],
    ], ["price-per-share a>b conflict"]],
    ["a currency misprinted", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $3.1 billion."],
      ["2026-01-07", "The board backed the £3.1 billion takeover of Northwind Robotics by Halvorsen Industries."],
    ], ["deal-value a>b conflict"]],
    ["a deadline moved, and moved again", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics set May 26 as the outside date for their merger."],
      ["2026-05-20", "Halvorsen Industries and Northwind Robotics extended the deadline for their merger to Aug. 26."],
      ["2026-08-21", "Halvorsen Industries and Northwind Robotics extended the deadline for their merger to Nov. 26."],
    ], ["outside-date a>b superseded", "outside-date a>c superseded", "outside-date b>c superseded"]],
    ["a deadline moved three times: each new one against the current one and the one before, no further back", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics set May 26 as the outside date for their merger."],
      ["2026-05-20", "Halvorsen Industries and Northwind Robotics extended the deadline for their merger to Aug. 26."],
      ["2026-08-21", "Halvorsen Industries and Northwind Robotics extended the deadline for their merger to Nov. 26."],
      ["2026-11-21", "Halvorsen Industries and Northwind Robotics extended the deadline for their merger to Feb. 26."],
    ], ["outside-date a>b superseded", "outside-date a>c superseded", "outside-date b>c superseded", "outside-date b>d superseded", "outside-date c>d superseded"]],
    ["a vote rescheduled", [
      ["2026-03-01", "Northwind Robotics shareholders will vote on the Halvorsen Industries deal on July 10."],
      ["2026-06-20", "Northwind Robotics set July 27 as the date of the shareholder vote on the Halvorsen Industries deal."],
    ], ["vote-date a>b superseded"]],
    ["a vote put off", [
      ["2026-03-01", "Northwind Robotics shareholders will vote on the Halvorsen Industries deal at a special meeting on July 10."],
      ["2026-06-20", "Northwind Robotics said the meeting has been postponed after Halvorsen Industries raised its bid."],
    ], ["vote-date a>b superseded"]],
    ["an agreed deal blocked", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics."],
      ["2026-09-01", "The European Commission blocked the Halvorsen Industries takeover of Northwind Robotics."],
    ], ["deal-status a>b superseded"]],
    ["a regulator's block reversed", [
      ["2026-04-01", "The Competition and Markets Authority blocked the Halvorsen Industries deal for Northwind Robotics."],
      ["2026-10-01", "The Competition and Markets Authority cleared the Halvorsen Industries deal for Northwind Robotics."],
    ], ["deal-status a>b superseded"]],
    ["a deal expected to close, then called off", [
      ["2026-01-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close in the first quarter of 2027."],
      ["2026-11-02", "Halvorsen Industries and Northwind Robotics terminated their merger agreement."],
    ], ["deal-status a>b superseded"]],
    ["a stake that changed", [
      ["2026-01-05", "Halvorsen Industries holds a 12% stake in Northwind Robotics."],
      ["2026-06-05", "Halvorsen Industries holds a 15% stake in Northwind Robotics, it said in a filing."],
    ], ["stake a>b conflict"]],
    ["stores to sell off, raised", [
      ["2026-01-05", "Halvorsen Industries plans to sell as many as 300 stores to win approval for its Northwind Robotics deal."],
      ["2026-04-05", "Halvorsen Industries announced the sale of 410 stores as part of its Northwind Robotics deal."],
    ], ["divest-count a>b superseded"]],
    ["a price a share raised without a word of it", [
      ["2026-01-05", "Halvorsen Industries will pay $54 a share for Northwind Robotics."],
      ["2026-04-20", "Halvorsen Industries closed its Northwind Robotics purchase, paying $59 a share."],
    ], ["price-per-share a>b superseded"]],
    ["an offer's value with its digits swapped", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $71.3 billion."],
      ["2026-02-01", "Shareholders of Northwind Robotics backed the $73.1 billion takeover by Halvorsen Industries."],
    ], ["deal-value a>b conflict"]],
    ["a deadline reported a day apart", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics set June 21, 2026 as the outside date for their merger."],
      ["2026-06-01", "Halvorsen Industries and Northwind Robotics are racing to close before their June 22 merger deadline."],
    ], ["outside-date a>b conflict"]],
    ["a fee that changed", [
      ["2026-01-05", "Halvorsen Industries would pay a $200 million break-up fee if its Northwind Robotics deal is terminated."],
      ["2026-07-05", "Halvorsen Industries will pay Northwind Robotics a $250 million termination fee."],
    ], ["termination-fee a>b superseded"]],
    ["two months for one lawsuit", [
      ["2026-03-01", "The FTC sued in October to block the Halvorsen Industries takeover of Northwind Robotics."],
      ["2026-04-01", "The FTC sued in November to block the Halvorsen Industries takeover of Northwind Robotics."],
    ], ["suit-date a>b conflict"]],
    ["a terminated deal revived", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics terminated their merger agreement."],
      ["2026-03-05", "Halvorsen Industries agreed to buy Northwind Robotics."],
    ], ["deal-status a>b superseded"]],
    ["a vote reported a day apart, without a word of a move", [
      ["2026-03-01", "Northwind Robotics shareholders will vote on the Halvorsen Industries deal on July 10."],
      ["2026-06-20", "Northwind Robotics set July 11 as the date of the shareholder vote on the Halvorsen Industries deal."],
    ], ["vote-date a>b conflict"]],
    ["a price a share a thousand times another: misprinted", [
      ["2026-01-05", "Halvorsen Industries will pay $54 a share for Northwind Robotics."],
      ["2026-04-20", "Halvorsen Industries will pay $54,000 a share for Northwind Robotics."],
    ], ["price-per-share a>b conflict"]],
    ["siding with the older report of a lawsuit's month contradicts the latest", [
      ["2026-03-01", "The FTC sued in October to block the Halvorsen Industries takeover of Northwind Robotics."],
      ["2026-04-01", "The FTC sued in November to block the Halvorsen Industries takeover of Northwind Robotics."],
      ["2026-05-01", "The FTC sued in October to block the Halvorsen Industries takeover of Northwind Robotics."],
    ], ["suit-date a>b conflict", "suit-date b>c conflict"]],
    ["a figure that agrees only with a rounder statement of the one it contradicts", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $85.4 billion."],
      ["2026-01-06", "Halvorsen Industries agreed to buy Northwind Robotics for $85 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for $84.5 billion."],
    ], ["deal-value a>c conflict"]],
    ["a fee stated on a condition, changed", [
      ["2026-01-05", "Halvorsen Industries will pay Northwind Robotics a $200 million termination fee."],
      ["2026-07-05", "Halvorsen Industries would pay a $250 million break-up fee if its Northwind Robotics deal is terminated."],
    ], ["termination-fee a>b superseded"]],
    ["an expected closing pushed back", [
      ["2026-01-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close in the first quarter of 2027."],
      ["2026-06-05", "The Halvorsen Industries deal for Northwind Robotics is now expected to close in the second half of 2027."],
    ], ["expected-close a>b superseded"]],
    ["a price in euros well above the dollar price", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.6 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for €9 billion."],
    ], ["deal-value a>b superseded"]],
    ["more than a figure well below", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for more than $3 billion."],
    ], ["deal-value a>b superseded"]],
    ["up to a figure well above", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for up to $12 billion."],
    ], ["deal-value a>b superseded"]],
    ["a range beside the figure", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for $7 billion to $8 billion."],
    ], ["deal-value a>b superseded"]],
    ["about a figure a tenth off", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.2 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for about $6.9 billion."],
    ], ["deal-value a>b superseded"]],
    ["an extension lengthened", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics agreed to extend the deadline for their merger by three months."],
      ["2026-06-05", "Halvorsen Industries and Northwind Robotics agreed to extend the deadline for their merger by six months."],
    ], ["extension-length a>b superseded"]],
    ["a completion reported a day apart", [
      ["2026-07-01", "Halvorsen Industries completed its acquisition of Northwind Robotics on June 29, 2026."],
      ["2026-07-05", "Halvorsen Industries completed its acquisition of Northwind Robotics on June 30, 2026."],
    ], ["completed-on a>b conflict"]],
    ["the value with debt raised, the value without it left alone", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6 billion."],
      ["2026-01-06", "Halvorsen Industries agreed to buy Northwind Robotics for $7.5 billion including debt."],
      ["2026-03-06", "Halvorsen Industries agreed to buy Northwind Robotics for $8.5 billion including debt."],
    ], ["deal-value b>c superseded"]],
  ];
  for (const [name, story, want] of cases) assert.deepEqual(flagsOf(story), want, name);
});

test("what is not a contradiction raises nothing", () => {
  const cases: Array<[string, Story]> = [
    ["progress that fulfils an expectation", [
      ["2026-01-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close in the third quarter of 2026."],
      ["2026-08-20", "Halvorsen Industries completed its acquisition of Northwind Robotics on August 19, 2026."],
    ]],
    ["talks, then an agreement", [
      ["2026-01-05", "Halvorsen Industries is in talks to buy Northwind Robotics."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
    ]],
    ["a restatement, rounded", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $24.6 billion."],
      ["2026-03-05", "Halvorsen Industries' roughly $25 billion deal for Northwind Robotics won approval."],
    ]],
    ["a total price and a price a share", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
      ["2026-01-06", "Halvorsen Industries will pay $54 a share for Northwind Robotics."],
    ]],
    ["the cash and stock parts and the price", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $5 billion."],
      ["2026-01-06", "The Halvorsen Industries offer for Northwind Robotics comprised $4 billion in cash and $1 billion in Halvorsen shares."],
    ]],
    ["the equity and the enterprise value", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics in a deal with an equity value of $6 billion."],
      ["2026-01-06", "Halvorsen Industries' deal for Northwind Robotics has an enterprise value of $7.5 billion including debt."],
    ]],
    ["one investor's part of a round", [
      ["2026-01-05", "Quillon Robotics raised a $2 billion funding round."],
      ["2026-01-06", "Birch Capital invested $500 million in Quillon Robotics."],
    ]],
    ["a figure stated as history", [
      ["2025-06-01", "Quillon Robotics was valued at $2 billion in 2023."],
      ["2026-01-05", "Quillon Robotics is now valued at $6 billion."],
    ]],
    ["the same termination reported twice", [
      ["2026-09-01", "Halvorsen Industries and Northwind Robotics terminated their merger agreement."],
      ["2026-09-03", "Halvorsen Industries and Northwind Robotics terminated their merger agreement, the companies confirmed."],
    ]],
    ["rival bidders' prices", [
      ["2026-01-05", "Halvorsen Industries offered $6.8 billion for Northwind Robotics."],
      ["2026-01-09", "Contoso Group offered $7.2 billion for Northwind Robotics, topping the Halvorsen Industries bid."],
    ]],
    ["a share price after the news", [
      ["2026-01-05", "Halvorsen Industries will pay $54 a share for Northwind Robotics."],
      ["2026-01-06", "Northwind Robotics shares rose 5% to $48.10 after the Halvorsen Industries offer."],
    ]],
    ["a date only possible", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics set May 26 as the outside date for their merger."],
      ["2026-02-05", "The outside date of the Halvorsen Industries merger with Northwind Robotics could be extended to Aug. 26."],
    ]],
    ["two authorities, each with its own decision", [
      ["2026-04-01", "The Competition and Markets Authority blocked the Halvorsen Industries deal for Northwind Robotics."],
      ["2026-10-01", "The European Commission cleared the Halvorsen Industries deal for Northwind Robotics."],
    ]],
    ["a block reported again without its authority", [
      ["2026-04-01", "The Competition and Markets Authority blocked the Halvorsen Industries deal for Northwind Robotics."],
      ["2026-10-01", "Regulators blocked the Halvorsen Industries deal for Northwind Robotics."],
    ]],
    ["an amount in a currency without a rate is not held against dollars", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $3.1 billion."],
      ["2026-01-07", "Halvorsen Industries agreed to buy Northwind Robotics for 30 billion rand."],
    ]],
    ["a stake given to another decimal", [
      ["2026-01-05", "Halvorsen Industries holds a 12% stake in Northwind Robotics."],
      ["2026-06-05", "Halvorsen Industries holds a 12.4% stake in Northwind Robotics."],
    ]],
    ["a value a rival bid could reach", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
      ["2026-02-05", "A rival bid could value Northwind Robotics at $8 billion, analysts said of the Halvorsen Industries deal."],
    ]],
    ["a value once imagined, then agreed", [
      ["2026-01-05", "A bid by Halvorsen Industries could value Northwind Robotics at $8 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
    ]],
    ["a walk-away only possible", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics."],
      ["2026-03-05", "Halvorsen Industries could walk away from the Northwind Robotics deal."],
    ]],
    ["an expected closing restated", [
      ["2026-01-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close in the first quarter of 2027."],
      ["2026-06-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close by March 2027."],
    ]],
    ["one article's own two figures", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion.\n\nLater, Halvorsen Industries agreed to pay $7.4 billion for Northwind Robotics."],
    ]],
    ["a headline's figure", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
      ["2026-02-05", "# Halvorsen Industries agrees $9.9 billion deal for Northwind Robotics\n\nHalvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
    ]],
    ["the price in another currency", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.6 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for €6 billion."],
    ]],
    ["more than, up to, a range, about: each holding the figure", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for more than $6 billion."],
      ["2026-02-06", "Halvorsen Industries agreed to buy Northwind Robotics for up to $7 billion."],
      ["2026-02-07", "Halvorsen Industries agreed to buy Northwind Robotics for $6 billion to $7 billion."],
      ["2026-02-08", "Halvorsen Industries agreed to buy Northwind Robotics for about $6.9 billion."],
    ]],
    ["another holder's stake", [
      ["2026-01-05", "Halvorsen Industries holds a 12% stake in Northwind Robotics."],
      ["2026-06-05", "Contoso Group holds a 15% stake in Northwind Robotics."],
    ]],
    ["an extension the same length in other words", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics agreed to extend the deadline for their merger by 90 days."],
      ["2026-06-05", "Halvorsen Industries and Northwind Robotics agreed to extend the deadline for their merger by three months."],
    ]],
    ["a sum a share six times another: another sum, not the price changed", [
      ["2026-01-05", "Halvorsen Industries will pay $54 a share for Northwind Robotics."],
      ["2026-01-06", "Halvorsen Industries will pay $9 a share for Northwind Robotics."],
    ]],
  ];
  for (const [name, story] of cases) assert.deepEqual(flagsOf(story).filter((f) => !f.startsWith("polarity")), [], name);
});

test("a flag cites the first report of the value it changes, the others beside it", () => {
  const index = new CorpusIndex();
  const article = (path: string, date: string, body: string) => index.set({ path, text: `---\ndate: ${date}\n---\n\n${body}\n` });
  article("a.md", "2026-01-02", "Halvorsen Industries is expected to offer about $6.8 billion for Northwind Robotics, people familiar said.");
  article("b.md", "2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion.");
  article("c.md", "2026-01-20", "Analysts said Halvorsen Industries was paying $6.8 billion for Northwind Robotics.");
  article("d.md", "2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to $7.4 billion.");
  const [flag, ...rest] = index.result().contradictions;
  assert.equal(rest.length, 0);
  assert.deepEqual([flag!.earlier.split("#")[0], flag!.alsoEarlier!.map((id) => id.split("#")[0]).sort(), flag!.later.split("#")[0]], ["b.md", ["a.md", "c.md"], "d.md"]);
  assert.deepEqual([flag!.deal, flag!.slot, flag!.earlierValue, flag!.laterValue, flag!.nature], ["halvorsen+northwind", "deal-value", 6.8e9, 7.4e9, "superseded"]);
});

test("a flag says in words what changed, of which kind, and is surer of a change in the world than of a disagreement", () => {
  const flags = (story: Story) => {
    const index = new CorpusIndex();
    story.forEach(([date, body], i) => index.set({ path: `${String.fromCharCode(97 + i)}.md`, text: `---\ndate: ${date}\n---\n\n${body}\n` }));
    return index.result().contradictions.filter((c) => c.kind !== "polarity").map((c) => [c.kind, c.confidence, c.explanation]);
  };
  assert.deepEqual(flags([
    ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
    ["2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to $7.4 billion."],
  ]), [["value", 0.8, "b.md gives $7.4 billion for the deal value; a.md gave $6.8 billion"]]);
  assert.deepEqual(flags([
    ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $4.2 billion."],
    ["2026-03-01", "Halvorsen Industries is completing its $4.2 million takeover of Northwind Robotics."],
  ]), [["value", 0.7, "b.md gives $4.2 million for the deal value; a.md gave $4.2 billion"]]);
  // A stage is named, not quoted; a date is a date.
  assert.deepEqual(flags([
    ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics."],
    ["2026-09-01", "The European Commission blocked the Halvorsen Industries takeover of Northwind Robotics."],
  ]), [["status", 0.8, "b.md gives blocked for the status; a.md gave agreed"]]);
  assert.deepEqual(flags([
    ["2026-03-01", "Northwind Robotics shareholders will vote on the Halvorsen Industries deal at a special meeting on July 10."],
    ["2026-06-20", "Northwind Robotics said the meeting has been postponed after Halvorsen Industries raised its bid."],
  ]), [["date", 0.8, "b.md says the shareholder vote meeting has been postponed no longer holds; a.md gave it"]]);
});

test("a flag lists at most ten other earlier statements of the value it changes", () => {
  const index = new CorpusIndex();
  const article = (path: string, date: string, body: string) => index.set({ path, text: `---\ndate: ${date}\n---\n\n${body}\n` });
  for (let i = 0; i < 12; i++) article(`a${String(i).padStart(2, "0")}.md`, `2026-01-${String(i + 1).padStart(2, "0")}`, "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion.");
  article("b.md", "2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to $7.4 billion.");
  const flags = index.result().contradictions;
  assert.equal(flags.length, 1);
  assert.equal(flags[0]!.earlier.split("#")[0], "a00.md");
  assert.equal(flags[0]!.alsoEarlier!.length, 10);
});
