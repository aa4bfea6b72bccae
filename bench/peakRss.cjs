// Loaded with --require into a measured CLI run: writes the process's peak resident memory (KB) to the file
// named by CLAIMSCOPE_PEAK_FILE as it exits (the CLI ends with process.exit, which still runs exit handlers).
process.on("exit", () => {
  if (process.env.CLAIMSCOPE_PEAK_FILE) require("node:fs").writeFileSync(process.env.CLAIMSCOPE_PEAK_FILE, String(process.resourceUsage().maxRSS));
});
