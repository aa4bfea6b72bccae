import { test } from "node:test";
import assert from "node:assert/strict";
import { CorpusIndex, dealSheets, DEFAULT_FLAG_SEVERITY } from "../../src/core";
import { dealSheetHtml, pagePolicy } from "../../src/extension/dealSheetPage";

const RESOURCES = { csp: "https://file+.vscode-resource.vscode-cdn.net", nonce: "abc123", style: "https://x/dealSheet.css", script: "https://x/dealSheet.js" };

function sheetOf(bodies: Array<[string, string]>) {
  const index = new CorpusIndex();
  bodies.forEach(([date, body], i) => index.set({ path: `${String(i + 1).padStart(2, "0")}-story.md`, text: `---\ndate: ${date}\n---\n\n${body}\n` }));
  return dealSheets(index.result(), undefined, DEFAULT_FLAG_SEVERITY)[0];
}

test("deal sheet page: each slot a table in corpus order, a chart only for a figure that moved, flags with their nature", () => {
  const sheet = sheetOf([
    ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion."],
    ["2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to $7.4 billion."],
  ]);
  const html = dealSheetHtml(sheet, RESOURCES);
  assert.match(html, /<h1>Halvorsen – Northwind<\/h1>/);
  assert.equal((html.match(/<canvas /g) ?? []).length, 1);
  assert.match(html, /data-series="\{&quot;unit&quot;:&quot;USD&quot;/);
  assert.deepEqual([...html.matchAll(/<td class="order">(\d+)<\/td>/g)].map((m) => m[1]).slice(0, 2), ["1", "2"]);
  assert.match(html, /<span class="badge nature superseded"[^>]*>superseded<\/span>\s*<span class="change">Deal value: \$6\.8 billion → \$7\.4 billion<\/span>/);
  assert.equal(dealSheetHtml(undefined, RESOURCES).includes("no longer in the corpus"), true);
});

test("deal sheet page: article text is inert, the policy allows only our files and the one script by its nonce", () => {
  const sheet = sheetOf([
    ["2026-01-05", "Halvorsen Industries agreed to buy Northwind Robotics for $6.8 billion <img src=x onerror=alert(1)> <script>alert(2)</script> [x](command:evil)."],
    ["2026-02-10", "Halvorsen Industries raised its offer for Northwind Robotics to $7.4 billion \"><script>alert(3)</script>."],
  ]);
  const html = dealSheetHtml(sheet, RESOURCES);
  assert.equal((html.match(/<script\b/g) ?? []).length, 1, "only our script");
  assert.match(html, /<script nonce="abc123" src="https:\/\/x\/dealSheet\.js"><\/script>/);
  assert.ok(!/<img\b/.test(html) && !/onerror=/.test(html.replace(/&lt;img src=x onerror=alert\(1\)&gt;/g, "")), "no markup from the article");
  assert.match(html, /&lt;script&gt;alert\(2\)&lt;\/script&gt;/);
  assert.equal(pagePolicy(RESOURCES), `default-src 'none'; img-src ${RESOURCES.csp}; style-src ${RESOURCES.csp}; script-src 'nonce-abc123'; font-src ${RESOURCES.csp}`);
});
