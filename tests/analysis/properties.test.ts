/**
 * Properties over random valid menus (tests/helpers/arbitrary-menu.ts), with
 * fixed seeds printed in the titles:
 * - every route found, replayed through the XState machine, ends at the
 *   route's agent at the route's menu time (to 1 ms);
 * - the brute-force oracle agrees on the optimum's figures for each
 *   objective in the format's full tie order (the objective's measure,
 *   actions, moves that are not advertised options), and finds no agent
 *   exactly when the search reports none;
 * - the alternatives are the oracle's class optima: every listed (agent,
 *   tricks) class has its best figures, and every class left out is beaten
 *   by a listed class of the same agent with fewer tricks.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EdgeFlag, NOT_ADVERTISED, fastestRoute, routes, type Objective, type Route } from '../../src/analysis/index.js';
import { replayRoute } from '../../src/analysis/replay.js';
import { arbitraryMenu, arbitrarySituation } from '../helpers/arbitrary-menu.js';
import { TRICK, bruteForce, bruteForceClasses, notAdvertisedMove, notAdvertisedSteps, oracleFigures } from '../helpers/brute-force.js';

const REPLAY_SEED = 20261130;
const ORACLE_SEED = 424242;
const REPLAY_RUNS = 1000;
const ORACLE_RUNS = 400;
const CLASS_SEED = 777001;
const CLASS_RUNS = 300;

/** The first two figures for an objective, in the order the objective ranks them. */
function figures(objective: Objective, menuMicros: number, holdMicros: number, actions: number): [number, number] {
  switch (objective) {
    case 'total':
      return [menuMicros + holdMicros, actions];
    case 'menu':
      return [menuMicros, actions];
    case 'keys':
      return [actions, menuMicros + holdMicros];
  }
}


describe(`replay through the machine (seed ${REPLAY_SEED}, ${REPLAY_RUNS} menus)`, () => {
  it('the fastest route ends at its agent at its menu time, and so do its alternatives', () => {
    let replayed = 0;
    fc.assert(
      fc.property(arbitraryMenu(), arbitrarySituation(), fc.constantFrom<Objective>('total', 'menu', 'keys'), (menu, situation, objective) => {
        const found = routes(menu, { situation, objective, count: 3 }).filter((route): route is Route => route.reachable);
        for (const route of found) {
          const check = replayRoute(menu, situation, route);
          expect(check.actual, `script ${route.script}`).toEqual({ ...check.actual, node: route.outcome, type: 'agent' });
          expect(Math.abs((check.actual.menuSeconds ?? NaN) - route.menuMicros / 1e6)).toBeLessThanOrEqual(0.001);
          replayed++;
        }
      }),
      { seed: REPLAY_SEED, numRuns: REPLAY_RUNS },
    );
    // The generator must actually produce reachable humans, or the property proves little.
    expect(replayed).toBeGreaterThan(REPLAY_RUNS / 3);
  });
});

describe(`brute-force oracle (seed ${ORACLE_SEED}, ${ORACLE_RUNS} menus × 3 objectives)`, () => {
  it('agrees on the optimum in the full tie order (measure, actions, moves not advertised), and on whether a human is reachable at all', () => {
    let reachable = 0;
    fc.assert(
      fc.property(arbitraryMenu({ maxNodes: 6 }), arbitrarySituation(), fc.boolean(), (menu, situation, advertisedOnly) => {
        for (const objective of ['total', 'menu', 'keys'] as const) {
          const route = fastestRoute(menu, { situation, objective, advertisedOnly });
          const oracle = bruteForce(menu, situation, objective, advertisedOnly ? { refuse: notAdvertisedMove } : {});
          expect(route.reachable).toBe(oracle !== undefined);
          if (!route.reachable || oracle === undefined) continue;
          reachable++;
          const mine = { ...route, notAdvertised: notAdvertisedSteps(menu, route) };
          expect(oracleFigures(objective, mine), `script ${route.script}`).toEqual(oracleFigures(objective, oracle));
          if (advertisedOnly) expect(route.flags & NOT_ADVERTISED).toBe(0);
        }
      }),
      { seed: ORACLE_SEED, numRuns: ORACLE_RUNS },
    );
    expect(reachable).toBeGreaterThan(ORACLE_RUNS / 3);
  });
});

/** A route's tricks in the oracle's bits. */
function tricksOfRoute(route: Route): number {
  return (route.flags & EdgeFlag.hidden ? TRICK.hidden : 0) | (route.flags & EdgeFlag.invalid ? TRICK.invalid : 0)
    | (route.flags & EdgeFlag.silence ? TRICK.silence : 0) | (route.flags & EdgeFlag.speech ? TRICK.speech : 0);
}

const lessOrEqual = (a: [number, number], b: [number, number]) => a[0] < b[0] || (a[0] === b[0] && a[1] <= b[1]);

describe(`alternatives against the oracle's class optima (seed ${CLASS_SEED}, ${CLASS_RUNS} menus)`, () => {
  it('each listed class has its best figures; each class left out is beaten by a listed class with fewer tricks', () => {
    let listedBeyondFastest = 0;
    fc.assert(
      fc.property(arbitraryMenu({ maxNodes: 6 }), arbitrarySituation(), fc.constantFrom<Objective>('total', 'menu', 'keys'), (menu, situation, objective) => {
        const listed = routes(menu, { situation, objective, count: 100 }).filter((route): route is Route => route.reachable);
        const oracle = bruteForceClasses(menu, situation, objective);
        const names = listed.map((route) => `${route.outcome}|${tricksOfRoute(route)}`);
        expect(new Set(names).size).toBe(names.length);
        listed.forEach((route, index) => {
          const best = oracle.get(names[index] as string);
          expect(best, `class ${names[index]}`).toBeDefined();
          if (best === undefined) return;
          expect(oracleFigures(objective, { ...route, notAdvertised: notAdvertisedSteps(menu, route) })).toEqual(oracleFigures(objective, best));
        });
        for (const [name, best] of oracle) {
          if (names.includes(name)) continue;
          const [agent, tricks] = name.split('|') as [string, string];
          const mine = figures(objective, best.menuMicros, best.holdMicros, best.actions);
          const beaten = listed.some((route) => route.outcome === agent
            && (tricksOfRoute(route) & ~Number(tricks)) === 0 && tricksOfRoute(route) !== Number(tricks)
            && lessOrEqual(figures(objective, route.menuMicros, route.holdMicros, route.actions), mine));
          expect(beaten, `class ${name} left out`).toBe(true);
        }
        listedBeyondFastest += Math.max(0, listed.length - 1);
      }),
      { seed: CLASS_SEED, numRuns: CLASS_RUNS },
    );
    expect(listedBeyondFastest).toBeGreaterThan(CLASS_RUNS / 5);
  });
});
