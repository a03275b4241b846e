/**
 * Runs every `$ ivr …` line of a command's `--help` example and checks it
 * prints what the help shows under it, so pasted examples cannot go stale.
 * `…` ends a shortened output (the lines above it must open the real one);
 * `> /dev/null; echo $?` shows the exit code; `-o file` is written to a
 * temporary folder and must appear there.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { argvOf } from '../helpers/doc-examples.js';
import { runIvr } from './audit-context.js';

interface HelpExample {
  command: string;
  shown: string[];
}

const SHORTENED = '…';
const EXIT_CODE_ONLY = /\s*>\s*\/dev\/null;\s*echo \$\?$/;

function withoutTrailingBlanks(lines: string[]): string[] {
  let end = lines.length;
  while (end > 0 && (lines[end - 1] ?? '').trim() === '') end--;
  return lines.slice(0, end);
}

export function helpExamples(help: string): HelpExample[] {
  const block = help.slice(help.indexOf('Example:\n') + 'Example:\n'.length).split('\n').map((line) => line.replace(/^ {2}/, ''));
  const examples: HelpExample[] = [];
  for (const line of block) {
    if (line.startsWith('$ ')) examples.push({ command: line.slice(2), shown: [] });
    else examples[examples.length - 1]?.shown.push(line);
  }
  return examples.map((example) => ({ ...example, shown: withoutTrailingBlanks(example.shown) }));
}

async function checkExample({ command, shown }: HelpExample): Promise<void> {
  const exitCodeOnly = EXIT_CODE_ONLY.test(command);
  const argv = argvOf(command.replace(EXIT_CODE_ONLY, ''));
  const outIndex = argv.findIndex((arg) => arg === '-o' || arg === '--output');
  const written = outIndex >= 0 ? join(mkdtempSync(join(tmpdir(), 'ivr-help-')), argv[outIndex + 1] ?? 'out') : undefined;
  if (written !== undefined) argv[outIndex + 1] = written;
  const context = await runIvr(argv);
  if (exitCodeOnly) {
    expect(String(context.exitCode() ?? 0), command).toBe(shown.join('\n'));
    return;
  }
  expect(context.stderr(), command).toBe('');
  if (written !== undefined) expect(existsSync(written), command).toBe(true);
  const printed = withoutTrailingBlanks(context.stdout().split('\n'));
  const shortened = shown[shown.length - 1]?.trim() === SHORTENED;
  const expected = shortened ? shown.slice(0, -1) : shown;
  expect(shortened ? printed.slice(0, expected.length) : printed, command).toEqual(expected);
}

/** Checks every example of `ivr <command> --help`; returns how many ran. */
export async function checkHelpExamples(command: string): Promise<number> {
  const help = (await runIvr([command, '--help'])).stdout();
  const examples = helpExamples(help);
  for (const example of examples) await checkExample(example);
  return examples.length;
}
