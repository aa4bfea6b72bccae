// `npm run test:mutation [GROUP…] [--report]`: Stryker over each group of modules in stryker.config.mjs, one after
// another, then the score of each file and the mutants that survived in bench/MUTATION.md.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = join(import.meta.dirname, "..");
process.env.CLAIMSCOPE_MUTATION_GROUP = "escaping"; // any group, to read the list
const { GROUPS } = await import(join(root, "stryker.config.mjs"));
// `--report`: only write bench/MUTATION.md from the reports the last runs left.
const reportOnly = process.argv.includes("--report");
const asked = process.argv.slice(2).filter((a) => a !== "--report");
const groups = reportOnly ? [] : asked.length ? asked : Object.keys(GROUPS);
for (const g of groups) {
  if (!GROUPS[g]) { console.error(`no group ${g}; groups: ${Object.keys(GROUPS).join(", ")}`); process.exit(2); }
  const r = spawnSync(process.execPath, [join(root, "node_modules", "@stryker-mutator", "core", "bin", "stryker.js"), "run", "stryker.config.mjs"], { cwd: root, stdio: "inherit", env: { ...process.env, CLAIMSCOPE_MUTATION_GROUP: g } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// Every group's last report, asked for now or not, so the page covers them all.
const rows = [];
const survivors = [];
for (const g of Object.keys(GROUPS)) {
  const file = join(root, "reports", "mutation", `${g}.json`);
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, "utf8"));
  for (const [path, f] of Object.entries(report.files)) {
    const count = (s) => f.mutants.filter((m) => s.includes(m.status)).length;
    const killed = count(["Killed", "Timeout"]), survived = count(["Survived", "NoCoverage"]);
    rows.push(`| ${g} | \`${path}\` | ${killed} | ${survived} | ${count(["CompileError", "RuntimeError"])} | ${killed + survived ? ((100 * killed) / (killed + survived)).toFixed(1) : "–"}% |`);
    const lines = f.source.split("\n");
    for (const m of f.mutants.filter((x) => x.status === "Survived" || x.status === "NoCoverage")) {
      const line = m.location.start.line;
      survivors.push(`- \`${path}:${line}\` ${m.mutatorName}${m.replacement !== undefined ? ` → \`${String(m.replacement).replace(/\s+/g, " ").slice(0, 80)}\`` : ""} (in \`${lines[line - 1].trim().slice(0, 90)}\`)`);
    }
  }
}
const total = rows.reduce((a, r) => { const c = r.split("|"); return [a[0] + Number(c[3]), a[1] + Number(c[4])]; }, [0, 0]);
// The hand-written notes (what the survivors are, the mutants disabled and why) are kept from the last page.
const page = join(root, "bench", "MUTATION.md");
const last = existsSync(page) ? readFileSync(page, "utf8") : "";
const notesAt = last.indexOf("\n## Notes\n");
const notes = notesAt < 0 ? "" : last.slice(notesAt + 1, last.indexOf("\n## Surviving mutants\n", notesAt) + 1);
writeFileSync(page, `# Mutation testing

\`npm run test:mutation\` (Stryker with its TypeScript checker; each group of modules run against the unit
tests that speak of it, see \`stryker.config.mjs\`). A mutant the checker rejects (it does not compile) is
not counted. Score = killed (or timed out) / (killed + survived).

| group | file | killed | survived | not compiled | score |
|---|---|---:|---:|---:|---:|
${rows.join("\n")}
| all | | ${total[0]} | ${total[1]} | | ${((100 * total[0]) / (total[0] + total[1])).toFixed(1)}% |

${notes}
## Surviving mutants
${survivors.length ? survivors.join("\n") : "None."}
`);
console.log(`bench/MUTATION.md: ${total[0]} killed, ${total[1]} survived`);
