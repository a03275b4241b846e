/** A CliContext for running audit, compare and graph in-process: captured output, a fixed clock. */
import type { CliContext } from '../../src/cli/context.js';
import { parseMaxMb } from '../../src/cli/context.js';

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
