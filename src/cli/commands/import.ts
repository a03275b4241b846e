/**
 * `ivr import <files or folder…>`: a real IVR flow (Twilio Studio, Amazon
 * Connect, VoiceXML, …) to an ivr-menu/1 document. Detects the format unless
 * `--from` names it; writes the menu to stdout or, atomically, to `-o`;
 * warnings go to stderr as `file:line:col  element  message`. Exit 0 with
 * warnings, 2 when the files cannot be imported (and then no file is written).
 */
import { readdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command, Option } from 'commander';
import { usageError, type Locale } from '../../model/index.js';
import type { FormatId, ImportWarning, SourceFile } from '../../importers/importer.js';
import { detectFormat, importFiles, importerFor, IMPORTERS } from '../../importers/registry.js';
import { readTextFile, writeFileAtomic } from '../io.js';
import type { CliContext } from '../context.js';

interface ImportFlags {
  from?: FormatId;
  output?: string;
  json?: boolean;
  entry?: string;
  context?: string;
  maxMb: string;
}

/** Paths named on the command line; a folder stands for its regular files, sorted by name. */
function expand(paths: string[]): { files: string[]; folder: boolean } {
  const files: string[] = [];
  let folder = false;
  for (const path of paths) {
    let isFolder = false;
    try {
      isFolder = statSync(path).isDirectory();
    } catch {
      isFolder = false;
    }
    if (!isFolder) {
      files.push(path);
      continue;
    }
    folder = true;
    const inside = readdirSync(path)
      .filter((name) => !name.startsWith('.'))
      .sort()
      .map((name) => join(path, name))
      .filter((file) => statSync(file).isFile());
    files.push(...inside);
  }
  return { files, folder };
}

function formatWarning(warning: ImportWarning, locale: Locale): string {
  const where = [warning.at.file, warning.at.line, warning.at.column].filter((part) => part !== undefined && part !== '').join(':');
  return [where, warning.at.element, `warning: ${warning.message[locale]}`].filter((part) => part !== undefined && part !== '').join('  ');
}

/** The entry file first: `--entry`, else the importer's pick for a folder, else the first file. */
function orderForEntry(sources: SourceFile[], flags: ImportFlags, folder: boolean): SourceFile[] {
  let index = 0;
  if (flags.entry !== undefined) {
    index = sources.findIndex((s) => s.name === flags.entry || basename(s.name) === basename(flags.entry as string));
    if (index === -1) throw usageError('bad_option', { en: `--entry "${flags.entry}" is not one of the files to import.`, 'zh-CN': `--entry "${flags.entry}" 不在要导入的文件中。` });
  } else if (folder && sources.length > 1) {
    const importer = flags.from !== undefined ? importerFor(flags.from) : undefined;
    const detected = importer ?? sources.map((s) => detectFormat([s])).find((d) => d.ok)?.importer;
    index = detected?.pickEntry?.(sources) ?? 0;
  }
  const entry = sources[index];
  return entry === undefined ? sources : [entry, ...sources.filter((_, i) => i !== index)];
}

export function register(program: Command, context: CliContext): void {
  program
    .command('import')
    .description('turn a Twilio Studio, Amazon Connect, VoiceXML, Asterisk or FreeSWITCH flow into an ivr-menu/1 file')
    .argument('<files...>', 'flow files, or a folder of flows that refer to each other (the first file is where calls start)')
    .addOption(new Option('--from <format>', 'the source format (detected when absent)').choices(IMPORTERS.map((i) => i.id)))
    .option('-o, --output <file>', 'write the menu to this file (atomically) instead of stdout')
    .option('--entry <file>', 'the file where calls start, when importing several (default: the first; for a folder, one no other flow transfers to)')
    .option('--context <name>', 'Asterisk: the dialplan context where calls start (default: the first that waits for keys)')
    .option('--json', 'print {format, entry, warnings, menu} as JSON (the menu is left out with -o)')
    .option('--max-mb <n>', 'refuse files larger than this many megabytes', '64')
    .addHelpText('after', `
Exit codes: 0 imported (warnings allowed), 2 the files cannot be imported (nothing is written).

Example:
  $ ivr import tests/fixtures/importers/twilio-studio/support-line.json -o support-line.json
  tests/fixtures/importers/twilio-studio/support-line.json:22:5  main_menu  warning: Option "#" can never be chosen: "#" is this gather's finish_on_key, which ends the input and is not part of Digits.
  …
  $ ivr import ../shared/corpus/amazon-connect --entry _00_routing_flow.json -o goodmeasures.json
  $ ivr import tests/fixtures/importers/asterisk/hours.conf --context main
  tests/fixtures/importers/asterisk/hours.conf  The dialplan has no context [main]. Contexts that wait for keys: menu; others: from-trunk.
  $ ivr import tests/fixtures/importers/asterisk/hours.conf --context from-trunk -o hours.json`)
    .action((paths: string[], flags: ImportFlags) => {
      const maxBytes = context.maxBytes(flags.maxMb);
      const { files, folder } = expand(paths);
      if (files.length === 0) throw usageError('no_files', { en: 'No file to import: the folder is empty.', 'zh-CN': '没有要导入的文件:文件夹为空。' });
      const sources = orderForEntry(files.map((file) => ({ name: file, text: readTextFile(file, maxBytes) })), flags, folder);
      const imported = importFiles(sources, { ...(flags.from ? { from: flags.from } : {}), ...(flags.context !== undefined ? { context: flags.context } : {}), maxBytes });
      const menuText = `${JSON.stringify(imported.menu, null, 2)}\n`;
      if (flags.output !== undefined) writeFileAtomic(flags.output, menuText);
      if (flags.json) {
        const report = { format: imported.format, entry: sources[0]?.name, warnings: imported.warnings, ...(flags.output === undefined ? { menu: imported.menu } : {}) };
        context.out(JSON.stringify(report, null, 2));
      } else {
        if (flags.output === undefined) context.out(menuText.replace(/\n$/, ''));
        for (const warning of imported.warnings) context.err(formatWarning(warning, context.locale));
      }
      context.setExitCode(0);
    });
}
