// Draws the marketplace icon (media/icon.png, 128×128): the activity-bar glyph on a tile, rendered by
// Debian's Chromium (the one the UI tests use). Run again after changing the drawing: node scripts/icon.mjs
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, copyFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="128" height="128" viewBox="0 0 128 128">
  <defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#24507a"/><stop offset="1" stop-color="#153251"/></linearGradient></defs>
  <rect x="4" y="4" width="120" height="120" rx="24" fill="url(#g)"/>
  <g transform="translate(10 8) scale(4.4)" fill="none" stroke="#f4f7fb" stroke-width="1.5" stroke-linecap="round" stroke-linejoin="round">
    <path d="M5 3h9l4 4v6"/><path d="M5 3v18h7"/><path d="M8 8h5M8 11h7M8 14h3"/>
    <circle cx="16.5" cy="17" r="3.5" fill="#153251"/><path d="M19 19.5l2.5 2.5"/>
    <path d="M16.5 15.3v1.6M16.5 18.6v.1" stroke="#ffb74a"/>
  </g>
</svg>`;
const dir = mkdtempSync(join(tmpdir(), "icon-"));
writeFileSync(join(dir, "icon.html"), `<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
execFileSync(process.env.CHROMIUM || "/usr/bin/chromium", [
  "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--default-background-color=00000000",
  "--window-size=128,128", `--screenshot=${join(dir, "icon.png")}`, `file://${join(dir, "icon.html")}`,
], { stdio: "ignore", env: { ...process.env, XDG_CONFIG_HOME: join(dir, "config"), XDG_CACHE_HOME: join(dir, "cache") } });
copyFileSync(join(dir, "icon.png"), new URL("../media/icon.png", import.meta.url));
rmSync(dir, { recursive: true, force: true });
