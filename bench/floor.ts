// The floor, in a fresh process: read every article of DIR and run one trivial regular expression over it.
// node --import tsx bench/floor.ts DIR — prints the milliseconds.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const dir = process.argv[2]!;
const started = performance.now();
let hits = 0;
for (const f of readdirSync(dir)) if (!f.startsWith(".")) hits += (readFileSync(join(dir, f), "utf8").match(/\$\d+/g) ?? []).length;
process.stdout.write(JSON.stringify({ ms: performance.now() - started, hits }));
