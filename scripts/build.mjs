// Bundles the CLI and the extension, each into one CommonJS file under dist/.
import { build } from "esbuild";
import { readFileSync, chmodSync, readdirSync } from "node:fs";
import { createHash } from "node:crypto";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
// The analysis code's identity: cached analyses are reused only by the build that made them.
const analysis = createHash("sha256");
for (const f of readdirSync("src/core", { recursive: true }).map(String).filter((f) => f.endsWith(".ts")).sort()) analysis.update(f).update(readFileSync(`src/core/${f}`));
const define = { CLAIMSCOPE_VERSION: JSON.stringify(pkg.version), CLAIMSCOPE_BUILD: JSON.stringify(analysis.digest("hex").slice(0, 16)) };
// --release (npm run package): no source maps, so the package holds no comment pointing at a map it lacks.
const release = process.argv.includes("--release");
// Node has had Unicode property escapes since 10, but esbuild's table lacks them for Node and would rewrite
// every `/\p{…}/u` literal as a `new RegExp(…)` built where it stands, on each call.
const supported = { "regexp-unicode-property-escapes": true };
const common = { bundle: true, platform: "node", target: "node18", format: "cjs", sourcemap: !release, logLevel: "warning", define, supported };

await build({ ...common, entryPoints: ["src/cli/bin.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } });
chmodSync("dist/cli.js", 0o755);
await build({ ...common, entryPoints: ["src/extension/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] });
// The analysis pool's worker thread, beside both (they load it from their own folder).
await build({ ...common, entryPoints: ["src/node/analysisWorker.ts"], outfile: "dist/worker.js" });

// The deal sheet's page script, with the charting library it draws with: one file the webview loads from the extension.
await build({ bundle: true, platform: "browser", target: "es2022", format: "iife", minify: true, logLevel: "warning", entryPoints: ["src/webview/dealSheet.ts"], outfile: "dist/webview/dealSheet.js", legalComments: "linked" });

// The extension's integration tests (run inside VS Code): the mocha entry and one file per suite.
const suites = readdirSync("test/e2e/suite").filter((f) => f.endsWith(".test.ts")).map((f) => `test/e2e/suite/${f}`);
await build({ ...common, entryPoints: ["test/e2e/index.ts"], outfile: "dist/test/e2e/index.js", external: ["vscode", "mocha"] });
await build({ ...common, entryPoints: suites, outdir: "dist/test/e2e/suite", external: ["vscode"] });
