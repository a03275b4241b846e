/**
 * The options audit, compare and graph share: `--format`, `-o/--out`,
 * `--max-mb` and the situation (`--at/--caller/--fact`), their parsing, and
 * where the output goes. One place, so the three commands cannot drift.
 */
import type { Command } from 'commander';
import { usageError } from '../model/index.js';
import type { CliContext } from './context.js';
import { writeFileAtomic } from './io.js';
import { addSituationOptions, list, situationFrom, type SituationFlags } from './situation-options.js';

export interface ReportFlags extends SituationFlags {
  format: string;
  out?: string;
  maxMb: string;
}

/** Adds --format (with its choices and default), -o/--out, --max-mb and the situation options. */
export function addReportOptions(command: Command, formats: readonly string[], defaultFormat: string): Command {
  command
    .option('--format <format>', `output: ${formats.join(', ')}`, defaultFormat)
    .option('-o, --out <file>', 'write to a file (atomically) instead of stdout')
    .option('--max-mb <n>', 'refuse menu files larger than this many megabytes', '64');
  return addSituationOptions(command, 'scan the week; routes at the hour where the announced route is fastest');
}

export function parseFormat<T extends string>(value: string, formats: readonly T[]): T {
  if (!(formats as readonly string[]).includes(value)) {
    throw usageError('bad_format', { en: `--format "${value}": use one of ${formats.join(', ')}.`, 'zh-CN': `--format "${value}":可选 ${formats.join(', ')}。` });
  }
  return value as T;
}

/** One moment with `--at`; otherwise the caller flags and facts, and the week is scanned. */
export function situationOptions(flags: SituationFlags, now: () => number) {
  if (flags.at !== undefined) return { situation: situationFrom(flags, now) };
  return { caller: new Set(list(flags.caller)), facts: new Set(list(flags.fact)) };
}

/** The report to `--out` (whole or not at all) or to stdout. */
export function emit(output: string, flags: Pick<ReportFlags, 'out'>, context: CliContext): void {
  if (flags.out !== undefined) writeFileAtomic(flags.out, output);
  else context.out(output.replace(/\r?\n$/, ''));
}
