// Mutation testing (`npm run test:mutation`): one group of modules at a time, each run against only the
// unit tests that speak of it (the command runner re-runs that command for every mutant).
const GROUPS = {
  escaping: { mutate: ["src/extension/escape.ts", "src/core/hoverCommands.ts"], tests: ["escaping", "hoverCommands"] },
  annotations: { mutate: ["src/core/review/store.ts", "src/core/review/anchor.ts"], tests: ["review", "anchor"] },
  // Its tests start processes (a crash, two writers): slow, so apart.
  writer: { mutate: ["src/node/annotationWriter.ts"], tests: ["annotationFiles"] },
  flags: { mutate: ["src/core/deals/changes.ts"], tests: ["contradictions"] },
  cache: { mutate: ["src/core/analysisCache.ts"], tests: ["analysisCache", "cachedCorpus"] },
};

const name = process.env.CLAIMSCOPE_MUTATION_GROUP ?? "";
const group = GROUPS[name];
if (!group) throw new Error(`CLAIMSCOPE_MUTATION_GROUP must be one of ${Object.keys(GROUPS).join(", ")}`);

export { GROUPS };
export default {
  testRunner: "command",
  commandRunner: { command: `node --import tsx --test ${group.tests.map((t) => `test/unit/${t}.test.ts`).join(" ")}` },
  checkers: ["typescript"],
  tsconfigFile: "tsconfig.json",
  mutate: group.mutate,
  // The machine is shared: two mutants at a time at most.
  concurrency: Number(process.env.CLAIMSCOPE_MUTATION_CONCURRENCY ?? 1),
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  tempDirName: ".stryker-tmp",
  cleanTempDir: true,
  // A mutant that loops for ever is a kill; waiting long for it only slows the run.
  timeoutMS: 5_000,
  ignorePatterns: [".e2e", "dist", "media/screenshots", "out", "*.vsix"],
};
