import { once } from "node:events";
import { runThreaded } from "./main";
import { TerminalProgress } from "./progress";

const CHUNK = 1 << 20;
/** Often enough to see it move, seldom enough not to cost the analysis anything. */
const PROGRESS_EVERY_MS = 100;

// Progress goes to a terminal only, and never to one the report itself is written to as it is made.
const progress = process.stderr.isTTY
  ? new TerminalProgress((text) => process.stderr.write(text), () => process.stderr.columns, () => performance.now(), PROGRESS_EVERY_MS)
  : undefined;

// A reader that stops early (`claimscope analyze DIR | head`) closes the pipe: the rest is not wanted, which is no error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code !== "EPIPE") throw e;
  process.exit(process.exitCode ?? 0);
});

void runThreaded(process.argv.slice(2), { isTTY: process.stdout.isTTY, noColor: "NO_COLOR" in process.env, progress: progress && ((text) => progress.show(text)) }).then(async (result) => {
  process.exitCode = result.code;
  progress?.clear();
  if (result.stderr) process.stderr.write(result.stderr);
  // A large report takes a while to write: said while it is, unless the report is written to that same terminal.
  const writing = progress && result.pieces && !process.stdout.isTTY;
  if (writing) progress.show("writing the report…", true);
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
  process.stdout.write(buf.subarray(0, used), () => {
    if (writing) progress.clear();
    process.exit(result.code);
  });
});
