/**
 * Rule profiles: every bundled profile validates and cites a source, and
 * every check kind gives pass, fail or not-assessable on hand-made menus
 * whose answers are worked out in the comments.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/analysis/metrics.js';
import { CHECKS, checkRules, parseProfile, readProfile } from '../../src/analysis/rules.js';
import { parseWeights } from '../../src/analysis/score.js';
import { formatPath, type Menu } from '../../src/model/index.js';
import { menuFile, menuOf } from './helpers.js';

const rulesDir = new URL('../../rules/', import.meta.url);
const weights = parseWeights(JSON.parse(readFileSync(new URL('friction-weights.json', rulesDir), 'utf8')));
const toy = menuFile(new URL('../fixtures/audit/toy.json', import.meta.url).pathname);

/** One rule of the given check, read through the profile schema (so its params get their defaults), run on a menu. */
function check(menu: Menu, rule: { check: string; params?: Record<string, unknown> }) {
  const profile = parseProfile({
    profile: 'test', title: 'test', jurisdiction: 'test',
    rules: [{ id: 'R', title: 'rule', check: rule.check, params: rule.params ?? {}, source: { name: 'test' } }],
  });
  const [result] = checkRules([profile], computeMetrics(menu, weights), menu);
  return result;
}

/** main: 1 → a person (wait as given), 2 → sales; default handlers (they hang up). */
function flat(wait: Record<string, unknown> | undefined, extra: Record<string, unknown> = {}): Menu {
  return menuOf({
    main: { type: 'menu', prompt: 'Press 1 for help, 2 to buy.', options: [{ key: '1', next: 'care' }, { key: '2', next: 'sales' }] },
    care: { type: 'agent', kind: 'service', ...(wait ? { wait } : {}), ...extra },
    sales: { type: 'agent', kind: 'sales', wait: { medianSeconds: 30 } },
  });
}

describe('bundled rule profiles', () => {
  const files = readdirSync(rulesDir).filter((f) => f.endsWith('.json') && f !== 'friction-weights.json');

  it('has the five required profiles', () => {
    expect(files.sort()).toEqual(['cn-elderly.json', 'es-ley-10-2025.json', 'eu-human-option.json', 'gethuman-standard.json', 'us-fcc-cable.json']);
  });

  it.each(files)('%s validates, names itself after its file and cites a source for every rule', (file) => {
    const profile = parseProfile(JSON.parse(readFileSync(new URL(file, rulesDir), 'utf8')));
    expect(profile.profile).toBe(file.replace(/\.json$/, ''));
    for (const rule of profile.rules) expect(rule.source.name.length).toBeGreaterThan(3);
  });

  it('refuses an unknown check kind', () => {
    expect(() => parseProfile({ profile: 'x', title: 'x', jurisdiction: 'x', rules: [{ id: 'a', title: 'a', check: 'magic', source: { name: 's' } }] })).toThrow();
  });
});

describe('check kinds', () => {
  it('humanInMainMenu: toy needs 2 decisions (fail), a flat menu 1 (pass)', () => {
    expect(check(toy, { check: 'humanInMainMenu', params: { maxDepth: 1 } })?.result).toBe('fail');
    expect(check(flat({ medianSeconds: 60 }), { check: 'humanInMainMenu', params: { maxDepth: 1 } })?.result).toBe('pass');
  });

  it('humanInMainMenu asks whether any announced route is shallow, not whether the fastest is', () => {
    // main: 9 → a person (median 600 s), 1 → sub: 1 → a person (median 10 s). The fastest
    // announced route is 1, 1 (2 decisions); the person behind 9 is in the main menu (1 decision).
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for sales. Press 9 for an agent.', options: [{ key: '1', next: 'sub' }, { key: '9', next: 'care' }] },
      sub: { type: 'menu', prompt: 'Press 1 for new plans.', options: [{ key: '1', next: 'sales' }] },
      care: { type: 'agent', wait: { medianSeconds: 600 } },
      sales: { type: 'agent', wait: { medianSeconds: 10 } },
    });
    const metrics = computeMetrics(menu, weights);
    expect(metrics.announcedRoute?.decisionNodes).toEqual(['main', 'sub']);
    expect(metrics.shallowestAnnounced).toEqual({ decisions: 1, route: ['main: press 9', 'care: hold'] });
    const result = check(menu, { check: 'humanInMainMenu', params: { maxDepth: 1 } });
    expect(result?.result).toBe('pass');
    expect(result?.evidence.route).toEqual(['main: press 9', 'care: hold']);
  });

  it('elderlyDirect: a hidden shortcut is no fast lane; an announced or automatic one is', () => {
    // main: 1 → bye (announced); 0 → a person, not announced. One decision either way, but only by a shortcut.
    const hidden = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for times.', options: [{ key: '1', next: 'bye' }, { key: '0', next: 'care', advertised: false }] },
      care: { type: 'agent' }, bye: { type: 'hangup' },
    });
    expect(check(hidden, { check: 'elderlyDirect', params: { maxDecisions: 1 } })).toMatchObject({ result: 'fail', evidence: { text: 'A caller flagged elderly reaches no person through announced options.' } });
    // The same menu behind a caller-ID branch: an elderly caller goes straight to a person (0 decisions).
    const lane = menuOf({
      check: { type: 'branch', cases: [{ when: { caller: 'elderly' }, next: 'care' }], otherwise: 'main' },
      main: { type: 'menu', prompt: 'Press 1 for times.', options: [{ key: '1', next: 'bye' }, { key: '0', next: 'care', advertised: false }] },
      care: { type: 'agent' }, bye: { type: 'hangup' },
    }, { start: 'check' });
    expect(check(lane, { check: 'elderlyDirect', params: { maxDecisions: 1 } })).toMatchObject({ result: 'pass', evidence: { route: ['care: hold'] } });
  });

  it('answerWithin: median 20 s ≤ 180 s passes; 200 s fails; no wait is not assessable', () => {
    // The flat menu's announced route goes to the faster of care and sales by total: sales (30 s) unless care is faster.
    expect(check(flat({ medianSeconds: 20 }), { check: 'answerWithin', params: { seconds: 180, statistic: 'median' } })?.result).toBe('pass');
    const slow = menuOf({ main: { type: 'menu', prompt: 'Press 1.', options: [{ key: '1', next: 'care' }] }, care: { type: 'agent', wait: { medianSeconds: 200 } } });
    expect(check(slow, { check: 'answerWithin', params: { seconds: 180, statistic: 'median' } })?.result).toBe('fail');
    const unknown = menuOf({ main: { type: 'menu', prompt: 'Press 1.', options: [{ key: '1', next: 'care' }] }, care: { type: 'agent' } });
    expect(check(unknown, { check: 'answerWithin', params: { seconds: 180 } })?.result).toBe('not-assessable');
  });

  it('answerWithin with menu time (FCC): toy 21 s menu + 40 s p90 = 61 s > 30 s fails', () => {
    const result = check(toy, { check: 'answerWithin', params: { seconds: 30, statistic: 'p90', include: 'menu' } });
    expect(result?.result).toBe('fail');
    expect(result?.evidence.text).toBe('Queue sales: menu 21 s + p90 wait 40 s = 61 s (limit 30 s; the wait alone is over the limit).');
  });

  it('noDisconnect: default handlers hang up (fail); the toy escalates everywhere (pass)', () => {
    expect(check(flat({ medianSeconds: 20 }), { check: 'noDisconnect' })?.result).toBe('fail');
    expect(check(toy, { check: 'noDisconnect' })?.result).toBe('pass');
  });

  it('elderlyDirect and escapeEverywhere on the toy: 2 decisions fail; 0 missing at main fails', () => {
    expect(check(toy, { check: 'elderlyDirect', params: { maxDecisions: 1 } })?.result).toBe('fail');
    expect(check(toy, { check: 'escapeEverywhere', params: { minShare: 1 } })?.result).toBe('fail');
    expect(check(toy, { check: 'escapeEverywhere', params: { minShare: 0.6 } })?.result).toBe('pass');
  });

  it('escapeEverywhere says why a data-entry prompt never offers 0', () => {
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Press 1 to enter your account. Press 0 for an agent.', options: [{ key: '1', next: 'account' }, { key: '0', next: 'care' }] },
      account: { type: 'input', prompt: 'Enter your 4-digit account number.', length: 4, next: 'care' },
      care: { type: 'agent' },
    });
    // main offers 0 → care; account takes 0 as a digit: 1 of 2 decision points.
    expect(check(menu, { check: 'escapeEverywhere', params: { minShare: 1 } })).toMatchObject({
      result: 'fail',
      evidence: { text: '0 or an agent phrase reaches a person at 50 % of decision points (needed 100 %); missing at account (account takes 0 as a digit).', nodes: ['account'] },
    });
  });

  it('waitAnnounced / callbackOffered read the reached queue, not-assessable when silent', () => {
    expect(check(toy, { check: 'waitAnnounced' })?.result).toBe('pass');
    expect(check(flat(undefined), { check: 'waitAnnounced' })?.result).toBe('not-assessable');
    // care, the first option, is reached when it is at least as fast as sales (median 30 s).
    expect(check(flat({ medianSeconds: 30 }, { callback: false }), { check: 'callbackOffered' })?.result).toBe('pass');
    const long = menuOf({ main: { type: 'menu', prompt: 'Press 1.', options: [{ key: '1', next: 'care' }] }, care: { type: 'agent', wait: { medianSeconds: 600 }, callback: false } });
    expect(check(long, { check: 'callbackOffered' })?.result).toBe('fail');
  });

  it('dtmfFallback: the toy bot is speech only (fail); maxPromptSeconds: main is 30 s, not over 30 (pass), over 25 (fail)', () => {
    expect(check(toy, { check: 'dtmfFallback' })?.result).toBe('fail');
    expect(check(toy, { check: 'maxPromptSeconds', params: { seconds: 30 } })?.result).toBe('pass');
    expect(check(toy, { check: 'maxPromptSeconds', params: { seconds: 25 } })?.evidence.nodes).toEqual(['main']);
  });

  it('bargeInEverywhere, noForcedAudio, waitParity, personHoursPerDay on the toy', () => {
    expect(check(toy, { check: 'bargeInEverywhere' })?.result).toBe('fail');
    expect(check(toy, { check: 'noForcedAudio', params: { maxCount: 1 } })?.result).toBe('pass');
    // 261 / 41 = 6.37 > 1.5
    expect(check(toy, { check: 'waitParity', params: { maxRatio: 1.5 } })?.result).toBe('fail');
    // 168 hours / 7 = 24 hours a day
    expect(check(toy, { check: 'personHoursPerDay', params: { hours: 10 } })?.result).toBe('pass');
  });

  it('personReachable, announcedPerson and notModelled', () => {
    const hiddenOnly = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for times.', options: [{ key: '1', next: 'bye' }, { key: '0', next: 'care', advertised: false }] },
      care: { type: 'agent' }, bye: { type: 'hangup' },
    });
    expect(check(hiddenOnly, { check: 'personReachable' })?.result).toBe('pass');
    expect(check(hiddenOnly, { check: 'announcedPerson' })?.result).toBe('fail');
    expect(check(toy, { check: 'notModelled', params: { why: 'not in the format' } })).toMatchObject({ result: 'not-assessable', evidence: { text: 'not in the format' } });
  });

  it('noWaitCut: a reachable queue that drops callers on hold fails; silent queues are not assessable; "never" everywhere passes', () => {
    // main: 1 → care, 2 → sales; old is a queue no option leads to.
    const lines = (care: unknown, sales: unknown) => menuOf({
      main: { type: 'menu', prompt: 'Press 1 for help, 2 to buy.', options: [{ key: '1', next: 'care' }, { key: '2', next: 'sales' }] },
      care: { type: 'agent', wait: { medianSeconds: 900, ...(care === undefined ? {} : { hangupAfterSeconds: care }) } },
      sales: { type: 'agent', wait: { medianSeconds: 30, ...(sales === undefined ? {} : { hangupAfterSeconds: sales }) } },
      old: { type: 'agent', wait: { hangupAfterSeconds: 5 } },
    });
    // care drops after 600 s while its median wait is 900 s: over half its callers are cut off.
    expect(check(lines(600, 'never'), { check: 'noWaitCut' })).toMatchObject({
      result: 'fail', evidence: { text: 'The line hangs up on callers still waiting: care after 600 s on hold (median wait 900 s).', nodes: ['care'] },
    });
    // A drop is a cut whatever the median: sales drops after 60 s though most callers are answered in 30 s.
    expect(check(lines('never', 60), { check: 'noWaitCut' })?.result).toBe('fail');
    // old drops after 5 s, but nothing leads to it: only reachable queues count.
    expect(check(lines('never', 'never'), { check: 'noWaitCut' })).toMatchObject({ result: 'pass', evidence: { nodes: ['care', 'sales'] } });
    expect(check(lines('never', undefined), { check: 'noWaitCut' })).toMatchObject({ result: 'not-assessable', evidence: { nodes: ['sales'] } });
    expect(check(lines(undefined, undefined), { check: 'noWaitCut' })?.result).toBe('not-assessable');
  });

  it('noWaitCut counts a queue reached only by an unannounced shortcut or at some hours', () => {
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for times.', options: [{ key: '1', next: 'bye' }, { key: '0', next: 'night', advertised: false }] },
      night: { type: 'agent', wait: { hangupAfterSeconds: 120 } }, bye: { type: 'hangup' },
    });
    expect(check(menu, { check: 'noWaitCut' })).toMatchObject({ result: 'fail', evidence: { nodes: ['night'] } });
  });

  it('covers every check kind in this file', () => {
    const source = readFileSync(new URL(import.meta.url), 'utf8');
    for (const kind of CHECKS) expect(source).toContain(`'${kind}'`);
  });
});

describe('rule parameters are closed per check', () => {
  const profileWith = (rule: Record<string, unknown>) => ({ profile: 'x', title: 'x', jurisdiction: 'x', rules: [{ id: 'a', title: 'a', source: { name: 's' }, ...rule }] });
  const problems = (rule: Record<string, unknown>) => {
    const read = readProfile(profileWith(rule));
    return read.ok ? [] : read.issues.map((i) => `${i.code} ${formatPath(i.path)} ${i.message.en}`);
  };

  it('refuses a value of the wrong type where it was read as the default before', () => {
    expect(problems({ check: 'answerWithin', params: { seconds: 'ten' } })).toEqual(['bad_profile rules[0].params.seconds Invalid input: expected number, received string.']);
  });

  it('refuses a misspelled parameter and names the one meant', () => {
    expect(problems({ check: 'answerWithin', params: { statistc: 'p90' } })).toEqual(['unknown_field rules[0].params.statistc Unknown field "statistc". Did you mean "statistic"?']);
  });

  it('refuses a parameter of another check, values out of range, and an unknown check', () => {
    expect(problems({ check: 'noDisconnect', params: { seconds: 30 } })[0]).toMatch(/^unknown_field rules\[0\]\.params\.seconds /);
    expect(problems({ check: 'answerWithin', params: { statistic: 'p95' } })[0]).toMatch(/^bad_profile rules\[0\]\.params\.statistic /);
    expect(problems({ check: 'escapeEverywhere', params: { minShare: 1.5 } })[0]).toMatch(/^bad_profile rules\[0\]\.params\.minShare /);
    expect(problems({ check: 'elderlyDirect', params: { maxDecisions: 0.5 } })[0]).toMatch(/^bad_profile rules\[0\]\.params\.maxDecisions /);
    expect(problems({ check: 'magic' })[0]).toMatch(/^unknown_check rules\[0\]\.check Unknown check; known: humanInMainMenu, /);
  });

  it('fills in the documented defaults', () => {
    const read = readProfile(profileWith({ check: 'answerWithin' }));
    expect(read.ok && read.value.rules[0]?.params).toEqual({ seconds: 30, statistic: 'median', include: 'wait' });
  });

  it('answerWithin with include "wait" reads the wait alone: toy p90 40 s > 30 s', () => {
    expect(check(toy, { check: 'answerWithin', params: { seconds: 30, statistic: 'p90', include: 'wait' } })?.evidence.text).toBe('Queue sales: p90 wait 40 s (limit 30 s).');
  });
});

describe('rules about reaching a person never pass where no person exists', () => {
  // welcome: a forced "visit our website", then a hang-up: no agent node at all.
  const noPerson = menuFile(new URL('../fixtures/broken/warning-no-agent.json', import.meta.url).pathname);
  const profiles = readdirSync(rulesDir)
    .filter((f) => f.endsWith('.json') && f !== 'friction-weights.json')
    .sort()
    .map((f) => parseProfile(JSON.parse(readFileSync(new URL(f, rulesDir), 'utf8'))));
  /** Checks whose subject is the caller's path, the queue or the person: on a line without one, a pass would be vacuous. */
  const aboutAPerson = ['humanInMainMenu', 'personReachable', 'announcedPerson', 'noWaitCut', 'answerWithin', 'elderlyDirect',
    'escapeEverywhere', 'waitAnnounced', 'callbackOffered', 'waitParity', 'personHoursPerDay'];

  it.each(aboutAPerson)('%s fails or is not assessable', (kind) => {
    expect(check(noPerson, { check: kind })?.result).not.toBe('pass');
  });

  it('GH-1 fails (it passed vacuously before: no decision point was read as full coverage)', () => {
    const results = checkRules(profiles, computeMetrics(noPerson, weights), noPerson);
    expect(results.find((r) => r.id === 'GH-1')).toMatchObject({ result: 'fail', evidence: { text: 'No route reaches a person. Neither 0 nor an agent phrase can.' } });
    expect(results.find((r) => r.id === 'ES-NoWaitCut')?.result).toBe('not-assessable');
    const passed = results.filter((r) => r.result === 'pass').map((r) => r.id);
    // What still passes is about the menu itself: no handler hangs up (there is none), no speech-only menu, no long prompt.
    expect(passed).toEqual(['ES-NoCut', 'GH-5', 'GH-6', 'GH-8']);
  });

  it('a line that answers at once with no menu passes GH-1 and says why', () => {
    const direct = menuOf({ care: { type: 'agent', wait: { medianSeconds: 10 } } }, { start: 'care' });
    expect(check(direct, { check: 'escapeEverywhere' })).toMatchObject({ result: 'pass', evidence: { text: 'No decision point: the call goes to a person without a menu.' } });
  });

  it('every check kind is classified here or in the list of checks about the menu itself', () => {
    const aboutTheMenu = ['noDisconnect', 'dtmfFallback', 'maxPromptSeconds', 'bargeInEverywhere', 'noForcedAudio', 'notModelled'];
    expect([...aboutAPerson, ...aboutTheMenu].sort()).toEqual([...CHECKS].sort());
  });
});
