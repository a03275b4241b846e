/**
 * The `$ ivr escape …` examples of docs/escape.md and README.md
 * are real runs: each command is run in-process and must print exactly the
 * output pasted under it. A block the page says is shortened (it holds `…`)
 * is compared line by line up to the cut; a block of warnings is stderr.
 * Examples on a menu the page writes out inline (no file in the project)
 * are left out.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runIvr } from '../cli/audit-context.js';
import { argvOf, docExamples, type DocExample } from '../helpers/doc-examples.js';

function runnableExamples(): DocExample[] {
  return [...docExamples('docs/escape.md', ['ivr escape']), ...docExamples('README.md', ['ivr escape'])].filter((example) => existsSync(argvOf(example.command)[1] ?? ''));
}

/** The printed lines up to the first shortened one (`…`), for a block that shows part of a long output. */
function uncut(output: string): string[] {
  const lines = output.split('\n');
  const cut = lines.findIndex((line) => line.includes('…'));
  return cut < 0 ? lines : lines.slice(0, cut);
}

describe('the examples of docs/escape.md are real runs', () => {
  const examples = runnableExamples();

  it('finds the examples of the page', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
  });

  it.each(examples.map((example) => [example.command, example] as const))('%s', async (_command, example) => {
    const context = await runIvr(argvOf(example.command));
    const warnings = example.output.split('\n').every((line) => line.startsWith('warning:'));
    const printed = (warnings ? context.stderr() : context.stdout()).split('\n');
    const shown = uncut(example.output);
    expect(printed.slice(0, shown.length)).toEqual(shown);
    if (shown.length === example.output.split('\n').length) expect(printed.length).toBe(shown.length);
  });
});
