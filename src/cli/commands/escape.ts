/** `ivr escape <menu>`: the fastest route to a human, with alternatives, the advertised-only route and proof by replay. */
import { Command, Option } from 'commander';
import { roundedSeconds, usageError, type Locale, type Menu, type Situation } from '../../model/index.js';
import type { EscapeReport, Objective, Route } from '../../analysis/index.js';
import type { CliContext } from '../context.js';
import { loadMenuFile } from '../load-menu-file.js';
import { addSituationOptions, situationFrom, unusedSituationNames, type SituationFlags } from '../situation-options.js';

interface EscapeFlags extends SituationFlags {
  objective: Objective;
  json?: boolean;
  alternatives?: string;
  advertisedOnly?: boolean;
  verify?: boolean;
  maxMb: string;
}

function alternativesCount(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const count = Number(text);
  if (!Number.isInteger(count) || count < 1 || count > 100) {
    throw usageError('bad_option', {
      en: `--alternatives "${text}" must be a whole number from 1 to 100.`,
      'zh-CN': `--alternatives "${text}" 必须是 1 到 100 之间的整数。`,
    });
  }
  return count;
}

function routesOf(report: EscapeReport): Route[] {
  return [report.route, report.fastest, ...(report.alternatives ?? [])].filter((route): route is Route => route?.reachable === true);
}

/**
 * Replays every route of the report through the machine and returns how many
 * it replayed (0 when nobody is reachable); a disagreement is a bug: a plain
 * Error, which the program's catch prints as an internal error, exit 70.
 */
export async function verifyReport(report: EscapeReport, menu: Menu, situation: Situation): Promise<number> {
  const { replayRoute, describeMismatch } = await import('../../analysis/replay.js');
  const replayed = routesOf(report);
  for (const route of replayed) {
    const check = replayRoute(menu, situation, route);
    if (!check.ok) throw new Error(describeMismatch(check, route.script));
  }
  return replayed.length;
}

/** Said instead of "other hours / a fact would help" when announced options alone reach nobody (the route follows it). */
const HIDDEN_ONLY = 'A person is reachable now, but not through announced options alone (run without --advertised-only for the steps):';

export function register(program: Command, context: CliContext): void {
  const command = program
    .command('escape')
    .description('find the fastest route to a human: steps, menu time, hold, total, strategies and dial string')
    .argument('<menu>', 'an ivr-menu/1 JSON file');
  addSituationOptions(command)
    .addOption(new Option('--objective <objective>', 'what to minimise: total (menu + hold), menu (menu time), keys (caller actions)')
      .choices(['total', 'menu', 'keys']).default('total'))
    .option('--json', 'print the route as JSON (menu-format.md shape, plus strategies, script, situation; unlockedBy when nobody is reachable)')
    .option('--alternatives <n>', 'also list the best routes that differ in agent reached or strategy set (n routes in all)')
    .option('--advertised-only', 'use only announced options (no hidden keys, invalid entries or silence); report the hidden-shortcut gain')
    .option('--verify', 'replay every printed route through the call machine and check node and time (to 1 ms); with nobody reachable nothing is replayed and nothing is claimed verified')
    .option('--max-mb <n>', 'refuse menu files larger than this many megabytes', '64')
    .addHelpText('after', `
Exit codes: 0 a route or a finding that none exists, 2 bad input or usage, 70 a route failed its replay (a bug).
A --fact or --caller name that no branch of the menu reads is warned about on stderr (the run goes on).

Example:
  $ ivr escape tests/fixtures/menus/worked-example.json --at "tue 10:00"
  Example Bank credit-card line · tue 10:00 · objective total
    1. Listen 4.4 s (welcome)
    2. Press 3 (Lost card) 0.5 s
    3. Hold ≈ 45 s (lostCardQueue)
  Menu time 4.9 s · hold ≈ 45 s · total ≈ 49.9 s
  Actions: 1 · reaches lostCardQueue (queue fraud)
  Strategies: advertised, department-choice
  Dial: +18005550100,,,3`)
    .action(async (file: string, flags: EscapeFlags) => {
      const maxBytes = context.maxBytes(flags.maxMb);
      const alternatives = alternativesCount(flags.alternatives);
      const situation = situationFrom(flags, context.now);
      const { menu } = loadMenuFile(file, maxBytes);
      for (const warning of await unusedSituationNames(menu, flags, context.locale)) context.err(warning);
      // The escape modules only, not the analysis index (audit, metrics, rules and their schemas).
      const [{ escapeReport }, { routeJson }] = await Promise.all([import('../../analysis/escape.js'), import('../../analysis/route.js')]);
      const report = escapeReport(menu, { situation, objective: flags.objective, advertisedOnly: flags.advertisedOnly ?? false, alternatives });
      // Routes replayed; undefined without --verify. With nothing reachable nothing is replayed, and nothing is claimed.
      const replayed = flags.verify ? await verifyReport(report, menu, situation) : undefined;
      // Nobody reachable: say what would change that (other hours, a fact, a caller flag), searched under the
      // same restriction. Not when only unannounced options reach a person: a person IS reachable now.
      const hiddenOnly = !report.route.reachable && report.route.reason === 'not_advertised';
      const unlock = report.route.reachable || hiddenOnly ? undefined : await import('../../analysis/unlock.js');
      const unlocks = unlock?.whatUnlocks(menu, situation, { advertisedOnly: flags.advertisedOnly ?? false });
      if (flags.json) {
        const json = routeJson(report.route, menu, situation);
        if (report.fastest !== undefined) json.fastest = routeJson(report.fastest, menu, situation);
        if (report.hiddenShortcutGainMicros !== undefined) json.hiddenShortcutGainSeconds = roundedSeconds(report.hiddenShortcutGainMicros);
        if (report.alternatives !== undefined) json.alternatives = report.alternatives.map((route) => routeJson(route, menu, situation));
        if (report.alternativesExact === false) json.alternativesExact = false;
        if (unlocks !== undefined) json.unlockedBy = unlocks;
        if (replayed !== undefined && replayed > 0) json.verified = true;
        context.out(JSON.stringify(json, null, 2));
      } else {
        const { escapeText } = await import('../../report/route-text.js');
        const hints = hiddenOnly ? [HIDDEN_ONLY] : unlock && unlocks ? unlock.unlockSentences(unlocks) : undefined;
        const extras = { verified: replayed !== undefined && replayed > 0, ...(hints ? { unlocks: hints } : {}) };
        context.out(escapeText(report, menu, situation, extras));
      }
      context.setExitCode(0);
    });
}
