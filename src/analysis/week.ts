/**
 * The week as a few situation classes, exact to the minute. Branch
 * conditions read the moment only through `open` schedules, and a schedule
 * changes state only at the `from`/`to` minutes of its intervals (and at
 * midnight, when the day changes). Cutting every day at all those minutes
 * gives spans in which no schedule changes state; spans with the same set of
 * open schedules form a class, and one graph per class answers for every
 * minute in it. Caller flags and facts stay fixed.
 *
 * The week is wall time (`mon 09:00`), read in each schedule's own zone, as
 * `--at "mon 09:00"` is: no date, so `closed` holidays do not apply.
 */
import { DAYS, clockText, describeMoment, isOpen, toMinutes, type Day, type Menu, type Moment, type Situation } from '../model/index.js';

const MINUTES_PER_DAY = 24 * 60;
export const MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY;

/** `[from, to)` minutes of one day. */
export interface WeekSpan {
  day: Day;
  from: number;
  to: number;
}

export interface HourClass {
  /** the first minute of the class, used to build its graph */
  situation: Situation;
  /** the spans of the week in the class, in week order; empty for an explicit `--at` */
  spans: WeekSpan[];
  /** minutes of the week in the class */
  minutes: number;
  /** names of the schedules open in this class */
  open: string[];
}


/**
 * Minutes of a day where some schedule may open or close (midnight and
 * 24:00 included), sorted. Between two of them every schedule keeps its state.
 */
export function scheduleBreakpoints(menu: Menu): number[] {
  const minutes = new Set([0, MINUTES_PER_DAY]);
  for (const schedule of Object.values(menu.hours ?? {})) {
    for (const interval of schedule.open) minutes.add(toMinutes(interval.from)).add(toMinutes(interval.to));
  }
  return [...minutes].sort((a, b) => a - b);
}

/** Every span of the week between two breakpoints, with the moment at its start. */
function weekSpans(menu: Menu): { span: WeekSpan; moment: Moment }[] {
  const cuts = scheduleBreakpoints(menu);
  return DAYS.flatMap((day) => cuts.slice(0, -1).map((from, i) => ({
    span: { day, from, to: cuts[i + 1] as number },
    moment: { kind: 'wall' as const, day, minutes: from },
  })));
}

/** Groups the minutes of the week by the set of open schedules; classes in the order the week first meets them. */
export function weekClasses(menu: Menu, caller: ReadonlySet<string>, facts: ReadonlySet<string>): HourClass[] {
  const schedules = Object.entries(menu.hours ?? {});
  const classes = new Map<string, HourClass>();
  for (const { span, moment } of weekSpans(menu)) {
    const open = schedules.filter(([, schedule]) => isOpen(schedule, moment)).map(([name]) => name);
    const signature = open.join('\u0000');
    let hourClass = classes.get(signature);
    if (hourClass === undefined) {
      hourClass = { situation: { moment, caller, facts }, spans: [], minutes: 0, open };
      classes.set(signature, hourClass);
    }
    const last = hourClass.spans[hourClass.spans.length - 1];
    // Neighbouring spans of one day join, so evidence reads `mon 00:00–09:00`, not one span per breakpoint.
    if (last !== undefined && last.day === span.day && last.to === span.from) last.to = span.to;
    else hourClass.spans.push({ ...span });
    hourClass.minutes += span.to - span.from;
  }
  return [...classes.values()];
}

/** One situation as a class of its own (an explicit `--at`). */
export function singleClass(situation: Situation): HourClass {
  return { situation, spans: [], minutes: 0, open: [] };
}

/** The moment a class's figures were computed for, for people: `mon 09:00`. */
export function classMoment(hourClass: HourClass): string {
  return describeMoment(hourClass.situation.moment);
}


/** `mon 09:00–17:15`. */
export function describeSpan(span: WeekSpan): string {
  return `${span.day} ${clockText(span.from)}–${clockText(span.to)}`;
}
