/** `ivr audit <menu>`: the friction score with its evidence and rule results; fails CI on `--fail-above` / `--fail-on`. */
import type { Command } from 'commander';
import { auditMenu, type AuditReport } from '../../analysis/audit.js';
import { gradeRank, type FrictionWeights } from '../../analysis/score.js';
import { usageError } from '../../model/index.js';
import { auditText } from '../../report/audit-text.js';
import { auditDiagram } from '../../report/diagram.js';
import { toDot } from '../../report/dot.js';
import { auditHtml } from '../../report/html.js';
import { auditMarkdown } from '../../report/markdown.js';
import { toMermaid } from '../../report/mermaid.js';
import { dotToSvg } from '../../report/svg.js';
import type { CliContext } from '../context.js';
import { loadMenuFile } from '../load-menu-file.js';
import { unusedSituationNames } from '../situation-options.js';
import { loadProfiles, loadWeights } from '../rule-files.js';
import { addReportOptions, emit, parseFormat, situationOptions, type ReportFlags } from '../report-options.js';

const FORMATS = ['text', 'md', 'json', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface AuditFlags extends ReportFlags {
  json?: boolean;
  rules?: string;
  failAbove?: string;
  failOn?: string;
}

function parseFailAbove(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > 100) {
    throw usageError('bad_option', { en: `--fail-above "${text}" must be a number from 0 to 100.`, 'zh-CN': `--fail-above "${text}" 必须是 0 到 100 之间的数。` });
  }
  return value;
}

function parseFailOn(text: string | undefined, weights: FrictionWeights): number | undefined {
  if (text === undefined) return undefined;
  const rank = gradeRank(text, weights);
  if (rank < 0) {
    const grades = weights.grades.map((g) => g.grade).join(', ');
    throw usageError('bad_option', { en: `--fail-on "${text}" must be a grade: ${grades}.`, 'zh-CN': `--fail-on "${text}" 必须是等级:${grades}。` });
  }
  return rank;
}

/** True when the report crosses a threshold the user asked to fail on. */
function failsThreshold(report: Pick<AuditReport, 'score' | 'grade'>, weights: FrictionWeights, failAbove?: number, failOnRank?: number): boolean {
  if (failAbove !== undefined && report.score > failAbove) return true;
  return failOnRank !== undefined && gradeRank(report.grade, weights) >= failOnRank;
}

async function render(report: AuditReport, format: Format, menu: Parameters<typeof auditDiagram>[0]): Promise<string> {
  switch (format) {
    case 'text':
      return auditText(report);
    case 'json':
      return JSON.stringify(report, null, 2);
    case 'md':
      return auditMarkdown(report, toMermaid(auditDiagram(menu, report.metrics)));
    case 'html':
      return auditHtml(report, await dotToSvg(toDot(auditDiagram(menu, report.metrics), report.menu)));
  }
}

export function register(program: Command, context: CliContext): void {
  const command = program
    .command('audit')
    .description('score how much friction a menu puts between a caller and a person (Menu Friction Index, 0-100, higher is worse), with evidence and rule checks')
    .argument('<menu>', 'an ivr-menu/1 JSON file')
    .option('--json', 'same as --format json')
    .option('--rules <profiles>', 'rule profiles, comma-separated names from rules/ or .json paths (default: all bundled)')
    .option('--fail-above <n>', 'exit 1 when the friction index is above n')
    .option('--fail-on <grade>', 'exit 1 at this grade or worse (A-F)');
  addReportOptions(command, FORMATS, 'text')
    .addHelpText('after', `
Without --at, the week is scanned: route figures come from the hour where the
announced route to a person is fastest; hang-ups on errors, dead ends and doom
loops from the worst hour (each named with its moment); hours coverage is
exact to the minute over all 168 hours. With --at, everything is at that moment.
Facts and caller flags are only those given (--fact, --caller; none by
default): a person behind a fact branch counts as unreachable, and when no
hour has a person, F1 names each fact or caller flag that would open one.

Exit codes: 0 done, 1 over --fail-above / at or worse than --fail-on, 2 bad input.

Example:
  $ ivr audit menus/insurance-es-alameda.json --rules es-ley-10-2025 --fail-on D
  insurance-es-alameda: Seguros Alameda, atención al cliente
  Menu Friction Index 24.7 / 100 (higher is worse), grade B, 100 % of points assessable
  …
  $ ivr audit menus/demo-bank.json --fail-on D > /dev/null; echo $?
  1
  $ ivr audit menus/demo-bank.json --format html -o demo-bank.html`)
    .action(async (file: string, flags: AuditFlags) => {
      const format = parseFormat(flags.json ? 'json' : flags.format, FORMATS);
      const weights = loadWeights();
      const failAbove = parseFailAbove(flags.failAbove);
      const failOn = parseFailOn(flags.failOn, weights);
      const profiles = loadProfiles(flags.rules);
      const { menu } = loadMenuFile(file, context.maxBytes(flags.maxMb));
      for (const warning of await unusedSituationNames(menu, flags, context.locale)) context.err(warning);
      const report = auditMenu(menu, { weights, profiles, ...situationOptions(flags, context.now) });
      const output = await render(report, format, menu);
      emit(output, flags, context);
      context.setExitCode(failsThreshold(report, weights, failAbove, failOn) ? 1 : 0);
    });
}
