/**
 * A route to a human as text for people: numbered steps, the figures, the
 * strategies and the dial string; alternatives as one line each.
 */
import { describeMoment, roundedSeconds, type Menu, type Situation } from '../model/index.js';
import {
  UNREACHABLE_EXPLANATION, dialString, totalMicros,
  type Route, type RouteResult, type RouteStep,
} from '../analysis/route.js';
import type { EscapeReport } from '../analysis/escape.js';
import { minutesHint } from './durations.js';
import type { AtomReading, BranchDecision } from '../analysis/branch-decisions.js';

function seconds(micros: number): string {
  return `${roundedSeconds(micros)} s`;
}

function labelOf(step: RouteStep): string {
  if (step.valid === false) return ' (not an option)';
  return step.label !== undefined && step.label !== step.phrase ? ` (${step.label})` : '';
}

/** One step as a line: `Listen 4.4 s (welcome)`, `Press 3 (Lost card) 0.5 s`, `Hold ≈ 45 s`. */
function stepText(step: RouteStep): string {
  switch (step.do) {
    case 'listen':
      return `Listen ${seconds(step.micros)} (${step.node})`;
    case 'press':
      return `Press ${step.key}${labelOf(step)} ${seconds(step.micros)}`;
    case 'say':
      return `Say "${step.phrase}"${labelOf(step)} ${seconds(step.micros)}`;
    case 'enter':
      return `Enter your ${step.digits} digits${step.terminator ? ` then ${step.terminator}` : ''} (${step.node}) ${seconds(step.micros)}`;
    case 'wait':
      return `Stay silent ${seconds(step.micros)} (${step.node} times out)`;
    case 'hold':
      return `Hold ≈ ${seconds(step.micros)}${minutesHint(step.micros)} (${step.node})`;
  }
}

/** One atom as read: `fact "holiday" is false`, `hours "agents" open at tue 10:00`, `caller flag "elderly" not set`. */
function readingText(read: AtomReading, situation: Situation): string {
  switch (read.kind) {
    case 'fact':
      return `fact "${read.name}" is ${read.value}`;
    case 'open':
      return `hours "${read.name}" ${read.value ? 'open' : 'closed'} at ${describeMoment(situation.moment)}`;
    case 'caller':
      return `caller flag "${read.name}" ${read.value ? 'set' : 'not set'}`;
  }
}

/**
 * The line of what the route's branches read from the situation, e.g.
 * `Assumes: fact "holiday" is false (holidayCheck) · hours "agents" open at tue 10:00 (hoursCheck)`;
 * undefined when no branch on the route reads anything.
 */
export function assumesText(decisions: readonly BranchDecision[], situation: Situation): string | undefined {
  const parts = decisions
    .filter((decision) => decision.reads.length > 0)
    .map((decision) => `${decision.reads.map((read) => readingText(read, situation)).join(', ')} (${decision.node})`);
  return parts.length === 0 ? undefined : `Assumes: ${parts.join(' · ')}`;
}

function holdText(route: Route): string {
  return route.holdKnown ? `≈ ${seconds(route.holdMicros)}${minutesHint(route.holdMicros)}` : 'unknown (counted 0 s)';
}

function routeLines(route: Route, menu: Menu, situation: Situation): string[] {
  const lines = route.steps.map((step, index) => `  ${index + 1}. ${stepText(step)}`);
  const estimated = route.estimated ? ' (estimated: an audio prompt of unknown length)' : '';
  const { dial, complete } = dialString(route, menu.phone);
  lines.push(
    `Menu time ${seconds(route.menuMicros)} · hold ${holdText(route)} · total ${route.holdKnown ? '≈ ' : ''}${seconds(totalMicros(route))}${route.holdKnown ? minutesHint(totalMicros(route)) : ''}${estimated}`,
    `Actions: ${route.actions} · reaches ${route.outcome}${route.queue !== undefined ? ` (queue ${route.queue})` : ''}`,
  );
  const assumes = assumesText(route.assumes, situation);
  if (assumes !== undefined) lines.push(assumes);
  lines.push(
    `Strategies: ${route.strategies.join(', ') || 'none'}`,
    `Dial: ${dial || '(nothing to dial)'}${complete ? '' : '  (stops before the first spoken step or digit entry)'}`,
  );
  return lines;
}

function unreachableText(result: RouteResult & { reachable: false }): string {
  return `No route to a human: ${UNREACHABLE_EXPLANATION[result.reason]}`;
}

/** A short line for an alternative route. */
function alternativeText(route: RouteResult, rank: number): string {
  if (!route.reachable) return `  ${rank}. ${unreachableText(route)}`;
  return `  ${rank}. ${route.outcome}: total ${seconds(totalMicros(route))} (menu ${seconds(route.menuMicros)}, ${route.actions} action${route.actions === 1 ? '' : 's'})`
    + ` [${route.strategies.join(', ')}]  script: ${route.script || '(none)'}`;
}

/** The whole human report of `ivr escape`. */
export function escapeText(
  report: EscapeReport, menu: Menu, situation: Situation,
  extras: { verified?: boolean; unlocks?: readonly string[] } = {},
): string {
  const { route } = report;
  const heading = `${menu.name} · ${describeMoment(situation.moment)} · objective ${route.objective}`
    + (report.fastest !== undefined ? ' · advertised options only' : '');
  const lines = [heading];
  if (!route.reachable) lines.push(unreachableText(route), ...(extras.unlocks ?? []));
  else lines.push(...routeLines(route, menu, situation));
  if (!route.reachable && report.fastest?.reachable) {
    lines.push(`With hidden options, invalid entries or silence: total ${seconds(totalMicros(report.fastest))} [${report.fastest.strategies.join(', ')}]  script: ${report.fastest.script}`);
  }
  if (report.hiddenShortcutGainMicros !== undefined) {
    lines.push(`Hidden-shortcut gain: ${seconds(report.hiddenShortcutGainMicros)} (the fastest route overall takes ${seconds(totalMicros(report.fastest as Route))})`);
  }
  // Without any route to a human there is nothing to list beside it, and nothing was replayed.
  if (report.alternatives !== undefined && route.reachable) {
    lines.push('Alternatives:');
    const exact = report.alternativesExact !== false;
    if (report.alternatives.length === 0) lines.push(exact ? '  (none: no other agent or strategy set reaches a human)' : '  (none found)');
    if (!exact) {
      lines.push('  (approximate: the menu is too large for the exact search of every strategy set; a set whose best route'
        + ' is beaten by a route with fewer tricks to the same queue may be missing)');
    }
    report.alternatives.forEach((alternative, index) => lines.push(alternativeText(alternative, index + 2)));
  }
  const replayed = route.reachable || report.fastest?.reachable === true;
  if (extras.verified && replayed) lines.push('Verified by replay through the call machine.');
  return lines.join('\n');
}
