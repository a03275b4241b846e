/**
 * Corners where the configuration graph and the call machine once disagreed
 * (issue 3 follow-up), each worked out by hand and replayed through the
 * machine: a 0-second timeout, an input whose minLength equals its
 * maxLength, options that share a phrase, a digit as terminator.
 */
import { describe, expect, it } from 'vitest';
import { fastestRoute, type Route } from '../../src/analysis/index.js';
import { replayRoute } from '../../src/analysis/replay.js';
import { movesAt, type MenuNode } from '../../src/model/index.js';
import { at, menuOf, reachable, seconds } from './helpers.js';

const now = at('tue 10:00');

/** The route's script replayed through the machine: where and when it ends. */
function replayed(menu: ReturnType<typeof menuOf>, route: Route) {
  const check = replayRoute(menu, now, route);
  return { node: check.actual.node, type: check.actual.type, menuSeconds: check.actual.menuSeconds };
}

describe('a no-input timeout of 0 s: a key at the moment it falls due counts', () => {
  it('after a silent prompt, pressing 1 reaches the agent in 0.5 s', () => {
    const menu = menuOf({
      main: { type: 'menu', prompt: '', timeout: 0, options: [{ key: '1', label: 'Sales', next: 'sales' }] },
      sales: { type: 'agent', wait: { medianSeconds: 10 } },
    });
    const route = reachable(fastestRoute(menu, { situation: now }));
    expect([route.script, seconds(route.menuMicros)]).toEqual(['1', 0.5]);
    expect(replayed(menu, route)).toEqual({ node: 'sales', type: 'agent', menuSeconds: 0.5 });
  });

  it('after a prompt without barge-in: heard in full (3 words, 1.2 s), then the key at once', () => {
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Press one now', bargeIn: false, timeout: 0, options: [{ key: '1', next: 'sales' }] },
      sales: { type: 'agent' },
    });
    const route = reachable(fastestRoute(menu, { situation: now }));
    expect(seconds(route.menuMicros)).toBe(1.7);
    expect(replayed(menu, route)).toEqual({ node: 'sales', type: 'agent', menuSeconds: 1.7 });
  });

  it('silence still times out at once: three 0 s no-inputs reach the handler\'s agent at 0 s', () => {
    const menu = menuOf({
      main: { type: 'menu', prompt: '', timeout: 0, options: [{ key: '1', next: 'bye' }], noInput: { retries: 2, then: 'desk' } },
      bye: { type: 'hangup' },
      desk: { type: 'agent' },
    });
    const route = reachable(fastestRoute(menu, { situation: now }));
    // Each 0 s timeout keeps its `wait`: a key read at that moment would be taken first, as a wrong key.
    expect([route.script, route.strategies, route.menuMicros]).toEqual(['wait,wait,wait', ['silence'], 0]);
    expect(replayed(menu, route)).toEqual({ node: 'desk', type: 'agent', menuSeconds: 0 });
  });
});

describe('an input whose minLength equals its maxLength is fixed in length: no terminator', () => {
  it('4 digits, 2 s, 4 actions, and the machine completes at the 4th digit', () => {
    const menu = menuOf({
      pin: { type: 'input', prompt: 'Your PIN', minLength: 4, maxLength: 4, next: 'desk' },
      desk: { type: 'agent' },
    });
    const route = reachable(fastestRoute(menu, { situation: now }));
    expect([route.actions, seconds(route.menuMicros), route.steps[0]?.terminator]).toEqual([4, 2, undefined]);
    expect(replayed(menu, route)).toEqual({ node: 'desk', type: 'agent', menuSeconds: 2 });
  });

  it('a digit as terminator: the route types another digit (2), and ends with the terminator 1', () => {
    const menu = menuOf({
      pin: { type: 'input', prompt: 'Your PIN', minLength: 2, maxLength: 5, terminator: '1', next: 'desk' },
      desk: { type: 'agent' },
    });
    const route = reachable(fastestRoute(menu, { situation: now }));
    expect([route.script, route.actions, seconds(route.menuMicros)]).toEqual(['2,2,1', 3, 1.5]);
    expect(replayed(menu, route)).toEqual({ node: 'desk', type: 'agent', menuSeconds: 1.5 });
  });
});

describe('options that share a phrase: the recogniser gives it to the first', () => {
  const menu = menuOf({
    main: { type: 'menu', prompt: 'Say billing or agent', options: [
      { phrases: ['agent'], label: 'Billing', next: 'billing' },
      { phrases: ['agent', 'a real person'], next: 'desk' },
      { phrases: ['agent'], next: 'desk' },
    ] },
    billing: { type: 'agent', wait: { medianSeconds: 600 } },
    desk: { type: 'agent', wait: { medianSeconds: 5 } },
  });

  it('a later option says only its own phrases ("a real person", not "agent"); an option with none left has no say move', () => {
    const moves = movesAt(menu.nodes.main as MenuNode, menu.timing);
    const spoken = moves.filter((move) => move.do === 'say' && move.valid).map((move) => [move.do === 'say' && move.phrase, move.do === 'say' && move.optionIndex]);
    expect(spoken).toEqual([['agent', 0], ['a real person', 1]]);
  });

  it('the fastest route to the short queue says "a real person" (3 words 1.2 s + 1 s recognition), and the machine agrees', () => {
    const route = reachable(fastestRoute(menu, { situation: now }));
    expect([route.script, route.outcome, seconds(route.menuMicros)]).toEqual(['say:a real person', 'desk', 2.2]);
    expect(replayed(menu, route)).toEqual({ node: 'desk', type: 'agent', menuSeconds: 2.2 });
  });
});
