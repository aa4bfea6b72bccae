import { once } from "node:events";
import { runThreaded } from "./main";

// A reader that stops early (`claimscope analyze DIR | head`) closes the pipe: the rest is not wanted, which is no error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
});

void runThreaded(process.argv.slice(2), { isTTY: process.stdout.isTTY, noColor: "NO_COLOR" in process.env }).then(async (result) => {
  process.exitCode = result.code;
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
