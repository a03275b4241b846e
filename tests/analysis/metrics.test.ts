/**
 * Every metric of the audit on small hand-made menus; each expected number
 * is worked out by hand in the comment above it (keySeconds 0.5,
 * 150 words per minute, recognition 1 s).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { componentMeasures } from '../../src/analysis/measures.js';
import { computeMetrics } from '../../src/analysis/metrics.js';
import { frictionScore, parseWeights } from '../../src/analysis/score.js';
import { at, menuFile, menuOf } from './helpers.js';

const weights = parseWeights(JSON.parse(readFileSync(new URL('../../rules/friction-weights.json', import.meta.url), 'utf8')));
const toy = menuFile(new URL('../fixtures/audit/toy.json', import.meta.url).pathname);

const agent = (extra: Record<string, unknown> = {}) => ({ type: 'agent', ...extra });
const escalate = (then: string, retries = 2) => ({ invalid: { retries, then }, noInput: { retries, then } });

describe('metrics of the toy menu (tests/fixtures/audit/toy.json)', () => {
  const m = computeMetrics(toy, weights);

  it('routes: fastest and announced both go to sales in 21 s + 20 s', () => {
    // greeting 12 s + promo 8 s (forced) + press 5 (0.5 s) + press 1 (0.5 s) = 21 s menu; sales median 20 s.
    // The hidden 0 reaches service in the same 21 s but holds 240 s; "agent" at the bot 22.4 s + 240 s.
    expect(m.fastestRoute?.agent).toBe('sales');
    expect(m.fastestRoute?.menuSeconds).toBe(21);
    expect(m.fastestRoute?.totalSeconds).toBe(41);
    expect(m.announcedRoute?.steps).toEqual(['greeting: listen', 'promo: listen', 'main: press 5', 'submenu: press 1', 'sales: hold (median 20 s)']);
    expect(m.hiddenShortcutGainSeconds).toBe(0);
  });

  it('A1 depth 2, A4 two actions, B1 21 s, B2 p90 40 s of the sales queue', () => {
    expect(m.depthToHuman).toBe(2);
    expect(m.callerActions).toBe(2);
    expect(m.preQueueSeconds).toBe(21);
    expect(m.queueWait).toEqual({ agent: 'sales', medianSeconds: 20, p90Seconds: 40 });
  });

  it('A2: 0 or "agent" reaches a person at submenu and bot, not at main (2 of 3)', () => {
    expect(m.escapeCoverage).toEqual({ share: 2 / 3, covered: ['submenu', 'bot'], uncovered: ['main'] });
  });

  it('A3: the bot (speech only) offers "agent" itself, so it is no gate; sales is reachable without it anyway: none', () => {
    expect(m.gatekeeping.level).toBe('none');
    expect(m.gatekeeping.gates).toEqual([]);
    expect(m.gatekeeping.exempt).toEqual(['bot']);
  });

  it('C1: selfService is a dead end one key from the announced route; no doom loop; no disconnect', () => {
    expect(m.traps.deadEnds).toEqual(['selfService']);
    expect(m.traps.doomLoops).toEqual([]);
    expect(m.traps.onMainPath).toEqual(['selfService']);
    expect(m.disconnectOnError).toEqual([]);
  });

  it('C2: main redirects to submenu; submenu escalates after 3 failures, bot after 2: worst 3', () => {
    expect(m.retries.worstEscalationTries).toBe(3);
    const outcomes = Object.fromEntries(m.retries.handlers.map((h) => [`${h.node}.${h.handler}`, `${h.outcome} ${h.tries}`]));
    expect(outcomes).toEqual({
      'main.invalid': 'redirects 3', 'main.noInput': 'redirects 3',
      'submenu.invalid': 'escalates 3', 'submenu.noInput': 'escalates 3',
      'bot.invalid': 'escalates 2', 'bot.noInput': 'escalates 2',
    });
  });

  it('C3: 3 of 5 prompts interruptible (greeting and promo are not)', () => {
    expect(m.bargeIn).toEqual({ share: 0.6, interruptible: ['main', 'submenu', 'bot'], forced: ['greeting', 'promo'] });
  });

  it('D1/D2: sales announces its wait, updates every 90 s; median 20 s needs no callback', () => {
    expect(m.queueTransparency).toEqual({ announced: true, updateSeconds: 90 });
    expect(m.callback).toEqual({ offered: null, waitSeconds: 20 });
  });

  it('D3: an elderly caller gets the same two decisions; D4: service 261 s / sales 41 s', () => {
    // service: 21 s (hidden 0 at submenu) + 240 s = 261 s.
    expect(m.elderlyFastLane.decisions).toBe(2);
    expect(m.parity?.serviceSeconds).toBe(261);
    expect(m.parity?.salesSeconds).toBe(41);
    expect(m.parity?.ratio).toBeCloseTo(261 / 41, 10);
  });

  it('D5: the marketing promo (8 s) is the one forced non-actionable message', () => {
    expect(m.forcedAudio).toEqual({ count: 1, seconds: 8, nodes: ['promo'] });
  });

  it('hours coverage: no schedules, a person every hour', () => {
    expect(m.hoursCoverage.openHours).toBe(168);
  });
});

describe('metrics on one-point menus', () => {
  it('default handlers hang up: disconnect on error at both handlers', () => {
    const menu = menuOf({ main: { type: 'menu', prompt: 'For a person press 1.', options: [{ key: '1', next: 'person' }] }, person: agent() });
    const m = computeMetrics(menu, weights);
    expect(m.disconnectOnError.map((h) => `${h.node}.${h.handler} ${h.tries}`)).toEqual(['main.invalid 3', 'main.noInput 3']);
    // The implicit hang-up after the third failure is the only trapped configuration.
    expect(m.traps.deadEnds).toEqual(['(hang-up after a failure)']);
  });

  it('a help menu that only repeats itself is a doom loop', () => {
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for help, 2 for a person.', options: [{ key: '1', next: 'help' }, { key: '2', next: 'person' }], ...escalate('person') },
      help: { type: 'menu', prompt: 'Press 1 to hear this again.', options: [{ key: '1', next: 'help' }], ...escalate('help', 0) },
      person: agent(),
    });
    const m = computeMetrics(menu, weights);
    expect(m.traps.doomLoops).toEqual(['help']);
    expect(m.traps.deadEnds).toEqual([]);
    expect(m.traps.onMainPath).toEqual(['help']);
  });

  it('only a hidden 0 reaches a person: no announced route, gain undefined', () => {
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for opening times.', options: [{ key: '1', next: 'times' }, { key: '0', next: 'person', advertised: false }], ...escalate('times') },
      times: { type: 'hangup', prompt: 'We open at nine.' },
      person: agent({ wait: { medianSeconds: 60 } }),
    });
    const m = computeMetrics(menu, weights);
    expect(m.announcedRoute).toBeNull();
    expect(m.depthToHuman).toBeNull();
    // "Press 1 for opening times." is 5 words: barge-in on, so pressing 0 costs 0.5 s, then 60 s hold.
    expect(m.fastestRoute?.totalSeconds).toBe(60.5);
    expect(m.hiddenShortcutGainSeconds).toBeNull();
  });

  it('hours coverage reads the schedules: Mon–Fri 09:00–17:00 is 40 of 168 hours', () => {
    const menu = menuOf(
      { open: { type: 'branch', cases: [{ when: { open: 'office' }, next: 'person' }], otherwise: 'closed' }, person: agent(), closed: { type: 'hangup' } },
      { hours: { office: { timezone: 'Europe/Madrid', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }] } } },
    );
    const m = computeMetrics(menu, weights);
    expect(m.hoursCoverage.openHours).toBe(40);
    expect(m.hoursCoverage.share).toBeCloseTo(40 / 168, 12);
    // Route figures come from an open hour, the first minute of the week the office is open: Monday 09:00.
    expect(m.moment).toBe('mon 09:00');
    expect(m.hoursCoverage.closedExamples).toEqual(['mon 00:00–09:00', 'mon 17:00–24:00', 'tue 00:00–09:00']);
    expect(m.depthToHuman).toBe(0);
    // With --at on a Sunday, the route figures see the closed line, the coverage still scans the week.
    const sunday = computeMetrics(menu, weights, { situation: at('sun 10:00') });
    expect(sunday.fastestRoute).toBeNull();
    expect(sunday.hoursCoverage.openHours).toBe(40);
  });

  it('gatekeeping: an account number before the only person is mandatory; a hidden 0 around it makes it optional', () => {
    const gate = { type: 'input', prompt: 'Enter your 6 digit account number.', length: 6, next: 'person', ...escalate('bye') };
    const mandatory = menuOf({ account: gate, person: agent(), bye: { type: 'hangup' } });
    expect(computeMetrics(mandatory, weights).gatekeeping).toEqual({ level: 'mandatory', gates: ['account'], exempt: [] });
    const optional = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for your account.', options: [{ key: '1', next: 'account' }, { key: '0', next: 'person', advertised: false }], ...escalate('person') },
      account: gate, person: agent(), bye: { type: 'hangup' },
    });
    expect(computeMetrics(optional, weights).gatekeeping).toEqual({ level: 'optional', gates: ['account'], exempt: [] });
  });

  it('elderly fast lane: a branch on the caller flag sends elderly callers straight to a person (0 decisions)', () => {
    const menu = menuOf({
      triage: { type: 'branch', cases: [{ when: { caller: 'elderly' }, next: 'person' }], otherwise: 'main' },
      main: { type: 'menu', prompt: 'Press 1 for billing.', options: [{ key: '1', next: 'billing' }], ...escalate('billing') },
      billing: { type: 'menu', prompt: 'Press 1 for a person.', options: [{ key: '1', next: 'person' }], ...escalate('person') },
      person: agent(),
    });
    const m = computeMetrics(menu, weights);
    expect(m.depthToHuman).toBe(2);
    expect(m.elderlyFastLane.decisions).toBe(0);
    expect(m.elderlyFastLane.route).toEqual(['person: hold']);
  });

  it('forced audio: "your call is important" without a purpose still counts; a skippable one does not', () => {
    const menu = menuOf({
      hello: { type: 'say', prompt: 'Your call is important to us.', next: 'legal' },
      legal: { type: 'say', prompt: { text: 'Calls are recorded.', purpose: 'legal' }, next: 'ad', bargeIn: false },
      ad: { type: 'say', prompt: { text: 'Visit our website.', purpose: 'marketing' }, next: 'person', bargeIn: true },
      person: agent(),
    });
    // hello: 6 words = 2.4 s, forced, matches a pattern. legal is not counted; ad can be skipped.
    expect(computeMetrics(menu, weights).forcedAudio).toEqual({ count: 1, seconds: 2.4, nodes: ['hello'] });
  });
});

describe('hidden shortcuts, traps off the main path, bot turns', () => {
  const points = (menu: ReturnType<typeof menuOf>, id: string) => {
    const m = computeMetrics(menu, weights);
    return frictionScore(componentMeasures(m, weights), [], weights).components.find((c) => c.id === id)?.points;
  };

  it('hidden-shortcut gain: a hidden 0 in the main menu saves the submenu, 2.5 s', () => {
    // No barge-in: every key waits for the whole prompt. main "Press 1 for billing." 4 words = 1.6 s;
    // billing "For a person press 1." 5 words = 2 s. Announced: 1.6 + 0.5 + 2 + 0.5 = 4.6 s + 60 s hold = 64.6 s.
    // Hidden 0 at main: 1.6 + 0.5 = 2.1 s + 60 s = 62.1 s. Gain 64.6 − 62.1 = 2.5 s.
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for billing.', bargeIn: false, options: [{ key: '1', next: 'billing' }, { key: '0', next: 'person', advertised: false }], ...escalate('person') },
      billing: { type: 'menu', prompt: 'For a person press 1.', bargeIn: false, options: [{ key: '1', next: 'person' }], ...escalate('person') },
      person: agent({ wait: { medianSeconds: 60 } }),
    });
    const m = computeMetrics(menu, weights);
    expect(m.announcedRoute?.totalSeconds).toBe(64.6);
    expect(m.fastestRoute?.totalSeconds).toBe(62.1);
    expect(m.hiddenShortcutGainSeconds).toBe(2.5);
  });

  it('C1 off the main path: a dead end two moves from the announced route earns 5 points', () => {
    // Announced route: main press 1 → person. From main every move (1, 2, errors) still reaches a person;
    // only info's key 1 (news) ends the call, two moves from the route.
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for a person. Press 2 for information.', options: [{ key: '1', next: 'person' }, { key: '2', next: 'info' }], ...escalate('person') },
      info: { type: 'menu', prompt: 'Press 1 for the news. Press 2 for a person.', options: [{ key: '1', next: 'news' }, { key: '2', next: 'person' }], ...escalate('person') },
      news: { type: 'hangup', prompt: 'No news today.' },
      person: agent(),
    });
    const m = computeMetrics(menu, weights);
    expect(m.traps).toMatchObject({ deadEnds: ['news'], doomLoops: [], onMainPath: [], configurations: 1 });
    expect(points(menu, 'C1')).toBe(5);
  });

  // A speech-only first turn ("describe your problem") whose one topic is self-service; its error handlers
  // reach a person, as in the research's toy (§4.8). A topic that led to a queue would itself be a human option.
  const botFirst = (extraOption?: Record<string, unknown>) => menuOf({
    bot: {
      type: 'menu', prompt: 'Tell us in a few words why you are calling.',
      options: [{ phrases: ['balance'], next: 'balance' }, ...(extraOption ? [extraOption] : [])],
      ...escalate('person', 1),
    },
    balance: { type: 'hangup', prompt: 'Your balance is in the app.' },
    person: agent(),
  });

  it('A3: a mandatory bot turn before any human option is a gate: 5 points', () => {
    const menu = botFirst();
    expect(computeMetrics(menu, weights).gatekeeping).toEqual({ level: 'mandatory', gates: ['bot'], exempt: [] });
    expect(points(menu, 'A3')).toBe(5);
  });

  it('A3: a bot turn that itself offers "agent" is the human option, not a gate before it: 0 points', () => {
    const menu = botFirst({ phrases: ['agent'], next: 'person' });
    expect(computeMetrics(menu, weights).gatekeeping).toEqual({ level: 'none', gates: [], exempt: ['bot'] });
    expect(points(menu, 'A3')).toBe(0);
  });

  it('A3: a hidden "agent" at the bot is a shortcut, not an offered option: still mandatory', () => {
    const menu = botFirst({ phrases: ['agent'], next: 'person', advertised: false });
    expect(computeMetrics(menu, weights).gatekeeping).toEqual({ level: 'mandatory', gates: ['bot'], exempt: [] });
    expect(points(menu, 'A3')).toBe(5);
  });
});
