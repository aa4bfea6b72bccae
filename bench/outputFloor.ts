// The output's floor, in a fresh process: how long writing a report as large as FILE's takes when nothing is left
// to analyse. FILE (a JSON report of the CLI) is parsed first, untimed; then each item of its lists is
// stringified and the text written in buffers of 1 MB to /dev/null, as the CLI writes its own report. No
// implementation of the contract writes its JSON in less; the CLI's own time includes this.
// node --import tsx bench/outputFloor.ts FILE — prints the milliseconds and the megabytes written.
import { closeSync, openSync, readFileSync, writeSync } from "node:fs";

const report = JSON.parse(readFileSync(process.argv[2]!, "utf8")) as Record<string, unknown>;
const started = performance.now();
const fd = openSync("/dev/null", "w");
let buf = Buffer.allocUnsafe(1 << 20), used = 0, written = 0;
const put = (text: string) => {
  // A UTF-16 code unit is at most 3 bytes of UTF-8.
  if (used + 3 * text.length > buf.length) {
    written += writeSync(fd, buf, 0, used);
    used = 0;
    if (3 * text.length > buf.length) { written += writeSync(fd, text); return; }
  }
  used += buf.write(text, used);
};
put("{");
Object.entries(report).forEach(([key, value], k) => {
  put(`${k ? "," : ""}${JSON.stringify(key)}:`);
  if (!Array.isArray(value)) return put(JSON.stringify(value));
  value.forEach((item, i) => put((i ? "," : "[") + JSON.stringify(item)));
  put(value.length ? "]" : "[]");
});
put("}\n");
written += writeSync(fd, buf, 0, used);
closeSync(fd);
process.stdout.write(JSON.stringify({ ms: performance.now() - started, mb: written / 1048576 }));
