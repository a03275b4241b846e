/**
 * Branch conditions, decided for one moment, one caller and one set of world
 * facts. Pure: the moment is passed in, never read from a clock here.
 *
 * A moment is either an instant (ISO 8601 with an offset; each schedule reads
 * it in its own time zone, holidays included) or a wall time such as
 * `tue 10:00`, read as that local time in every schedule's zone (no date, so
 * `closed` days do not apply).
 */
import type { Condition, Day, Schedule } from './schema.js';
import { DAYS } from './schema.js';

export type Moment =
  | { kind: 'instant'; epochMs: number }
  | { kind: 'wall'; day: Day; minutes: number };

/** Everything a branch may depend on. */
export interface Situation {
  moment: Moment;
  /** caller flags such as `elderly`, `hasAccount` */
  caller: ReadonlySet<string>;
  /** world facts such as `holiday`; false unless present */
  facts: ReadonlySet<string>;
}

export function situation(moment: Moment, caller: Iterable<string> = [], facts: Iterable<string> = []): Situation {
  return { moment, caller: new Set(caller), facts: new Set(facts) };
}

interface LocalTime {
  day: Day;
  minutes: number;
  /** YYYY-MM-DD, absent for a wall time */
  date?: string;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timezone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timezone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: timezone, hourCycle: 'h23', weekday: 'short',
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formatters.set(timezone, formatter);
  }
  return formatter;
}

/** True when `timezone` is an IANA zone this Node knows. */
export function isKnownTimezone(timezone: string): boolean {
  try {
    formatterFor(timezone);
    return true;
  } catch {
    return false;
  }
}

function localTime(moment: Moment, timezone: string): LocalTime {
  if (moment.kind === 'wall') return { day: moment.day, minutes: moment.minutes };
  const parts = Object.fromEntries(formatterFor(timezone).formatToParts(new Date(moment.epochMs)).map((p) => [p.type, p.value]));
  const day = String(parts.weekday).slice(0, 3).toLowerCase() as Day;
  return {
    day,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
    date: `${parts.year}-${parts.month}-${parts.day}`,
  };
}

/** `HH:MM` as minutes of the day (`24:00` is 1440). */
export function toMinutes(clock: string): number {
  const [hours, minutes] = clock.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

function previousDay(day: Day): Day {
  return DAYS[(DAYS.indexOf(day) + DAYS.length - 1) % DAYS.length] as Day;
}

/**
 * Whether a schedule is open. An interval whose `to` is earlier than its
 * `from` runs past midnight into the next day.
 */
export function isOpen(schedule: Schedule, moment: Moment): boolean {
  const local = localTime(moment, schedule.timezone);
  if (local.date !== undefined && schedule.closed?.includes(local.date)) return false;
  return schedule.open.some((interval) => {
    const from = toMinutes(interval.from);
    const to = toMinutes(interval.to);
    if (from < to) return interval.days.includes(local.day) && local.minutes >= from && local.minutes < to;
    return (interval.days.includes(local.day) && local.minutes >= from)
      || (interval.days.includes(previousDay(local.day)) && local.minutes < to);
  });
}

/** Decides a condition; a schedule missing from `hours` is closed (check.ts refuses such files). */
export function holds(condition: Condition, hours: Record<string, Schedule> | undefined, at: Situation): boolean {
  if ('open' in condition) {
    const schedule = hours?.[condition.open];
    return schedule !== undefined && Object.hasOwn(hours ?? {}, condition.open) && isOpen(schedule, at.moment);
  }
  if ('caller' in condition) return at.caller.has(condition.caller);
  if ('fact' in condition) return at.facts.has(condition.fact);
  if ('not' in condition) return !holds(condition.not, hours, at);
  if ('all' in condition) return condition.all.every((c) => holds(c, hours, at));
  return condition.any.some((c) => holds(c, hours, at));
}

// A day as its three letters or its full English name ("tue", "Tues", "Tuesday"), never "monkey".
const WALL_TIME = /^(mon(?:day)?|tue(?:s|sday)?|wed(?:nesday)?|thu(?:rs|rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\s+([01]?[0-9]|2[0-3]):([0-5][0-9])$/i;

/**
 * Reads `--at`: `tue 10:00` (a wall time) or an ISO 8601 time with an offset.
 * Returns undefined when the text is neither.
 */
export function parseMoment(text: string): Moment | undefined {
  const wall = WALL_TIME.exec(text.trim());
  if (wall) {
    const day = (wall[1] ?? '').slice(0, 3).toLowerCase() as Day;
    return { kind: 'wall', day, minutes: Number(wall[2]) * 60 + Number(wall[3]) };
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text.trim())) return undefined;
  const epochMs = Date.parse(text.trim());
  return Number.isNaN(epochMs) ? undefined : { kind: 'instant', epochMs };
}

/** Minutes of a day as `HH:MM` (1440 is `24:00`). */
export function clockText(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/**
 * A moment for people: `tue 10:00`, or an instant as `mon 2026-11-30 07:37 UTC`
 * (to the minute, as schedules are; named UTC so that nobody reads it as
 * their own or the menu's local time).
 */
export function describeMoment(moment: Moment): string {
  if (moment.kind === 'wall') return `${moment.day} ${clockText(moment.minutes)}`;
  const utc = localTime(moment, 'UTC');
  return `${utc.day} ${utc.date ?? ''} ${clockText(utc.minutes)} UTC`;
}

/** The 168 wall hours of a week, each at its half hour, for scans such as hours coverage. */
export function weekHours(): Moment[] {
  return DAYS.flatMap((day) => Array.from({ length: 24 }, (_, hour) => ({ kind: 'wall' as const, day, minutes: hour * 60 + 30 })));
}
