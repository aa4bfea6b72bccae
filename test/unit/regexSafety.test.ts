import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { check } from "recheck";
import { CorpusIndex, FactLookup } from "../../src/core";
import { run } from "../../src/cli/main";
import { sampleDocuments, SAMPLES } from "./helpers";

const ROOT = join(__dirname, "..", "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : f.endsWith(".ts") ? [join(dir, f)] : []));
}

/** Every regular-expression literal written in src/. */
function literals(): Map<string, RegExp> {
  const out = new Map<string, RegExp>();
  for (const f of files(join(ROOT, "src"))) {
    const sf = ts.createSourceFile(f, readFileSync(f, "utf8"), ts.ScriptTarget.ES2022, true);
    const visit = (n: ts.Node) => {
      if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = n.getText(sf);
        const re = new Function(`return ${text}`)() as RegExp;
        out.set(`${re.source}/${re.flags}`, re);
      }
      ts.forEachChild(n, visit);
    };
    visit(sf);
  }
  return out;
}

/** Every regular expression the analysis and the CLI actually run (the built ones included), recorded while they run. */
function used(): Map<string, RegExp> {
  const out = new Map<string, RegExp>();
  const seen = new Set<string>();
  const proto = RegExp.prototype as unknown as Record<string | symbol, (...a: unknown[]) => unknown>;
  const names: Array<string | symbol> = ["exec", "test", Symbol.match, Symbol.matchAll, Symbol.replace, Symbol.split, Symbol.search];
  const saved = names.map((n) => proto[n]!);
  names.forEach((n, i) => {
    proto[n] = function (this: RegExp, ...a: unknown[]) {
      const key = `${this.source}/${this.flags}`;
      // Ours: run from the project's own source (libraries' expressions are theirs to check).
      if (!out.has(key) && !seen.has(key)) {
        // The first frame with a file: a pattern run through String.prototype.replace/match/matchAll/split
        // has V8's own frame (`at String.replace (<anonymous>)`) between it and its caller.
        const caller = (new Error().stack ?? "").split("\n").slice(2).find((l) => !l.includes("regexSafety.test") && !l.trimEnd().endsWith("(<anonymous>)") && !l.trimEnd().endsWith("(native)"));
        if (caller && /[\\/]src[\\/]/.test(caller) && !/node_modules/.test(caller)) out.set(key, new RegExp(this.source, this.flags));
        else seen.add(key);
      }
      return saved[i]!.apply(this, a);
    };
  });
  try {
    const index = new CorpusIndex({ extraTerms: [{ id: "earn-out", phrases: ["earn-out"] }], orgAliases: { Contoso: ["Contoso Cloud"] } });
    for (const d of sampleDocuments()) index.set(d);
    new FactLookup(index.result(), index.analyzer.lexicon).search("halvorsen 7.4");
    run(["analyze", SAMPLES, "--format", "sarif"]);
    run(["analyze", join(ROOT, "test", "fixtures", "merger")]);
  } finally {
    names.forEach((n, i) => { proto[n] = saved[i]!; });
  }
  return out;
}

test("patterns built at run time and run through String.prototype.replace/matchAll are among those checked", () => {
  const keys = [...used().keys()];
  // orgs.ts: TRAILING_SUFFIX is built from a string and only ever given to String.prototype.replace.
  assert.ok(keys.some((k) => k.startsWith("\\s(?:(?:Inc|Corp|") && k.includes("$/")), "the suffix pattern run by replace() is recorded");
  // money.ts and others run built patterns through matchAll: a literal never shows them.
  const lit = literals();
  assert.ok(keys.filter((k) => !lit.has(k)).length >= 10, `${keys.filter((k) => !lit.has(k)).length} built patterns recorded`);
});

test("every regular expression is free of super-linear backtracking (recheck)", { timeout: 600_000 }, async () => {
  const all = new Map([...literals(), ...used()]);
  assert.ok(all.size > 100, `found ${all.size} expressions`);
  const problems: string[] = [];
  for (const [key, re] of all) {
    // Limits by steps only, none by time: on a busy machine a time limit reads slowness as a vulnerability.
    const r = await check(re.source, re.flags.replace(/[gyd]/g, ""), { timeout: null, attackTimeout: null, incubationTimeout: null, seedingTimeout: null });
    if (r.status === "vulnerable") problems.push(`${key.slice(0, 160)}: ${r.complexity.summary}, e.g. ${r.attack.pattern}`);
    else if (r.status === "unknown") problems.push(`${key.slice(0, 160)}: not proven safe (${r.error.kind})`);
  }
  assert.deepEqual(problems, []);
});
