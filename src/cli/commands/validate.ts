/** `ivr validate <files…>`: checks menu files against ivr-menu/1 and its semantic rules. */
import type { Command } from 'commander';
import { IvrError, loadMenu, type Issue } from '../../model/index.js';
import { readTextFile } from '../io.js';
import { formatIssues } from '../output.js';
import type { CliContext } from '../context.js';

interface FileReport {
  file: string;
  ok: boolean;
  errors: Issue[];
  warnings: Issue[];
}

function checkFile(file: string, maxBytes: number): FileReport {
  try {
    const result = loadMenu(readTextFile(file, maxBytes), { maxBytes });
    const issues = result.ok ? result.warnings : result.issues;
    return { file, ok: result.ok, errors: issues.filter((i) => i.severity === 'error'), warnings: issues.filter((i) => i.severity === 'warning') };
  } catch (error) {
    if (!(error instanceof IvrError)) throw error;
    return { file, ok: false, errors: error.issues, warnings: [] };
  }
}

export function register(program: Command, context: CliContext): void {
  program
    .command('validate')
    .description('check menu files: prints OK per file, or every problem as file:line:col  path  message')
    .argument('<files...>', 'ivr-menu/1 JSON files')
    .option('--json', 'print a JSON report instead of text')
    .option('--max-mb <n>', 'refuse files larger than this many megabytes', '64')
    .addHelpText('after', `
Exit codes: 0 every file is valid (warnings allowed), 2 a file has errors.

Examples:
  $ ivr validate menus/demo-bank.json menus/card-cobalt.json
  menus/demo-bank.json: OK
  menus/card-cobalt.json: OK
  $ ivr validate tests/fixtures/broken/unknown-node.json
  tests/fixtures/broken/unknown-node.json:11:34  nodes.main.options[0].next  Option 0 of "main" leads to "agnet", which is not a node of this menu. Did you mean "agent"?
  $ ivr validate --json menus/*.json   (one report per file: file, ok, errors, warnings; messages in en and zh-CN)`)
    .action((files: string[], options: { json?: boolean; maxMb: string }) => {
      const maxBytes = context.maxBytes(options.maxMb);
      const reports = files.map((file) => checkFile(file, maxBytes));
      if (options.json) {
        context.out(JSON.stringify(reports, null, 2));
      } else {
        for (const report of reports) {
          if (report.ok) context.out(`${report.file}: OK${report.warnings.length ? ` (${report.warnings.length} warning${report.warnings.length > 1 ? 's' : ''})` : ''}`);
          const lines = formatIssues([...report.errors, ...report.warnings], report.file, context.locale);
          if (lines) (report.ok ? context.out : context.err)(lines);
        }
      }
      context.setExitCode(reports.every((r) => r.ok) ? 0 : 2);
    });
}
