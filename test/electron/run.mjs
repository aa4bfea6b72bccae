// The same mocha suite in desktop VS Code via @vscode/test-electron (`npm run test:electron`), on a
// machine that can download VS Code. The workspace is a scratch copy of the sample corpus, as in run.mjs.
import { runTests } from "@vscode/test-electron";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { tmpdir } from "node:os";

const root = resolve(import.meta.dirname, "..", "..");
const ws = join(tmpdir(), "claimscope-electron-ws");
rmSync(ws, { recursive: true, force: true });
cpSync(join(root, "samples"), ws, { recursive: true });
mkdirSync(join(ws, "bad"), { recursive: true });
writeFileSync(join(ws, "bad", "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x1a]));
writeFileSync(join(ws, "bad", "notes.log"), "not an article\n");
try {
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, "dist", "test", "e2e", "index.js"),
    launchArgs: [ws, "--disable-extensions", "--disable-workspace-trust"],
  });
} catch (e) {
  console.error(`test-electron: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
}
