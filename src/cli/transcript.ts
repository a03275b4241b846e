/**
 * Transcripts of `ivr call` (built by the machine's `transcriptOf`, for
 * scripted and live calls alike): printed for people, saved atomically, and saved once more if the
 * call is interrupted (a signal, a crash in a component). The process
 * handlers live here, in cli/, and are removed when the call is over.
 */
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { IvrError, issue, roundedSeconds, toMicros, type Menu, type Message, type Situation } from '../model/index.js';
import type { Transcript, TranscriptEvent } from '../machine/index.js';
import { situationJson } from '../analysis/route.js';
import { minutesOf } from '../report/durations.js';
import { writeFileAtomic } from './io.js';

/**
 * The transcript as JSON, with the situation it was simulated in (moment,
 * caller flags, facts: the shape of `ivr escape --json`), so that a saved
 * call says which hours and branches it met.
 */
export function transcriptJson(transcript: Transcript, situation: Situation): string {
  return `${JSON.stringify({ ...transcript, situation: situationJson(situation) }, null, 2)}\n`;
}

/** Writes the transcript whole or not at all. */
export function saveTranscript(file: string, transcript: Transcript, situation: Situation): void {
  writeFileAtomic(file, transcriptJson(transcript, situation));
}

function unwritable(file: string, message: Message): IvrError {
  return new IvrError([issue('unwritable', [], message)], { file });
}

/**
 * Refuses a `--transcript` path that cannot be written, BEFORE the call
 * starts: its folder must exist and be writable, and the path must not be a
 * folder. Otherwise the caller would learn it only when the call is over.
 */
export function checkTranscriptTarget(file: string): void {
  const folder = dirname(resolve(file));
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // missing, or a path through a file: said just below
  }
  if (!isFolder) {
    throw unwritable(file, {
      en: `Cannot save the transcript here: the folder ${folder} does not exist.`,
      'zh-CN': `无法在此保存通话记录:目录 ${folder} 不存在。`,
    });
  }
  try {
    accessSync(folder, constants.W_OK);
  } catch {
    throw unwritable(file, {
      en: `Cannot save the transcript here: the folder ${folder} is not writable.`,
      'zh-CN': `无法在此保存通话记录:目录 ${folder} 不可写。`,
    });
  }
  let target: ReturnType<typeof statSync> | undefined;
  try {
    target = statSync(file);
  } catch {
    target = undefined;
  }
  if (target?.isDirectory() === true) {
    throw unwritable(file, {
      en: 'Cannot save the transcript here: this is a folder; name a file, e.g. call.json.',
      'zh-CN': '无法在此保存通话记录:这是一个目录;请指定文件,例如 call.json。',
    });
  }
}

const SIGNAL_EXIT: Record<string, number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/**
 * Until the returned function is called, a signal or an uncaught error runs
 * `rescue` once (save the transcript, restore the terminal) and ends the
 * process with the conventional code.
 */
export function onInterrupt(rescue: (why: 'signal' | 'crash') => void): () => void {
  let done = false;
  const once = (why: 'signal' | 'crash', code: number) => {
    if (done) return;
    done = true;
    try {
      rescue(why);
    } finally {
      process.exit(code);
    }
  };
  const signals = Object.entries(SIGNAL_EXIT).map(([signal, code]) => {
    const handler = () => once('signal', code);
    process.on(signal, handler);
    return () => process.off(signal, handler);
  });
  const crash = (error: unknown) => {
    process.stderr.write(`ivr call: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    once('crash', 70);
  };
  process.on('uncaughtException', crash);
  process.on('unhandledRejection', crash);
  return () => {
    done = true;
    for (const off of signals) off();
    process.off('uncaughtException', crash);
    process.off('unhandledRejection', crash);
  };
}

function eventWords(event: TranscriptEvent): string {
  switch (event.kind) {
    case 'key':
      return `press ${event.key ?? ''}`;
    case 'say':
      return `say "${event.phrase ?? ''}"`;
    case 'ignored':
      return `ignored ${event.key !== undefined ? `key ${event.key}` : `"${event.phrase ?? ''}"`} (not accepted at this moment)`;
    case 'unused':
      return `not played: ${event.token ?? ''} (the call was over)`;
    case 'noInput':
      return 'no input: timed out';
    case 'end':
      return `end${event.reason !== undefined ? `: ${event.reason}` : ''}`;
    case 'enter':
    case 'hangup':
    case 'invalid':
    case 'replay':
      return event.kind;
  }
}

/**
 * Transcript seconds (exact, µs / 1e6) as the other commands print times:
 * `roundedSeconds` (half up, to a tenth) with one decimal, so "22.3 s" here
 * is "22.3 s" in `ivr escape`, never 22.25 or a `toFixed` rounding of it.
 */
export function secondsText(seconds: number): string {
  return roundedSeconds(Math.round(seconds * 1e6)).toFixed(1);
}

/**
 * The queue's hold as `ivr escape` counts it (the agent's median wait), so
 * that the call and the escape report agree on where the time goes.
 */
export function holdWords(menu: Menu, agentId: string): string {
  const agent = menu.nodes[agentId];
  const median = agent?.type === 'agent' ? agent.wait?.medianSeconds : undefined;
  if (median === undefined) return 'hold unknown (the queue has no median wait)';
  const minutes = minutesOf(toMicros(median));
  return `then a hold of ≈ ${roundedSeconds(toMicros(median))} s (median${minutes === undefined ? '' : `, ${minutes} min`})`;
}

function outcomeWords(transcript: Transcript, menu: Menu): string {
  const { outcome, menuSeconds } = transcript;
  const after = secondsText(menuSeconds ?? 0);
  switch (outcome.type) {
    case 'agent':
      return `a person answers at ${outcome.node} after ${after} s of menu time, ${holdWords(menu, outcome.node)}`;
    case 'hangup':
      return `hang-up at ${outcome.node} after ${after} s${outcome.reason !== undefined ? `: ${outcome.reason}` : ''}`;
    case 'unfinished':
      return `unfinished: still at ${outcome.node} when the time limit was reached`;
  }
}

/** The transcript for people: one line per event, then the outcome (with the hold of the queue reached). */
export function transcriptText(transcript: Transcript, menu: Menu): string {
  const width = Math.max(4, ...transcript.events.map((event) => event.node.length));
  const lines = transcript.events.map((event) => `${secondsText(event.at).padStart(8)} s  ${event.node.padEnd(width)}  ${eventWords(event)}`);
  lines.push(`Outcome: ${outcomeWords(transcript, menu)}`);
  return lines.join('\n');
}
