/**
 * `from` (RouteOptions): routes from a configuration (node + counters) of a
 * call. A property against the clone reference (tests/helpers/clone-start.ts)
 * over random menus, and a hand-worked example.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastestRoute, type RouteResult } from '../../src/analysis/index.js';
import { arbitraryMenu, arbitrarySituation } from '../helpers/arbitrary-menu.js';
import { fastestRouteByClone } from '../helpers/clone-start.js';
import { at, menuOf } from './helpers.js';

const SEED = 31337;
const RUNS = 300;

/** What a caller sees of a result; the search's internal flags left out. */
function seen(result: RouteResult): unknown {
  if (!result.reachable) return { reachable: false, reason: result.reason };
  const { flags: _flags, ...rest } = result;
  return rest;
}

describe(`from a configuration = the clone of its node as the start (seed ${SEED}, ${RUNS} menus)`, () => {
  it('same route, figures, strategies, script, or the same reason for none', () => {
    let compared = 0;
    fc.assert(
      fc.property(arbitraryMenu(), arbitrarySituation(), fc.nat(), fc.nat({ max: 3 }), fc.nat({ max: 3 }), (menu, situation, pick, invalidCount, noInputCount) => {
        const ids = Object.keys(menu.nodes);
        const here = { node: ids[pick % ids.length] as string, invalidCount, noInputCount };
        const direct = fastestRoute(menu, { situation, from: here });
        expect(seen(direct)).toEqual(seen(fastestRouteByClone(menu, situation, here)));
        if (direct.reachable) compared++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(compared).toBeGreaterThan(RUNS / 4);
  });
});

describe('from, by hand', () => {
  it('after two no-inputs the third silence goes to the person: 1.2 + 5 s, instead of pressing 0 into a 300 s queue', () => {
    // "Press 1 for news" is 4 words, 1.6 s; a wait is prompt + 5 s timeout = 6.6 s.
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for news', options: [
        { key: '1', next: 'news' }, { key: '0', next: 'queue', advertised: false },
      ], noInput: { retries: 2, then: 'desk' } },
      news: { type: 'hangup' },
      queue: { type: 'agent', wait: { medianSeconds: 300 } },
      desk: { type: 'agent', wait: { medianSeconds: 20 } },
    });
    const now = at('tue 10:00');
    const fresh = fastestRoute(menu, { situation: now });
    const late = fastestRoute(menu, { situation: now, from: { node: 'main', invalidCount: 0, noInputCount: 2 } });
    if (!fresh.reachable || !late.reachable) throw new Error('unreachable');
    // Fresh: three silences 19.8 s + 20 s = 39.8 s, beats 0.5 + 300 s.
    expect([fresh.outcome, fresh.menuMicros / 1e6]).toEqual(['desk', 19.8]);
    expect([late.outcome, late.menuMicros / 1e6, late.script]).toEqual(['desk', 6.6, 'wait']);
    // Counters beyond the retries count as all retries used.
    expect(fastestRoute(menu, { situation: now, from: { node: 'main', invalidCount: 0, noInputCount: 9 } })).toEqual(late);
  });

  it('an unknown node is a RangeError', () => {
    const menu = menuOf({ desk: { type: 'agent' } });
    expect(() => fastestRoute(menu, { situation: at('tue 10:00'), from: { node: 'nowhere', invalidCount: 0, noInputCount: 0 } })).toThrow(RangeError);
  });
});
