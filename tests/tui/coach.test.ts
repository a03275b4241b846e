import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadMenuValue, type Menu } from '../../src/model/index.js';
import { fastestRoute } from '../../src/analysis/index.js';
import { adviceFrom, adviceLine, coachAdvice, fastestRouteFrom } from '../../src/tui/coach-advice.js';
import { arbitraryMenu, arbitrarySituation } from '../helpers/arbitrary-menu.js';
import { at } from '../machine/helpers.js';

const SEED = 20261204;
const tuesday = at('tue 10:00');

function menuOf(document: unknown): Menu {
  const result = loadMenuValue(document);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  return result.value;
}

/** Staying silent three times at `main` reaches the desk; a key hangs up. Prompt 4 s, timeout 5 s, hold 60 s. */
const silentWay = menuOf({
  format: 'ivr-menu/1', id: 'silent-way', name: 'Silent way', start: 'main',
  nodes: {
    main: {
      type: 'menu', prompt: { seconds: 4 }, timeout: 5,
      options: [{ key: '1', next: 'bye' }],
      noInput: { retries: 2, then: 'desk' }, invalid: { retries: 0 },
    },
    desk: { type: 'agent', wait: { medianSeconds: 60 } },
    bye: { type: 'hangup' },
  },
});

describe('coach advice from the current configuration', () => {
  it('counts the silences already spent: three timeouts from scratch, one after two', () => {
    const fresh = coachAdvice(silentWay, tuesday, { node: 'main', invalidCount: 0, noInputCount: 0 });
    const late = coachAdvice(silentWay, tuesday, { node: 'main', invalidCount: 0, noInputCount: 2 });
    // each silence: 4 s prompt + 5 s timeout
    expect(fresh.reachable && fresh.menuMicros).toBe(27_000_000);
    expect(late.reachable && late.menuMicros).toBe(9_000_000);
    expect(adviceLine(late)).toBe('Stay silent and let it time out: a person in ≈ 9 s + ≈ 60 s hold');
  });

  it('counts from now: 3 s of the prompt already heard are not counted again', () => {
    const route = fastestRouteFrom(silentWay, tuesday, { node: 'main', invalidCount: 0, noInputCount: 2 });
    const advice = adviceFrom(route, 3_000_000);
    expect(advice.reachable && advice.menuMicros).toBe(6_000_000);
  });

  it('looks past a failure message still playing (a negative offset adds its time)', () => {
    const route = fastestRouteFrom(silentWay, tuesday, { node: 'main', invalidCount: 0, noInputCount: 2 });
    const advice = adviceFrom(route, -2_000_000);
    expect(advice.reachable && advice.menuMicros).toBe(11_000_000);
    expect(advice.reachable && advice.instruction).toBe('After the message, stay silent and let it time out');
  });

  it('says plainly when no person is reachable from here', () => {
    const advice = coachAdvice(silentWay, tuesday, { node: 'bye', invalidCount: 0, noInputCount: 0 });
    expect(adviceLine(advice)).toMatch(/^No person is reachable from here: hang up and call again\./);
  });

  it(`from the start with no counters, equals the escape search from the start (seed ${SEED})`, () => {
    fc.assert(
      fc.property(arbitraryMenu(), arbitrarySituation(), (menu, at) => {
        const here = fastestRouteFrom(menu, at, { node: menu.start, invalidCount: 0, noInputCount: 0 });
        const start = fastestRoute(menu, { situation: at });
        expect(here.reachable).toBe(start.reachable);
        if (here.reachable && start.reachable) {
          expect([here.menuMicros, here.holdMicros, here.actions, here.outcome]).toEqual([start.menuMicros, start.holdMicros, start.actions, start.outcome]);
        }
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
