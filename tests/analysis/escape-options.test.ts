/** The library refuses options it cannot honour instead of answering another question. */
import { describe, expect, it } from 'vitest';
import { escapeReport, fastestRoute, routes, type Objective } from '../../src/analysis/index.js';
import { workedExample } from '../machine/helpers.js';
import { at } from './helpers.js';

const menu = workedExample();
const situation = at('tue 10:00');

describe('option checks of fastestRoute, routes and escapeReport', () => {
  it('an unknown objective is a TypeError naming it and the three objectives', () => {
    const objective = 'fastest' as Objective;
    const message = `objective "fastest" is not one of 'total', 'menu', 'keys'`;
    expect(() => fastestRoute(menu, { situation, objective })).toThrow(new TypeError(message));
    expect(() => routes(menu, { situation, objective, count: 2 })).toThrow(new TypeError(message));
    expect(() => escapeReport(menu, { situation, objective })).toThrow(new TypeError(message));
  });

  it('a route count that is not a whole number of at least 1 is a RangeError naming the value', () => {
    for (const count of [0, -3, 1.5, Number.NaN]) {
      expect(() => routes(menu, { situation, count })).toThrow(new RangeError(`count must be a whole number of routes, 1 or more (got ${count})`));
    }
    expect(() => escapeReport(menu, { situation, alternatives: 0 })).toThrow(RangeError);
    expect(() => routes(menu, { situation, count: '2' as unknown as number })).toThrow('count must be a whole number of routes, 1 or more (got "2")');
  });

  it('valid options still answer: count 1 is the fastest route alone, count 2 adds one alternative', () => {
    expect(routes(menu, { situation, count: 1 })).toHaveLength(1);
    expect(routes(menu, { situation, count: 2 })).toHaveLength(2);
    expect(fastestRoute(menu, { situation, objective: 'keys' }).reachable).toBe(true);
  });
});
