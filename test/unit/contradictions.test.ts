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
    ["a raise reported in the wrong currency: a misprint of the new price", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
      ["2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to $7.4 billion."],
      ["2026-02-12", "Halvorsen Industries raised its offer for Northwind Robotics to £7.4 billion."],
    ], ["deal-value a>b superseded", "deal-value a>c superseded", "deal-value b>c conflict"]],
    ["a deal value with its digits swapped, however far apart", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $4.2 billion."],
      ["2026-02-01", "Shareholders of Northwind Robotics backed the $2.4bn takeover by Halvorsen Industries."],
    ], ["deal-value a>b conflict"]],
    ["a valuation's digits in another order: not a price, so a change", [
      ["2026-01-05", "Quillon Robotics was valued at $2.4 billion."],
      ["2026-06-05", "Quillon Robotics' valuation rose to $4.2 billion after its new funding round."],
    ], ["valuation a>b superseded"]],
    ["a valuation of a past month, then today's", [
      ["2025-06-01", "Quillon Robotics was valued at $2 billion in March 2025."],
      ["2026-01-05", "Quillon Robotics is now valued at $6 billion."],
    ], ["valuation a>b superseded"]],
    ["a price raised fivefold is still the price", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $2 billion."],
      ["2026-03-05", "Halvorsen Industries raised its offer for Northwind Robotics to $10 billion."],
    ], ["deal-value a>b superseded"]],
    ["of two expectations a block dashes, the latest", [
      ["2026-01-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close in the first quarter of 2027."],
      ["2026-02-05", "The Halvorsen Industries deal for Northwind Robotics is still pending regulatory approval."],
      ["2026-09-01", "The European Commission blocked the Halvorsen Industries takeover of Northwind Robotics."],
    ], ["deal-status b>c superseded"]],
    ["a deadline without its year, then a day later with it", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics set June 21 as the outside date for their merger."],
      ["2026-06-01", "Halvorsen Industries and Northwind Robotics are racing to close before their June 22, 2026 merger deadline."],
    ], ["outside-date a>b conflict"]],
    ["a completion in one month, then on a day of the next", [
      ["2026-07-05", "Halvorsen Industries completed its acquisition of Northwind Robotics in June 2026."],
      ["2026-08-05", "Halvorsen Industries completed its acquisition of Northwind Robotics on July 2, 2026."],
    ], ["completed-on a>b conflict"]],
    ["a closing expected in a half-year, then before it", [
      ["2026-01-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close in the first half of 2027."],
      ["2026-06-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close by December 2026."],
    ], ["expected-close a>b superseded"]],
    ["an extension in weeks lengthened", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics agreed to extend the deadline for their merger by two weeks."],
      ["2026-06-05", "Halvorsen Industries and Northwind Robotics agreed to extend the deadline for their merger by three weeks."],
    ], ["extension-length a>b superseded"]],
    ["a funding round's size changed", [
      ["2026-01-05", "Quillon Robotics raised a $300 million funding round led by Birch Capital."],
      ["2026-06-05", "Quillon Robotics raised a $320 million funding round led by Birch Capital."],
    ], ["round-size a>b superseded"]],
    ["a range in euros that cannot hold the dollar price", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $9.9 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for €5 billion to €6 billion."],
    ], ["deal-value a>b superseded"]],
    ["a lawsuit's day, then another month", [
      ["2026-03-01", "The FTC sued on November 3, 2026 to block the Halvorsen Industries takeover of Northwind Robotics."],
      ["2026-04-01", "The FTC sued in October to block the Halvorsen Industries takeover of Northwind Robotics."],
    ], ["suit-date a>b conflict"]],
    ["a vote two days apart without a word of a move: one vote reported differently", [
      ["2026-03-01", "Northwind Robotics shareholders will vote on the Halvorsen Industries deal on July 10."],
      ["2026-06-20", "Northwind Robotics set July 12 as the date of the shareholder vote on the Halvorsen Industries deal."],
    ], ["vote-date a>b conflict"]],
    ["a vote three days apart: moved", [
      ["2026-03-01", "Northwind Robotics shareholders will vote on the Halvorsen Industries deal on July 10."],
      ["2026-06-20", "Northwind Robotics set July 13 as the date of the shareholder vote on the Halvorsen Industries deal."],
    ], ["vote-date a>b superseded"]],
    ["prices a share less than a twentieth of the higher apart: a disagreement", [
      ["2026-01-05", "Halvorsen Industries will pay $54 a share for Northwind Robotics."],
      ["2026-01-06", "Halvorsen Industries agreed to buy Northwind Robotics at $56.80 per share."],
    ], ["price-per-share a>b conflict"]],
    ["a stake the text says was raised", [
      ["2026-01-05", "Halvorsen Industries holds a 12% stake in Northwind Robotics."],
      ["2026-06-05", "Halvorsen Industries raised its stake in Northwind Robotics to 15%."],
    ], ["stake a>b superseded"]],
    ["a valuation misprinted by a thousand", [
      ["2026-01-05", "Quillon Robotics is valued at $4 billion."],
      ["2026-06-05", "Quillon Robotics is valued at $4 million."],
    ], ["valuation a>b conflict"]],
    ["a valuation ten times another: not a price, so still the valuation", [
      ["2026-01-05", "Quillon Robotics is valued at $4 billion."],
      ["2026-06-05", "Quillon Robotics is valued at $40 billion."],
    ], ["valuation a>b conflict"]],
    ["the debt taken on, reported differently", [
      ["2026-01-05", "Halvorsen Industries will also take on $1.2 billion of net debt from Northwind Robotics."],
      ["2026-06-05", "Halvorsen Industries will also take on $1.5 billion of net debt from Northwind Robotics."],
    ], ["net-debt a>b conflict"]],
    ["a round's size, once with its series and once without", [
      ["2026-01-05", "Quillon Robotics raised $300 million in a Series B round led by Birch Capital."],
      ["2026-06-05", "Quillon Robotics raised a $320 million funding round led by Birch Capital."],
    ], ["round-size a>b superseded"]],
    ["a reverse fee on a condition, changed", [
      ["2026-01-05", "Halvorsen Industries would pay a $300 million reverse termination fee if regulators block its Northwind Robotics deal."],
      ["2026-07-05", "Halvorsen Industries would pay a $350 million reverse termination fee if regulators block its Northwind Robotics deal."],
    ], ["reverse-termination-fee a>b superseded"]],
    ["a vote the text says was moved from its date", [
      ["2026-03-01", "Northwind Robotics shareholders will vote on the Halvorsen Industries deal on July 10."],
      ["2026-06-20", "The Northwind Robotics shareholder vote on the Halvorsen Industries deal, originally scheduled for July 10, was moved."],
    ], ["vote-date a>b superseded"]],
    ["a deadline recalled as it was, then moved", [
      ["2026-01-05", "The outside date for the Halvorsen Industries merger with Northwind Robotics was previously May 26."],
      ["2026-05-20", "Halvorsen Industries and Northwind Robotics extended the deadline for their merger to Aug. 26."],
    ], ["outside-date a>b superseded"]],
    ["a figure agreeing only with a 'more than' of the one it contradicts", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for about $7 billion."],
      ["2026-01-06", "Halvorsen Industries agreed to buy Northwind Robotics for more than $6 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.2 billion."],
    ], ["deal-value a>c superseded"]],
    ["a vote moved, then put off: the latest date no longer holds", [
      ["2026-03-01", "Northwind Robotics shareholders will vote on the Halvorsen Industries deal on July 10."],
      ["2026-06-20", "Northwind Robotics set July 27 as the date of the shareholder vote on the Halvorsen Industries deal."],
      ["2026-07-20", "Northwind Robotics said the meeting has been postponed."],
    ], ["vote-date a>b superseded", "vote-date b>c superseded"]],
    ["a lawsuit's month corrected, and the correction repeated", [
      ["2026-03-01", "The FTC sued in November to block the Halvorsen Industries takeover of Northwind Robotics."],
      ["2026-04-01", "The FTC sued in October to block the Halvorsen Industries takeover of Northwind Robotics."],
      ["2026-05-01", "The FTC sued in October to block the Halvorsen Industries takeover of Northwind Robotics, it said."],
    ], ["suit-date a>b conflict"]],
    ["a price a share raised by under a fiftieth, said to be raised", [
      ["2026-01-05", "Halvorsen Industries will pay $54 a share for Northwind Robotics."],
      ["2026-04-20", "Halvorsen Industries raised its offer for Northwind Robotics to $54.90 a share."],
    ], ["price-per-share a>b superseded"]],
    ["a higher offer expected after the agreed price", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
      ["2026-02-05", "Halvorsen Industries is expected to offer $7.4 billion for Northwind Robotics."],
    ], ["deal-value a>b superseded"]],
    ["a figure agreeing only with an 'about' of the one it contradicts", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $8.4 billion."],
      ["2026-01-06", "Halvorsen Industries agreed to buy Northwind Robotics for about $8.6 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for $8.9 billion."],
    ], ["deal-value a>c superseded"]],
    ["a walk-away expected, then done: the agreement it ends is flagged, not the expectation", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics."],
      ["2026-03-05", "Halvorsen Industries could walk away from the Northwind Robotics deal."],
      ["2026-06-05", "Halvorsen Industries and Northwind Robotics terminated their merger agreement."],
    ], ["deal-status a>c superseded"]],
    ["an extension option lengthened, without a word of a change", [
      ["2026-01-05", "The Halvorsen Industries merger with Northwind Robotics has a three-month extension option."],
      ["2026-06-05", "The Halvorsen Industries merger with Northwind Robotics has a six-month extension option."],
    ], ["extension-length a>b superseded"]],
    ["a lawsuit's month reported three ways, then the first again: only the latest is contradicted", [
      ["2026-03-01", "The FTC sued in October to block the Halvorsen Industries takeover of Northwind Robotics."],
      ["2026-04-01", "The FTC sued in November to block the Halvorsen Industries takeover of Northwind Robotics."],
      ["2026-04-05", "The FTC sued in December to block the Halvorsen Industries takeover of Northwind Robotics."],
      ["2026-05-01", "The FTC sued in October to block the Halvorsen Industries takeover of Northwind Robotics, it said."],
    ], ["suit-date a>b conflict", "suit-date a>c conflict", "suit-date b>c conflict", "suit-date c>d conflict"]],
    ["a price and 'up to' the price: two statements, each changed by a raise", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $7 billion."],
      ["2026-01-06", "Halvorsen Industries agreed to buy Northwind Robotics for up to $7 billion."],
      ["2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to $9 billion."],
    ], ["deal-value a>c superseded", "deal-value b>c superseded"]],
    ["a deal expected to close, then agreed, then terminated: the agreement and the expectation both", [
      ["2026-01-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close in the first quarter of 2027."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics."],
      ["2026-06-05", "Halvorsen Industries and Northwind Robotics terminated their merger agreement."],
    ], ["deal-status a>c superseded", "deal-status b>c superseded"]],
    ["a figure siding with the latest report raises nothing new", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
      ["2026-01-06", "Halvorsen Industries agreed to buy Northwind Robotics for more than $7.5 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for $8 billion."],
    ], ["deal-value a>b superseded"]],
    ["a report of the first deadline after it moved raises nothing", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics set May 26 as the outside date for their merger."],
      ["2026-05-20", "Halvorsen Industries and Northwind Robotics extended the deadline for their merger to Aug. 26."],
      ["2026-06-20", "Halvorsen Industries and Northwind Robotics set May 26 as the outside date for their merger, filings show."],
    ], ["outside-date a>b superseded"]],
    ["a vote moved, then its first date said to be moved: the first date is what no longer holds", [
      ["2026-03-01", "Northwind Robotics shareholders will vote on the Halvorsen Industries deal on July 10."],
      ["2026-06-20", "Northwind Robotics set July 27 as the date of the shareholder vote on the Halvorsen Industries deal."],
      ["2026-07-01", "The Northwind Robotics shareholder vote on the Halvorsen Industries deal, originally scheduled for July 10, was moved."],
    ], ["vote-date a>b superseded", "vote-date a>c superseded"]],
    ["a deadline restated after two moves counts as current again: the next move is held against it and the latest", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics set May 26 as the outside date for their merger."],
      ["2026-05-20", "Halvorsen Industries and Northwind Robotics extended the deadline for their merger to Aug. 26."],
      ["2026-08-21", "Halvorsen Industries and Northwind Robotics extended the deadline for their merger to Nov. 26."],
      ["2026-09-01", "Halvorsen Industries and Northwind Robotics set May 26 as the outside date for their merger, filings show."],
      ["2026-11-21", "Halvorsen Industries and Northwind Robotics extended the deadline for their merger to Feb. 26."],
    ], ["outside-date a>b superseded", "outside-date a>c superseded", "outside-date a>e superseded", "outside-date b>c superseded", "outside-date c>e superseded"]],
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
      ["2026-01-07", "Halvorsen Industries agreed to buy Northwind Robotics for R$15 billion."],
    ]],
    ["nor dollars against it", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for R$15 billion."],
      ["2026-01-07", "Halvorsen Industries agreed to buy Northwind Robotics for $3.1 billion."],
    ]],
    ["a range in euros holding a dollar price near its top", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $7.9 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for €5 billion to €6 billion."],
    ]],
    ["a stake given to another decimal", [
      ["2026-01-05", "Halvorsen Industries holds a 12% stake in Northwind Robotics."],
      ["2026-06-05", "Halvorsen Industries holds a 12.4% stake in Northwind Robotics."],
    ]],
    ["a later mention of the value with debt that does not say so", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6 billion."],
      ["2026-01-06", "Halvorsen Industries agreed to buy Northwind Robotics for $7.5 billion including debt."],
      ["2026-03-06", "Regulators approved Halvorsen Industries' planned $7.5 billion acquisition of Northwind Robotics."],
    ]],
    ["a price more than five times another: another sum", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $2 billion."],
      ["2026-03-05", "Halvorsen Industries raised its offer for Northwind Robotics to $10.4 billion."],
    ]],
    ["a deadline restated with its year", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics set May 26 as the outside date for their merger."],
      ["2026-02-05", "Halvorsen Industries and Northwind Robotics set May 26, 2026 as the outside date for their merger."],
    ]],
    ["a completion's year, then its day", [
      ["2026-01-05", "Halvorsen Industries completed its acquisition of Northwind Robotics in 2026."],
      ["2026-07-05", "Halvorsen Industries completed its acquisition of Northwind Robotics on June 30, 2026."],
    ]],
    ["a closing quarter, then a month in it", [
      ["2026-01-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close in the first quarter of 2027."],
      ["2026-06-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close in March 2027."],
    ]],
    ["an extension of a year and a half, and of eighteen months", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics agreed to extend the deadline for their merger by 1.5 years."],
      ["2026-06-05", "Halvorsen Industries and Northwind Robotics agreed to extend the deadline for their merger by 18 months."],
    ]],
    ["an extension of two weeks, and of fourteen days", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics agreed to extend the deadline for their merger by two weeks."],
      ["2026-06-05", "Halvorsen Industries and Northwind Robotics agreed to extend the deadline for their merger by 14 days."],
    ]],
    ["two funding rounds, each of its series", [
      ["2026-01-05", "Quillon Robotics raised $300 million in a Series B round led by Birch Capital."],
      ["2026-06-05", "Quillon Robotics raised $500 million in a Series C round led by Birch Capital."],
    ]],
    ["the price in yen: one price at today's rates", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for ¥1 trillion."],
    ]],
    ["more than a sum in euros, a range in euros: each holding the dollar price", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.6 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for more than €5 billion."],
      ["2026-02-06", "Halvorsen Industries agreed to buy Northwind Robotics for €5 billion to €6 billion."],
    ]],
    ["pounds and euros for one price", [
      ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for £6 billion."],
      ["2026-02-05", "Halvorsen Industries agreed to buy Northwind Robotics for €7 billion."],
    ]],
    ["the same completion day reported twice", [
      ["2026-07-01", "Halvorsen Industries completed its acquisition of Northwind Robotics on June 29, 2026."],
      ["2026-07-05", "Halvorsen Industries completed its acquisition of Northwind Robotics on June 29, 2026, it said."],
    ]],
    ["a lawsuit's month, then its day", [
      ["2026-03-01", "The FTC sued in November to block the Halvorsen Industries takeover of Northwind Robotics."],
      ["2026-04-01", "The FTC sued on November 3, 2026 to block the Halvorsen Industries takeover of Northwind Robotics."],
    ]],
    ["a deadline's day, and the quarter it falls in", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics set May 26 as the outside date for their merger."],
      ["2026-02-05", "The outside date for the Halvorsen Industries merger with Northwind Robotics falls in the second quarter of 2026."],
    ]],
    ["a stake without its holder is not that holder's stake", [
      ["2026-01-05", "Halvorsen Industries holds a 12% stake in Northwind Robotics."],
      ["2026-06-05", "A 15% stake in Northwind Robotics changed hands, Halvorsen Industries said."],
    ]],
    ["a fee more than five times another: another sum", [
      ["2026-01-05", "Halvorsen Industries will pay Northwind Robotics a $200 million termination fee."],
      ["2026-07-05", "Halvorsen Industries will pay Northwind Robotics a $1.5 billion termination fee."],
    ]],
    ["extensions of 90 and 100 days: within a tenth of each other, one extension", [
      ["2026-01-05", "Halvorsen Industries and Northwind Robotics agreed to extend the deadline for their merger by 90 days."],
      ["2026-06-05", "Halvorsen Industries and Northwind Robotics agreed to extend the deadline for their merger by 100 days."],
    ]],
    ["a completion's year, then its day without a year", [
      ["2026-01-05", "Halvorsen Industries completed its acquisition of Northwind Robotics in 2026."],
      ["2026-07-05", "Halvorsen Industries completed its acquisition of Northwind Robotics on June 29."],
    ]],
    ["a deadline's quarter, then a day in it", [
      ["2026-01-05", "The outside date for the Halvorsen Industries merger with Northwind Robotics falls in the second quarter of 2026."],
      ["2026-02-05", "Halvorsen Industries and Northwind Robotics set May 26 as the outside date for their merger."],
    ]],
    ["a closing inferred from an extended deadline is no statement to contradict", [
      ["2026-05-20", "Halvorsen Industries and Northwind Robotics extended the deadline for their merger to Aug. 26."],
      ["2026-06-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close in the fourth quarter of 2026."],
    ]],
    ["two investments by one investor: two sums, never compared", [
      ["2026-01-05", "Birch Capital invested $500 million in Quillon Robotics."],
      ["2026-06-05", "Birch Capital invested $800 million in Quillon Robotics."],
    ]],
    ["a deadline once only possible, then one set", [
      ["2026-01-05", "The outside date of the Halvorsen Industries merger with Northwind Robotics could be extended to Aug. 26."],
      ["2026-05-20", "Halvorsen Industries and Northwind Robotics extended the deadline for their merger to Nov. 26."],
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

test("a raise recalled as history is no later value; of a later article's statements, the one naming the same authority flags", () => {
  const flagged = (story: Story) => {
    const index = new CorpusIndex();
    story.forEach(([date, body], i) => index.set({ path: `${String.fromCharCode(97 + i)}.md`, text: `---\ndate: ${date}\n---\n\n${body}\n` }));
    const snap = index.result();
    return snap.contradictions.filter((c) => c.kind !== "polarity").map((c) => `${c.earlier[0]}>${snap.claims.get(c.later)!.text}`);
  };
  assert.deepEqual(flagged([
    ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
    ["2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to $7.4 billion."],
    ["2026-03-10", "Halvorsen Industries, which raised its offer from $6.8 billion, won approval for the Northwind Robotics deal."],
  ]), ["a>Halvorsen Industries raised its offer for Northwind Robotics to $7.4 billion."]);
  assert.deepEqual(flagged([
    ["2026-04-01", "The Competition and Markets Authority blocked the Halvorsen Industries deal for Northwind Robotics."],
    ["2026-10-01", "Regulators cleared the Halvorsen Industries deal for Northwind Robotics. The Competition and Markets Authority cleared the deal after Halvorsen Industries offered remedies."],
  ]), ["a>The Competition and Markets Authority cleared the deal after Halvorsen Industries offered remedies."]);
  // Neither naming anyone: the first.
  assert.deepEqual(flagged([
    ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
    ["2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to $7.4 billion. The board of Northwind Robotics backed the $7.4 billion offer from Halvorsen Industries."],
  ]), ["a>Halvorsen Industries raised its offer for Northwind Robotics to $7.4 billion."]);
});

test("statements of one value are cited together: 'about' a figure or the figure in other units is the figure; 'more than' the same figure, or a finer figure, is a statement of its own", () => {
  const cited = (earlier: string[]) => {
    const index = new CorpusIndex();
    const story: Story = [...earlier.map((body, i): [string, string] => [`2026-01-0${i + 5}`, body]), ["2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to $7.4 billion."]];
    story.forEach(([date, body], i) => index.set({ path: `${String.fromCharCode(97 + i)}.md`, text: `---\ndate: ${date}\n---\n\n${body}\n` }));
    return index.result().contradictions.filter((c) => c.kind !== "polarity").map((c) => `${c.earlier[0]}>${c.later[0]} also [${(c.alsoEarlier ?? []).map((x) => x[0]).join("")}]`).sort();
  };
  const first = "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion.";
  assert.deepEqual(cited([first, "Halvorsen Industries agreed to buy Northwind Robotics for about $6.8 billion."]), ["a>c also [b]"]);
  assert.deepEqual(cited([first, "Halvorsen Industries agreed to buy Northwind Robotics for $6,800 million."]), ["a>c also [b]"]);
  assert.deepEqual(cited([first, "Halvorsen Industries agreed to buy Northwind Robotics for more than $6.8 billion."]), ["a>c also []"]);
  assert.deepEqual(cited([first, "Halvorsen Industries agreed to buy Northwind Robotics for $6.82 billion."]), ["a>c also []", "b>c also []"]);
});

test("a tolerance makes figures that close one figure: neither flagged against the other, both cited when a raise changes them", () => {
  const cited = (story: Story, tolerance?: number) => {
    const index = new CorpusIndex(tolerance === undefined ? {} : { tolerance });
    story.forEach(([date, body], i) => index.set({ path: `${String.fromCharCode(97 + i)}.md`, text: `---\ndate: ${date}\n---\n\n${body}\n` }));
    return index.result().contradictions.filter((c) => c.kind !== "polarity").map((c) => `${c.earlier[0]}>${c.later[0]} also [${(c.alsoEarlier ?? []).map((x) => x[0]).join("")}]`).sort();
  };
  const two: Story = [
    ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
    ["2026-01-06", "Halvorsen Industries agreed to buy Northwind Robotics for $7.2 billion."],
  ];
  const raised: Story = [...two, ["2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to $9 billion."]];
  assert.deepEqual(cited(two), ["a>b also []"]);
  assert.deepEqual(cited(two, 0.1), []);
  assert.deepEqual(cited(raised), ["a>b also []", "a>c also []", "b>c also []"]);
  assert.deepEqual(cited(raised, 0.1), ["a>c also [b]"]);
});

test("a figure is held as written, to the rounding of its last digit: 'more than', 'up to' and ranges allow for the rounding of their ends, and no more", () => {
  const against = (earlier: string, later: string) => flagsOf([
    ["2026-01-05", `Halvorsen Industries agreed to buy Northwind Robotics for ${earlier}.`],
    ["2026-02-05", `Halvorsen Industries agreed to buy Northwind Robotics for ${later}.`],
  ]).filter((f) => !f.startsWith("polarity"));
  const held: Array<[string, string]> = [
    ["$5.8 billion", "more than $6 billion"],
    ["$7.2 billion", "up to $7 billion"],
    ["$6.8 billion", "$6.76 billion"],
    ["$6.8 billion", "$6.84 billion"],
    ["$5.8 billion", "$6-7 billion"],
    ["$7.3 billion", "$6-7 billion"],
    ["$7.3 billion", "$6 billion to $7 billion"],
  ];
  for (const [earlier, later] of held) assert.deepEqual(against(earlier, later), [], `${earlier}, then ${later}`);
  const changed: Array<[string, string]> = [["$7.9 billion", "$6-7 billion"], ["$5.2 billion", "$6-7 billion"], ["$6.8 billion", "$7 billion to $8 billion"]];
  for (const [earlier, later] of changed) assert.deepEqual(against(earlier, later), ["deal-value a>b superseded"], `${earlier}, then ${later}`);
});

test("an expectation is renewed by each report of it: a deal called off is held against the latest", () => {
  const index = new CorpusIndex();
  const article = (path: string, date: string, body: string) => index.set({ path, text: `---\ndate: ${date}\n---\n\n${body}\n` });
  article("a.md", "2026-01-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close in the first quarter of 2027.");
  article("b.md", "2026-03-05", "The Halvorsen Industries deal for Northwind Robotics is expected to close in the first quarter of 2027, the companies said.");
  article("c.md", "2026-11-02", "Halvorsen Industries and Northwind Robotics terminated their merger agreement.");
  const flags = index.result().contradictions.filter((c) => c.slot === "deal-status");
  assert.deepEqual(flags.map((f) => [f.earlier.split("#")[0], f.alsoEarlier!.map((id) => id.split("#")[0]), f.later.split("#")[0]]), [["b.md", ["a.md"], "c.md"]]);
});
