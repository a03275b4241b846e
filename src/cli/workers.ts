/**
 * Auditing many menu files for `ivr compare`: one file → one row (a broken
 * file becomes a row with its problem, never an exception), in this thread
 * or spread over worker threads. The worker is this same module started
 * with `workerData.ivrCompare`; files are handed out one at a time so a
 * slow menu does not hold up a whole chunk.
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { auditMenu } from '../analysis/audit.js';
import { brokenRow, rowOf, type CompareRow } from '../analysis/compare.js';
import type { RuleProfile } from '../analysis/rules.js';
import type { FrictionWeights } from '../analysis/score.js';
import { IvrError } from '../model/index.js';
import { loadMenuFile } from './load-menu-file.js';
import { formatIssue } from './output.js';
import { loadProfiles, loadWeights } from './rule-files.js';
import { list, situationFrom, type SituationFlags } from './situation-options.js';

/** What every file of one comparison is audited with; plain data, so it can cross to a worker. */
export interface CompareJob extends SituationFlags {
  rules?: string;
  /** the clock, read once by the command */
  now: number;
  maxBytes: number;
}

interface Tools {
  weights: FrictionWeights;
  profiles: RuleProfile[];
}

export function loadTools(job: CompareJob): Tools {
  return { weights: loadWeights(), profiles: loadProfiles(job.rules) };
}

function problemText(error: unknown): string {
  if (error instanceof IvrError) {
    const first = error.issues[0];
    const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
    return first === undefined ? error.message : `${formatIssue(first, undefined)}${more}`;
  }
  return `internal error: ${error instanceof Error ? error.message : String(error)}`;
}

/** Audits one file into a row; every problem stays in the row. */
function auditFileRow(file: string, job: CompareJob, tools: Tools): CompareRow {
  try {
    const { menu } = loadMenuFile(file, job.maxBytes);
    const moment = job.at === undefined ? {} : { situation: situationFrom(job, () => job.now) };
    const report = auditMenu(menu, { weights: tools.weights, profiles: tools.profiles, caller: new Set(list(job.caller)), facts: new Set(list(job.fact)), ...moment });
    return rowOf(file, report);
  } catch (error) {
    return brokenRow(file, problemText(error));
  }
}

/** In this thread, yielding to the event loop between files so a progress bar can redraw. */
export async function auditFilesHere(files: readonly string[], job: CompareJob, onProgress: (done: number) => void): Promise<CompareRow[]> {
  const tools = loadTools(job);
  const rows: CompareRow[] = [];
  for (const file of files) {
    rows.push(auditFileRow(file, job, tools));
    onProgress(rows.length);
    await new Promise((resolve) => setImmediate(resolve));
  }
  return rows;
}

/** Worker threads for this many files: about one per 16 files, at most one per core (and 8). */
export function workerCount(files: number): number {
  return Math.max(1, Math.min(availableParallelism(), 8, Math.ceil(files / 16)));
}

function startWorker(job: CompareJob): Worker {
  const self = fileURLToPath(import.meta.url);
  const workerData = { ivrCompare: true, job };
  if (!self.endsWith('.ts')) return new Worker(self, { workerData });
  // Under the test runner this module is TypeScript: the worker registers tsx (a dev dependency) first.
  const boot = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(import.meta.url)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

export function auditFilesInWorkers(files: readonly string[], job: CompareJob, threads: number, onProgress: (done: number) => void): Promise<CompareRow[]> {
  const rows: CompareRow[] = new Array(files.length);
  let next = 0;
  let done = 0;
  return new Promise((resolve, reject) => {
    const workers = Array.from({ length: Math.min(threads, files.length) }, () => startWorker(job));
    const stopAll = () => {
      for (const worker of workers) void worker.terminate();
    };
    const finish = () => {
      stopAll();
      resolve(rows);
    };
    // A crashed worker must not leave the others idling (the process would never exit).
    const fail = (error: unknown) => {
      stopAll();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const feed = (worker: Worker) => {
      if (next < files.length) {
        worker.postMessage({ index: next, file: files[next] });
        next++;
      }
    };
    for (const worker of workers) {
      worker.on('message', (message: { index: number; row: CompareRow }) => {
        rows[message.index] = message.row;
        done++;
        onProgress(done);
        if (done === files.length) finish();
        else feed(worker);
      });
      worker.on('error', fail);
      feed(worker);
    }
    if (files.length === 0) finish();
  });
}

if (!isMainThread && (workerData as { ivrCompare?: boolean } | null)?.ivrCompare === true && parentPort !== null) {
  const port = parentPort;
  const job = (workerData as { job: CompareJob }).job;
  let tools: Tools | undefined;
  port.on('message', (message: { index: number; file: string }) => {
    let row: CompareRow;
    try {
      tools ??= loadTools(job);
      row = auditFileRow(message.file, job, tools);
    } catch (error) {
      row = brokenRow(message.file, problemText(error));
    }
    port.postMessage({ index: message.index, row });
  });
}
