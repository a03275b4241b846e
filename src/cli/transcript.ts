/**
 * Transcripts of `ivr call` (built by the machine's `transcriptOf`, for
 * scripted and live calls alike): printed for people, saved atomically, and saved once more if the
 * call is interrupted (a signal, a crash in a component). The process
 * handlers live here, in cli/, and are removed when the call is over.
 */
import type { Transcript, TranscriptEvent } from '../machine/index.js';
import { writeFileAtomic } from './io.js';

export function transcriptJson(transcript: Transcript): string {
  return `${JSON.stringify(transcript, null, 2)}\n`;
}

/** Writes the transcript whole or not at all. */
export function saveTranscript(file: string, transcript: Transcript): void {
  writeFileAtomic(file, transcriptJson(transcript));
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

function outcomeWords(transcript: Transcript): string {
  const { outcome, menuSeconds } = transcript;
  switch (outcome.type) {
    case 'agent':
      return `a person answers at ${outcome.node} after ${menuSeconds ?? 0} s of menu time`;
    case 'hangup':
      return `hang-up at ${outcome.node} after ${menuSeconds ?? 0} s${outcome.reason !== undefined ? ` (${outcome.reason})` : ''}`;
    case 'unfinished':
      return `unfinished: still at ${outcome.node} when the time limit was reached`;
  }
}

/** The transcript for people: one line per event, then the outcome. */
export function transcriptText(transcript: Transcript): string {
  const width = Math.max(4, ...transcript.events.map((event) => event.node.length));
  const lines = transcript.events.map((event) => `${event.at.toFixed(1).padStart(8)} s  ${event.node.padEnd(width)}  ${eventWords(event)}`);
  lines.push(`Outcome: ${outcomeWords(transcript)}`);
  return lines.join('\n');
}
