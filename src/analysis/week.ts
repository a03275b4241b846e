/**
 * The week as a few situation classes. Branch conditions read the moment
 * only through `open` schedules, so the 168 hours of `weekHours()` fall into
 * classes with the same set of open schedules; one graph per class answers
 * for every hour in it. Caller flags and facts stay fixed.
 */
import { describeMoment, isOpen, weekHours, type Menu, type Situation } from '../model/index.js';

export interface HourClass {
  /** the first hour of the class, used to build its graph */
  situation: Situation;
  /** every hour of the week in the class, e.g. `mon 09:30` */
  hours: string[];
  /** names of the schedules open in this class */
  open: string[];
}

/** Groups the 168 hours of the week by the set of open schedules. */
export function weekClasses(menu: Menu, caller: ReadonlySet<string>, facts: ReadonlySet<string>): HourClass[] {
  const schedules = Object.entries(menu.hours ?? {});
  const classes = new Map<string, HourClass>();
  for (const moment of weekHours()) {
    const open = schedules.filter(([, schedule]) => isOpen(schedule, moment)).map(([name]) => name);
    const signature = open.join('\u0000');
    let hourClass = classes.get(signature);
    if (hourClass === undefined) {
      hourClass = { situation: { moment, caller, facts }, hours: [], open };
      classes.set(signature, hourClass);
    }
    hourClass.hours.push(describeMoment(moment));
  }
  return [...classes.values()];
}

/** One situation as a class of its own (an explicit `--at`). */
export function singleClass(situation: Situation): HourClass {
  return { situation, hours: [describeMoment(situation.moment)], open: [] };
}
