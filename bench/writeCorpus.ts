// Writes the generated corpus of N articles into DIR and prints its size in bytes: node --import tsx bench/writeCorpus.ts N DIR
// Run as its own process so that generating the texts does not count against the measured analysis's memory.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateCorpus } from "./generate";

const [n, dir] = [Number(process.argv[2]), process.argv[3]!];
let bytes = 0;
for (const d of generateCorpus(n)) {
  writeFileSync(join(dir, d.path), d.text);
  bytes += Buffer.byteLength(d.text);
}
process.stdout.write(String(bytes));
