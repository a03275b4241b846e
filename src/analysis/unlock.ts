/**
 * When no person is reachable, what would change that: other hours of the
 * week, one world fact, or one caller flag. A caller reads "call back
 * mon 08:00–20:00", an auditor reads "only if the holiday lookup says no".
 * Each answer is a search of the same menu under a changed situation.
 */
import type { Condition, Day, Menu, Situation } from '../model/index.js';
import { DAYS, clockText } from '../model/index.js';
import { fastestRoute } from './escape.js';
import { scheduleBreakpoints } from './week.js';

/** Wall-time spans of one day when a person is reachable, as `[fromMinute, toMinute)` ranges. */
export interface OpenHours {
  day: Day;
  ranges: [number, number][];
}

export interface Unlocks {
  /** spans of the week (each schedule's own local time) when a person is reachable, same caller and facts */
  hours: OpenHours[];
  /** world facts that, each alone, make a person reachable at this moment */
  facts: string[];
  /** caller flags that, each alone, make a person reachable at this moment */
  callerFlags: string[];
}

/** Menus larger than this get no scan of the week: one search per span of each day would cost too much. */
const MAX_NODES_FOR_WEEK_SCAN = 2000;

function conditionNames(condition: Condition, facts: Set<string>, flags: Set<string>, schedules: Set<string>): void {
  if ('fact' in condition) facts.add(condition.fact);
  else if ('caller' in condition) flags.add(condition.caller);
  else if ('open' in condition) schedules.add(condition.open);
  else if ('not' in condition) conditionNames(condition.not, facts, flags, schedules);
  else if ('all' in condition) condition.all.forEach((c) => conditionNames(c, facts, flags, schedules));
  else condition.any.forEach((c) => conditionNames(c, facts, flags, schedules));
}

/** The facts, caller flags and schedules a menu's branches look at. */
export function namesInConditions(menu: Menu): { facts: string[]; callerFlags: string[]; schedules: string[] } {
  const facts = new Set<string>();
  const flags = new Set<string>();
  const schedules = new Set<string>();
  for (const node of Object.values(menu.nodes)) {
    if (node.type === 'branch') node.cases.forEach((branchCase) => conditionNames(branchCase.when, facts, flags, schedules));
  }
  return { facts: [...facts].sort(), callerFlags: [...flags].sort(), schedules: [...schedules].sort() };
}

/** Restrictions of the search the hints must share (`ivr escape --advertised-only`): a hint is only worth giving when it opens a route the caller would take. */
export interface UnlockOptions {
  advertisedOnly?: boolean;
}

function reachable(menu: Menu, situation: Situation, options: UnlockOptions): boolean {
  return fastestRoute(menu, { situation, advertisedOnly: options.advertisedOnly ?? false }).reachable;
}

/** Between two schedule breakpoints every condition keeps its value, so one search per span (at its middle) is exact. */
function openHours(menu: Menu, situation: Situation, options: UnlockOptions): OpenHours[] {
  const cuts = scheduleBreakpoints(menu);
  const week: OpenHours[] = [];
  for (const day of DAYS) {
    const ranges: [number, number][] = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [from, to] = [cuts[i] as number, cuts[i + 1] as number];
      const moment = { kind: 'wall' as const, day, minutes: Math.floor((from + to) / 2) };
      if (!reachable(menu, { ...situation, moment }, options)) continue;
      const last = ranges[ranges.length - 1];
      if (last !== undefined && last[1] === from) last[1] = to;
      else ranges.push([from, to]);
    }
    if (ranges.length > 0) week.push({ day, ranges });
  }
  return week;
}

/**
 * What would let the caller reach a person, for a situation where nobody is
 * reachable. Facts and flags are tried one at a time, added to those given.
 * Each is searched under `options`, the same restriction as the search that
 * found nobody.
 */
export function whatUnlocks(menu: Menu, situation: Situation, options: UnlockOptions = {}): Unlocks {
  const names = namesInConditions(menu);
  const hours = names.schedules.length > 0 && Object.keys(menu.nodes).length <= MAX_NODES_FOR_WEEK_SCAN
    ? openHours(menu, situation, options)
    : [];
  const facts = names.facts.filter((fact) => !situation.facts.has(fact)
    && reachable(menu, { ...situation, facts: new Set([...situation.facts, fact]) }, options));
  const callerFlags = names.callerFlags.filter((flag) => !situation.caller.has(flag)
    && reachable(menu, { ...situation, caller: new Set([...situation.caller, flag]) }, options));
  return { hours, facts, callerFlags };
}

/** `mon 08:00–20:00; tue 08:00–20:00` (days with the same hours are not merged: schedules differ by day). */
export function describeOpenHours(hours: readonly OpenHours[]): string {
  return hours.map(({ day, ranges }) => `${day} ${ranges.map(([from, to]) => `${clockText(from)}–${clockText(to)}`).join(', ')}`).join('; ');
}

/** Sentences for people, one per kind of change; empty when nothing helps. */
export function unlockSentences(unlocks: Unlocks): string[] {
  const sentences: string[] = [];
  if (unlocks.hours.length > 0) sentences.push(`A person is reachable at other times (each schedule's local time): ${describeOpenHours(unlocks.hours)}.`);
  if (unlocks.facts.length > 0) sentences.push(`A person would be reachable now if ${unlocks.facts.map((fact) => `"${fact}"`).join(' or ')} held (--fact).`);
  if (unlocks.callerFlags.length > 0) sentences.push(`A person is reachable now for a caller flagged ${unlocks.callerFlags.join(' or ')} (--caller).`);
  return sentences;
}

