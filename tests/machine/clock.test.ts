/** The microsecond clock: exact deadlines, firing order, no time travel. */
import { describe, expect, it } from 'vitest';
import { MicrosClock } from '../../src/machine/index.js';

describe('MicrosClock', () => {
  it('keeps deadlines exact where float milliseconds would drift', () => {
    const clock = new MicrosClock();
    const fired: number[] = [];
    // 0.1 ms steps: 0.1 + 0.2 is not 0.3 in floats; in microseconds it is
    clock.setTimeout(() => {
      fired.push(clock.nowInMicros());
      clock.setTimeout(() => fired.push(clock.nowInMicros()), 0.2);
    }, 0.1);
    clock.advanceTo(299);
    expect(fired).toEqual([100]);
    clock.advanceTo(300);
    expect(fired).toEqual([100, 300]);
  });

  it('fires in deadline order, ties in the order set, and skips cleared timers', () => {
    const clock = new MicrosClock();
    const fired: string[] = [];
    clock.setTimeout(() => fired.push('late'), 2);
    clock.setTimeout(() => fired.push('first'), 1);
    clock.setTimeout(() => fired.push('second'), 1);
    const cleared = clock.setTimeout(() => fired.push('cleared'), 1);
    clock.clearTimeout(cleared);
    expect(clock.nextDeadline()).toBe(1000);
    clock.advanceTo(5000);
    expect(fired).toEqual(['first', 'second', 'late']);
    expect(clock.nextDeadline()).toBeUndefined();
    expect(() => clock.advanceTo(10)).toThrow(RangeError);
  });

  it('held at a moment, fires nothing more due then until time moves on or it is released', () => {
    const clock = new MicrosClock();
    const fired: string[] = [];
    // The first timer holds the clock (the call starts waiting) and sets a 0 ms timeout.
    clock.setTimeout(() => {
      fired.push('prompt ends');
      clock.hold();
      clock.setTimeout(() => fired.push('timeout'), 0);
    }, 1);
    clock.advanceTo(1000);
    expect(fired).toEqual(['prompt ends']);
    clock.advanceTo(1000);
    expect(fired).toEqual(['prompt ends']);
    clock.release();
    clock.advanceTo(1000);
    expect(fired).toEqual(['prompt ends', 'timeout']);
    // Moving past the held moment fires what is due there.
    clock.setTimeout(() => {
      clock.hold();
      clock.setTimeout(() => fired.push('passed'), 0);
    }, 1);
    clock.advanceTo(2001);
    expect(fired).toEqual(['prompt ends', 'timeout', 'passed']);
  });
});
