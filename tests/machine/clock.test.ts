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
});
