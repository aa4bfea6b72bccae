import { runThreaded } from "./main";

void runThreaded(process.argv.slice(2), { isTTY: process.stdout.isTTY, noColor: "NO_COLOR" in process.env }).then((result) => {
  if (result.stderr) process.stderr.write(result.stderr);
  process.stdout.write(result.stdout, () => process.exit(result.code));
});
