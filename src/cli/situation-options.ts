/**
 * The `--at`, `--caller`, `--fact` options shared by escape, call, audit and
 * graph: their help, their parsing into a Situation, and the warnings for
 * flags and facts that no branch of the menu reads.
 */
import type { Command } from 'commander';
import { parseMoment, situation, usageError, type Locale, type Menu, type Moment, type Situation } from '../model/index.js';

export interface SituationFlags {
  at?: string;
  caller?: string;
  fact?: string;
}

/** `atDefault` says in --help what happens without --at (now, or a scan of the week). */
export function addSituationOptions(command: Command, atDefault = 'now'): Command {
  return command
    .option('--at <time>', `the moment of the call: "tue 10:00" (each schedule's local time) or ISO 8601 with offset (default: ${atDefault})`)
    .option('--caller <flags>', 'caller flags, comma-separated (e.g. elderly,hasAccount)')
    .option('--fact <facts>', 'world facts that hold, comma-separated (e.g. holiday)');
}

/** `a, b,c` → `['a', 'b', 'c']`: the value of --caller, --fact and --rules. */
export function list(text: string | undefined): string[] {
  return (text ?? '').split(',').map((part) => part.trim()).filter((part) => part !== '');
}

/** The situation the flags describe; `now` is injected so tests need no clock. */
export function situationFrom(flags: SituationFlags, now: () => number): Situation {
  let moment: Moment = { kind: 'instant', epochMs: now() };
  if (flags.at !== undefined) {
    const parsed = parseMoment(flags.at);
    if (parsed === undefined) {
      throw usageError('bad_moment', {
        en: `--at "${flags.at}" is not a time: write "tue 10:00" or an ISO time with offset such as 2026-12-01T10:00:00-05:00.`,
        'zh-CN': `--at "${flags.at}" 不是有效时间:请写 "tue 10:00" 或带时区偏移的 ISO 时间,如 2026-12-01T10:00:00+08:00。`,
      });
    }
    moment = parsed;
  }
  return situation(moment, list(flags.caller), list(flags.fact));
}

/**
 * Warnings for --fact and --caller names that no branch of the menu reads (a
 * typo such as `holdiay` would otherwise change nothing without a word),
 * naming those the menu does read. The command still runs.
 */
export async function unusedSituationNames(menu: Menu, flags: SituationFlags, locale: Locale): Promise<string[]> {
  const given = { fact: list(flags.fact), caller: list(flags.caller) };
  if (given.fact.length === 0 && given.caller.length === 0) return [];
  const { namesInConditions } = await import('../analysis/unlock.js');
  const read = namesInConditions(menu);
  const known = { fact: read.facts, caller: read.callerFlags };
  const warnings: string[] = [];
  for (const option of ['fact', 'caller'] as const) {
    for (const name of given[option].filter((candidate) => !known[option].includes(candidate))) {
      warnings.push(unusedNameWarning(option, name, known[option], locale));
    }
  }
  return warnings;
}

function unusedNameWarning(option: 'fact' | 'caller', name: string, known: readonly string[], locale: Locale): string {
  const what = { fact: { en: 'fact', 'zh-CN': '事实' }, caller: { en: 'caller flag', 'zh-CN': '来电者标记' } }[option];
  const message = {
    en: `warning: --${option} "${name}" is not a ${what.en} this menu reads, so it changes nothing. `
      + (known.length === 0 ? `The menu reads no ${what.en}s.` : `The menu reads: ${known.join(', ')}.`),
    'zh-CN': `警告:--${option} "${name}" 不是此菜单读取的${what['zh-CN']},不起作用。`
      + (known.length === 0 ? `此菜单不读取任何${what['zh-CN']}。` : `此菜单读取:${known.join(', ')}。`),
  };
  return message[locale];
}
