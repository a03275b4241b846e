/**
 * The `$ ivr audit …` and `$ ivr graph …` examples of docs/audit.md are real
 * runs. A line `…` in a block stands for lines left out: the lines between
 * the cuts must appear in the output in that order, each run of them
 * consecutive. `$ echo $?` is followed by the exit code of the run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runIvr } from '../cli/audit-context.js';

function argvOf(command: string): string[] {
  return [...command.matchAll(/"([^"]*)"|(\S+)/g)].map((match) => match[1] ?? match[2] ?? '').slice(1);
}

interface Example {
  command: string;
  lines: string[];
  exitCode?: number;
}

function docExamples(): Example[] {
  const markdown = readFileSync('docs/audit.md', 'utf8');
  return [...markdown.matchAll(/```\n\$ (ivr (?:audit|graph)[^\n]*)\n([\s\S]*?)\n```/g)].map((match) => {
    const lines = (match[2] ?? '').split('\n');
    const echo = lines.indexOf('$ echo $?');
    return echo < 0
      ? { command: match[1] ?? '', lines }
      : { command: match[1] ?? '', lines: lines.slice(0, echo), exitCode: Number(lines[echo + 1]) };
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
  const examples = docExamples();

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
