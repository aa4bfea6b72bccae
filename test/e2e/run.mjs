// Runs the extension's tests inside a real VS Code (code-server + Debian's Chromium via playwright-core):
// 1. the mocha integration suite in the extension host (dist/test/e2e), 2. a UI test that drives the
// workbench like a person and saves screenshots. `--screenshots DIR` also copies the README's pictures there.
// The extension host inherits this process's environment (through code-server): CLAIMSCOPE_E2E_GREP runs only
// the tests whose title matches, CLAIMSCOPE_LOAD_CORPUS=DIR gives the load test DIR's articles to index.
import { cpSync, mkdirSync, rmSync, writeFileSync, copyFileSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { format } from "node:util";
import { execFileSync } from "node:child_process";
import { ROOT, E2E, startCodeServer, workbenchUrl, launchBrowser, installExtension } from "./codeServer.mjs";
import { uiTest } from "./ui.mjs";

const args = process.argv.slice(2);
const shotsFor = args.includes("--screenshots") ? args[args.indexOf("--screenshots") + 1] : null;
const SHOTS = join(E2E, "shots");
const timeoutMs = Number(process.env.CLAIMSCOPE_E2E_TIMEOUT || 300) * 1000;
// The extension host runs elsewhere than this command: a relative folder is made absolute here.
if (process.env.CLAIMSCOPE_LOAD_CORPUS) {
  const corpus = (process.env.CLAIMSCOPE_LOAD_CORPUS = resolve(process.env.CLAIMSCOPE_LOAD_CORPUS));
  if (!existsSync(corpus)) throw new Error(`CLAIMSCOPE_LOAD_CORPUS=${corpus}: no such folder`);
  console.log(`load test corpus: ${corpus}`);
}

function workspace(name) {
  const ws = join(E2E, name);
  rmSync(ws, { recursive: true, force: true });
  cpSync(join(ROOT, "samples"), ws, { recursive: true });
  mkdirSync(join(ws, "bad"), { recursive: true });
  writeFileSync(join(ws, "bad", "binary.txt"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  writeFileSync(join(ws, "bad", "notes.log"), "not an article\n");
  // The hostile articles, in a dot-folder the corpus leaves out: the suite that tests them copies them in.
  cpSync(join(ROOT, "test", "fixtures", "hostile"), join(ws, ".fixtures", "hostile"), { recursive: true });
  return ws;
}

mkdirSync(SHOTS, { recursive: true });
const server = await startCodeServer({ name: "test-run" });
const browser = await launchBrowser();
let passed = 0, failed = 0;
try {
  // 1. integration tests in the extension host
  const ws = workspace("ws-tests");
  const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
  let done;
  const exited = new Promise((r) => (done = r));
  const counts = { passing: 0, failing: 0 };
  await page.exposeFunction("codeAutomationLog", (type, logArgs) => {
    const line = format(...(logArgs || []));
    let m;
    if ((m = /^\s*(\d+) passing/.exec(line))) counts.passing = Number(m[1]);
    if ((m = /^\s*(\d+) failing/.exec(line))) counts.failing = Number(m[1]);
    if (!/AgentHost|ChatModelSelection|AccountPolicyGate|open-vsx|Creating a socket|connection token|grace time|builtin extensions cache|Service Worker/.test(line)) console.log(`[vscode] ${line}`);
  });
  await page.exposeFunction("codeAutomationExit", (code) => done({ code }));
  page.on("pageerror", (e) => console.log("[pageerror]", e.message));
  await page.goto(workbenchUrl(server.url, ws, { ext: ROOT, tests: join(ROOT, "dist", "test", "e2e", "index.js") }));
  const res = await Promise.race([exited, new Promise((r) => setTimeout(() => r({ code: 124 }), timeoutMs))]);
  await page.screenshot({ path: join(SHOTS, "integration-end.png") }).catch(() => {});
  if (res.code === 124) console.log(`integration tests timed out after ${timeoutMs / 1000}s`);
  passed += counts.passing;
  failed += counts.failing + (res.code !== 0 && counts.failing === 0 ? 1 : 0);
  console.log(`integration (extension host): ${counts.passing} passing, ${counts.failing} failing, exit ${res.code}`);
  await page.context().close();

  // 2. the workbench driven like a person
  const ui = await uiTest(browser, workbenchUrl(server.url, workspace("ws-ui"), { ext: ROOT }), SHOTS);
  passed += ui.passed;
  failed += ui.failed;
  // 3. the packaged extension: `npm run package` makes claimscope.vsix, installed into code-server as a user
  // installs it; it activates and reads the corpus (run last: the package's build has no source maps).
  if (!process.env.CLAIMSCOPE_E2E_GREP && !shotsFor) {
    const t = Date.now();
    try {
      execFileSync("npm", ["run", "package"], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
      const exts = join(E2E, "vsix", "exts");
      rmSync(exts, { recursive: true, force: true });
      mkdirSync(exts, { recursive: true });
      installExtension(join(ROOT, "claimscope.vsix"), exts, "vsix-install");
      const installed = await startCodeServer({ name: "vsix", testDriver: false, extensionsDir: exts });
      try {
        const page = await (await browser.newContext({ viewport: { width: 1400, height: 900 } })).newPage();
        await page.goto(`${installed.url}/?folder=${encodeURIComponent(workspace("ws-vsix"))}`);
        await page.locator(".statusbar-item", { hasText: "6 articles" }).waitFor({ timeout: 90000 });
        await page.context().close();
      } finally {
        await installed.stop();
      }
      passed++;
      console.log(`vsix: PASS claimscope.vsix installs into code-server and activates on the corpus (${Date.now() - t} ms)`);
    } catch (e) {
      failed++;
      console.log(`vsix: FAIL ${String(e.message).split("\n")[0]}`);
    }
  }
  if (shotsFor) {
    mkdirSync(shotsFor, { recursive: true });
    for (const f of ui.screenshots) copyFileSync(join(SHOTS, f), join(shotsFor, f));
    console.log(`screenshots copied to ${shotsFor}`);
  }
} finally {
  await browser.close().catch(() => {});
  await server.stop();
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
