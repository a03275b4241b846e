/**
 * The audit over the week: hours coverage exact to the minute (worked by
 * hand, and against a minute-by-minute count over random schedules), and
 * what a caller can run into (hang-ups on errors, traps) judged at its
 * worst class of the week, with that moment named.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditMenu } from '../../src/analysis/audit.js';
import { computeMetrics } from '../../src/analysis/metrics.js';
import { parseProfile } from '../../src/analysis/rules.js';
import { parseWeights } from '../../src/analysis/score.js';
import { DAYS, holds, type Condition } from '../../src/model/index.js';
import { at, menuOf } from './helpers.js';

const SEED = 20261201;
const weights = parseWeights(JSON.parse(readFileSync(new URL('../../rules/friction-weights.json', import.meta.url), 'utf8')));
const spain = parseProfile(JSON.parse(readFileSync(new URL('../../rules/es-ley-10-2025.json', import.meta.url), 'utf8')));
const weekdays = ['mon', 'tue', 'wed', 'thu', 'fri'];

/** A line that puts the caller through to a person when `when` holds, else plays a closed message. */
function gatedLine(when: Condition, hours: Record<string, unknown>) {
  return menuOf(
    { desk: { type: 'branch', cases: [{ when, next: 'person' }], otherwise: 'closed' }, person: { type: 'agent' }, closed: { type: 'hangup' } },
    { hours },
  );
}

const office = (open: unknown[], timezone = 'Europe/Madrid') => ({ timezone, open });

describe('hours coverage, exact to the minute', () => {
  it('Mon–Fri 09:00–17:15 and Sat 10:45–11:15 is 41.75 h (sampling each hour at :30 gave 40 h)', () => {
    // 5 × 8 h 15 min = 2475 min, plus 30 min on Saturday = 2505 min = 41.75 h.
    const menu = gatedLine({ open: 'office' }, {
      office: office([{ days: weekdays, from: '09:00', to: '17:15' }, { days: ['sat'], from: '10:45', to: '11:15' }]),
    });
    const coverage = computeMetrics(menu, weights).hoursCoverage;
    expect(coverage.openMinutes).toBe(2505);
    expect(coverage.openHours).toBe(41.75);
    expect(coverage.share).toBeCloseTo(2505 / 10080, 12);
    expect(coverage.closedExamples).toEqual(['mon 00:00–09:00', 'mon 17:15–24:00', 'tue 00:00–09:00']);
  });

  it('an interval past midnight counts on both days; one ending at 24:00 runs to midnight', () => {
    // fri 22:00–02:00: 2 h on Friday and 2 h on Saturday morning; sun 20:00–24:00: 4 h. 8 h in all.
    const menu = gatedLine({ open: 'night' }, {
      night: office([{ days: ['fri'], from: '22:00', to: '02:00' }, { days: ['sun'], from: '20:00', to: '24:00' }]),
    });
    expect(computeMetrics(menu, weights).hoursCoverage.openHours).toBe(8);
  });

  it('conditions over two schedules in two zones: both (1 h), either (5 h), the second without the first (2 h)', () => {
    // Wall time in each schedule's own zone: A is open mon 09:00–12:00 Madrid time, B mon 11:00–14:00 Shanghai time.
    const hours = {
      a: office([{ days: ['mon'], from: '09:00', to: '12:00' }]),
      b: office([{ days: ['mon'], from: '11:00', to: '14:00' }], 'Asia/Shanghai'),
    };
    const hoursWhen = (when: Condition) => computeMetrics(gatedLine(when, hours), weights).hoursCoverage.openHours;
    expect(hoursWhen({ all: [{ open: 'a' }, { open: 'b' }] })).toBe(1);
    expect(hoursWhen({ any: [{ open: 'a' }, { open: 'b' }] })).toBe(5);
    expect(hoursWhen({ all: [{ open: 'b' }, { not: { open: 'a' } }] })).toBe(2);
  });

  it(`equals a count of every minute of the week, for random schedules and conditions (seed ${SEED})`, () => {
    const clock = fc.integer({ min: 0, max: 96 }).map((quarter) => `${String(Math.floor(quarter / 4)).padStart(2, '0')}:${String((quarter % 4) * 15 + (quarter % 3)).padStart(2, '0')}`)
      .filter((text) => text <= '24:00');
    // The format refuses an interval whose from equals its to (never open), and a day starts before 24:00.
    const interval = fc.record({ days: fc.subarray([...DAYS], { minLength: 1 }), from: clock.filter((text) => text < '24:00'), to: clock })
      .filter(({ from, to }) => from !== to);
    const schedule = fc.array(interval, { minLength: 1, maxLength: 3 }).map((open) => office(open));
    const condition: fc.Arbitrary<Condition> = fc.constantFrom<Condition>(
      { open: 'a' }, { open: 'b' }, { all: [{ open: 'a' }, { open: 'b' }] }, { any: [{ open: 'a' }, { not: { open: 'b' } }] },
    );
    fc.assert(fc.property(schedule, schedule, condition, (a, b, when) => {
      const menu = gatedLine(when, { a, b });
      let minutes = 0;
      for (const day of DAYS) {
        for (let minute = 0; minute < 24 * 60; minute++) {
          if (holds(when, menu.hours, { moment: { kind: 'wall', day, minutes: minute }, caller: new Set(), facts: new Set() })) minutes++;
        }
      }
      expect(computeMetrics(menu, weights).hoursCoverage.openMinutes).toBe(minutes);
    }), { seed: SEED, numRuns: 40 });
  });
});

describe('what a caller can run into, at its worst class of the week', () => {
  // Errors and silence go to the desk check: a person while the office is open (Mon–Fri 09:00–17:00), a hang-up otherwise.
  const hangsUpAtNight = menuOf({
    main: {
      type: 'menu', prompt: 'Press 1 for a person.', options: [{ key: '1', next: 'desk' }],
      invalid: { retries: 2, then: 'desk' }, noInput: { retries: 2, then: 'desk' },
    },
    desk: { type: 'branch', cases: [{ when: { open: 'office' }, next: 'person' }], otherwise: 'closed' },
    person: { type: 'agent', wait: { medianSeconds: 60 } },
    closed: { type: 'hangup', prompt: 'We are closed.' },
  }, { hours: { office: office([{ days: weekdays, from: '09:00', to: '17:00' }]) } });

  it('a menu that hangs up on errors outside office hours raises F2 and fails ES-NoCut, naming the hour', () => {
    const report = auditMenu(hangsUpAtNight, { weights, profiles: [spain] });
    // Route figures: the best hour, the first open minute. Hang-ups: the first closed class, Monday 00:00.
    expect(report.metrics.moment).toBe('mon 09:00');
    expect(report.metrics.disconnectOnError.map((h) => `${h.node}.${h.handler} ${h.moment}`)).toEqual(['main.invalid mon 00:00', 'main.noInput mon 00:00']);
    expect(report.hardFails).toEqual(['F2']);
    expect(report.grade).toBe('F');
    expect(report.flags[0]?.evidence).toMatchObject({ moment: 'mon 00:00', nodes: ['main'] });
    expect(report.flags[0]?.evidence.text).toContain('main.invalid at mon 00:00');
    const c1 = report.components.find((c) => c.id === 'C1');
    expect(c1).toMatchObject({ points: 10, measured: 'disconnects' });
    expect(report.rules.find((r) => r.id === 'ES-NoCut')?.result).toBe('fail');
    // C2 keeps the best hour: there both handlers reach the person after 3 failures (retries 2 + 1).
    expect(report.metrics.retries).toMatchObject({ worstEscalationTries: 3, moment: 'mon 09:00' });
  });

  it('at an explicit open moment the same menu does not hang up: no F2, ES-NoCut passes', () => {
    const report = auditMenu(hangsUpAtNight, { weights, profiles: [spain], situation: at('tue 10:00') });
    expect(report.hardFails).toEqual([]);
    expect(report.metrics.disconnectOnError).toEqual([]);
    expect(report.rules.find((r) => r.id === 'ES-NoCut')?.result).toBe('pass');
  });

  // Sales answers around the clock (300 s); support (30 s) only Mon–Fri 09:00–17:00, else key 2 ends in a message.
  const supportCloses = menuOf({
    main: {
      type: 'menu', prompt: 'Press 1 for sales. Press 2 for support.', options: [{ key: '1', next: 'sales' }, { key: '2', next: 'supportCheck' }],
      invalid: { retries: 2, then: 'sales' }, noInput: { retries: 2, then: 'sales' },
    },
    supportCheck: { type: 'branch', cases: [{ when: { open: 'office' }, next: 'support' }], otherwise: 'supportClosed' },
    sales: { type: 'agent', wait: { medianSeconds: 300 } },
    support: { type: 'agent', wait: { medianSeconds: 30 } },
    supportClosed: { type: 'hangup', prompt: 'Support is closed.' },
  }, { hours: { office: office([{ days: weekdays, from: '09:00', to: '17:00' }]) } });

  it('a dead end that exists only at night is judged there (C1 10), while the routes keep the best hour', () => {
    const m = computeMetrics(supportCloses, weights);
    // Best hour: support open, 0.5 s + 30 s. Worst: Monday 00:00, key 2 (one move from the announced route to sales) ends the call.
    expect(m.moment).toBe('mon 09:00');
    expect(m.announcedRoute?.agent).toBe('support');
    expect(m.traps).toEqual({ deadEnds: ['supportClosed'], doomLoops: [], onMainPath: ['supportClosed'], configurations: 1, moment: 'mon 00:00' });
    const during = computeMetrics(supportCloses, weights, { situation: at('wed 11:00') });
    expect(during.traps.configurations).toBe(0);
  });
});
