/** A CliContext for running any `ivr` command in-process (captured output, a fixed clock), and the runs made with it. */
import type { CliContext } from '../../src/cli/context.js';
import { parseMaxMb } from '../../src/cli/context.js';
import { runCli } from '../../src/cli/program.js';

export interface FakeContext extends CliContext {
  stdout: () => string;
  stderr: () => string;
  exitCode: () => number | undefined;
}

export function fakeContext(overrides: Partial<CliContext> = {}): FakeContext {
  const out: string[] = [];
  const err: string[] = [];
  let code: number | undefined;
  return {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    // Tuesday 1 December 2026, 15:00 UTC.
    now: () => Date.parse('2026-12-01T15:00:00Z'),
    locale: 'en',
    env: {},
    stdoutIsTTY: false,
    stdinIsTTY: false,
    setExitCode: (value) => {
      code = value;
    },
    maxBytes: parseMaxMb,
    ...overrides,
    stdout: () => out.join('\n'),
    stderr: () => err.join('\n'),
    exitCode: () => code,
  };
}

/** Runs `ivr …` in-process; vitest runs in the project root, so paths are relative to it. */
export async function runIvr(argv: string[], overrides: Partial<CliContext> = {}): Promise<FakeContext> {
  const context = fakeContext(overrides);
  await runCli(argv, context);
  return context;
}

export interface IvrRun {
  out: string;
  err: string;
  code: number | undefined;
}

/** What an in-process `ivr …` printed and the exit code it set. */
export async function ivrOutput(argv: string[], overrides: Partial<CliContext> = {}): Promise<IvrRun> {
  const context = await runIvr(argv, overrides);
  return { out: context.stdout(), err: context.stderr(), code: context.exitCode() };
}
