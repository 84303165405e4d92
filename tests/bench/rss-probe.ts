import { writeFileSync } from "node:fs";

/**
 * Preloaded with `node --import` into a measured child when GNU time is absent: at exit it writes
 * the process's peak resident set size (KiB) and CPU time (µs, user and system), all from
 * getrusage, to the file the parent named.
 */
const target = process.env.THIDUA_BENCH_RSS_FILE;
if (target) {
  process.on("exit", () => {
    const usage = process.resourceUsage();
    writeFileSync(target, `${usage.maxRSS} ${usage.userCPUTime} ${usage.systemCPUTime}`);
  });
}
