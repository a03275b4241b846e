/**
 * The coach: the fastest route to a person from where the caller is now, in
 * words ("Press 0 now: a person in ≈ 12 s + ≈ 5 min hold"). Pure.
 *
 * The escape search starts from the current configuration (node + failure
 * counters) with its `from` option.
 */
import type { Menu, Micros, NodeId, Situation } from '../model/index.js';
import { fastestRoute } from '../analysis/escape.js';
import type { Route, RouteResult, RouteStep } from '../analysis/route.js';
import { holdWords, roughly } from './format.js';

/** Where a call is: a node and its failure counters. */
export interface Configuration {
  node: NodeId;
  invalidCount: number;
  noInputCount: number;
}

export type Advice =
  | {
      reachable: true;
      /** what to do next, e.g. "Press 0 now" */
      instruction: string;
      /** the steps after the first action, short: "then press 3" */
      then: string[];
      /** menu time from this moment until a person answers */
      menuMicros: Micros;
      holdMicros: Micros;
      holdKnown: boolean;
      /** the agent node the route reaches */
      agent: NodeId;
      route: Route;
    }
  | { reachable: false; reason: string };

/** The fastest route from a configuration: the escape search started there (`from`). */
export function fastestRouteFrom(menu: Menu, situation: Situation, here: Configuration): RouteResult {
  return fastestRoute(menu, { situation, from: here });
}

const REASONS: Record<string, string> = {
  no_agent: 'This line has no person to reach at all.',
  agents_closed: 'Every person on this line is behind closed hours or a condition that is false now.',
  all_routes_hang_up: 'Every way on from here ends in a hang-up.',
  not_advertised: 'Only hidden options lead to a person.',
};

function keyName(key: string): string {
  return key === '*' ? 'star (*)' : key === '#' ? 'pound (#)' : key;
}

/** One step as an imperative, or undefined for listening and holding. */
function actionWords(step: RouteStep): string | undefined {
  switch (step.do) {
    case 'press':
      return step.valid === false ? `press ${keyName(step.key ?? '')} (an invalid key, on purpose)` : `press ${keyName(step.key ?? '')}`;
    case 'say':
      return `say "${step.phrase ?? ''}"`;
    case 'enter':
      return `type your ${step.digits ?? 0}-digit number${step.terminator !== undefined ? ` then ${keyName(step.terminator)}` : ''}`;
    case 'wait':
      return 'stay silent and let it time out';
    case 'listen':
    case 'hold':
      return undefined;
  }
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Time already spent in the steps that lead up to the first action: the
 * route counts the current node's prompt from its beginning, the caller may
 * be half-way through it.
 */
function leadingMicros(steps: readonly RouteStep[]): Micros {
  let micros = 0;
  for (const step of steps) {
    if (step.do !== 'listen' && step.do !== 'wait') break;
    micros += step.micros;
    if (step.do === 'wait') break;
  }
  return micros;
}

/**
 * Advice from the fastest route of a configuration. `offset` says where the
 * caller is relative to that configuration's start: positive, how long its
 * prompt (and wait) has already run; negative, how long until it begins (a
 * failure message still playing). So "a person in" counts from now.
 * `typed`: digits already typed at the current input, when the route's
 * first action is to type the number ("Keep typing: 14 more digits").
 */
export function adviceFrom(result: RouteResult, offset: Micros = 0, typed = 0): Advice {
  if (!result.reachable) return { reachable: false, reason: REASONS[result.reason] ?? 'No route leads to a person.' };
  const firstAction = result.steps.findIndex((step) => actionWords(step) !== undefined);
  const leading = leadingMicros(result.steps);
  const saved = offset < 0 ? offset : Math.min(offset, leading);
  const firstStep = firstAction < 0 ? undefined : result.steps[firstAction];
  const typing = firstStep?.do === 'enter' && typed > 0 ? typingLeft(firstStep, typed) : undefined;
  const menuMicros = Math.max(0, result.menuMicros - saved - (typing?.savedMicros ?? 0));
  const words = firstStep === undefined ? undefined : actionWords(firstStep);
  // A message still to hear before the first action: one ahead (a failure's), or the part of the prompt not yet heard.
  const messageAhead = offset < 0 || (firstAction > 0 && firstStep?.do !== 'wait' && offset < leading);
  const instruction = words === undefined
    ? 'Just listen, the line puts you through'
    : typing !== undefined
      ? typing.words
      : capitalised(messageAhead ? `after the message, ${words}` : firstStep?.do === 'wait' ? words : `${words} now`);
  const then = firstAction < 0 ? [] : result.steps.slice(firstAction + 1).map(actionWords).filter((w): w is string => w !== undefined);
  return {
    reachable: true, instruction, then, menuMicros,
    holdMicros: result.holdMicros, holdKnown: result.holdKnown, agent: result.outcome, route: result,
  };
}

/** Half-way through a number: the digits still to type, and the key time already spent on the others. */
function typingLeft(step: RouteStep, typed: number): { words: string; savedMicros: Micros } {
  const digits = step.digits ?? 0;
  const keys = digits + (step.terminator !== undefined ? 1 : 0);
  const left = Math.max(0, digits - typed);
  const end = step.terminator !== undefined ? ` then ${keyName(step.terminator)}` : '';
  const words = left > 0 ? `Keep typing: ${left} more digit${left === 1 ? '' : 's'}${end}` : `Press ${keyName(step.terminator ?? '#')} to finish`;
  return { words, savedMicros: keys === 0 ? 0 : Math.round((step.micros * Math.min(typed, digits)) / keys) };
}

/** Advice from a configuration (see `adviceFrom` for `offset`). */
export function coachAdvice(menu: Menu, situation: Situation, here: Configuration, offset: Micros = 0): Advice {
  return adviceFrom(fastestRouteFrom(menu, situation, here), offset);
}

/** A route's actions in words: "press 3, then say \"agent\"". */
export function routeWords(route: Route): string {
  const words = route.steps.map(actionWords).filter((w): w is string => w !== undefined);
  return words.length === 0 ? 'just listen' : words.join(', then ');
}

/** The coach's line: "Press 0 now: a person in ≈ 12 s + ≈ 5 min hold". */
export function adviceLine(advice: Advice): string {
  if (!advice.reachable) return `No person is reachable from here: hang up and call again. ${advice.reason}`;
  return `${advice.instruction}: a person in ${roughly(advice.menuMicros)} ${holdWords(advice.holdMicros, advice.holdKnown)}`;
}
