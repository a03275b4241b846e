/**
 * Schedules and conditions: wall times and instants across time zones,
 * closed dates, overnight intervals, the condition operators, and `--at`.
 */
import { describe, expect, it } from 'vitest';
import { Schedule, describeMoment, holds, isOpen, parseMoment, situation, type Moment } from '../../src/model/index.js';

const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];
const newYork = Schedule.parse({ timezone: 'America/New_York', open: [{ days: weekdays, from: '08:00', to: '20:00' }] });
const shanghai = Schedule.parse({ timezone: 'Asia/Shanghai', open: [{ days: weekdays, from: '09:00', to: '18:00' }] });

const wall = (text: string): Moment => {
  const moment = parseMoment(text);
  if (moment?.kind !== 'wall') throw new Error(`${text} is not a wall time`);
  return moment;
};
const instant = (text: string): Moment => {
  const moment = parseMoment(text);
  if (moment?.kind !== 'instant') throw new Error(`${text} is not an instant`);
  return moment;
};

describe('isOpen at a wall time (read in each schedule’s own zone)', () => {
  it.each([
    ['tue 10:00', true],
    ['tue 08:00', true], // from is inclusive
    ['tue 07:59', false],
    ['tue 19:59', true],
    ['tue 20:00', false], // to is exclusive
    ['sat 10:00', false],
  ])('%s → %s', (at, open) => {
    expect(isOpen(newYork, wall(at))).toBe(open);
  });

  it('means the same local time in every zone', () => {
    expect(isOpen(newYork, wall('wed 10:00'))).toBe(true);
    expect(isOpen(shanghai, wall('wed 10:00'))).toBe(true);
  });

  it('ignores closed dates: a wall time has no date', () => {
    const holiday = Schedule.parse({ ...newYork, closed: ['2026-12-01'] });
    expect(isOpen(holiday, wall('tue 10:00'))).toBe(true);
  });
});

describe('isOpen at an instant (ISO 8601 with offset)', () => {
  it('reads one instant as each schedule’s local time', () => {
    // Tue 2026-12-01 10:00 in New York is Tue 23:00 in Shanghai
    const moment = instant('2026-12-01T10:00:00-05:00');
    expect(isOpen(newYork, moment)).toBe(true);
    expect(isOpen(shanghai, moment)).toBe(false);
  });

  it('gives the same answer whatever offset writes the instant', () => {
    for (const text of ['2026-12-01T15:00:00Z', '2026-12-01T10:00:00-05:00', '2026-12-01T23:00:00+08:00', '2026-12-01T23:00:00+0800']) {
      expect(isOpen(newYork, instant(text)), text).toBe(true);
      expect(isOpen(shanghai, instant(text)), text).toBe(false);
    }
  });

  it('follows daylight saving time: 12:30 UTC is 08:30 in New York in July, 07:30 in December', () => {
    expect(isOpen(newYork, instant('2026-07-07T12:30:00Z'))).toBe(true);
    expect(isOpen(newYork, instant('2026-12-08T12:30:00Z'))).toBe(false);
  });

  it('takes the weekday in the schedule’s zone: Tue 19:00 UTC is Wed 03:00 in Shanghai', () => {
    const allNight = Schedule.parse({ timezone: 'Asia/Shanghai', open: [{ days: ['wed'], from: '00:00', to: '06:00' }] });
    expect(isOpen(allNight, instant('2026-12-01T19:00:00Z'))).toBe(true);
  });
});

describe('closed dates', () => {
  const everyDay = Schedule.parse({
    timezone: 'America/New_York',
    open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], from: '00:00', to: '24:00' }],
    closed: ['2026-12-25'],
  });

  it('close the whole local day', () => {
    expect(isOpen(everyDay, instant('2026-12-25T12:00:00-05:00'))).toBe(false);
    expect(isOpen(everyDay, instant('2026-12-26T00:00:00-05:00'))).toBe(true);
  });

  it('are dates in the schedule’s zone, not UTC', () => {
    // 02:00 UTC on the 25th is still the 24th (21:00) in New York; 06:00 UTC is 01:00 on the 25th
    expect(isOpen(everyDay, instant('2026-12-25T02:00:00Z'))).toBe(true);
    expect(isOpen(everyDay, instant('2026-12-25T06:00:00Z'))).toBe(false);
  });

  it('24:00 keeps the interval open to the end of the day', () => {
    expect(isOpen(everyDay, wall('mon 23:59'))).toBe(true);
  });
});

describe('overnight intervals (to earlier than from)', () => {
  const nights = Schedule.parse({ timezone: 'Europe/Madrid', open: [{ days: ['fri'], from: '22:00', to: '06:00' }] });

  it.each([
    ['fri 21:59', false],
    ['fri 22:00', true],
    ['fri 23:30', true],
    ['sat 00:00', true], // the night that started on Friday
    ['sat 05:59', true],
    ['sat 06:00', false],
    ['sat 23:00', false], // Saturday is not a starting day
    ['thu 01:00', false],
  ])('%s → %s', (at, open) => {
    expect(isOpen(nights, wall(at))).toBe(open);
  });

  it('wrap from Sunday into Monday', () => {
    const sundayNight = Schedule.parse({ timezone: 'UTC', open: [{ days: ['sun'], from: '22:00', to: '02:00' }] });
    expect(isOpen(sundayNight, wall('mon 01:00'))).toBe(true);
    expect(isOpen(sundayNight, wall('sun 01:00'))).toBe(false);
  });

  it('apply to instants too', () => {
    expect(isOpen(nights, instant('2026-12-05T04:00:00+01:00'))).toBe(true); // Sat 04:00 in Madrid
    expect(isOpen(nights, instant('2026-12-06T04:00:00+01:00'))).toBe(false); // Sun 04:00
  });
});

describe('holds', () => {
  const hours = { agents: newYork };
  const tuesday = situation(wall('tue 10:00'), ['elderly'], ['holiday']);

  it('decides open, caller and fact', () => {
    expect(holds({ open: 'agents' }, hours, tuesday)).toBe(true);
    expect(holds({ open: 'agents' }, hours, situation(wall('sun 10:00')))).toBe(false);
    expect(holds({ caller: 'elderly' }, hours, tuesday)).toBe(true);
    expect(holds({ caller: 'hasAccount' }, hours, tuesday)).toBe(false);
    expect(holds({ fact: 'holiday' }, hours, tuesday)).toBe(true);
    expect(holds({ fact: 'queueFull' }, hours, tuesday)).toBe(false);
  });

  it('combines with not, all and any', () => {
    expect(holds({ not: { fact: 'holiday' } }, hours, tuesday)).toBe(false);
    expect(holds({ all: [{ open: 'agents' }, { caller: 'elderly' }] }, hours, tuesday)).toBe(true);
    expect(holds({ all: [{ open: 'agents' }, { caller: 'hasAccount' }] }, hours, tuesday)).toBe(false);
    expect(holds({ any: [{ caller: 'hasAccount' }, { fact: 'holiday' }] }, hours, tuesday)).toBe(true);
    expect(holds({ any: [{ caller: 'hasAccount' }, { not: { open: 'agents' } }] }, hours, tuesday)).toBe(false);
  });

  it('treats a schedule that is not defined as closed, inherited object names included', () => {
    expect(holds({ open: 'night' }, hours, tuesday)).toBe(false);
    expect(holds({ open: 'toString' }, hours, tuesday)).toBe(false);
    expect(holds({ open: 'agents' }, undefined, tuesday)).toBe(false);
  });

  it('has no caller flags or facts by default', () => {
    expect(holds({ caller: 'elderly' }, hours, situation(wall('tue 10:00')))).toBe(false);
    expect(holds({ fact: 'holiday' }, hours, situation(wall('tue 10:00')))).toBe(false);
  });
});

describe('parseMoment (`--at`)', () => {
  it.each([
    ['tue 10:00', { kind: 'wall', day: 'tue', minutes: 600 }],
    ['Tuesday 9:05', { kind: 'wall', day: 'tue', minutes: 545 }],
    ['SUN 23:59', { kind: 'wall', day: 'sun', minutes: 1439 }],
    ['Wednesday 12:00', { kind: 'wall', day: 'wed', minutes: 720 }],
    ['thurs 7:30', { kind: 'wall', day: 'thu', minutes: 450 }],
    ['Saturday 8:00', { kind: 'wall', day: 'sat', minutes: 480 }],
    ['  fri 00:00  ', { kind: 'wall', day: 'fri', minutes: 0 }],
    ['2026-12-01T10:00:00-05:00', { kind: 'instant', epochMs: Date.UTC(2026, 11, 1, 15) }],
    ['2026-12-01T15:00Z', { kind: 'instant', epochMs: Date.UTC(2026, 11, 1, 15) }],
    ['2026-12-01T23:00:00.000+08:00', { kind: 'instant', epochMs: Date.UTC(2026, 11, 1, 15) }],
  ])('reads %j', (text, moment) => {
    expect(parseMoment(text)).toEqual(moment);
  });

  it.each([
    '2026-12-01T10:00:00', // no offset: which zone would it be?
    '2026-12-01',
    'tue 24:00',
    'tue 10:60',
    'tue',
    'noon',
    'xyz 10:00',
    'monkey 10:00',
    'mons 10:00',
    '2026-13-01T10:00:00Z',
    '',
  ])('refuses %j', (text) => {
    expect(parseMoment(text)).toBeUndefined();
  });
});

describe('describeMoment', () => {
  it('prints a wall time as day and clock', () => {
    expect(describeMoment(wall('tue 10:00'))).toBe('tue 10:00');
    expect(describeMoment(wall('sun 7:05'))).toBe('sun 07:05');
  });

  it.each([
    // 07:37:54.395 UTC on Monday 30 November 2026: minutes kept, seconds and milliseconds dropped
    ['2026-11-30T07:37:54.395Z', 'mon 2026-11-30 07:37 UTC'],
    // an offset is turned into UTC, across midnight into the next day
    ['2026-12-01T22:15:00-05:00', 'wed 2026-12-02 03:15 UTC'],
    ['2027-01-01T00:00:00+08:00', 'thu 2026-12-31 16:00 UTC'],
  ])('prints the instant %s as %s', (text, expected) => {
    expect(describeMoment(instant(text))).toBe(expected);
  });
});
