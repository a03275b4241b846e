#!/usr/bin/env node
/** The `ivr` executable: wires the real process into the CLI. */
import { localeFrom } from './output.js';
import { parseMaxMb } from './context.js';
import { runCli } from './program.js';

// A reader that stops early (`ivr … | head`) closes the pipe: that is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const args = process.argv.slice(2);
const langIndex = args.indexOf('--lang');
await runCli(args, {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  now: () => Date.now(),
  locale: localeFrom(langIndex >= 0 ? args[langIndex + 1] : undefined, process.env),
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stdinIsTTY: Boolean(process.stdin.isTTY),
  setExitCode: (code) => {
    process.exitCode = code;
  },
  maxBytes: parseMaxMb,
});
