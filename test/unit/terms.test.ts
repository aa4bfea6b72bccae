import { test } from "node:test";
import assert from "node:assert/strict";
import { buildLexicon, recognizeTerms, termLabel } from "../../src/core/recognize/terms";
import { CorpusIndex, FactLookup, toContract } from "../../src/core";
import { buildOrgRecognizer } from "../../src/core/recognize/orgs";
import { beginnings } from "../../src/core/recognize/prefixes";
import { keepLongest } from "../../src/core/text/spans";
import fc from "fast-check";
import { generateCorpus } from "../../bench/generate";

const cases: Array<[string, Array<[string, string]>]> = [
  ["Microsoft still holds an exclusive license to the models", [["exclusive license", "exclusive-license"]]],
  ["it keeps its exclusive licensing rights", [["exclusive licensing rights", "exclusive-license"]]],
  ["exclusive rights to deploy the models across its products", [["exclusive rights", "exclusive-license"]]],
  ["exclusive rights to host the models on its cloud", [["exclusive rights", "cloud-exclusivity"]]],
  ["the exclusive cloud provider for all API calls", [["exclusive cloud provider", "cloud-exclusivity"]]],
  ["no longer the sole cloud provider", [["sole cloud provider", "cloud-exclusivity"]]],
  ["any stateless API calls", [["stateless API calls", "stateless-api"]]],
  ["its revenue-share agreement remains", [["revenue-share agreement", "revenue-share"]]],
  ["a revenue-sharing agreement", [["revenue-sharing agreement", "revenue-share"]]],
  ["after the recapitalization", [["recapitalization", "recapitalization"]]],
  ["a $110 billion funding round", [["funding round", "funding-round"]]],
  ["a break-up fee of $240 million", [["break-up fee", "break-up-fee"]]],
  ["a reverse termination fee", [["reverse termination fee", "break-up-fee"]]],
  ["a break fee of £24m", [["break fee", "break-up-fee"]]],
  ["Northwind agreed to be bought by Halvorsen", [["to be bought by", "acquisition"]]],
  ["the unit was purchased by a rival", [["was purchased by", "acquisition"]]],
  ["subject to regulatory approval", [["regulatory approval", "regulatory-approval"]]],
  ["the initial public offering", [["initial public offering", "ipo"]]],
  ["Halvorsen agreed to buy Northwind", [["buy", "acquisition"]]],
  ["the merger with Contoso", [["merger", "merger"]]],
];

test("terms: phrasings map to canonical ids, with context deciding what 'exclusive rights' names", () => {
  for (const [text, want] of cases) {
    const got = recognizeTerms(text).filter((f) => f.value !== "deal");
    assert.deepEqual(got.map((f) => [f.text, f.value]), want, text);
  }
});

test("terms: idioms that are not deal terms", () => {
  for (const text of ["high-stakes discussions", "what is at stake", "our stakeholders", "buy groceries", "shares bought by retail investors", "a lucky break"]) {
    assert.deepEqual(recognizeTerms(text).map((f) => f.value), [], text);
  }
});

test("terms: users extend the lexicon with plain phrases", () => {
  const lexicon = buildLexicon([{ id: "earn-out", label: "Earn-out", phrases: ["earn-out", "earnout payment"] }]);
  const got = recognizeTerms("an earnout payment of $50 million and an earn out", lexicon);
  assert.deepEqual(got.map((f) => [f.text, f.value]), [["earnout payment", "earn-out"], ["earn out", "earn-out"]]);
});

test("organisations: aliases, corporate suffixes and names deal phrasing marks", () => {
  const orgs = buildOrgRecognizer({ Contoso: ["Contoso Cloud"] });
  const text = "AWS and Azure compete. Northwind Robotics Inc. said Halvorsen agreed to acquire Fabrikam; Northwind later moved to Contoso Cloud.";
  const got = orgs.recognize(text).map((f) => [f.text, f.value]);
  assert.deepEqual(got, [
    ["AWS", "amazon"], ["Azure", "microsoft"], ["Northwind Robotics Inc.", "northwind"], ["Halvorsen", "halvorsen"],
    ["Fabrikam", "fabrikam"], ["Northwind", "northwind"], ["Contoso Cloud", "contoso"],
  ]);
  assert.equal(orgs.roleOf("ftc"), "regulator");
  assert.equal(orgs.roleOf("reuters"), "media");
});

test("organisations: bare names a story uses as companies; Title-Case headlines and people are not companies", () => {
  const orgs = buildOrgRecognizer();
  const ids = (text: string) => [...new Set(orgs.recognize(text).map((f) => f.value))];
  assert.deepEqual(ids("Vertex still holds the right. Vertex's rights run through 2030, while Nimbus's needs grow and Nimbus said so."), ["vertex", "nimbus"]);
  assert.deepEqual(ids("OpenAI Mega Deals With New Partners"), ["openai"]);
  // A common noun opening sentences is not a company, however often it "says" or "will".
  assert.deepEqual(ids("Executives declined to comment. Executives will meet again. Orlen said it agreed. Later, Orlen said no."), ["orlen"]);
  assert.deepEqual(ids("Denise Dresser said it was fine. Dresser's view: Dresser said no."), []);
  assert.deepEqual(ids("U.S.-based Cedar Bio Inc agreed. Brightline's London-listed shares fell."), ["cedar", "brightline"]);
  // What the company is, capitalised at a sentence's start, is not part of its name.
  const led = orgs.recognize("Drugmaker Veltrix Inc said it would buy Corlan. Veltrix will pay cash.").filter((f) => f.value === "veltrix");
  assert.deepEqual(led.map((f) => f.text), ["Veltrix Inc", "Veltrix"]);
});

test("terms: trying only the terms a word can begin is the same as scanning the text once per term", () => {
  assert.deepEqual([...beginnings("(?<!at )(?:equity |minority )?stakes?")].sort(), ["equ", "min", "sta"]);
  assert.deepEqual([...beginnings("[Bb]uy|go(?:es)? public|\\w+ deal|x?")].sort(), ["", "buy", "go ", "goe", "x"]);
  const quarters = beginnings("\\b(?:Q([1-4])|H\\d)\\s?'?\\d{2}");
  assert.ok(["q1 ", "q4'", "q20", "h00", "h9\t"].every((b) => quarters.has(b)) && [...quarters].every((b) => /^(?:q[1-4]|h\d)[\s'\d]$/.test(b)));
  assert.ok([...beginnings("\\d\\s[a-c]")].every((b) => /^\d(?:\s[a-c]?)?$/.test(b)) && beginnings("\\d\\s[a-c]").has("1 a"));
  const lexicon = buildLexicon([{ id: "earn-out", phrases: ["earn-out", "$5 price", "Ürün deal"] }]);
  const everyTerm = (text: string) => {
    const found = lexicon.flatMap(({ def, re }) => [...text.matchAll(new RegExp(re.source, re.flags.replace("y", "g")))].map((m) => ({ start: m.index!, end: m.index! + m[0].length, id: def.id })));
    return keepLongest(found, text.length).map((f) => `${f.start}-${f.end}`);
  };
  const viaPrefixes = (text: string) => recognizeTerms(text, lexicon).map((f) => `${f.start}-${f.end}`);
  for (const d of generateCorpus(40)) assert.deepEqual(viaPrefixes(d.text), everyTerm(d.text));
  const phrases = ["exclusive cloud provider", "Stakes", "a STAKE", "non-exclusive license", "break-up fee", "series B round", "$5 price", "ürün deal", "earn-out",
    "walked away from", "went public", "invest in", "the purchase of Contoso", "Buys Rival", "regulators approved", "re-stake", "x-stake", "2stake", "é", "K", "ſ", " ", "-", ".", "\n"];
  fc.assert(fc.property(fc.array(fc.oneof(fc.constantFrom(...phrases), fc.string({ maxLength: 3 })), { maxLength: 20 }).map((a) => a.join("")), (text) => {
    assert.deepEqual(viaPrefixes(text), everyTerm(text));
  }), { numRuns: 500 });
});

test("terms: a user's extra term has the user's label everywhere it is shown — topic (tree, report), lookup, hover's label — and the built-in lexicon alone does not know it", () => {
  const index = new CorpusIndex({ extraTerms: [{ id: "clawback", label: "Clawback clause", phrases: ["clawback"] }] });
  index.set({ path: "a.txt", text: "Halvorsen and Northwind signed a clawback worth $1 billion in March 2026.\n" });
  index.set({ path: "b.txt", text: "Halvorsen and Northwind ended the clawback in May 2026.\n" });
  const snap = index.result();
  assert.deepEqual(toContract(snap).topics.map((t) => t.label), ["Clawback clause"], "the topic the tree and the report show");
  const found = new FactLookup(snap, index.analyzer.lexicon).search("clawback");
  assert.deepEqual([...new Set(found.filter((e) => e.kind === "term" || e.kind === "claim").map((e) => e.value))], ["Clawback clause"], "lookup");
  assert.equal(termLabel("clawback", index.analyzer.lexicon), "Clawback clause", "the label a hover gives a term");
  assert.equal(termLabel("clawback", new CorpusIndex().analyzer.lexicon), "Clawback", "near miss: without the settings' lexicon, another label");
});
