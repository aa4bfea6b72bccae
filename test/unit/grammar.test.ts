import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import * as oniguruma from "vscode-oniguruma";
import * as vsctm from "vscode-textmate";

const root = join(__dirname, "..", "..");

async function grammar(scope: string): Promise<vsctm.IGrammar> {
  const wasm = readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (name) => {
      const file = { "text.claimscope.article": "claimscope-article.tmLanguage.json", "claimscope.markdown.injection": "claimscope-markdown-injection.tmLanguage.json" }[name];
      return file ? vsctm.parseRawGrammar(readFileSync(join(root, "syntaxes", file), "utf8"), join(root, "syntaxes", file)) : null;
    },
  });
  const g = await registry.loadGrammar(scope);
  assert.ok(g, scope);
  return g;
}

function scopesOf(g: vsctm.IGrammar, line: string): Array<[string, string]> {
  const { tokens } = g.tokenizeLine(line, vsctm.INITIAL);
  return tokens
    .map((t) => [line.slice(t.startIndex, t.endIndex), t.scopes[t.scopes.length - 1]!] as [string, string])
    .filter(([, s]) => s.endsWith(".claimscope"));
}

test("grammar: money, stakes, percentages, dates, deal terms and organisations get their own scopes", async () => {
  const g = await grammar("text.claimscope.article");
  const got = scopesOf(g, "Microsoft holds a 27% stake after the $110 billion funding round in October 2025; shares fell 2.3% and its exclusive license ends.");
  assert.deepEqual(got, [
    ["Microsoft", "entity.name.function.organization.claimscope"],
    ["27%", "entity.name.type.stake.claimscope"],
    ["stake", "keyword.control.deal-term.claimscope"],
    ["$110 billion", "constant.numeric.money.claimscope"],
    ["funding round", "keyword.control.deal-term.claimscope"],
    ["October 2025", "string.other.date.claimscope"],
    ["2.3%", "variable.other.percentage.claimscope"],
    ["exclusive license", "keyword.control.deal-term.claimscope"],
  ]);
  assert.deepEqual(scopesOf(g, "an offer of 310p a share and a break fee"), [["310p", "constant.numeric.money.claimscope"], ["break fee", "keyword.control.deal-term.claimscope"]]);
  assert.deepEqual(scopesOf(g, "a multibillion-dollar deal with 336 billion transistors in 1080p"), []);
});

test("grammar: the Markdown injection compiles and marks the same facts", async () => {
  const g = await grammar("claimscope.markdown.injection");
  assert.deepEqual(scopesOf(g, "up to $5 billion, 18 months"), [["$5 billion", "constant.numeric.money.claimscope"], ["18 months", "string.other.date.duration.claimscope"]]);
});
