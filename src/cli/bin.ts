import { once } from "node:events";
import { runThreaded } from "./main";

void runThreaded(process.argv.slice(2), { isTTY: process.stdout.isTTY, noColor: "NO_COLOR" in process.env }).then(async (result) => {
  if (result.stderr) process.stderr.write(result.stderr);
  let chunk = result.stdout;
  // Pieces are gathered into chunks of about 64 KB, and a full pipe is waited for, so memory stays flat.
  for (const piece of result.pieces ?? []) {
    chunk += piece;
    if (chunk.length >= 65536) {
      if (!process.stdout.write(chunk)) await once(process.stdout, "drain");
      chunk = "";
    }
  }
  process.stdout.write(chunk, () => process.exit(result.code));
});
