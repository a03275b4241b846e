/**
 * The call screen's clock port. The screen asks a ticker to call it back now
 * and then with the real milliseconds that passed; `--speed` turns those into
 * simulated time. The real ticker (a timer) is used at the edge; tests pass a
 * fake one and advance it by hand, so no test waits on a real clock.
 */
import { type Micros } from '../model/index.js';

export interface Ticker {
  /** Starts calling `onTick(elapsedMs)`; returns a function that stops it. */
  start(onTick: (elapsedMs: number) => void): () => void;
}

/** About 30 redraws a second: smooth for a progress bar, cheap for a terminal. */
const FRAME_MS = 33;

/** A ticker on a real timer, measuring elapsed time with a monotonic clock. */
export function realTicker(intervalMs: number = FRAME_MS): Ticker {
  return {
    start(onTick) {
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        onTick(now - last);
        last = now;
      }, intervalMs);
      return () => clearInterval(timer);
    },
  };
}

/** Real milliseconds → simulated microseconds at `speed` (4: four simulated seconds per real second). */
export function simulatedMicros(elapsedMs: number, speed: number): Micros {
  return Math.max(0, Math.round(elapsedMs * 1000 * speed));
}
