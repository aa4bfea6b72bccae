import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFragment } from "parse5";
import { applyEdits, CorpusIndex, dealSheets, DEFAULT_FLAG_SEVERITY, emptyAnnotationFile, noteOn, resolveReviews, reviewClaim, reviewContradiction, type DocumentInput } from "../../src/core";
import { escapeHtml, escapeMarkdown } from "../../src/extension/escape";
import { dealSheetHtml } from "../../src/extension/dealSheetPage";
import { pageElements, pageProblems, pageText } from "../webviewPolicy";
import { markdownFragment, tags, textOf, type Element, type Node } from "../markdownRender";

const HOSTILE = join(__dirname, "..", "fixtures", "hostile");

/** Text an article may hold that a renderer could read as a link, a command, markup or code. */
const PAYLOADS = [
  "[click](command:claimscope.removeAnnotation?%5B%22x%22%5D)",
  "[x](javascript:alert(1))",
  "[here](command:workbench.action.terminal.new \"title\")",
  "![pic](https://evil.example/p.png)",
  "<img src=x onerror=\"alert(1)\">",
  "<script>alert(2)</script>",
  "<a href=\"command:claimscope.openClaim\">open</a>",
  "<!-- hidden --> <b>bold</b>",
  "<https://evil.example/x>",
  "<ops@evil.example>",
  "https://evil.example/x",
  "see www.evil.example now",
  "mail ops@evil.example",
  "`rm -rf` and ``double``",
  "```\ncode fence\n```",
  "[ref]: command:claimscope.openClaim",
  "[ref] and [ref][] and [ref][ref]",
  "&lt;script&gt; &#58; &amp; &#x3C;",
  "\\[already escaped\\] \\",
  "**bold** _under_ ~~gone~~ | a | b |",
  "# heading",
  "- list item",
  "+ list item",
  "1. numbered",
  "2) numbered",
  "> quoted",
  "---",
  "===",
  "    indented code",
  "\tindented code",
  "line one\n# heading two\n[a](command:x)",
  "old mac\r# heading",
  "windows\r\n- item",
  "a  \nhard break",
  "$(zap) $(alert)",
  "{curly} |pipe| ~tilde~",
];

/** Markdown rendered as VS Code renders a hover or a tooltip, read back as HTML: its elements, and its text trimmed. */
function rendered(markdown: string): { elements: Element[]; text: string } {
  const root = markdownFragment(markdown);
  return { elements: tags(root), text: textOf(root).trim() };
}

/** What the reader must see: the article's text itself, its line ends read as spaces and its indentation dropped. */
const shown = (payload: string) => payload.replace(/\r\n?|\n/g, " ").replace(/^\s+/, "");

test("escapeMarkdown: each payload renders as its own text in one paragraph, with no link, image, code or markup", () => {
  for (const p of PAYLOADS) {
    const r = rendered(escapeMarkdown(p));
    assert.deepEqual(r.elements.map((e) => e.tagName), ["p"], `${JSON.stringify(p)} → ${escapeMarkdown(p)}`);
    assert.equal(r.text, shown(p), JSON.stringify(p));
  }
});

test("escapeMarkdown: inside the hover's own markup (bold, a quote, a link label) a payload stays text and the link stays ours", () => {
  for (const p of PAYLOADS) {
    const e = escapeMarkdown(p);
    const bold = rendered(`**Note:** ${e} · *(${e})*`);
    assert.deepEqual(bold.elements.map((x) => x.tagName), ["p", "strong", "em"], JSON.stringify(p));
    const item = rendered(`- ⚠ contradicted: [${e}](command:claimscope.openClaim?%5B%22a%22%5D "Open") — “${e}”`);
    const links = item.elements.filter((x) => x.tagName === "a");
    assert.equal(links.length, 1, JSON.stringify(p));
    assert.equal(links[0]!.attrs.find((a) => a.name === "href")!.value, "command:claimscope.openClaim?%5B%22a%22%5D");
    assert.equal(textOf(links[0]! as unknown as Node), shown(p), JSON.stringify(p));
    assert.deepEqual(item.elements.map((x) => x.tagName).filter((t) => t !== "a"), ["ul", "li"], JSON.stringify(p));
  }
});

test("escapeMarkdown: ordinary text is left readable (the near miss: only syntax is escaped)", () => {
  assert.equal(escapeMarkdown("Halvorsen pays $6.8 billion, or 54 a share — 12% of Northwind."), "Halvorsen pays $6.8 billion, or 54 a share — 12% of Northwind.");
  assert.equal(rendered(escapeMarkdown("2025. A year")).text, "2025. A year");
  assert.equal(rendered(escapeMarkdown("a-b + c = d # e")).text, "a-b + c = d # e");
});

test("escapeHtml: each payload is one text node or one attribute value, and nothing else", () => {
  for (const p of [...PAYLOADS, "\" onmouseover=\"alert(1)", "' autofocus onfocus='alert(1)", "</p><script>x</script>", "&quot;&#39;"]) {
    const frag = parseFragment(`<p title="${escapeHtml(p)}" data-x='${escapeHtml(p)}'>${escapeHtml(p)}</p>`) as unknown as Node;
    const els = tags(frag);
    assert.deepEqual(els.map((e) => e.tagName), ["p"], JSON.stringify(p));
    // The HTML parser turns a lone \r (and \r\n) into \n, as it does for any text.
    const read = p.replace(/\r\n?/g, "\n");
    assert.deepEqual(els[0]!.attrs.map((a) => [a.name, a.value]), [["title", read], ["data-x", read]], JSON.stringify(p));
    assert.equal(textOf(frag), read, JSON.stringify(p));
  }
});

function hostileDocuments(): DocumentInput[] {
  return readdirSync(HOSTILE).filter((f) => f.endsWith(".txt")).map((f) => ({ path: f, text: readFileSync(join(HOSTILE, f), "utf8") }));
}

const RESOURCES = {
  csp: "https://*.vscode-cdn.net",
  nonce: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
  style: "https://file+.vscode-resource.vscode-cdn.net/ext/media/dealSheet.css",
  script: "https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/dealSheet.js",
};
const RULES = { cspSource: RESOURCES.csp, resourceRoot: "https://file+.vscode-resource.vscode-cdn.net/ext/" };

test("hostile fixture: its payloads survive into claims and flags (so the views are tested with them)", () => {
  const index = new CorpusIndex({});
  for (const d of hostileDocuments()) index.set(d);
  const snap = index.result();
  const texts = snap.documents.flatMap((d) => d.analysis.claims.map((c) => c.text)).join("\n");
  for (const p of ["](command:", "<img src=x onerror=", "<script>", "javascript:", "<https://evil.example/x>", "`rm -rf`"]) assert.ok(texts.includes(p), p);
  assert.ok(snap.contradictions.length >= 3, `${snap.contradictions.length} flags`);
  const flagged = snap.contradictions.map((c) => snap.documents.flatMap((d) => d.analysis.claims).find((x) => x.id === c.earlier)!.text);
  assert.ok(flagged.some((t) => t.includes("<img")) && flagged.some((t) => t.includes("<script>")), "flagged claims carry HTML");
});

test("deal sheet page: hostile statements and notes are shown as text, the page passes the policy check", () => {
  const index = new CorpusIndex({});
  for (const d of hostileDocuments()) index.set(d);
  const snap = index.result();
  const stamp = (i: number) => ({ id: `00000000-0000-4000-8000-00000000000${i}`, now: "2026-11-21T10:00:00.000Z", creator: "<img src=x onerror=alert(9)>" });
  const [first, second] = snap.contradictions;
  const doc = snap.documents[0]!.analysis;
  const file = applyEdits(emptyAnnotationFile(), [
    { type: "put", annotation: reviewContradiction(snap, first!, "superseded", "<script>alert('note')</script> [x](command:y)", stamp(1)) },
    { type: "put", annotation: reviewClaim(snap, second!.earlier, "disputed", "\" onclick=\"alert(1)", stamp(2)) },
    { type: "put", annotation: noteOn(doc.path, doc.text, 0, 10, "<img src=x onerror=alert(8)>", stamp(3)) },
  ]);
  const sheets = dealSheets(snap, resolveReviews(snap, file), DEFAULT_FLAG_SEVERITY);
  assert.ok(sheets.length >= 1 && sheets.some((s) => s.flagCount >= 3), "the fixture's deal has its flags");
  for (const sheet of sheets) {
    const html = dealSheetHtml(sheet, RESOURCES);
    assert.deepEqual(pageProblems(html, RULES), [], sheet.label);
    const els = pageElements(html);
    assert.deepEqual(els.filter((e) => e.tag === "script").map((e) => e.attrs.src), [RESOURCES.script]);
    assert.ok(!els.some((e) => ["img", "iframe", "object", "embed"].includes(e.tag)), "no element from article text");
    assert.ok(els.filter((e) => e.tag === "a").every((e) => e.attrs.href === "#"), "links stay on the page");
    const text = pageText(html);
    // Each statement (cut to 220 characters on the page) is there as text, its markup with it.
    for (const v of sheet.slots.flatMap((s) => s.values)) assert.ok(text.includes(v.statement.replace(/\s+/g, " ").trim().slice(0, 150)), v.statement.slice(0, 60));
  }
  const all = sheets.map((s) => pageText(dealSheetHtml(s, RESOURCES))).join("\n");
  for (const p of ["<img src=x onerror=\"alert(1)\">", "<script>alert(2)</script>", "[click](javascript:alert(1))", "<script>alert('note')</script> [x](command:y)"]) assert.ok(all.includes(p), `shown as text: ${p}`);
  assert.deepEqual(pageProblems(dealSheetHtml(undefined, RESOURCES), RULES), [], "the empty page too");
});

const GOOD = `<!DOCTYPE html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${RULES.cspSource}; style-src ${RULES.cspSource}; script-src 'nonce-${RESOURCES.nonce}'">
<link rel="stylesheet" href="${RESOURCES.style}"></head>
<body><p>ok</p><a href="#" data-claim="a">x</a><script nonce="${RESOURCES.nonce}" src="${RESOURCES.script}"></script></body></html>`;

test("policy check: a sound page passes; each way a policy or page can let code in is caught", () => {
  assert.deepEqual(pageProblems(GOOD, RULES), []);
  const broken: Array<[string, string, RegExp]> = [
    ["'unsafe-inline' after the nonce", GOOD.replace(`'nonce-${RESOURCES.nonce}'`, `'nonce-${RESOURCES.nonce}' 'unsafe-inline'`), /unsafe-inline/],
    ["'unsafe-eval'", GOOD.replace("script-src", "script-src 'unsafe-eval'"), /unsafe-eval/],
    ["a remote host", GOOD.replace(`img-src ${RULES.cspSource}`, "img-src https://evil.example"), /remote or unknown source https:\/\/evil/],
    ["any https: source", GOOD.replace(`style-src ${RULES.cspSource}`, "style-src https:"), /remote or unknown source https:/],
    ["a wildcard", GOOD.replace(`img-src ${RULES.cspSource}`, "img-src *"), /remote or unknown source \*/],
    ["default-src not 'none'", GOOD.replace("default-src 'none'", "default-src 'self'"), /default-src/],
    ["no policy", GOOD.replace(/<meta[^>]*>/, ""), /0 Content-Security-Policy/],
    ["two policies", GOOD.replace("<head>", `<head><meta http-equiv="Content-Security-Policy" content="default-src *">`), /2 Content-Security-Policy/],
    ["an inline script", GOOD.replace("<p>ok</p>", `<p>ok</p><script nonce="${RESOURCES.nonce}">alert(1)</script>`), /inline <script>/],
    ["a script without the nonce", GOOD.replace("<p>ok</p>", `<script src="${RESOURCES.script}"></script>`), /nonce \(undefined\) is not the policy's/],
    ["a script with another nonce", GOOD.replace(`<script nonce="${RESOURCES.nonce}"`, `<script nonce="abcdefabcdefabcdefabcdef"`), /is not the policy's/],
    ["a script from elsewhere", GOOD.replace(`src="${RESOURCES.script}"`, `src="https://evil.example/x.js"`), /outside/],
    ["an event handler", GOOD.replace("<p>ok</p>", `<p onclick="alert(1)">ok</p>`), /event-handler/],
    ["a handler on an image", GOOD.replace("<p>ok</p>", `<img src="${RULES.resourceRoot}a.png" onerror="alert(1)">`), /event-handler/],
    ["a javascript: link", GOOD.replace(`href="#"`, `href="javascript:alert(1)"`), /script URL/],
    ["a link off the page", GOOD.replace(`href="#"`, `href="command:claimscope.openClaim"`), /leaves the page/],
    ["script-src naming the webview's source", GOOD.replace("script-src", `script-src ${RULES.cspSource}`), /every file of the webview's source/],
    ["script-src 'self'", GOOD.replace("script-src", "script-src 'self'"), /every file of the webview's source/],
    ["a short nonce", GOOD.replaceAll(RESOURCES.nonce, "abc"), /too short/],
    ["an inline style", GOOD.replace("<p>ok</p>", `<p style="color:red">ok</p>`), /inline style/],
    ["a meta refresh", GOOD.replace("<p>ok</p>", `<meta http-equiv="refresh" content="0;url=https://evil.example">`), /refresh/],
  ];
  // A webview's source may be several sources (code-server's is "'self' https://*.vscode-cdn.net"): each is its own.
  const several = { ...RULES, cspSource: `'self' ${RULES.cspSource}` };
  assert.deepEqual(pageProblems(GOOD.replaceAll(`img-src ${RULES.cspSource}`, `img-src ${several.cspSource}`), several), []);
  assert.ok(pageProblems(GOOD.replace(`img-src ${RULES.cspSource}`, `img-src ${several.cspSource} https://evil.example`), several).some((p) => /evil/.test(p)));
  for (const [what, html, expected] of broken) {
    const problems = pageProblems(html, RULES);
    assert.ok(problems.some((p) => expected.test(p)), `${what}: ${JSON.stringify(problems)}`);
  }
});
