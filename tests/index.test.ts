import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as ivr from '../src/index.js';

// The library as a user imports it: the worked example of menu-format.md end to end.
describe('the public API', () => {
  const text = readFileSync(new URL('./fixtures/menus/worked-example.json', import.meta.url), 'utf8');

  it('loads, searches, replays and explains through src/index.ts alone', () => {
    const loaded = ivr.loadMenu(text);
    if (!loaded.ok) throw new Error('the worked example must load');
    const menu = loaded.value;
    const moment = ivr.parseMoment('tue 10:00');
    if (moment === undefined) throw new Error('tue 10:00 is a moment');
    const route = ivr.fastestRoute(menu, { situation: ivr.situation(moment) });
    if (!route.reachable) throw new Error('a person is reachable at tue 10:00');
    // 4.4 s welcome + 0.5 s key = 4.9 s menu time, 45 s hold: total 49.9 s (menu-format.md).
    expect([route.outcome, ivr.toSeconds(route.menuMicros), route.holdMicros / 1e6]).toEqual(['lostCardQueue', 4.9, 45]);
    expect(ivr.replayRoute(menu, ivr.situation(moment), route).ok).toBe(true);
    expect(ivr.whatUnlocks(menu, ivr.situation(moment)).facts).toEqual([]);
  });

  it('refuses a broken document with located issues', () => {
    const result = ivr.loadMenu('{"format": "ivr-menu/1"');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues[0]).toMatchObject({ code: 'invalid_json', line: 1 });
  });
});
