// Bundles the CLI and the extension, each into one CommonJS file under dist/.
import { build } from "esbuild";
import { readFileSync, chmodSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const common = { bundle: true, platform: "node", target: "node18", format: "cjs", sourcemap: true, logLevel: "warning", define: { CLAIMSCOPE_VERSION: JSON.stringify(pkg.version) } };

await build({ ...common, entryPoints: ["src/cli/bin.ts"], outfile: "dist/cli.js", banner: { js: "#!/usr/bin/env node" } });
chmodSync("dist/cli.js", 0o755);
await build({ ...common, entryPoints: ["src/extension/extension.ts"], outfile: "dist/extension.js", external: ["vscode"] });

// The extension's integration tests (run inside VS Code): the mocha entry and one file per suite.
const { readdirSync } = await import("node:fs");
const suites = readdirSync("test/e2e/suite").filter((f) => f.endsWith(".test.ts")).map((f) => `test/e2e/suite/${f}`);
await build({ ...common, entryPoints: ["test/e2e/index.ts"], outfile: "dist/test/e2e/index.js", external: ["vscode", "mocha"] });
await build({ ...common, entryPoints: suites, outdir: "dist/test/e2e/suite", external: ["vscode"] });
