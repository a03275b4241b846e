/** A ticker advanced by hand: tests move real milliseconds forward without waiting for them. */
import type { Ticker } from '../../src/tui/ticker.js';

export interface FakeTicker extends Ticker {
  /** calls every running listener with `ms` elapsed, in `step` slices like a real timer would */
  advance(ms: number, step?: number): void;
  running(): number;
}

export function fakeTicker(): FakeTicker {
  const listeners = new Set<(elapsedMs: number) => void>();
  return {
    start(onTick) {
      listeners.add(onTick);
      return () => listeners.delete(onTick);
    },
    advance(ms, step = ms) {
      for (let left = ms; left > 0; left -= step) for (const listener of [...listeners]) listener(Math.min(step, left));
    },
    running: () => listeners.size,
  };
}
