/** `ivr export <menu> --format xstate|vxml [-o file]`: a menu in another tool's language. */
import { Option, type Command } from 'commander';
import { exportVoiceXml } from '../../report/export-vxml.js';
import { exportXState } from '../../report/export-xstate.js';
import type { CliContext } from '../context.js';
import { writeFileAtomic } from '../io.js';
import { loadMenuFile } from '../load-menu-file.js';
import { addSituationOptions, situationFrom, type SituationFlags } from '../situation-options.js';

interface ExportFlags extends SituationFlags {
  format: 'xstate' | 'vxml';
  output?: string;
  maxMb: string;
}

export function register(program: Command, context: CliContext): void {
  const command = program
    .command('export')
    .description('write a menu as an XState machine config (JSON, for Stately\'s editor) or as a VoiceXML 2.1 document')
    .argument('<menu>', 'an ivr-menu/1 file')
    .addOption(new Option('--format <format>', 'what to write').choices(['xstate', 'vxml']).makeOptionMandatory())
    .option('-o, --output <file>', 'write to this file (atomically) instead of stdout')
    .option('--max-mb <n>', 'refuse files larger than this many megabytes', '64');
  addSituationOptions(command)
    .addHelpText('after', `
The VoiceXML reads back with \`ivr import --from vxml\` to the same routes; what
VoiceXML cannot say (prompt lengths, hold times, hours) travels in ivr:
attributes and <meta name="ivr-menu">. --at/--caller/--fact only label the
XState config (its guards decide conditions when it runs).

Exit codes: 0 written, 2 the menu is invalid (nothing is written).

Example:
  $ ivr export menus/demo-bank.json --format vxml -o demo-bank.vxml
  $ ivr export menus/demo-bank.json --format xstate --at "tue 10:00" | head -3
  {
    "id": "ivr",
    "description": "Northwind Savings Bank customer line (demo) (demo-bank) at tue 10:00; caller: none; facts: none",`)
    .action((file: string, flags: ExportFlags) => {
      const { menu } = loadMenuFile(file, context.maxBytes(flags.maxMb));
      const text = flags.format === 'vxml' ? exportVoiceXml(menu) : exportXState(menu, situationFrom(flags, context.now));
      if (flags.output === undefined) context.out(text.replace(/\n$/, ''));
      else writeFileAtomic(flags.output, text);
      context.setExitCode(0);
    });
}
