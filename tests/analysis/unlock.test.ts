import { describe, expect, it } from 'vitest';
import { describeOpenHours, namesInConditions, unlockSentences, whatUnlocks } from '../../src/analysis/unlock.js';
import { at, menuOf, workedExample } from '../machine/helpers.js';

// A line open mon–fri 09:00–17:00 in Madrid, with a holiday lookup and a
// priority lane for elderly callers that skips the holiday check.
const line = () => menuOf({
  start: { type: 'branch', cases: [
    { when: { caller: 'elderly' }, next: 'queue' },
    { when: { all: [{ open: 'office' }, { not: { fact: 'holiday' } }] }, next: 'queue' },
    { when: { fact: 'overflow' }, next: 'queue' },
  ], otherwise: 'closed' },
  queue: { type: 'agent' },
  closed: { type: 'hangup', prompt: 'We are closed.' },
}, { hours: { office: { timezone: 'Europe/Madrid', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }] } } });

describe('what would let a caller reach a person', () => {
  it('lists the facts, flags and schedules the branches look at', () => {
    expect(namesInConditions(line())).toEqual({ facts: ['holiday', 'overflow'], callerFlags: ['elderly'], schedules: ['office'] });
  });

  it('finds the open hours of the week, one fact and one flag, on Sunday night', () => {
    const unlocks = whatUnlocks(line(), at('sun 23:00'));
    // Worked by hand: the office branch holds mon–fri from 09:00 (540 min) to 17:00 (1020 min).
    expect(unlocks.hours.map((h) => h.day)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
    expect(unlocks.hours[0]?.ranges).toEqual([[540, 1020]]);
    // "holiday" only closes the line, so it unlocks nothing; "overflow" opens it at any time.
    expect(unlocks.facts).toEqual(['overflow']);
    expect(unlocks.callerFlags).toEqual(['elderly']);
    expect(describeOpenHours(unlocks.hours.slice(0, 1))).toBe('mon 09:00–17:00');
  });

  it('keeps the given facts: on a holiday the open hours are gone', () => {
    const unlocks = whatUnlocks(line(), at('sun 23:00', [], ['holiday']));
    expect(unlocks.hours).toEqual([]);
    expect(unlocks.facts).toEqual(['overflow']);
  });

  it('keeps minutes exact: a line open 07:30–17:30', () => {
    const menu = menuOf({
      start: { type: 'branch', cases: [{ when: { open: 'desk' }, next: 'queue' }], otherwise: 'closed' },
      queue: { type: 'agent' },
      closed: { type: 'hangup' },
    }, { hours: { desk: { timezone: 'Asia/Shanghai', open: [{ days: ['sat'], from: '07:30', to: '17:30' }, { days: ['sun'], from: '22:00', to: '02:00' }] } } });
    // Overnight: sun 22:00 runs into mon 02:00.
    expect(describeOpenHours(whatUnlocks(menu, at('tue 10:00')).hours)).toBe('mon 00:00–02:00; sat 07:30–17:30; sun 22:00–24:00');
  });

  it('says nothing when no change helps', () => {
    const menu = menuOf({ start: { type: 'hangup', reason: 'no agents' }, queue: { type: 'agent' } });
    expect(unlockSentences(whatUnlocks(menu, at('tue 10:00')))).toEqual([]);
  });

  it('finds every hour open on the worked example, where 3 reaches the fraud queue at any hour', () => {
    const hours = whatUnlocks(workedExample(), at('tue 22:00')).hours;
    // `3` (lost card) reaches a person at any hour, so every hour of the week is open.
    expect(hours).toHaveLength(7);
    expect(hours.every((h) => h.ranges.length === 1 && h.ranges[0]?.[0] === 0 && h.ranges[0]?.[1] === 1440)).toBe(true);
  });
});
