/** Minutes beside long estimates: from one minute on, rounded to the minute. */
import { describe, expect, it } from 'vitest';
import { minutesHint, minutesOf } from '../../src/report/durations.js';

describe('minutes beside seconds', () => {
  it('start at one minute and round to the nearest minute', () => {
    expect(minutesOf(59_999_999)).toBeUndefined();
    expect(minutesOf(60_000_000)).toBe(1);
    expect(minutesOf(89_999_999)).toBe(1);
    expect(minutesOf(90_000_000)).toBe(2);
    expect(minutesOf(2_700_000_000)).toBe(45);
  });

  it('read ", 45 min" after the seconds, and nothing under a minute', () => {
    expect(minutesHint(2_700_000_000)).toBe(', 45 min');
    expect(minutesHint(35_000_000)).toBe('');
  });
});
