import { test } from "node:test";
import assert from "node:assert/strict";
import { createAnalyzer } from "../../src/core";
import { dealOfLine } from "../../src/core/deals/parties";
import { buildOrgRecognizer } from "../../src/core/recognize/orgs";
import { stageChanged } from "../../src/core/deals/slots";

// Sentences of our own; every company is invented.

const analyzer = createAnalyzer();

/** The slot readings of one sentence, as "slot value modality". */
function readings(text: string, published = "2026-03-01"): string[] {
  const doc = analyzer.analyzeDocument({ path: "a.md", text: `---\ndate: ${published}\n---\n\nHalvorsen Industries agreed to buy Northwind Robotics.\n\n${text}\n` });
  return doc.claims.filter((c) => c.slot && c.start > 60).map((c) => `${c.concept} ${c.slot!.value} ${c.slot!.modality}`);
}

test("deal: a headline or lead names who buys whom, in the ways reports word it", () => {
  const orgs = buildOrgRecognizer();
  const deal = (line: string) => {
    const d = dealOfLine(line, { start: 0, end: line.length }, orgs, orgs.recognize(line));
    return d ? `${d.buyer ?? "?"}>${d.target ?? "?"} ${d.parties.join("+")}` : null;
  };
  const cases: Array<[string, string | null]> = [
    ["Halvorsen to buy Northwind for $6.8 billion", "halvorsen>northwind halvorsen+northwind"],
    ["Halvorsen Closes $6.8 Billion Northwind Deal", "halvorsen>northwind halvorsen+northwind"],
    ["Northwind Robotics agreed to be acquired by Halvorsen Industries", "halvorsen>northwind halvorsen+northwind"],
    ["Halvorsen's sweetened bid for Northwind wins board backing", "halvorsen>northwind halvorsen+northwind"],
    ["Halvorsen said Tuesday it has completed its acquisition of Northwind", "halvorsen>northwind halvorsen+northwind"],
    ["Contoso, Europe's largest cloud provider, has offered $3 billion to buy Fabrikam", "contoso>fabrikam contoso+fabrikam"],
    ["Alder, Pinecrest call off merger", "?>? alder+pinecrest"],
    ["Regulators weigh the Alder-Pinecrest merger", "?>? alder+pinecrest"],
    ["Birch Capital invests $500 million in Quillon Robotics", "birch>quillon birch+quillon"],
    // Near misses: no deal between the names.
    ["Halvorsen shares rose as analysts praised Northwind", null],
    ["Switzerland's regulator fines Contoso", null],
  ];
  for (const [line, want] of cases) assert.equal(deal(line), want, line);
});

test("slots: the word nearest a figure says which of the deal's figures it is", () => {
  const cases: Array<[string, string[]]> = [
    ["The deal values Northwind at $6.8 billion.", ["deal-value 6800000000 reported"]],
    ["Halvorsen will pay $54 a share in cash.", ["price-per-share 54 reported"]],
    ["Northwind would owe a $240 million break-up fee if it walked away.", ["termination-fee 240000000 conditional"]],
    ["The deal has an enterprise value of $7.5 billion.", ["deal-value 7500000000 reported"]],
    ["Halvorsen will also take on $1.2 billion of net debt.", ["net-debt 1200000000 reported"]],
    ["Quillon raised a $300 million funding round.", ["round-size 300000000 reported"]],
    ["Quillon now has a $4 billion valuation.", ["valuation 4000000000 reported"]],
    // Other sums, and a share price in a market report, fill no slot.
    ["Halvorsen expects $150 million in annual cost synergies.", []],
    ["Northwind shares rose 12% to $48.10 in early trading.", []],
    ["The offer is $600 million more than the one Northwind rejected.", []],
  ];
  for (const [text, want] of cases) assert.deepEqual(readings(text).filter((r) => !r.startsWith("deal-status")), want, text);
});

test("slots: how a figure is given — as fact, history, on a condition, or imagined", () => {
  const cases: Array<[string, string]> = [
    ["Halvorsen raised its offer from $6.8 billion.", "deal-value 6800000000 history"],
    ["Quillon was valued at $2 billion in 2024.", "valuation 2000000000 history"],
    ["Halvorsen would pay $300 million if the deal is terminated.", "termination-fee 300000000 conditional"],
    ["A rival bid could value Northwind at $8 billion.", "deal-value 8000000000 conditional"],
    ["Halvorsen is expected to offer $7 billion for Northwind.", "deal-value 7000000000 expected"],
  ];
  for (const [text, want] of cases) assert.ok(readings(text).includes(want), `${text}: ${readings(text).join("; ")}`);
});

test("slots: the dates a deal carries, and the ones a report calls possible", () => {
  const cases: Array<[string, string[]]> = [
    ["The outside date for the merger is May 26.", ["outside-date --05-26 reported"]],
    ["Northwind shareholders will vote on the deal on July 10.", ["vote-date --07-10 reported"]],
    ["The deal is expected to close in the first quarter of 2027.", ["expected-close 2027-01/2027-03 expected"]],
    ["The FTC sued in November to block the deal.", ["suit-date --11 reported"]],
    ["Halvorsen completed the acquisition on June 29, 2026.", ["completed-on 2026-06-29 reported"]],
    ["The deadline could be extended to Aug. 26.", ["outside-date --08-26 conditional"]],
  ];
  for (const [text, want] of cases) assert.deepEqual(readings(text).filter((r) => !r.startsWith("deal-status")), want, text);
});

test("slots: where the deal stands, with denials and expectations", () => {
  const stage = (text: string) => readings(text).filter((r) => r.startsWith("deal-status")).join("; ");
  assert.equal(stage("Regulators blocked the deal on Tuesday."), "deal-status blocked reported");
  assert.equal(stage("The FTC sued to block the deal."), "deal-status sued reported");
  assert.equal(stage("Halvorsen and Northwind terminated their merger agreement."), "deal-status terminated reported");
  assert.equal(stage("The European Commission approved the deal without conditions."), "deal-status cleared reported");
  assert.equal(stage("The deal is still pending regulatory approval."), "deal-status cleared expected");
  assert.equal(stage("The deal is to be completed by the end of the year."), "");
  assert.equal(stage("Regulators did not block the deal."), "");
  assert.equal(stage("The board approved the deal."), "", "a board's approval is no clearance");
  assert.equal(stage("Halvorsen could walk away from the deal."), "deal-status terminated expected");
});

test("stages: a change of course is flagged, progress is not", () => {
  assert.ok(stageChanged("agreed", "reported", "blocked"));
  assert.ok(stageChanged("agreed", "reported", "terminated"));
  assert.ok(stageChanged("blocked", "reported", "cleared"));
  assert.ok(stageChanged("terminated", "reported", "agreed"), "a deal revived");
  assert.ok(stageChanged("rejected", "reported", "agreed"));
  assert.ok(stageChanged("completed", "expected", "blocked"), "expected to close, then blocked");
  assert.ok(stageChanged("cleared", "expected", "sued"), "an approval expected, then a lawsuit");
  assert.ok(!stageChanged("agreed", "reported", "completed"));
  assert.ok(!stageChanged("cleared", "reported", "completed"));
  assert.ok(!stageChanged("talks", "reported", "agreed"));
  assert.ok(!stageChanged("sued", "reported", "blocked"));
  assert.ok(!stageChanged("blocked", "reported", "terminated"));
  assert.ok(!stageChanged("completed", "expected", "completed"));
});
