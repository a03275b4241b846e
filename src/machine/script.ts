/**
 * Headless calls: a comma-separated script of keys, `say:<words>` and
 * `wait`, played through a call session on the simulated clock, and the
 * transcript of what happened. The escape search proves its routes with it,
 * so its timing is the machine's and nothing else.
 *
 * - a key is pressed at the earliest moment the current node accepts a key
 *   (at once where barge-in is on: at a barge-in `say` this skips it);
 * - `say:<words>` is spoken at the earliest moment speech is accepted;
 * - `wait` does nothing until the call moves on by itself: a node entered,
 *   a node replayed after a failure, or the end of the call.
 * After the script the caller stays silent until the call ends. The whole run
 * stops at `maxMicros` of simulated time (default 30 minutes): then the
 * outcome is `unfinished`.
 */
import { KEYS, toMicros, usageError, type Key, type Menu, type Micros, type NodeId, type Situation } from '../model/index.js';
import type { CallEvent } from './events.js';
import { machineMessages } from './messages.js';
import { startCall, type CallLogEntry, type CallSession } from './session.js';

export type ScriptToken = { type: 'key'; key: Key } | { type: 'say'; phrase: string } | { type: 'wait' };

export const DEFAULT_MAX_MICROS: Micros = toMicros(30 * 60);

const SAY_PREFIX = 'say:';

const isKey = (text: string): text is Key => (KEYS as readonly string[]).includes(text);

/** One token: a key, `wait`, `say:<words>`, or several keys written together (`1234#`), one press each. */
function parseToken(text: string, position: number): ScriptToken[] {
  const keys = [...text];
  if (keys.length > 0 && keys.every(isKey)) return keys.map((key) => ({ type: 'key', key }));
  if (text.toLowerCase() === 'wait') return [{ type: 'wait' }];
  if (text.toLowerCase().startsWith(SAY_PREFIX) && text.slice(SAY_PREFIX.length).trim() !== '') {
    return [{ type: 'say', phrase: text.slice(SAY_PREFIX.length).trim() }];
  }
  throw usageError('bad_script_token', machineMessages.bad_script_token(text, position));
}

/**
 * Reads a script such as `3`, `0,wait,say:agent`, `1,4111111111111111`; an
 * empty text is the empty script. Error positions count tokens from 1.
 */
export function parseScript(text: string): ScriptToken[] {
  if (text.trim() === '') return [];
  return text.split(',').flatMap((token, index) => parseToken(token.trim(), index + 1));
}

/** A script token as text, the inverse of `parseScript`. */
export function formatToken(token: ScriptToken): string {
  switch (token.type) {
    case 'key':
      return token.key;
    case 'say':
      return `${SAY_PREFIX}${token.phrase}`;
    case 'wait':
      return 'wait';
  }
}

export interface TranscriptEvent {
  /** seconds since the call started */
  at: number;
  node: NodeId;
  kind: CallLogEntry['kind'] | 'unused';
  key?: string;
  phrase?: string;
  reason?: string;
  /** at `unused`: a script token left over when the call ended or ran out of time */
  token?: string;
}

export interface Transcript {
  menu: string;
  outcome: { node: NodeId; type: 'agent' | 'hangup' | 'unfinished'; reason?: string };
  /** when the call ended (for an agent: the menu time); null when unfinished */
  menuSeconds: number | null;
  events: TranscriptEvent[];
}

function eventOf(token: ScriptToken): CallEvent | undefined {
  if (token.type === 'key') return { type: 'KEY', key: token.key };
  if (token.type === 'say') return { type: 'SAY', phrase: token.phrase };
  return undefined;
}

function acceptsNow(session: CallSession, event: CallEvent): boolean {
  const view = session.view();
  return event.type === 'SAY' ? view.acceptsSpeech : view.acceptsKeys;
}

/** Advances to the next timer unless that passes the limit; false when the call ended or time is up. */
function step(session: CallSession, limit: Micros): boolean {
  const next = session.nextChangeAt();
  if (next === undefined || next > limit) return false;
  return session.advanceToNextChange();
}

/** Plays one token; false when it could not be played (the call ended first, or time ran out). */
function play(session: CallSession, token: ScriptToken, limit: Micros): boolean {
  const event = eventOf(token);
  if (event === undefined) {
    const visit = session.view().visit;
    while (session.view().visit === visit && session.view().phase !== 'ended') if (!step(session, limit)) return false;
    return true;
  }
  while (!acceptsNow(session, event)) if (!step(session, limit)) return false;
  return session.send(event) === 'accepted';
}

function transcriptEvent(entry: CallLogEntry): TranscriptEvent {
  const event: TranscriptEvent = { at: entry.at / 1e6, node: entry.node, kind: entry.kind };
  if (entry.key !== undefined) event.key = entry.key;
  if (entry.phrase !== undefined) event.phrase = entry.phrase;
  if (entry.outcome?.reason !== undefined) event.reason = entry.outcome.reason;
  return event;
}

/**
 * The transcript of a call so far (`unfinished` while it goes on), for a
 * scripted run or a live one (`ivr call` saves the same shape).
 */
export function transcriptOf(menu: Menu, session: CallSession, unused: readonly ScriptToken[] = []): Transcript {
  const view = session.view();
  const events = session.log().map(transcriptEvent);
  for (const token of unused) events.push({ at: session.now() / 1e6, node: view.node, kind: 'unused', token: formatToken(token) });
  const outcome = view.outcome;
  if (outcome === undefined) return { menu: menu.id, outcome: { node: view.node, type: 'unfinished' }, menuSeconds: null, events };
  const result: Transcript['outcome'] = { node: outcome.node, type: outcome.type };
  if (outcome.reason !== undefined) result.reason = outcome.reason;
  return { menu: menu.id, outcome: result, menuSeconds: outcome.menuMicros / 1e6, events };
}

/** Runs a script through a fresh call of the menu and reports where and when it ended. */
export function runScript(menu: Menu, situation: Situation, script: ScriptToken[] | string, options: { maxMicros?: Micros } = {}): Transcript {
  const tokens = typeof script === 'string' ? parseScript(script) : script;
  const limit = options.maxMicros ?? DEFAULT_MAX_MICROS;
  const session = startCall(menu, situation);
  let played = 0;
  while (played < tokens.length && play(session, tokens[played] as ScriptToken, limit)) played++;
  while (step(session, limit));
  return transcriptOf(menu, session, tokens.slice(played));
}
