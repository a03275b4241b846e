/**
 * Proof by replay: a route's script, run through the XState machine of the
 * same menu on a simulated clock, must end at the route's agent node at the
 * route's menu time (to 1 ms). The only analysis module that imports the
 * machine.
 */
import type { Menu, Situation } from '../model/index.js';
import { runScript } from '../machine/index.js';
import type { Route } from './route.js';

/** Replay may differ from the search by this much: 1 ms. */
const REPLAY_TOLERANCE_SECONDS = 0.001;

export interface ReplayCheck {
  ok: boolean;
  expected: { node: string; menuSeconds: number };
  actual: { node: string; type: string; menuSeconds: number | null };
}

/** Replays a route through the machine and compares where and when it ends. */
export function replayRoute(menu: Menu, situation: Situation, route: Route): ReplayCheck {
  const transcript = runScript(menu, situation, route.script);
  const expected = { node: route.outcome, menuSeconds: route.menuMicros / 1e6 };
  const actual = { node: transcript.outcome.node, type: transcript.outcome.type, menuSeconds: transcript.menuSeconds };
  const ok = actual.type === 'agent'
    && actual.node === expected.node
    && actual.menuSeconds !== null
    && Math.abs(actual.menuSeconds - expected.menuSeconds) <= REPLAY_TOLERANCE_SECONDS;
  return { ok, expected, actual };
}

/** A one-line account of a failed replay, for the internal-error message. */
export function describeMismatch(check: ReplayCheck, script: string): string {
  return `replay of "${script}" ended at ${check.actual.node} (${check.actual.type}) after ${check.actual.menuSeconds ?? '?'} s;`
    + ` the route claims ${check.expected.node} after ${check.expected.menuSeconds} s`;
}
