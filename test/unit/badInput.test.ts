import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync, openSync, ftruncateSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createAnalyzer, readSettings, DEFAULT_SETTINGS } from "../../src/core";
import { run } from "../../src/cli/main";

const analyzer = createAnalyzer();

test("bad input: an empty file is an article with nothing in it", () => {
  const a = analyzer.analyzeDocument({ path: "empty.txt", text: "" });
  assert.deepEqual([a.facts, a.claims, a.problems, a.published], [[], [], [], null]);
});

test("bad input: CRLF line ends and a BOM keep offsets and front matter right", () => {
  const text = "\uFEFF---\r\ndate: 2026-01-12\r\n---\r\nHalvorsen paid $5 billion.\r\nIt holds a 12% stake in Northwind.\r\n";
  const a = analyzer.analyzeDocument({ path: "crlf.md", text });
  assert.equal(a.published, "2026-01-12");
  for (const f of a.facts) assert.equal(text.slice(f.start, f.end), f.text);
  assert.deepEqual(a.facts.filter((f) => f.kind === "money" || f.kind === "stake").map((f) => f.text), ["$5 billion", "12%"]);
});

test("bad input: raw HTML and <script> in Markdown are not read as prose", () => {
  const text = "# Deal\n\n<script>var x = '$9 billion'; // 2019</script>\n\n<div>$8 billion</div>\n\nHalvorsen paid $5 billion.\n";
  const a = analyzer.analyzeDocument({ path: "html.md", text });
  assert.deepEqual(a.facts.filter((f) => f.kind === "money").map((f) => f.text), ["$5 billion"]);
  assert.ok(!a.facts.some((f) => f.text === "2019"));
});

test("bad input: article text after raw HTML on its line is read; the HTML stays blanked", () => {
  const text = "# Deal\n\n<script>var x = '$9 billion';</script> Zeta sold a 10% stake for $1 billion.\n\n<!-- $7 billion --> Halvorsen paid $5 billion.\n\n<div>$8 billion</div>\n";
  const a = analyzer.analyzeDocument({ path: "html.md", text });
  assert.deepEqual(a.facts.filter((f) => f.kind === "money" || f.kind === "stake").map((f) => f.text), ["10%", "$1 billion", "$5 billion"]);
  for (const f of a.facts) assert.equal(text.slice(f.start, f.end), f.text, "offsets into the file");
  assert.ok(a.claims.some((c) => c.text.startsWith("Zeta sold")), "a claim of the text, without the HTML");
  assert.ok(!a.claims.some((c) => c.text.includes("<")), "no claim quotes the HTML");
});

test("bad input: inline HTML inside a paragraph is blanked without making the paragraph's text a second block", () => {
  // The paragraph is read once: its sentences do not overlap, whatever the HTML inside it.
  for (const text of ["Zeta <b>sold</b> a 10% stake for $1 billion.", "\uFEFF\u0000<b>", "Zeta paid $2 billion <i>x</i>. Then <br> more."]) {
    const a = analyzer.analyzeDocument({ path: "inline.md", text });
    for (let i = 2; i < a.sentences.length; i += 2) assert.ok(a.sentences[i]! >= a.sentences[i - 1]!, `sentences overlap in ${JSON.stringify(text)}: ${[...a.sentences]}`);
  }
  const a = analyzer.analyzeDocument({ path: "inline.md", text: "Zeta <b>sold</b> a 10% stake for $1 billion." });
  assert.deepEqual(a.facts.filter((f) => f.kind === "stake" || f.kind === "money").map((f) => f.text), ["10%", "$1 billion"]);
});

test("bad input: a 1 MB single line is analysed (in slices of sentences), offsets intact", () => {
  const unit = "Halvorsen paid $5 billion for a 12% stake in Northwind on March 9, 2026, and ";
  const text = unit.repeat(Math.ceil(1_048_576 / unit.length));
  const a = analyzer.analyzeDocument({ path: "line.txt", text });
  const money = a.facts.filter((f) => f.kind === "money");
  assert.equal(money.length, Math.ceil(1_048_576 / unit.length));
  assert.equal(text.slice(money[money.length - 1]!.start, money[money.length - 1]!.end), "$5 billion");
});

test("bad input: a 50 MB file is skipped with a message; the rest of the corpus is analysed", () => {
  const dir = mkdtempSync(join(tmpdir(), "cs-big-"));
  const fd = openSync(join(dir, "huge.txt"), "w");
  ftruncateSync(fd, 50 * 1024 * 1024); // sparse: 50 MB without writing them
  closeSync(fd);
  writeFileSync(join(dir, "small.txt"), "Halvorsen paid $5 billion.\n");
  const r = run(["analyze", dir, "--format", "json"]);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /huge\.txt: file is 50\.0 MB, above the 5\.0 MB limit \(--max-size\); skipped/);
  assert.deepEqual(JSON.parse(r.stdout).documents.map((d: { path: string }) => d.path), ["small.txt"]);
});

test("bad input: malformed settings are reported one by one, defaults used, the rest applied", () => {
  const { settings, problems } = readSettings({ tolerance: "lots", maxProblems: -3, maxFileSize: 1000, order: ["b.md"] }, "claimscope");
  assert.equal(settings.tolerance, DEFAULT_SETTINGS.tolerance);
  assert.equal(settings.maxProblems, DEFAULT_SETTINGS.maxProblems);
  assert.equal(settings.maxFileSize, 1000);
  assert.deepEqual(settings.order, ["b.md"]);
  assert.equal(problems.length, 2);
  assert.match(problems.join("\n"), /"maxProblems" should be a whole number/);
  assert.equal(readSettings({ maxProblems: 0 }).settings.maxProblems, 0, "0 keeps the Problems panel free of flags");
  assert.match(readSettings([1, 2]).problems[0]!, /expected an object/);
});
