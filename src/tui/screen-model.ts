/**
 * What the call screen shows, derived from the call's view and log: the
 * phase line, the silence and error counters, the trail, and where the coach
 * should search from. Pure, so every wording is testable without a screen.
 */
import {
  promptMicros, resolveFailure, roundedSeconds,
  type Menu, type MenuNodeUnion, type Micros,
} from '../model/index.js';
import type { CallLogEntry, CallView } from '../machine/index.js';
import type { Configuration } from './coach-advice.js';
import { phaseProgress } from './format.js';

/** Seconds with one decimal, for the phase line. */
function tenths(micros: Micros): string {
  return roundedSeconds(Math.max(0, micros)).toFixed(1);
}

export interface PhaseLine {
  /** 0..1 for the progress bar; undefined: no bar */
  progress?: number;
  text: string;
}

function handlerNode(menu: Menu, view: CallView): MenuNodeUnion | undefined {
  return menu.nodes[view.node];
}

/** The line under the prompt: how far it has played, or what the menu waits for. */
export function phaseLine(menu: Menu, view: CallView, now: Micros): PhaseLine {
  const left = view.phaseEndsAt === undefined ? 0 : view.phaseEndsAt - now;
  const progress = phaseProgress(now, view.phaseStartedAt, view.phaseEndsAt);
  switch (view.phase) {
    case 'prompt': {
      const total = (view.phaseEndsAt ?? now) - view.phaseStartedAt;
      const keys = view.nodeType === 'agent' || view.nodeType === 'hangup' ? '' : view.acceptsKeys ? ' · keys work now' : ' · keys wait for the end';
      return { progress, text: `playing ${tenths(now - view.phaseStartedAt)} of ${tenths(total)} s${keys}` };
    }
    case 'waiting':
      return { progress, text: view.nodeType === 'input' ? `your turn: type the digits · ${tenths(left)} s before it times out` : `your turn: ${tenths(left)} s before it times out` };
    case 'pressing':
      return { text: 'the line is taking your input…' };
    case 'failure': {
      const node = handlerNode(menu, view);
      const what = view.failure === 'noInput'
        ? `no input ${view.noInputCount + 1} of ${view.noInputRetries + 1}`
        : `invalid entry ${view.invalidCount + 1} of ${view.invalidRetries + 1}`;
      return { progress, text: `${what}${node !== undefined ? ` · ${failureConsequence(node, view)}` : ''}` };
    }
    case 'ended':
      return { text: 'the call has ended' };
  }
}

/** What the failure now playing leads to: a replay, another node, or the end of the call. */
function failureConsequence(node: MenuNodeUnion, view: CallView): string {
  if (node.type !== 'menu' && node.type !== 'input') return 'then the call moves on';
  const next = resolveFailure(node, view.failure ?? 'invalid', { invalidCount: view.invalidCount, noInputCount: view.noInputCount });
  switch (next.type) {
    case 'replay':
      return 'then the menu repeats';
    case 'goto':
      return `then on to ${next.node}`;
    case 'hangup':
      return 'then the line hangs up';
  }
}

/**
 * "no input 1 of 3 · invalid 0 of 3" at nodes with handlers; empty elsewhere.
 * While a failure's message plays, its count already includes it (the
 * machine counts it when the message ends), so this line agrees with the
 * "invalid entry 2 of 3" above it.
 */
export function countersLine(view: CallView): string {
  if (view.nodeType !== 'menu' && view.nodeType !== 'input') return '';
  const playing = view.phase === 'failure' ? view.failure : undefined;
  const noInput = view.noInputCount + (playing === 'noInput' ? 1 : 0);
  const invalid = view.invalidCount + (playing === 'invalid' ? 1 : 0);
  return `no input ${noInput} of ${view.noInputRetries + 1} · invalid ${invalid} of ${view.invalidRetries + 1}`;
}

export type CoachTarget =
  | { kind: 'from'; here: Configuration; offset: Micros }
  /** the failure playing now ends the call */
  | { kind: 'ending' }
  /** a key or words in flight: the old advice would be stale ("Press 3 now" after 3 was pressed) */
  | { kind: 'taken'; input: string }
  /** keep the previous advice (the call is over) */
  | { kind: 'keep' };

/**
 * Where the coach searches from. During a failure message the counters are
 * not yet updated: the coach looks past it, to the replay or the handler's
 * `then`, with the message's remaining time as a negative offset.
 */
export function coachTarget(menu: Menu, view: CallView, now: Micros, taken = 'your input'): CoachTarget {
  const base = { node: view.node, invalidCount: view.invalidCount, noInputCount: view.noInputCount };
  switch (view.phase) {
    case 'prompt':
      return { kind: 'from', here: base, offset: now - view.phaseStartedAt };
    case 'waiting': {
      const node = menu.nodes[view.node];
      const prompt = node !== undefined && 'prompt' in node ? promptMicros(node.prompt, menu.timing) : 0;
      return { kind: 'from', here: base, offset: prompt + now - view.phaseStartedAt };
    }
    case 'failure': {
      const node = menu.nodes[view.node];
      if (node === undefined || (node.type !== 'menu' && node.type !== 'input')) return { kind: 'keep' };
      const offset = -Math.max(0, (view.phaseEndsAt ?? now) - now);
      const result = resolveFailure(node, view.failure ?? 'invalid', base);
      switch (result.type) {
        case 'replay':
          return { kind: 'from', here: { node: view.node, invalidCount: result.invalidCount, noInputCount: result.noInputCount }, offset };
        case 'goto':
          return { kind: 'from', here: { node: result.node, invalidCount: 0, noInputCount: 0 }, offset };
        case 'hangup':
          return { kind: 'ending' };
      }
      break;
    }
    case 'pressing':
      return { kind: 'taken', input: taken };
    case 'ended':
      return { kind: 'keep' };
  }
  return { kind: 'keep' };
}

/**
 * The input the line is taking now, for the coach: the last key or words in
 * the log ("key 3", "人工"). Read from the end, so it costs a step or two.
 */
export function lastInputOf(log: readonly CallLogEntry[]): string | undefined {
  for (let index = log.length - 1; index >= 0; index--) {
    const entry = log[index] as CallLogEntry;
    if (entry.kind === 'key') return `key ${entry.key ?? ''}`;
    if (entry.kind === 'say') return entry.phrase ?? '';
  }
  return undefined;
}

/** A stable key of a coach target, so the route search runs once per step, not per frame. */
export function coachKey(target: CoachTarget): string {
  if (target.kind === 'taken') return `taken|${target.input}`;
  return target.kind === 'from' ? `${target.here.node}|${target.here.invalidCount}|${target.here.noInputCount}` : target.kind;
}

export interface Trail {
  /** nodes in the order entered, a replay marked with ↺ */
  steps: string[];
  invalidEntries: number;
  timeouts: number;
  ignored: number;
}

/** The trail so far, from the call's log. */
export function trailOf(log: readonly CallLogEntry[]): Trail {
  const trail: Trail = { steps: [], invalidEntries: 0, timeouts: 0, ignored: 0 };
  for (const entry of log) {
    switch (entry.kind) {
      case 'enter':
        trail.steps.push(entry.node);
        break;
      case 'replay':
        trail.steps.push('↺');
        break;
      case 'invalid':
        trail.invalidEntries++;
        break;
      case 'noInput':
        trail.timeouts++;
        break;
      case 'ignored':
        trail.ignored++;
        break;
      case 'key':
      case 'say':
      case 'hangup':
      case 'end':
        break;
    }
  }
  return trail;
}

/** The trail as one line, the oldest steps dropped first to fit `width` columns. */
export function trailLine(trail: Trail, width: number): string {
  const parts = [...trail.steps];
  let line = parts.join(' → ');
  while (parts.length > 1 && line.length > width - 2) {
    parts.shift();
    line = `… → ${parts.join(' → ')}`;
  }
  return line;
}
