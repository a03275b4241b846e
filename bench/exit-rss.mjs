/**
 * Preloaded with `node --import` into a whole `ivr` process by bench/run.mjs:
 * prints the process's peak memory on stderr as it exits, so that the
 * command itself needs no benchmark hook.
 */
process.on('exit', () => {
  process.stderr.write(`\nbench-peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
