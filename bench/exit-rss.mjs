/**
 * Preloaded with `node --import` into a whole `ivr` process by bench/run.mjs:
 * prints the process's peak memory and its CPU time (user + system, all
 * threads, start-up included) on stderr as it exits, so that the command
 * itself needs no benchmark hook.
 */
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\nbench-peak-rss-kb ${usage.maxRSS}\nbench-cpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
