/**
 * The `$ ivr audit …` and `$ ivr graph …` examples of docs/audit.md are real
 * runs. A line `…` in a block stands for lines left out: the lines between
 * the cuts must appear in the output in that order, each run of them
 * consecutive. `$ echo $?` is followed by the exit code of the run.
 */
import { describe, expect, it } from 'vitest';
import { runIvr } from '../cli/audit-context.js';
import { argvOf, docExamples } from '../helpers/doc-examples.js';

interface Example {
  command: string;
  lines: string[];
  exitCode?: number;
}

/** The page's audit and graph examples; `$ echo $?` and the line after it give the exit code. */
function examplesOfPage(): Example[] {
  return docExamples('docs/audit.md', ['ivr audit', 'ivr graph']).map(({ command, output }) => {
    const lines = output.split('\n');
    const echo = lines.indexOf('$ echo $?');
    return echo < 0 ? { command, lines } : { command, lines: lines.slice(0, echo), exitCode: Number(lines[echo + 1]) };
  });
}

/** Runs of consecutive shown lines, split at the `…` cuts. */
function runsOf(lines: readonly string[]): string[][] {
  const runs: string[][] = [[]];
  for (const line of lines) {
    if (line.trim() === '…') runs.push([]);
    else (runs[runs.length - 1] as string[]).push(line);
  }
  return runs.filter((run) => run.length > 0);
}

describe('the examples of docs/audit.md are real runs', () => {
  const examples = examplesOfPage();

  it('finds the examples of the page', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((example) => [example.command, example] as const))('%s', async (_command, example) => {
    const context = await runIvr(argvOf(example.command));
    if (example.exitCode !== undefined) expect(context.exitCode() ?? 0).toBe(example.exitCode);
    const printed = context.stdout().split('\n');
    let from = 0;
    for (const run of runsOf(example.lines)) {
      const at = printed.findIndex((_, index) => index >= from && run.every((line, offset) => printed[index + offset] === line));
      expect(at, `not printed in order:\n${run.join('\n')}\n\nprinted:\n${printed.join('\n')}`).toBeGreaterThanOrEqual(0);
      from = at + run.length;
    }
  });
});
