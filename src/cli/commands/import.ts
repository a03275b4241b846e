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

/**
 * The file `--entry` names: the path as given, else the one file with that
 * base name, else the one whose name ends with it (`_00_routing_flow.json`
 * for `…contact_flows___00_routing_flow.json`). Several matches are an error
 * that lists them.
 */
function findEntry(sources: readonly SourceFile[], wanted: string): number {
  const exact = sources.findIndex((s) => s.name === wanted);
  if (exact !== -1) return exact;
  const base = basename(wanted);
  const indices = (match: (name: string) => boolean) => sources.flatMap((s, i) => (match(basename(s.name)) ? [i] : []));
  const sameBase = indices((name) => name === base);
  const candidates = sameBase.length > 0 ? sameBase : indices((name) => name.endsWith(base));
  if (candidates.length === 1) return candidates[0] as number;
  if (candidates.length === 0) {
    throw usageError('bad_option', { en: `--entry "${wanted}" is not one of the files to import, nor the end of one's name.`, 'zh-CN': `--entry "${wanted}" 既不是要导入的文件,也不是其文件名的结尾。` });
  }
  const names = candidates.map((i) => sources[i]?.name ?? '').join(', ');
  throw usageError('bad_option', {
    en: `--entry "${wanted}" matches ${candidates.length} files: ${names}. Give more of the name.`,
    'zh-CN': `--entry "${wanted}" 匹配 ${candidates.length} 个文件:${names}。请给出更完整的名称。`,
  });
}

/** How a folder's entry was chosen without `--entry`: a warning that names the file. */
function entryChoice(file: string, picked: boolean): ImportWarning {
  const name = basename(file);
  const why = picked
    ? { en: "picked as the folder's entry (a file no other file leads to; the first file by name when that does not single one out)", zh: '作为文件夹入口选出(没有其他文件指向的文件;无法确定唯一文件时取按名称排序的第一个)' }
    : { en: 'the first file of the folder by name', zh: '按名称排序的第一个文件' };
  return {
    code: 'entry_chosen',
    at: { file },
    message: { en: `Calls start at ${name}, ${why.en}. Give --entry to start elsewhere.`, 'zh-CN': `来电从 ${name} 开始:${why.zh}。用 --entry 指定其他入口。` },
  };
}

/** The entry file first: `--entry`, else the importer's pick for a folder, else the first file. */
function orderForEntry(sources: SourceFile[], flags: ImportFlags, folder: boolean): { sources: SourceFile[]; choice?: ImportWarning } {
  let index = 0;
  let choice: ImportWarning | undefined;
  if (flags.entry !== undefined) {
    index = findEntry(sources, flags.entry);
  } else if (folder && sources.length > 1) {
    const importer = flags.from !== undefined ? importerFor(flags.from) : undefined;
    const detected = importer ?? sources.map((s) => detectFormat([s])).find((d) => d.ok)?.importer;
    index = detected?.pickEntry?.(sources) ?? 0;
    choice = entryChoice(sources[index]?.name ?? '', detected?.pickEntry !== undefined);
  }
  const entry = sources[index];
  const ordered = entry === undefined ? sources : [entry, ...sources.filter((_, i) => i !== index)];
  return { sources: ordered, ...(choice !== undefined ? { choice } : {}) };
}

export function register(program: Command, context: CliContext): void {
  program
    .command('import')
    .description('turn a Twilio Studio, Amazon Connect, VoiceXML, Asterisk or FreeSWITCH flow into an ivr-menu/1 file')
    .argument('<files...>', 'flow files, or a folder of flows that refer to each other (the first file is where calls start)')
    .addOption(new Option('--from <format>', 'the source format (detected when absent)').choices(IMPORTERS.map((i) => i.id)))
    .option('-o, --output <file>', 'write the menu to this file (atomically) instead of stdout')
    .option('--entry <file>', 'the file where calls start, when importing several: its path, base name or the end of its name (default: the first; for a folder, one no other file leads to)')
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
  ../shared/corpus/amazon-connect/GoodMeasuresLLC__connect__environments__production__contact_flows___02_gm_vvip_in_open_closed.json:134:5  TransferParticipantToThirdParty 3501802c-abdd-41c4-9a72-e1bfbf5c78fc  warning: Transfers the call to +18575550100: imported as a person, but whoever answers there is outside this flow.
  … (34 warnings; --entry matched …contact_flows___00_routing_flow.json by the end of its name)
  $ ivr import tests/fixtures/importers/asterisk/hours.conf --context main
  tests/fixtures/importers/asterisk/hours.conf  The dialplan has no context [main]. Contexts that wait for keys: menu; others: from-trunk.
  $ ivr import tests/fixtures/importers/asterisk/hours.conf --context from-trunk -o hours.json`)
    .action((paths: string[], flags: ImportFlags) => {
      const maxBytes = context.maxBytes(flags.maxMb);
      const { files, folder } = expand(paths);
      if (files.length === 0) throw usageError('no_files', { en: 'No file to import: the folder is empty.', 'zh-CN': '没有要导入的文件:文件夹为空。' });
      const { sources, choice } = orderForEntry(files.map((file) => ({ name: file, text: readTextFile(file, maxBytes) })), flags, folder);
      const imported = importFiles(sources, {
        ...(flags.from ? { from: flags.from } : {}), ...(flags.context !== undefined ? { context: flags.context } : {}), ...(choice !== undefined ? { entryChoice: choice } : {}), maxBytes,
      });
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
