/**
 * The simulated clock of a call. XState asks a clock for `setTimeout(fn, ms)`;
 * this one keeps every deadline in whole microseconds, so that sums of prompt
 * lengths stay exact (XState's own SimulatedClock adds float milliseconds and
 * compares them with `>=`, which can miss a deadline by one rounding error).
 * Delays reach it as `micros / 1000` ms and are turned back into integers
 * with one rounding, exact for any duration below 2^53 / 1000 µs.
 */
import type { Micros } from '../model/index.js';

interface Timer {
  id: number;
  deadline: Micros;
  fire: () => void;
}

export class MicrosClock {
  private nowMicros: Micros = 0;
  private nextId = 0;
  private readonly timers = new Map<number, Timer>();

  /** XState's clock interface: milliseconds; kept for `createActor(machine, { clock })`. */
  now(): number {
    return this.nowMicros / 1000;
  }

  setTimeout(fire: () => void, ms: number): number {
    const id = this.nextId++;
    this.timers.set(id, { id, deadline: this.nowMicros + Math.max(0, Math.round(ms * 1000)), fire });
    return id;
  }

  clearTimeout(id: number): void {
    this.timers.delete(id);
  }

  nowInMicros(): Micros {
    return this.nowMicros;
  }

  /** The earliest pending deadline, if any timer is pending. */
  nextDeadline(): Micros | undefined {
    return this.earliest()?.deadline;
  }

  /**
   * Moves time to `target`, firing every timer due on the way in deadline
   * order (ties: the one set first), including timers set while firing.
   */
  advanceTo(target: Micros): void {
    if (target < this.nowMicros) throw new RangeError('the simulated clock cannot go back in time');
    for (let timer = this.earliest(); timer !== undefined && timer.deadline <= target; timer = this.earliest()) {
      this.timers.delete(timer.id);
      this.nowMicros = timer.deadline;
      timer.fire();
    }
    this.nowMicros = target;
  }

  private earliest(): Timer | undefined {
    let best: Timer | undefined;
    for (const timer of this.timers.values()) {
      if (best === undefined || timer.deadline < best.deadline) best = timer;
    }
    return best;
  }
}
