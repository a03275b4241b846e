import { describe, expect, it } from 'vitest';
import { startCall } from '../../src/machine/index.js';
import { callClock, exactly, headerLine, headerParts, holdWords, progressBar, roughly } from '../../src/tui/format.js';
import { coachTarget, countersLine, lastInputOf, phaseLine, trailLine, trailOf } from '../../src/tui/screen-model.js';
import { at, menuFile } from './menus.js';


const demo = menuFile('menus/demo-bank.json');
const tuesday = at('tue 10:00');

describe('format', () => {
  it('shows the call clock as m:ss and h:mm:ss', () => {
    expect(callClock(0)).toBe('0:00');
    expect(callClock(61_900_000)).toBe('1:01');
    expect(callClock(3_725_000_000)).toBe('1:02:05');
  });

  it('rounds estimates to seconds, minutes, then hours', () => {
    expect(roughly(12_400_000)).toBe('≈ 12 s');
    expect(roughly(300_000_000)).toBe('≈ 5 min');
    expect(roughly(2 * 3600e6)).toBe('≈ 2 h');
    expect(exactly(4_900_000)).toBe('4.9 s');
  });

  it('prints exact durations as ivr escape does: seconds with one decimal, whole seconds too', () => {
    expect(exactly(21_000_000)).toBe('21.0 s');
    expect(exactly(72_340_000)).toBe('72.3 s');
    // bank-huaxin's fastest route: 22.25 s exactly, "22.3 s" in ivr escape
    expect(exactly(22_250_000)).toBe('22.3 s');
  });

  it('says "hold unknown" where a line gives no estimate, never "≈ 0 s hold"', () => {
    expect(holdWords(35_000_000, true)).toBe('+ ≈ 35 s hold');
    expect(holdWords(0, false)).toBe('+ hold unknown');
    expect(holdWords(0, true)).toBe('+ ≈ 0 s hold');
  });

  it('rounds a half tenth up, as ivr escape does', () => {
    expect(exactly(1_150_000)).toBe('1.2 s');
    expect(exactly(1_149_999)).toBe('1.1 s');
  });

  it('draws the header line in pieces that take few distinct values over two hours of call clock (Ink caches each)', () => {
    const seen = new Set<string>();
    for (let second = 0; second < 2 * 3600; second++) {
      const clock = callClock(second * 1_000_000);
      const parts = headerParts(demo, 'tue 10:00', clock, 4);
      expect(parts.join('')).toBe(headerLine(demo, 'tue 10:00', clock, 4));
      for (const part of parts) seen.add(part);
    }
    expect(headerLine(demo, 'tue 10:00', '1:02:05', 4)).toBe('+18005550101 · tue 10:00 · call 1:02:05 · ×4');
    // minutes (60) + hour:minutes (60) + seconds (60) + the three fixed pieces: 7,200 distinct lines drawn as one string
    expect(seen.size).toBeLessThanOrEqual(60 + 60 + 60 + 3);
  });

  it('fills the progress bar in proportion, within bounds', () => {
    expect(progressBar(0.5, 10)).toBe('█████░░░░░');
    expect(progressBar(2, 4)).toBe('████');
    expect(progressBar(-1, 4)).toBe('░░░░');
  });
});

describe('screen model on the demo line', () => {
  it('counts silence visibly: the second no-input of three, then the one that gives up', () => {
    const call = startCall(demo, tuesday);
    // welcome 5.6 s; each silence at main: prompt 14 s + timeout 5 s, then "Sorry, I did not hear a choice." (7 words) 2.8 s.
    call.advanceBy(5_600_000 + 19_000_000 + 2_800_000);
    expect(countersLine(call.view())).toBe('no input 1 of 3 · invalid 0 of 3');
    call.advanceBy(19_000_000 + 2_800_000);
    expect(countersLine(call.view())).toBe('no input 2 of 3 · invalid 0 of 3');
    call.advanceBy(19_000_000);
    const view = call.view();
    expect(view.phase).toBe('failure');
    // The handler's `then` (menus/demo-bank.json: main's noInput goes on to accountNumber)
    expect(phaseLine(demo, view, call.now()).text).toBe('no input 3 of 3 · then on to accountNumber');
    // While the message plays the counters already count it, as the line above does.
    expect(countersLine(view)).toBe('no input 3 of 3 · invalid 0 of 3');
  });

  it('during the first failure message: its count, "then the menu repeats", and both lines agree', () => {
    const call = startCall(demo, tuesday);
    call.advanceBy(5_600_000 + 19_000_000);
    const view = call.view();
    expect(view.phase).toBe('failure');
    expect(phaseLine(demo, view, call.now()).text).toBe('no input 1 of 3 · then the menu repeats');
    expect(countersLine(view)).toBe('no input 1 of 3 · invalid 0 of 3');
  });

  it('says when keys wait for the end of a prompt, and when they work at once', () => {
    const call = startCall(demo, tuesday);
    expect(phaseLine(demo, call.view(), call.now()).text).toBe('playing 0.0 of 5.6 s · keys wait for the end');
    call.advanceBy(5_600_000 + 1_000_000);
    expect(phaseLine(demo, call.view(), call.now()).text).toBe('playing 1.0 of 14.0 s · keys work now');
  });

  it('aims the coach past a failure message, at the replay with the counter raised', () => {
    const call = startCall(demo, tuesday);
    call.advanceBy(5_600_000);
    call.send({ type: 'KEY', key: '9' });
    call.advanceBy(500_000);
    const view = call.view();
    expect(view.phase).toBe('failure');
    const target = coachTarget(demo, view, call.now());
    expect(target).toEqual({ kind: 'from', here: { node: 'main', invalidCount: 1, noInputCount: 0 }, offset: -2_800_000 });
  });

  it('while a key is in flight, aims the coach at what was taken, not at the advice before it', () => {
    const call = startCall(demo, tuesday);
    call.advanceBy(5_600_000);
    expect(call.send({ type: 'KEY', key: '3' })).toBe('accepted');
    const view = call.view();
    expect(view.phase).toBe('pressing');
    expect(lastInputOf(call.log())).toBe('key 3');
    expect(coachTarget(demo, view, call.now(), lastInputOf(call.log()))).toEqual({ kind: 'taken', input: 'key 3' });
    call.advanceToNextChange();
    expect(coachTarget(demo, call.view(), call.now()).kind).not.toBe('taken');
  });

  it('names the last key or words of the log, and nothing before any', () => {
    expect(lastInputOf([{ at: 0, node: 'welcome', kind: 'enter' }])).toBeUndefined();
    expect(lastInputOf([
      { at: 0, node: 'a', kind: 'key', key: '1' }, { at: 1, node: 'b', kind: 'enter' }, { at: 2, node: 'b', kind: 'say', phrase: '人工' }, { at: 3, node: 'b', kind: 'invalid' },
    ])).toBe('人工');
  });

  it('keeps the trail in order, with replays, and drops the oldest steps to fit', () => {
    const trail = trailOf([
      { at: 0, node: 'welcome', kind: 'enter' }, { at: 1, node: 'main', kind: 'enter' }, { at: 2, node: 'main', kind: 'invalid' },
      { at: 3, node: 'main', kind: 'replay' }, { at: 4, node: 'main', kind: 'noInput' }, { at: 5, node: 'main', kind: 'ignored', key: '1' },
    ]);
    expect(trail).toEqual({ steps: ['welcome', 'main', '↺'], invalidEntries: 1, timeouts: 1, ignored: 1 });
    expect(trailLine(trail, 80)).toBe('welcome → main → ↺');
    expect(trailLine(trail, 14)).toBe('… → main → ↺');
  });
});
