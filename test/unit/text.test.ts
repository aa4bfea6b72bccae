import { test } from "node:test";
import assert from "node:assert/strict";
import { readFrontMatter } from "../../src/core/text/frontMatter";
import { readStructure } from "../../src/core/text/structure";
import { splitSentences } from "../../src/core/text/sentences";
import { decodeArticle } from "../../src/core/text/decode";

test("front matter: read, absent, broken", () => {
  const ok = readFrontMatter("---\ntitle: A\ndate: 2026-01-12\n---\nBody");
  assert.deepEqual(ok.data, { title: "A", date: "2026-01-12" });
  assert.equal(ok.end, "---\ntitle: A\ndate: 2026-01-12\n---\n".length);
  assert.equal(readFrontMatter("No front matter").end, 0);
  const broken = readFrontMatter("---\ntitle: [unclosed\n---\nBody");
  assert.equal(broken.data, null);
  assert.match(broken.error!, /not valid YAML/);
  assert.match(readFrontMatter("---\ntitle: x\nBody without end").error!, /never closed/);
});

test("structure: markdown blocks with offsets; URLs and code blanked from the prose", () => {
  const md = "# Title\n\nA paragraph with [a link](https://x.test/2019/$5-billion) and `code 2020`.\n\n- item one\n- item two\n\n```\n$9 billion\n```\n";
  const { blocks, prose } = readStructure(md, "markdown");
  assert.deepEqual(blocks.map((b) => [b.kind, md.slice(b.start, b.end)]), [
    ["heading", "# Title"],
    ["paragraph", "A paragraph with [a link](https://x.test/2019/$5-billion) and `code 2020`."],
    ["listItem", "item one"],
    ["listItem", "item two"],
  ]);
  assert.equal(prose.length, md.length);
  assert.ok(!prose.includes("2019") && !prose.includes("2020") && !prose.includes("$9"));
  assert.ok(prose.includes("a link"));
});

test("structure: plain text keeps one block per line and reads short unpunctuated lines as headings", () => {
  const txt = "A Headline About a Deal\nThe first paragraph ends here.\nThe second one, too.\n  • a bullet point\n";
  const { blocks } = readStructure(txt, "text");
  assert.deepEqual(blocks.map((b) => [b.kind, txt.slice(b.start, b.end)]), [
    ["heading", "A Headline About a Deal"],
    ["paragraph", "The first paragraph ends here."],
    ["paragraph", "The second one, too."],
    ["listItem", "• a bullet point"],
  ]);
});

test("sentences: abbreviations, decimals and initials do not split", () => {
  const t = "Acme Inc. paid $1.25B to J. Smith on Jan. 5. Shares rose 2.3% in the U.S. market. “Done,” she said. Next?";
  const got = splitSentences(t, 0, t.length).map((s) => t.slice(s.start, s.end));
  assert.deepEqual(got, ["Acme Inc. paid $1.25B to J. Smith on Jan. 5.", "Shares rose 2.3% in the U.S. market.", "“Done,” she said.", "Next?"]);
});

test("decode: BOM dropped, binary and oversized refused, invalid UTF-8 replaced with a warning", () => {
  const bom = decodeArticle(new Uint8Array([0xef, 0xbb, 0xbf, 0x41]));
  assert.deepEqual(bom, { ok: true, text: "A", warnings: [] });
  assert.equal(decodeArticle(new Uint8Array([0x41, 0, 0x42])).ok, false);
  assert.match((decodeArticle(new Uint8Array(100), 10) as { reason: string }).reason, /above the/);
  const bad = decodeArticle(new Uint8Array([0x41, 0xff, 0x42]));
  assert.ok(bad.ok && bad.text === "A\uFFFDB" && bad.warnings.length === 1);
});
