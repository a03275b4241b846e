/**
 * One small hand-made menu per strategy, with its numbers worked out by hand
 * at the default rates (150 words a minute: 0.4 s a word; a key 0.5 s;
 * recognition 1.0 s).
 */
import { describe, expect, it } from 'vitest';
import { escapeReport, fastestRoute, routeJson, routes, type RouteResult } from '../../src/analysis/index.js';
import { at, menuOf, reachable, seconds } from './helpers.js';

const now = at('tue 10:00');


describe('strategies, one hand-made menu each', () => {
  it('hidden-key: an unannounced 0 beats the announced sales queue by 540 s', () => {
    // "For sales press 1" is 4 words (1.6 s) but barge-in is on: the key alone costs 0.5 s.
    // Press 0: 0.5 s + 60 s hold = 60.5 s. Press 1: 0.5 s + 600 s = 600.5 s. Gain 540 s.
    const menu = menuOf({
      main: { type: 'menu', prompt: 'For sales press 1', options: [
        { key: '1', label: 'Sales', next: 'sales' },
        { key: '0', next: 'service', advertised: false },
      ] },
      sales: { type: 'agent', queue: 'sales', wait: { medianSeconds: 600 } },
      service: { type: 'agent', queue: 'service', wait: { medianSeconds: 60 } },
    });
    const report = escapeReport(menu, { situation: now, advertisedOnly: true });
    const fastest = reachable(report.fastest as RouteResult);
    expect([fastest.script, fastest.strategies, seconds(fastest.menuMicros + fastest.holdMicros)]).toEqual(['0', ['hidden-key'], 60.5]);
    const advertised = reachable(report.route);
    expect([advertised.script, seconds(advertised.menuMicros + advertised.holdMicros)]).toEqual(['1', 600.5]);
    expect(seconds(report.hiddenShortcutGainMicros as number)).toBe(540);
  });

  it('invalid-entries: two invalid keys reach the person behind the invalid handler in 1.8 s', () => {
    // Each invalid 2 costs 0.5 s + the handler prompt "Invalid" (1 word, 0.4 s) = 0.9 s; the first
    // replays the menu, the second goes to the agent. Menu 1.8 s, hold 30 s, total 31.8 s, 2 actions.
    // Dial: one comma after the number (a key is never glued to it), 2, a 0.4 s pause (one comma), 2.
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for news', options: [{ key: '1', label: 'News', next: 'news' }],
        invalid: { retries: 1, prompt: 'Invalid', then: 'agent' } },
      news: { type: 'hangup', prompt: 'Goodbye' },
      agent: { type: 'agent', wait: { medianSeconds: 30 } },
    });
    const route = reachable(fastestRoute(menu, { situation: now }));
    expect(route.strategies).toEqual(['invalid-entries']);
    expect([seconds(route.menuMicros), seconds(route.menuMicros + route.holdMicros), route.actions]).toEqual([1.8, 31.8, 2]);
    const json = routeJson(route, menu, now);
    expect(json.steps).toEqual([
      { node: 'main', do: 'press', key: '2', valid: false, seconds: 0.9 },
      { node: 'main', do: 'press', key: '2', valid: false, seconds: 0.9 },
      { node: 'agent', do: 'hold', seconds: 30 },
    ]);
    expect(json.dial).toBe('+18005550100,2,2');
    expect(route.script).toBe('2,2');
  });

  it('silence: one no-input timeout (1.6 s prompt + 3 s) reaches the agent', () => {
    // "Press 1 for news" 1.6 s + timeout 3 s = 4.6 s menu; hold 20 s; total 24.6 s; no action.
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for news', timeout: 3, options: [{ key: '1', next: 'news' }],
        noInput: { retries: 0, then: 'agent' } },
      news: { type: 'hangup' },
      agent: { type: 'agent', wait: { medianSeconds: 20 } },
    });
    const route = reachable(fastestRoute(menu, { situation: now }));
    expect([route.strategies, seconds(route.menuMicros), seconds(route.menuMicros + route.holdMicros), route.actions])
      .toEqual([['silence'], 4.6, 24.6, 0]);
    expect(route.script).toBe('wait');
    expect(routeJson(route, menu, now)).toMatchObject({ dial: '+18005550100', steps: [{ node: 'main', do: 'wait', seconds: 4.6 }, { do: 'hold' }] });
  });

  it('speech: saying the shortest phrase "billing" takes 0.4 s + 1.0 s recognition', () => {
    // Menu 1.4 s, hold 10 s, total 11.4 s. A spoken step stops the dial string.
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Say what you need', options: [{ phrases: ['billing department', 'billing'], next: 'billing' }] },
      billing: { type: 'agent', queue: 'billing', wait: { medianSeconds: 10 } },
    });
    const route = reachable(fastestRoute(menu, { situation: now }));
    expect(route.strategies).toEqual(['advertised', 'speech']);
    expect(route.script).toBe('say:billing');
    expect([seconds(route.menuMicros), seconds(route.menuMicros + route.holdMicros)]).toEqual([1.4, 11.4]);
    expect(routeJson(route, menu, now)).toMatchObject({ dial: '+18005550100', dialComplete: false });
  });

  it('department-choice: the claims queue (20.5 s) beats the agent a caller gets by pressing 0 (300.5 s)', () => {
    const menu = menuOf({
      main: { type: 'menu', prompt: 'For claims press 1, for an agent press 0', options: [
        { key: '1', label: 'Claims', next: 'claims' },
        { key: '0', label: 'Agent', next: 'general' },
      ] },
      claims: { type: 'agent', queue: 'claims', wait: { medianSeconds: 20 } },
      general: { type: 'agent', queue: 'general', wait: { medianSeconds: 300 } },
    });
    const route = reachable(fastestRoute(menu, { situation: now }));
    expect([route.outcome, route.strategies, seconds(route.menuMicros + route.holdMicros)]).toEqual(['claims', ['advertised', 'department-choice'], 20.5]);
    // Objective keys ties on one action; the lower total (claims) wins.
    expect(reachable(fastestRoute(menu, { situation: now, objective: 'keys' })).outcome).toBe('claims');
  });

  it('department-choice only for a queue faster than the obvious one: a slower queue listed as an alternative gets no label', () => {
    // The obvious department is general (key 0, a person word: 0.5 s + 60 s hold = 60.5 s total).
    // Sales (key 1): 0.5 s + 30 s = 30.5 s, faster: department-choice.
    // Billing (key 2): 0.5 s + 200 s = 200.5 s, slower: a different queue, but no choice worth a label.
    // Repairs (key 3): 0.5 s + 60 s = 60.5 s, as fast as general: not faster, no label.
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Sales 1, billing 2, repairs 3, an agent 0', options: [
        { key: '1', label: 'Sales', next: 'sales' },
        { key: '2', label: 'Billing', next: 'billing' },
        { key: '3', label: 'Repairs', next: 'repairs' },
        { key: '0', label: 'Agent', next: 'general' },
      ] },
      sales: { type: 'agent', queue: 'sales', wait: { medianSeconds: 30 } },
      billing: { type: 'agent', queue: 'billing', wait: { medianSeconds: 200 } },
      repairs: { type: 'agent', queue: 'repairs', wait: { medianSeconds: 60 } },
      general: { type: 'agent', queue: 'general', wait: { medianSeconds: 60 } },
    });
    const [fastest, ...others] = routes(menu, { situation: now, count: 4 }).map(reachable);
    expect([fastest?.outcome, fastest?.strategies]).toEqual(['sales', ['advertised', 'department-choice']]);
    expect(others.map((route) => [route.outcome, seconds(route.menuMicros + route.holdMicros), route.strategies])).toEqual([
      ['repairs', 60.5, ['advertised']], // ties general; key 3 comes first in the file
      ['general', 60.5, ['advertised']],
      ['billing', 200.5, ['advertised']],
    ]);
  });

  it('department-choice follows the objective: under --objective menu the queues tie at 0.5 s and none is a choice', () => {
    // Same kind of menu; by menu time every key costs 0.5 s, so no queue beats general's 0.5 s.
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Sales 1, an agent 0', options: [
        { key: '1', label: 'Sales', next: 'sales' },
        { key: '0', label: 'Agent', next: 'general' },
      ] },
      sales: { type: 'agent', queue: 'sales', wait: { medianSeconds: 30 } },
      general: { type: 'agent', queue: 'general', wait: { medianSeconds: 60 } },
    });
    expect(reachable(fastestRoute(menu, { situation: now })).strategies).toEqual(['advertised', 'department-choice']);
    const byMenu = routes(menu, { situation: now, objective: 'menu', count: 2 }).map(reachable);
    expect(byMenu.map((route) => [route.outcome, route.strategies])).toEqual([['sales', ['advertised']], ['general', ['advertised']]]);
  });

  it('skips a barge-in say with #, listens to a menu without barge-in, then types digits', () => {
    // # 0.5 s; "Press 1" 0.8 s heard before the key; 1 0.5 s; four digits 2.0 s: menu 3.8 s, 6 actions.
    // No median hold: hold counts 0 and is marked unknown.
    const menu = menuOf({
      hello: { type: 'say', prompt: 'Welcome to the line', bargeIn: true, next: 'main' },
      main: { type: 'menu', prompt: 'Press 1', bargeIn: false, options: [{ key: '1', next: 'account' }] },
      account: { type: 'input', prompt: 'Enter your PIN', length: 4, next: 'agent' },
      agent: { type: 'agent' },
    });
    const route = reachable(fastestRoute(menu, { situation: now }));
    expect([seconds(route.menuMicros), route.actions, route.script]).toEqual([3.8, 6, '#,1,1,1,1,1']);
    expect(routeJson(route, menu, now)).toMatchObject({
      steps: [
        { node: 'hello', do: 'press', key: '#', seconds: 0.5 },
        { node: 'main', do: 'listen', seconds: 0.8 },
        { node: 'main', do: 'press', key: '1', seconds: 0.5 },
        { node: 'account', do: 'enter', digits: 4, seconds: 2 },
      ],
      dial: '+18005550100,#,1', dialComplete: false, holdKnown: false, holdSeconds: 0,
    });
  });

  it('marks a route estimated when it rests on an audio prompt of unknown length (5 s)', () => {
    const menu = menuOf({
      hello: { type: 'say', prompt: { audio: 'hello.wav' }, next: 'agent' },
      agent: { type: 'agent', wait: { medianSeconds: 1 } },
    });
    const route = reachable(fastestRoute(menu, { situation: now }));
    expect([route.estimated, seconds(route.menuMicros)]).toEqual([true, 5]);
    expect(routeJson(route, menu, now)).toMatchObject({ estimated: true, dial: '+18005550100' });
  });
});

describe('no route to a human is a finding with its reason', () => {
  it('no agent node', () => {
    const menu = menuOf({ main: { type: 'menu', prompt: 'Bye', options: [{ key: '1', next: 'bye' }] }, bye: { type: 'hangup' } });
    expect(fastestRoute(menu, { situation: now })).toMatchObject({ reachable: false, reason: 'no_agent' });
  });

  it('every agent behind a closed schedule', () => {
    const menu = menuOf({
      gate: { type: 'branch', cases: [{ when: { open: 'office' }, next: 'agent' }], otherwise: 'closed' },
      agent: { type: 'agent' },
      closed: { type: 'hangup' },
    }, { hours: { office: { timezone: 'UTC', open: [{ days: ['mon'], from: '09:00', to: '17:00' }] } } });
    expect(fastestRoute(menu, { situation: now })).toMatchObject({ reachable: false, reason: 'agents_closed' });
    expect(fastestRoute(menu, { situation: at('mon 10:00') })).toMatchObject({ reachable: true, outcome: 'agent' });
  });

  it('every route ends in a hang-up', () => {
    const menu = menuOf({ main: { type: 'say', prompt: 'We are closed', next: 'bye' }, bye: { type: 'hangup' }, lonely: { type: 'agent' } });
    expect(fastestRoute(menu, { situation: now })).toMatchObject({ reachable: false, reason: 'all_routes_hang_up' });
  });

  it('only hidden moves reach a person: --advertised-only says so', () => {
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Goodbye', options: [{ key: '9', next: 'agent', advertised: false }], noInput: { retries: 0 } },
      agent: { type: 'agent' },
    });
    expect(fastestRoute(menu, { situation: now, advertisedOnly: true })).toMatchObject({ reachable: false, reason: 'not_advertised' });
  });

  it('an option for a group of callers (the elderly line) is their way to a person, not a department choice', () => {
    // Key 9 "老年客户专线" leads an elderly caller to the elderly queue: for them it is the obvious queue.
    // Key 1 "账单" (billing) is a topic: its queue is a department choice for everyone.
    const menu = menuOf({
      main: { type: 'menu', prompt: '账单请按1,老年客户请按9', options: [
        { key: '1', label: '账单', next: 'billing' },
        { key: '9', label: '老年客户专线', next: 'elderlyCheck' },
      ], invalid: { retries: 0, then: 'general' } },
      elderlyCheck: { type: 'branch', cases: [{ when: { caller: 'elderly' }, next: 'elderly' }], otherwise: 'main' },
      elderly: { type: 'agent', queue: 'elderly', wait: { medianSeconds: 5 } },
      billing: { type: 'agent', queue: 'billing', wait: { medianSeconds: 10 } },
      general: { type: 'agent', queue: 'general', wait: { medianSeconds: 200 } },
    });
    const elderly = reachable(fastestRoute(menu, { situation: at('tue 10:00', ['elderly']) }));
    expect([elderly.outcome, elderly.strategies]).toEqual(['elderly', ['advertised']]);
    const billing = reachable(fastestRoute(menu, { situation: now }));
    expect([billing.outcome, billing.strategies]).toEqual(['billing', ['advertised', 'department-choice']]);
  });
});
