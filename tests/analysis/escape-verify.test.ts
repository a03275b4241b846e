/**
 * `ivr escape --verify` when a replay disagrees with the search: the route
 * is tampered with (one more second of menu time than the search found)
 * before the machine replays it, as a search bug would make it. The
 * verification must refuse it: an internal error on stderr naming the
 * script, where the replay ended and what the route claimed, exit 70, and
 * no route printed.
 */
import { describe, expect, it, vi } from 'vitest';
import { escapeReport, type Route } from '../../src/analysis/index.js';
import { verifyReport } from '../../src/cli/commands/escape.js';
import { at, ivrOutput, reachable, workedExamplePath } from './helpers.js';
import { workedExample } from '../machine/helpers.js';

/** Adds one second to the menu time a route claims. */
const tampered = (route: Route): Route => ({ ...route, menuMicros: route.menuMicros + 1_000_000 });

/** Whether the mocked replay tampers with the route it is given (off: the real replay). */
const tamper = vi.hoisted(() => ({ on: false }));

vi.mock('../../src/analysis/replay.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/analysis/replay.js')>();
  return {
    ...original,
    replayRoute: (...args: Parameters<typeof original.replayRoute>) =>
      original.replayRoute(args[0], args[1], tamper.on ? tampered(args[2]) : args[2]),
  };
});

const EXPECTED_MESSAGE = 'replay of "wait,3" ended at lostCardQueue (agent) after 4.9 s; the route claims lostCardQueue after 5.9 s';

describe('--verify refuses a route its replay disagrees with', () => {
  it('verifyReport throws the mismatch for a tampered route and counts the routes it replayed otherwise', async () => {
    const menu = workedExample();
    const situation = at('tue 10:00');
    const report = escapeReport(menu, { situation, alternatives: 2 });
    expect(await verifyReport(report, menu, situation)).toBe(2);
    const bad = { ...report, route: tampered(reachable(report.route)) };
    await expect(verifyReport(bad, menu, situation)).rejects.toThrow(EXPECTED_MESSAGE);
  });

  it('the CLI prints an internal error with the mismatch and exits 70, printing no route', async () => {
    tamper.on = true;
    try {
      const { out, err, code } = await ivrOutput(['escape', workedExamplePath, '--at', 'tue 10:00', '--verify', '--json']);
      expect(code).toBe(70);
      expect(out).toBe('');
      expect(err).toBe(`ivr: internal error: ${EXPECTED_MESSAGE}\nThis is a bug in ivr-escape; please report it with the command you ran.`);
    } finally {
      tamper.on = false;
    }
    expect((await ivrOutput(['escape', workedExamplePath, '--at', 'tue 10:00', '--verify'])).code).toBe(0);
  });
});
