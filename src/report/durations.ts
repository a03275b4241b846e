/**
 * Long estimates for people: a hold of 2,700 s reads better as 45 min. The
 * seconds stay the figure (they add up with the menu time); the minutes are
 * a hint beside them, from one minute on, in every command that prints one.
 */
import type { Micros } from '../model/index.js';

/** Whole minutes of a duration of a minute or more, else undefined. */
export function minutesOf(micros: Micros): number | undefined {
  return micros >= 60_000_000 ? Math.round(micros / 60_000_000) : undefined;
}

/** `, 45 min`, or nothing under a minute: `hold ≈ 2700 s, 45 min`. */
export function minutesHint(micros: Micros): string {
  const minutes = minutesOf(micros);
  return minutes === undefined ? '' : `, ${minutes} min`;
}
