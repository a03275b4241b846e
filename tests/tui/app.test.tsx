/**
 * The whole call app on the bundled menus, through ink-testing-library:
 * keys are written, the fake ticker moves the clock, frames are read.
 * Ink renders a frame a macrotask after input, hence `tick()` after writes.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { render, cleanup } from 'ink-testing-library';
// The chalk Ink colours with (hoisted beside it): its level is 0 in a test, where stdout is no TTY.
import chalk from 'chalk';
import type { Menu } from '../../src/model/index.js';
import { startCall } from '../../src/machine/index.js';
import { App } from '../../src/tui/App.js';
import { colorWanted } from '../../src/tui/palette.js';
import { fakeTicker } from './fake-ticker.js';
import { at, menuFile, menuOf } from './menus.js';

/** Ink draws a frame some macrotasks after an update; under a loaded test run one is not always enough. */
const tick = async () => {
  for (let round = 0; round < 4; round++) await new Promise((resolve) => setTimeout(resolve, 2));
};



/** Renders a call at speed 4 (unless told): one real second of ticks is 4 simulated seconds. */
async function call(path: string | Menu, moment = 'tue 10:00', extra: { columns?: number; color?: boolean; speed?: number } = {}) {
  const menu = typeof path === 'string' ? menuFile(path) : path;
  const ticker = fakeTicker();
  const session = startCall(menu, at(moment));
  const app = render(<App menu={menu} situation={at(moment)} session={session} ticker={ticker} speed={extra.speed ?? 4} color={extra.color ?? false} columns={extra.columns} />);
  await tick();
  const type = async (text: string) => {
    app.stdin.write(text);
    await tick();
  };
  const wait = async (realMs: number) => {
    ticker.advance(realMs, 50);
    await tick();
  };
  return { app, session, ticker, type, wait, frame: () => app.lastFrame() ?? '' };
}

afterEach(() => cleanup());

describe('call screen on the demo bank line', () => {
  it('shows the line, the clock, the prompt with its progress, and the keypad', async () => {
    const { frame, wait } = await call('menus/demo-bank.json');
    expect(frame()).toContain('Northwind Savings Bank customer line (demo)');
    expect(frame()).toContain('+18005550101 · tue 10:00 · call 0:00');
    await wait(1000);
    expect(frame()).toContain('call 0:04');
    expect(frame()).toContain('Thank you for calling Northwind Savings Bank.');
    expect(frame()).toContain('playing 4.0 of 5.6 s · keys wait for the end');
    expect(frame()).toMatch(/ 1  2  3 /);
  });

  it('ignores a key during a prompt without barge-in, says so, and still lights the key', async () => {
    const { frame, type, session } = await call('menus/demo-bank.json');
    await type('1');
    expect(frame()).toContain('ignored: wait for the prompt to finish');
    expect(frame()).toContain('[1]');
    expect(session.view().node).toBe('welcome');
  });

  it('counts silence on screen: no input 2 of 3 after two timeouts', async () => {
    const { frame, wait } = await call('menus/demo-bank.json');
    // welcome 5.6 s + 2 × (14 s prompt + 5 s timeout + 2.8 s sorry) = 49.2 s = 12.3 real seconds at ×4
    await wait(12_400);
    expect(frame()).toContain('no input 2 of 3 · invalid 0 of 3');
    expect(frame()).toContain('invalid entries 0 · timeouts 2');
    expect(frame()).toContain('welcome → main → ↺ → ↺');
  });

  it('toggles the coach with h and recomputes it after each step', async () => {
    const { frame, type, wait } = await call('menus/demo-bank.json');
    await type('h');
    expect(frame()).toContain('Coach');
    expect(frame()).toContain('After the message, press 3: a person in ≈ 6 s + ≈ 35 s hold');
    await wait(1500);
    await type('1');
    await wait(200);
    expect(frame()).toContain('accountNumber');
    expect(frame()).toMatch(/Type your 10-digit number now: a person in ≈ \d+ s \+ ≈ 35 s hold/);
    expect(frame()).toContain('then press star (*), then press 3');
    await type('h');
    expect(frame()).not.toContain('Coach');
  });

  it('half-way through a number, the coach counts the digits still to type', async () => {
    const { frame, type, wait, session } = await call('menus/demo-bank.json');
    await wait(1500);
    await type('h');
    await type('1');
    await wait(200);
    const before = frame().match(/Type your 10-digit number now: a person in ≈ (\d+) s/)?.[1];
    await type('1234');
    await wait(1500);
    expect(session.view().digits).toBe('1234');
    expect(frame()).toContain('Keep typing: 6 more digits');
    const after = frame().match(/Keep typing: 6 more digits: a person in ≈ (\d+) s/)?.[1];
    // four key presses (0.5 s each) are done: the estimate is about 2 s shorter
    expect(Number(before) - Number(after)).toBeGreaterThanOrEqual(1);
  });

  it('reaches a person: time taken, hold counting down, comparison with the fastest route', async () => {
    const { frame, type, wait } = await call('menus/demo-bank.json');
    await wait(1500);
    await type('3');
    await wait(200);
    expect(frame()).toContain('A person answers: salesQueue (queue new-accounts)');
    // pressed at 6 s (the first tick after the welcome's 5.6 s), +0.5 s key: 6.5 s, 0.4 s behind the fastest 6.1 s
    expect(frame()).toContain('Your way in: 6.5 s + ≈ 35 s hold.');
    expect(frame()).toContain('Fastest from the start: press 3 · 6.1 s + ≈ 35 s hold');
    expect(frame()).toContain('Yours: 0.4 s longer than the fastest route');
    const before = frame().match(/(\d:\d\d) left/)?.[1];
    await wait(2500);
    const after = frame().match(/(\d:\d\d) left/)?.[1];
    // ended at 6.5 s; 0.3 s later 34.7 s are left (0:35); 10 s later 24.7 s (0:25)
    expect([before, after]).toEqual(['0:35', '0:25']);
  });

  it('after hours, a hang-up end screen names the reason and the way out', async () => {
    const { frame, type, wait } = await call('menus/demo-bank.json', 'tue 23:00');
    await wait(1500);
    await type('0');
    await wait(10_000);
    expect(frame()).toContain('The call ended without a person: after hours.');
    expect(frame()).toContain('The way out, from the start: press 2 · 6.1 s + ≈ 3 min hold');
  });

  it('q hangs up: the end screen says you hung up, then the app exits', async () => {
    const { frame, type, session } = await call('menus/demo-bank.json');
    await type('q');
    await tick();
    expect(session.view().outcome).toMatchObject({ type: 'hangup', reason: 'caller hung up' });
    expect(frame()).toContain('The call ended without a person: you hung up.');
    expect(frame()).not.toContain('q to leave');
  });

  it('handles a fast-typed chunk as separate presses, none lost while the line takes the previous one', async () => {
    const { type, session, wait } = await call('menus/demo-bank.json');
    await wait(1500);
    await type('1234');
    // 1 goes to accountNumber (0.5 s); 2, 3, 4 are its first digits, 0.5 s each
    await wait(500);
    expect(session.view().node).toBe('accountNumber');
    expect(session.view().digits).toBe('234');
    expect(session.log().filter((entry) => entry.kind === 'ignored')).toEqual([]);
  });

  it('during a "Sorry" message: both counters agree, keys wait for its end, and the coach says "after the message"', async () => {
    const { frame, type, wait, session } = await call('menus/demo-bank.json');
    await wait(1500);
    await type('9');
    await wait(200);
    expect(session.view().phase).toBe('failure');
    expect(frame()).toContain('invalid entry 1 of 3 · then the menu repeats');
    expect(frame()).toContain('no input 0 of 3 · invalid 1 of 3');
    expect(frame()).toContain('keys and speech wait for this message to end');
    await type('h');
    expect(frame()).toContain('After the message, press 3');
    expect(frame()).not.toMatch(/Press \S+ now/);
    await type('3');
    expect(frame()).toContain('ignored: wait for the message to finish');
    expect(session.view().phase).toBe('failure');
  });

  it('a key ignored at the very end of a "Sorry" message still says so after the menu has moved on', async () => {
    const { frame, type, wait, session } = await call('menus/demo-bank.json');
    await wait(1500);
    await type('9');
    while (session.view().phase !== 'failure' || (session.nextChangeAt() ?? 0) - session.now() > 300_000) await wait(25);
    await type('3');
    await wait(100);
    expect(session.view()).toMatchObject({ node: 'main', phase: 'prompt' });
    expect(frame()).toContain('key 3 ignored: wait for the message to finish');
    await wait(600);
    expect(frame()).not.toContain('ignored: wait');
  });

  it('once a prompt without barge-in has played, the coach says "now", not "after the message"', async () => {
    const { frame, type, wait, session } = await call('menus/telecom-xinghe.json');
    await type('h');
    // welcome 2.5 s + promo 14.3 s + main 9.5 s (bargeIn false) = 26.3 s = 6.6 real seconds at ×4
    await wait(6800);
    expect(session.view()).toMatchObject({ node: 'main', phase: 'waiting' });
    expect(frame()).toContain('Press 3 now');
    expect(frame()).not.toContain('After the message');
  });

  it('keeps a pressed key lit for half a real second at any speed (at ×100 that is 50 simulated seconds)', async () => {
    const { frame, type, wait } = await call('menus/demo-bank.json', 'tue 10:00', { speed: 100 });
    await wait(60);
    await type('1');
    await wait(100);
    expect(frame()).toContain('[1]');
    await wait(500);
    expect(frame()).not.toContain('[1]');
  });

  it('still works at 40 columns: every line fits', async () => {
    const { frame, type } = await call('menus/demo-bank.json', 'tue 10:00', { columns: 40 });
    await type('h');
    const lines = frame().split('\n');
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    expect(frame()).toContain('Coach');
    expect(frame()).toContain('Northwind Savings Bank customer line');
    // The keys line wraps between items, never inside one; the bar moves above its words when both do not fit.
    for (const item of ['keys 0-9 * #', '/ speak', 'h coach', 'space skip ahead', 'q hang up']) expect(lines.some((line) => line.includes(item))).toBe(true);
    expect(frame()).toMatch(/^░+\nplaying 0\.0 of 5\.6 s · keys wait for the\nend$/m);
    // No wrapped line starts with the space it was broken at (Ink's own wrap does that).
    expect(frame()).not.toMatch(/^ [A-Za-z(]/m);
  });

  it('names an instant moment in UTC in the header, and at 40 columns the header wraps between its pieces', async () => {
    const { frame } = await call('menus/demo-bank.json', '2026-12-01T10:00:00-05:00', { columns: 40 });
    const lines = frame().split('\n');
    expect(lines.every((line) => line.length <= 40)).toBe(true);
    expect(lines.map((line) => line.trimEnd())).toContain('+18005550101 ·');
    expect(lines.some((line) => line.startsWith('tue 2026-12-01 15:00 UTC · call 0:00'))).toBe(true);
    expect(frame()).not.toMatch(/^ [·A-Za-z(]/m);
  });

  describe('colour', () => {
    const COLOUR_ESCAPE = /\u001B\[(3|4)\dm/;
    // Forced for these tests only: at chalk's level 0 (no TTY) no frame could ever hold a colour, so "none with NO_COLOR" would prove nothing.
    let level = chalk.level;
    beforeEach(() => {
      level = chalk.level;
      chalk.level = 1;
    });
    afterEach(() => {
      chalk.level = level;
    });

    it('with colour on, writes colour escapes (so the test below can fail)', async () => {
      const { frame, type } = await call('menus/demo-bank.json', 'tue 10:00', { color: true });
      await type('h');
      expect(frame()).toMatch(COLOUR_ESCAPE);
    });

    it('with colour off (NO_COLOR), writes no colour escapes, even where the terminal has colours', async () => {
      const { frame, type, wait } = await call('menus/demo-bank.json', 'tue 10:00', { color: false });
      await type('h');
      expect(frame()).not.toMatch(COLOUR_ESCAPE);
      await wait(1500);
      await type('3');
      await wait(200);
      expect(frame()).toContain('A person answers');
      expect(frame()).not.toMatch(COLOUR_ESCAPE);
    });
  });
});

describe('colorWanted (no-color.org)', () => {
  it('wants colour when NO_COLOR is unset or empty, and none when it is set to anything else', () => {
    expect(colorWanted({})).toBe(true);
    expect(colorWanted({ NO_COLOR: undefined })).toBe(true);
    expect(colorWanted({ NO_COLOR: '' })).toBe(true);
    expect(colorWanted({ NO_COLOR: '1' })).toBe(false);
    expect(colorWanted({ NO_COLOR: '0' })).toBe(false);
    expect(colorWanted({ NO_COLOR: 'false' })).toBe(false);
  });
});

describe('the coach while an input is in flight', () => {
  it('after saying 人工 at --speed 1, says it was taken, never the stale "Say 人工 now", then advises the next step', async () => {
    const { frame, type, wait, session } = await call('menus/delivery-kuaidian.json', 'tue 10:00', { speed: 1 });
    await type('h');
    while (!session.view().acceptsSpeech) await wait(100);
    await wait(100);
    expect(frame()).toContain('Say "人工" now');
    await type('/');
    await type('人工');
    await type('\r');
    expect(session.view().phase).toBe('pressing');
    expect(frame()).toContain('the line is taking your input…');
    expect(frame()).toContain('Taken: 人工 — wait for the line…');
    expect(frame()).not.toContain('Say "人工"');
    // saying 人工 takes 0.5 s (2 characters at 240 a minute) + 1 s recognition: then the coach searches again from the category menu
    await wait(1600);
    await tick();
    expect(session.view().node).toBe('category');
    expect(frame()).not.toContain('Taken:');
    expect(frame()).toMatch(/Press 4 now: a person in ≈ \d+ s/);
  });

  it('during a key press (0.5 s), says the key was taken instead of "Press 3 now"', async () => {
    const { frame, type, wait, session } = await call('menus/demo-bank.json', 'tue 10:00', { speed: 1 });
    await type('h');
    await wait(5700);
    expect(frame()).toContain('Press 3 now');
    await type('1');
    expect(session.view().phase).toBe('pressing');
    expect(frame()).toContain('Taken: key 1 — wait for the line…');
    expect(frame()).not.toContain('Press 3 now');
    await wait(600);
    await tick();
    expect(session.view().node).toBe('accountNumber');
    expect(frame()).toMatch(/Type your 10-digit number now/);
  });
});

describe('a line that gives no hold estimate', () => {
  const noEstimate = menuOf({
    main: { type: 'menu', prompt: { seconds: 4 }, options: [{ key: '1', next: 'desk' }] },
    desk: { type: 'agent' },
  });

  it('says "hold unknown" on every line of the end screen, never "≈ 0 s hold"', async () => {
    const { frame, type, wait } = await call(noEstimate);
    await type('1');
    await wait(500);
    expect(frame()).toContain('A person answers: desk');
    expect(frame()).toContain('Hold unknown: this line gives no estimate.');
    expect(frame()).toContain('Your way in: 0.5 s + hold unknown.');
    expect(frame()).toContain('Fastest from the start: press 1 · 0.5 s + hold unknown');
    expect(frame()).toContain('Yours: as fast as the fastest route (menu time; hold unknown).');
    expect(frame()).not.toContain('≈ 0 s');
  });

  it('the coach says "+ hold unknown" too', async () => {
    const { frame, type } = await call(noEstimate);
    await type('h');
    expect(frame()).toContain('Press 1 now: a person in ≈ 1 s + hold unknown');
  });
});

describe('call screen on a zh-CN line (speech)', () => {
  it('says 人工 through the speech line and reaches the rider queue with 4', async () => {
    const { frame, type, wait, session } = await call('menus/delivery-kuaidian.json');
    expect(frame()).toContain('您好,欢迎致电快点外卖。');
    await wait(1000);
    await type('/');
    await type('人工');
    expect(frame()).toContain('you say: 人工');
    await type('\r');
    expect(session.log().some((entry) => entry.kind === 'say' && entry.phrase === '人工')).toBe(true);
    await wait(1000);
    expect(session.view().node).toBe('category');
    await type('4');
    await wait(2000);
    expect(frame()).toContain('A person answers: riderQueue (queue 骑手服务)');
  });

  it('wraps CJK prompts inside the width (each character two columns)', async () => {
    const { frame, wait } = await call('menus/delivery-kuaidian.json', 'tue 10:00', { columns: 40 });
    await wait(1000);
    const cells = (line: string) => [...line].reduce((sum, char) => sum + (/[\u3000-\u9fff\uff00-\uffef]/.test(char) ? 2 : 1), 0);
    expect(frame().split('\n').every((line) => cells(line) <= 40)).toBe(true);
  });
});
