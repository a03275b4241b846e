/**
 * `ivr compare <files or folders…>`: audits many menus and ranks them, as a
 * terminal table, csv, json, md or html. Broken files get a row with their
 * problem; many files are audited in worker threads; a progress bar (Ink)
 * shows on a terminal when there are more than a few files.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { sortRows, type CompareRow } from '../../analysis/compare.js';
import { usageError } from '../../model/index.js';
import { compareHtml } from '../../report/compare-html.js';
import { compareMarkdown } from '../../report/compare-markdown.js';
import { compareTable } from '../../report/compare-table.js';
import { compareCsv } from '../../report/csv.js';
import type { CliContext } from '../context.js';
import { drawLiveFrames } from '../live-terminal.js';
import { loadWeights } from '../rule-files.js';
import { addReportOptions, emit, parseFormat, type ReportFlags } from '../report-options.js';
import { situationFrom } from '../situation-options.js';
import { auditFilesHere, auditFilesInWorkers, loadTools, workerCount, type CompareJob } from '../workers.js';

const FORMATS = ['table', 'csv', 'json', 'md', 'html'] as const;
type Format = (typeof FORMATS)[number];
/** More files than this get a progress bar on a terminal. */
const PROGRESS_AFTER = 5;
/** The bar's line is this wide; a narrower terminal gets no bar. */
const PROGRESS_COLUMNS = 40;
/** More files than this are audited in worker threads (unless --workers says otherwise). */
const WORKERS_AFTER = 24;

interface CompareFlags extends ReportFlags {
  rules?: string;
  workers?: string;
}

/** Files named, and the .json files under folders named (recursively, sorted); missing paths are kept to be reported in their row; a folder without any is refused. */
function expandInputs(inputs: readonly string[]): string[] {
  const files: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.json')) files.push(path);
    }
  };
  const isFolder = (path: string) => statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  for (const input of inputs) {
    if (!isFolder(input)) {
      files.push(input);
      continue;
    }
    const before = files.length;
    walk(input);
    // A folder with nothing to compare is a mistake in the arguments, not an empty ranking.
    if (files.length === before) {
      throw usageError('no_menus', { en: `${input}: no menu files found (.json, in this folder or below).`, 'zh-CN': `${input}:未找到菜单文件(此文件夹及其子文件夹中的 .json)。` });
    }
  }
  return files;
}

function parseWorkers(text: string | undefined, files: number): number {
  if (text === undefined) return files > WORKERS_AFTER ? workerCount(files) : 0;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0 || value > 64) {
    throw usageError('bad_option', { en: `--workers "${text}" must be a whole number from 0 (no threads) to 64.`, 'zh-CN': `--workers "${text}" 必须是 0(不用线程)到 64 的整数。` });
  }
  return value;
}

function render_(rows: CompareRow[], format: Format): string {
  switch (format) {
    case 'table':
      return compareTable(rows);
    case 'csv':
      return compareCsv(rows);
    case 'json':
      return JSON.stringify(rows, null, 2);
    case 'md':
      return compareMarkdown(rows);
    case 'html':
      return compareHtml(rows);
  }
}

export function register(program: Command, context: CliContext): void {
  const command = program
    .command('compare')
    .description('audit many menus and rank them: score, grade, fastest and announced-only time to a person, hours coverage, rule results')
    .argument('<paths...>', 'menu files, or folders of .json menu files')
    .option('--rules <profiles>', 'rule profiles, comma-separated (default: all bundled)')
    .option('--workers <n>', `worker threads (default: none up to ${WORKERS_AFTER} files, then about one per 16 files, at most one per core)`);
  addReportOptions(command, FORMATS, 'table')
    .addHelpText('after', `
Ranked from least to most friction: grade (a hard fail forces F), then score.
A file that cannot be read or validated is listed last with its problem; the
others are still compared. When no file at all could be audited, the rows of
problems are still printed, then a one-line message, and the exit code is 2.
Exit codes: 0 done (even with some broken files), 2 bad usage (a folder with
no .json menu file in it, too) or no file could be audited.

Example:
  $ ivr compare menus/ --rules es-ley-10-2025
   #  menu                      grade       MFI   fastest  announced  hours  failed rules
   1  insurance-es-alameda      B          24.7    68.1 s     68.1 s  100 %  -
   2  airline-skylark           C          38.9   124.2 s    124.2 s  100 %  -
   3  telecom-xinghe            C          40.8    42.3 s     42.3 s  100 %  ES-Menu
   4  demo-bank                 F (F2)     24.6    41.1 s     41.1 s  100 %  ES-NoCut
  …`)
    .action(async (paths: string[], flags: CompareFlags) => {
      const format = parseFormat(flags.format, FORMATS);
      const job: CompareJob = { now: context.now(), maxBytes: context.maxBytes(flags.maxMb) };
      if (flags.rules !== undefined) job.rules = flags.rules;
      if (flags.at !== undefined) {
        situationFrom(flags, context.now); // a bad --at is a usage error before any work
        job.at = flags.at;
      }
      if (flags.caller !== undefined) job.caller = flags.caller;
      if (flags.fact !== undefined) job.fact = flags.fact;
      loadTools(job); // a bad --rules is a usage error before any work
      const files = expandInputs(paths);
      const threads = parseWorkers(flags.workers, files.length);
      // The bar goes to stderr so that stdout stays clean for pipes; it needs a terminal wide enough to draw it.
      const terminal = context.stdoutIsTTY && process.stderr.isTTY && (process.stderr.columns ?? 0) >= PROGRESS_COLUMNS;
      const bar = terminal && files.length > PROGRESS_AFTER ? await showProgressBar(files.length) : undefined;
      const onProgress = (done: number) => bar?.update(done);
      let rows: CompareRow[];
      try {
        rows = threads > 0 ? await auditFilesInWorkers(files, job, threads, onProgress) : await auditFilesHere(files, job, onProgress);
      } finally {
        bar?.stop();
      }
      const output = render_(sortRows(rows, loadWeights().grades.map((g) => g.grade)), format);
      emit(output, flags, context);
      // The rows say what went wrong with each file; a ranking of nothing is still a failed run for scripts.
      if (rows.every((row) => row.error !== null)) throw nothingCompared(rows.length);
      context.setExitCode(0);
    });
}

function nothingCompared(files: number) {
  return usageError('nothing_compared', {
    en: `No menu could be audited (${files} file${files === 1 ? '' : 's'}, each with its problem in its row).`,
    'zh-CN': `没有可审计的菜单(共 ${files} 个文件,各自的问题见其所在行)。`,
  });
}

/** The bar on stderr; its module (Ink, React) is loaded only here, after Ink's CI mode is switched off. */
async function showProgressBar(total: number) {
  drawLiveFrames();
  return (await import('../compare-progress.js')).startProgressBar(total, process.stderr, PROGRESS_COLUMNS);
}
