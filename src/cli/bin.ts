import { once } from "node:events";
import { runThreaded } from "./main";

const CHUNK = 1 << 20;

// A reader that stops early (`claimscope analyze DIR | head`) closes the pipe: the rest is not wanted, which is no error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
});

void runThreaded(process.argv.slice(2), { isTTY: process.stdout.isTTY, noColor: "NO_COLOR" in process.env }).then(async (result) => {
  process.exitCode = result.code;
  if (result.stderr) process.stderr.write(result.stderr);
  // Pieces are encoded straight into buffers of 1 MB, each written whole once full, and a full pipe is
  // waited for: memory stays flat, and no string is built only to be copied again.
  let buf = Buffer.allocUnsafe(CHUNK), used = 0;
  const flush = async () => {
    const full = buf.subarray(0, used);
    buf = Buffer.allocUnsafe(CHUNK);
    used = 0;
    if (!process.stdout.write(full)) await once(process.stdout, "drain");
  };
  const pieces = function* () {
    yield result.stdout;
    yield* result.pieces ?? [];
  };
  for (const piece of pieces()) {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    if (used + 3 * piece.length > CHUNK) {
      if (used) await flush();
      if (3 * piece.length > CHUNK) {
        if (!process.stdout.write(piece)) await once(process.stdout, "drain");
        continue;
      }
    }
    used += buf.write(piece, used);
  }
  process.stdout.write(buf.subarray(0, used), () => process.exit(result.code));
});
