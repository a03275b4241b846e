/** `ivr graph <menu>`: the menu as a diagram (Mermaid, DOT or SVG) with the fastest route, unannounced options, hang-ups and doom loops marked. */
import type { Command } from 'commander';
import { computeMetrics } from '../../analysis/metrics.js';
import { auditDiagram } from '../../report/diagram.js';
import { toDot } from '../../report/dot.js';
import { toMermaid } from '../../report/mermaid.js';
import { dotToSvg } from '../../report/svg.js';
import type { CliContext } from '../context.js';
import { loadMenuFile } from '../load-menu-file.js';
import { unusedSituationNames } from '../situation-options.js';
import { loadWeights } from '../rule-files.js';
import { addReportOptions, emit, parseFormat, situationOptions, type ReportFlags } from '../report-options.js';

const FORMATS = ['mermaid', 'dot', 'svg'] as const;

type GraphFlags = ReportFlags;

export function register(program: Command, context: CliContext): void {
  const command = program
    .command('graph')
    .description('draw a menu: Mermaid, Graphviz DOT or SVG, with the fastest route highlighted, unannounced options dashed, hang-ups and doom loops marked')
    .argument('<menu>', 'an ivr-menu/1 JSON file');
  addReportOptions(command, FORMATS, 'mermaid')
    .addHelpText('after', `
Without --at, the route drawn is the one of the hour of the week where the
announced route to a person is fastest (as in ivr audit), not of "now".
SVG is rendered offline by the WASM build of Graphviz (@hpcc-js/wasm-graphviz).

Example:
  $ ivr graph tests/fixtures/audit/loop.json --format mermaid
  flowchart TD
    n0["main<br/>Press 1 for help. Press 2 for a person."]
    n1["help<br/>Press 1 to hear this again."]
    …
  $ ivr graph menus/demo-bank.json --format svg -o demo-bank.svg`)
    .action(async (file: string, flags: GraphFlags) => {
      const format = parseFormat(flags.format, FORMATS);
      const { menu } = loadMenuFile(file, context.maxBytes(flags.maxMb));
      for (const warning of await unusedSituationNames(menu, flags, context.locale)) context.err(warning);
      const metrics = computeMetrics(menu, loadWeights(), situationOptions(flags, context.now));
      const diagram = auditDiagram(menu, metrics);
      const dot = () => toDot(diagram, menu.id);
      const output = format === 'mermaid' ? toMermaid(diagram) : format === 'dot' ? dot() : await dotToSvg(dot());
      emit(output, flags, context);
      context.setExitCode(0);
    });
}
