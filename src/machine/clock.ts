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
  /** a moment at which the caller may act before the timers still due then fire (see `hold`) */
  private heldAt: Micros | undefined;

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
   * Holds the clock at the current moment: an `advanceTo` that ends at this
   * moment stops firing timers, so the caller can act before the timers
   * still due now (a no-input timeout of 0 s). Moving time on, or `release`,
   * lets them fire.
   */
  hold(): void {
    this.heldAt = this.nowMicros;
  }

  release(): void {
    this.heldAt = undefined;
  }

  private heldAtTarget(target: Micros): boolean {
    return this.heldAt === this.nowMicros && target === this.nowMicros;
  }

  /**
   * Moves time to `target`, firing every timer due on the way in deadline
   * order (ties: the one set first), including timers set while firing,
   * except those due at `target` once the clock is held there.
   */
  advanceTo(target: Micros): void {
    if (target < this.nowMicros) throw new RangeError('the simulated clock cannot go back in time');
    for (let timer = this.earliest(); timer !== undefined && timer.deadline <= target; timer = this.earliest()) {
      this.nowMicros = timer.deadline;
      if (this.heldAtTarget(target)) return;
      this.timers.delete(timer.id);
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
