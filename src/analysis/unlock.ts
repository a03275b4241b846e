/**
 * When no person is reachable, what would change that: other hours of the
 * week, one world fact, or one caller flag. A caller reads "call back
 * mon 08:00–20:00", an auditor reads "only if the holiday lookup says no".
 * Each answer is a search of the same menu under a changed situation.
 */
import type { Condition, Day, Menu, Situation } from '../model/index.js';
import { DAYS, weekHours } from '../model/index.js';
import { fastestRoute } from './escape.js';

/** Wall-time hours open to a person on one day, as `[fromHour, toHour)` ranges. */
export interface OpenHours {
  day: Day;
  ranges: [number, number][];
}

export interface Unlocks {
  /** hours of the week (each schedule's own local time) when a person is reachable, same caller and facts */
  hours: OpenHours[];
  /** world facts that, each alone, make a person reachable at this moment */
  facts: string[];
  /** caller flags that, each alone, make a person reachable at this moment */
  callerFlags: string[];
}

/** Menus larger than this get no hour-by-hour scan: 168 searches would cost too much. */
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

function reachable(menu: Menu, situation: Situation): boolean {
  return fastestRoute(menu, { situation }).reachable;
}

function openHours(menu: Menu, situation: Situation): OpenHours[] {
  const open = new Map<Day, number[]>();
  for (const moment of weekHours()) {
    if (moment.kind !== 'wall' || !reachable(menu, { ...situation, moment })) continue;
    const hours = open.get(moment.day) ?? [];
    hours.push(Math.floor(moment.minutes / 60));
    open.set(moment.day, hours);
  }
  return DAYS.filter((day) => open.has(day)).map((day) => ({ day, ranges: toRanges(open.get(day) ?? []) }));
}

function toRanges(hours: number[]): [number, number][] {
  const ranges: [number, number][] = [];
  for (const hour of hours) {
    const last = ranges[ranges.length - 1];
    if (last !== undefined && last[1] === hour) last[1] = hour + 1;
    else ranges.push([hour, hour + 1]);
  }
  return ranges;
}

/**
 * What would let the caller reach a person, for a situation where nobody is
 * reachable. Facts and flags are tried one at a time, added to those given.
 */
export function whatUnlocks(menu: Menu, situation: Situation): Unlocks {
  const names = namesInConditions(menu);
  const hours = names.schedules.length > 0 && Object.keys(menu.nodes).length <= MAX_NODES_FOR_WEEK_SCAN
    ? openHours(menu, situation)
    : [];
  const facts = names.facts.filter((fact) => !situation.facts.has(fact)
    && reachable(menu, { ...situation, facts: new Set([...situation.facts, fact]) }));
  const callerFlags = names.callerFlags.filter((flag) => !situation.caller.has(flag)
    && reachable(menu, { ...situation, caller: new Set([...situation.caller, flag]) }));
  return { hours, facts, callerFlags };
}

const pad = (hour: number) => `${String(hour).padStart(2, '0')}:00`;

/** `mon 08:00–20:00; tue 08:00–20:00` (days with the same hours are not merged: schedules differ by day). */
export function describeOpenHours(hours: readonly OpenHours[]): string {
  return hours.map(({ day, ranges }) => `${day} ${ranges.map(([from, to]) => `${pad(from)}–${pad(to)}`).join(', ')}`).join('; ');
}

/** Sentences for people, one per kind of change; empty when nothing helps. */
export function unlockSentences(unlocks: Unlocks): string[] {
  const sentences: string[] = [];
  if (unlocks.hours.length > 0) sentences.push(`A person is reachable at other times (each schedule's local time): ${describeOpenHours(unlocks.hours)}.`);
  if (unlocks.facts.length > 0) sentences.push(`A person would be reachable now if ${unlocks.facts.map((fact) => `"${fact}"`).join(' or ')} held (--fact).`);
  if (unlocks.callerFlags.length > 0) sentences.push(`A person is reachable now for a caller flagged ${unlocks.callerFlags.join(' or ')} (--caller).`);
  return sentences;
}

