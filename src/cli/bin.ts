import { run } from "./main";

const result = run(process.argv.slice(2), { isTTY: process.stdout.isTTY, noColor: "NO_COLOR" in process.env });
if (result.stderr) process.stderr.write(result.stderr);
process.stdout.write(result.stdout, () => process.exit(result.code));
