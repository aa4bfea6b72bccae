// npm start: the extension packaged (npm run package) and installed into a real VS Code (code-server) as a
// user installs it, opened on the sample corpus. Prints the address to open in a browser; Ctrl+C stops the server.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { ROOT, E2E, startCodeServer, installExtension } from "../test/e2e/codeServer.mjs";

execFileSync("npm", ["run", "package"], { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] });
const exts = join(E2E, "start", "exts");
rmSync(exts, { recursive: true, force: true });
mkdirSync(exts, { recursive: true });
installExtension(join(ROOT, "claimscope.vsix"), exts, "start-install");
const port = Number(process.env.PORT || 8080);
const server = await startCodeServer({ name: "start", port, testDriver: false, extensionsDir: exts });
const folder = join(ROOT, "samples");
console.log(`\nClaimscope is running in VS Code on the sample corpus:\n\n  ${server.url}/?folder=${encodeURIComponent(folder)}\n\nOpen it in a browser (Ctrl+C to stop). Set PORT to use another port.`);
const stop = async () => { await server.stop(); process.exit(0); };
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.child.on("exit", (code) => { console.log(`code-server exited (${code})`); process.exit(code ?? 1); });
