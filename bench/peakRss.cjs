// Loaded with --require into a measured CLI run: writes the process's peak resident memory (KB) and the CPU time
// it used (ms) to the file named by CLAIMSCOPE_PEAK_FILE as it exits (the CLI ends with process.exit, which still
// runs exit handlers).
process.on("exit", () => {
  if (!process.env.CLAIMSCOPE_PEAK_FILE) return;
  const r = process.resourceUsage();
  require("node:fs").writeFileSync(process.env.CLAIMSCOPE_PEAK_FILE, JSON.stringify({ maxRssKb: r.maxRSS, cpuMs: (r.userCPUTime + r.systemCPUTime) / 1000 }));
});
