import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { readSimpleMarkdown } from "../../src/core/text/simpleMarkdown";
import { remarkShape, masked } from "../../src/core/text/structure";
import { generateCorpus } from "../../bench/generate";

/** The line scan either declines or reads exactly what remark reads: the same blocks and the same prose. */
function agreesWithRemark(text: string): boolean {
  const fast = readSimpleMarkdown(text);
  if (!fast) return false;
  const slow = remarkShape(text);
  assert.deepEqual(fast.blocks, slow.blocks, `blocks of ${JSON.stringify(text)}`);
  assert.equal(masked(text, fast.masks), masked(text, slow.masks), `prose of ${JSON.stringify(text)}`);
  return true;
}

// Lines and inline pieces of Markdown articles: mostly plain, some tricky.
const PLAIN_START = ["", "", "", " ", "  ", "   ", "# ", "## ", "###### ", "#", "#tag ", "2024 ", "- ", "- ", "* ", "+ ", "1. ", "2) ", "  - ", "-     "];
const TRICKY_START = ["    ", "\t", "####### ", "-", "- - -", "> ", "=== ", "--- ", "***", "```", "~~~", "<div>", "[ref]: https://x.test ", "| a | b |", "!"];
const PLAIN_INLINE = [
  "Northwind agreed to buy Contoso", "for $4.5 billion", "a 12% stake", ".", ". ", ", ", " ", "  ", "*big*", "_deal_", "**bold**", "&amp;",
  "[the filing](https://x.test/a)", "[https://x.test](https://x.test)", "[](https://x.test)", "![chart](img.png)", "(parens)", "|", "#", " #", "~", "—", "é", "😀",
];
const TRICKY_INLINE = ["[a [b] c](u)", "[link]", "[x][y]", "[x](u \"title\")", "[x](<u>)", "]", "[", "`code`", "<b>", "<https://x.test>", "\\[", "\\", " ##", "&nbsp;", "\u0000"];
const pick = (plain: string[], tricky: string[]) => fc.oneof({ weight: 12, arbitrary: fc.constantFrom(...plain) }, { weight: 1, arbitrary: fc.constantFrom(...tricky) });
const line = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(pick(PLAIN_START, TRICKY_START), fc.array(pick(PLAIN_INLINE, TRICKY_INLINE), { maxLength: 8 }), fc.constantFrom("", "", " ", "  ", "\t")).map(([a, b, c]) => a + b.join("") + c) },
  { weight: 1, arbitrary: fc.constant("") },
);
const document = fc.tuple(fc.array(line, { maxLength: 14 }), fc.constantFrom("\n", "\n", "\r\n", "\r")).map(([lines, eol]) => lines.join(eol));

test("markdown: the line scan reads what remark reads, or leaves the document to remark", () => {
  let read = 0;
  fc.assert(fc.property(document, (text) => { if (agreesWithRemark(text)) read++; }), { numRuns: 3000 });
  assert.ok(read > 500, `the scan read ${read} of 3000 documents itself`);
});

test("markdown: articles as they come (samples, fixtures, generated) read the same both ways", () => {
  const here = join(__dirname, "..", "..");
  const files = [join(here, "samples"), ...readdirSync(join(here, "test", "fixtures")).map((d) => join(here, "test", "fixtures", d))]
    .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith(".md")).map((f) => readFileSync(join(dir, f), "utf8")));
  const texts = [...files, ...generateCorpus(30).filter((d) => d.path.endsWith(".md")).map((d) => d.text.replace(/^---[\s\S]*?---\n/, (m) => m.replace(/[^\n]/g, " ")))];
  const read = texts.filter(agreesWithRemark).length;
  assert.ok(read >= texts.length - files.length, `the scan read ${read} of ${texts.length}`);
});

test("markdown: what the scan declines", () => {
  for (const text of ["- a\n  - nested", "> a quote", "    indented code", "Title\n=====", "A <b>tag</b>", "Some `code`", "[ref]: https://x.test", "a [reference][r]", "escaped \\[", "a\rb", "# Title #"]) {
    assert.equal(readSimpleMarkdown(text), null, text);
  }
  assert.deepEqual(readSimpleMarkdown("# Deal\n\nNorthwind [buys](https://x.test) it.\nStill the same paragraph.\n"), {
    blocks: [{ kind: "heading", start: 0, end: 6 }, { kind: "paragraph", start: 8, end: 70 }],
    masks: [[18, 19], [23, 40]],
  });
  assert.deepEqual(readSimpleMarkdown("Key terms:\n- a stake\n- a fee\n\nAfter.")?.blocks.map((b) => b.kind), ["paragraph", "listItem", "listItem", "paragraph"]);
});
