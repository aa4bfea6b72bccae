// extensionTestsPath entry: VS Code calls run() inside the extension host (code-server here,
// @vscode/test-electron on a desktop). Runs every compiled suite beside this file with mocha.
import * as path from "path";
import * as fs from "fs";
import Mocha from "mocha";

export function run(): Promise<void> {
  // CLAIMSCOPE_E2E_GREP runs only the tests whose title matches (for working on one).
  const mocha = new Mocha({ ui: "tdd", color: false, timeout: 30000, reporter: "spec", grep: process.env.CLAIMSCOPE_E2E_GREP ? new RegExp(process.env.CLAIMSCOPE_E2E_GREP) : undefined });
  const dir = path.resolve(__dirname, "suite");
  for (const f of fs.readdirSync(dir).sort()) if (f.endsWith(".test.js")) mocha.addFile(path.join(dir, f));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures ? reject(new Error(`${failures} tests failed`)) : resolve()));
  });
}
