import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { CorpusIndex, toContract } from "../core";
import { readCorpus } from "./readCorpus";
import { formatText } from "./format/text";
import { formatSarif } from "./format/sarif";

declare const CLAIMSCOPE_VERSION: string;
const VERSION = typeof CLAIMSCOPE_VERSION === "string" ? CLAIMSCOPE_VERSION : "dev";

const USAGE = `usage: claimscope analyze DIR [--format text|json|sarif] [--fail-on-contradiction] [--max-size BYTES] [--no-color]

Reads the .txt and .md articles under DIR and reports their facts, claims, topics and the
statements that later articles contradict. Settings may be given in DIR/.claimscope.json.

  --format text|json|sarif   output (default text); json follows the claimscope/analysis@1 contract
  --fail-on-contradiction    exit 1 when any contradiction is found
  --max-size BYTES           skip files larger than this (default 5 MB)
  --no-color                 plain text output
  --version, --help`;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the command line; returns what to print and the exit code (kept apart from process for tests). */
export function run(argv: string[], env: { isTTY?: boolean; noColor?: boolean } = {}): CliResult {
  const err: string[] = [];
  const fail = (msg: string, code = 2): CliResult => ({ code, stdout: "", stderr: `claimscope: ${msg}\n` });
  if (argv.includes("--help") || argv.includes("-h")) return { code: 0, stdout: `${USAGE}\n`, stderr: "" };
  if (argv.includes("--version")) return { code: 0, stdout: `${VERSION}\n`, stderr: "" };
  const [cmd, ...rest] = argv;
  if (cmd !== "analyze") return fail(cmd ? `unknown command "${cmd}"\n${USAGE}` : USAGE);
  let dir: string | undefined;
  let format = "text";
  let failOn = false;
  let color = !!env.isTTY && !env.noColor;
  let maxSize: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === "--format" || a.startsWith("--format=")) {
      format = a.includes("=") ? a.split("=")[1]! : (rest[++i] ?? "");
      if (!["text", "json", "sarif"].includes(format)) return fail(`--format takes text, json or sarif, not "${format}"`);
    } else if (a === "--fail-on-contradiction") failOn = true;
    else if (a === "--no-color") color = false;
    else if (a === "--max-size") {
      maxSize = Number(rest[++i]);
      if (!Number.isFinite(maxSize) || maxSize <= 0) return fail("--max-size takes a positive number of bytes");
    } else if (a.startsWith("-")) return fail(`unknown option "${a}"\n${USAGE}`);
    else if (dir === undefined) dir = a;
    else return fail(`one folder at a time ("${dir}" and "${a}" given)`);
  }
  if (!dir) return fail(`analyze needs a folder\n${USAGE}`);
  const abs = resolve(dir);
  if (!existsSync(abs)) return fail(`folder not found: ${dir}`);
  if (!statSync(abs).isDirectory()) return fail(`not a folder: ${dir}`);

  const corpus = readCorpus(abs, maxSize ? { maxFileSize: maxSize } : {});
  for (const m of corpus.messages) err.push(`claimscope: ${m}`);
  if (!corpus.documents.length) err.push(`claimscope: no articles (.txt, .md) found in ${dir}`);
  const s = corpus.settings;
  const index = new CorpusIndex({ orgAliases: s.orgAliases, extraTerms: s.extraTerms, tolerance: s.tolerance, order: s.order, published: s.published });
  for (const d of corpus.documents) {
    const a = index.set(d);
    for (const p of a.problems) err.push(`claimscope: ${p.path}: ${p.message}`);
  }
  const snap = index.result();
  const stdout = format === "json" ? JSON.stringify(toContract(snap), null, 2) + "\n" : format === "sarif" ? formatSarif(snap, abs, VERSION) : formatText(snap, color);
  const code = failOn && snap.contradictions.length ? 1 : 0;
  return { code, stdout, stderr: err.length ? err.join("\n") + "\n" : "" };
}
