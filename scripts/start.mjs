// npm start: the extension, installed into a real VS Code (code-server), opened on the sample corpus.
// Prints the address to open in a browser; Ctrl+C stops the server.
import { cpSync, existsSync, mkdirSync, rmSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, E2E, startCodeServer } from "../test/e2e/codeServer.mjs";

const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const exts = join(E2E, "start", "exts");
const target = join(exts, `${pkg.publisher}.${pkg.name}-${pkg.version}`);
rmSync(exts, { recursive: true, force: true });
mkdirSync(target, { recursive: true });
// What the packaged extension holds: the files .vscodeignore lets in (the bundle, its analysis worker, …).
const packaged = readFileSync(join(ROOT, ".vscodeignore"), "utf8").split("\n").filter((l) => l.startsWith("!")).map((l) => l.slice(1).trim().replace(/\/\*\*$/, ""));
for (const f of packaged) {
  if (existsSync(join(ROOT, f))) cpSync(join(ROOT, f), join(target, f), { recursive: true });
}
const port = Number(process.env.PORT || 8080);
const server = await startCodeServer({ name: "start", port, testDriver: false, extensionsDir: exts });
const folder = join(ROOT, "samples");
console.log(`\nClaimscope is running in VS Code on the sample corpus:\n\n  ${server.url}/?folder=${encodeURIComponent(folder)}\n\nOpen it in a browser (Ctrl+C to stop). Set PORT to use another port.`);
const stop = async () => { await server.stop(); process.exit(0); };
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
server.child.on("exit", (code) => { console.log(`code-server exited (${code})`); process.exit(code ?? 1); });
