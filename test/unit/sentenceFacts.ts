// What every recognizer finds in the sentences of test/fixtures/sentences, one by one and read as one article.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { recognizeMoney } from "../../src/core/recognize/money";
import { recognizePercentages } from "../../src/core/recognize/percent";
import { recognizeDates } from "../../src/core/recognize/dates";
import { recognizeTerms } from "../../src/core/recognize/terms";
import { buildOrgRecognizer } from "../../src/core/recognize/orgs";

export const SENTENCES = readFileSync(join(__dirname, "..", "fixtures", "sentences", "sentences.txt"), "utf8").split("\n").filter(Boolean);
/** The sentences as one article, a paragraph of three sentences each. */
export const ARTICLE = SENTENCES.map((s, i) => s + (i % 3 === 2 ? "\n\n" : " ")).join("");

const orgs = buildOrgRecognizer();
export function factsOf(text: string) {
  return { money: recognizeMoney(text), percent: recognizePercentages(text), dates: recognizeDates(text, "2026-01-15"), terms: recognizeTerms(text), orgs: orgs.recognize(text) };
}

export function sentenceFacts() {
  return { sentences: SENTENCES.map((s) => ({ sentence: s, ...factsOf(s) })), article: factsOf(ARTICLE) };
}
