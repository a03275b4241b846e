/**
 * Compiling states of a flow once each, breadth first from the start, with
 * a queue instead of recursion, so a long dialplan or a deeply unrolled menu
 * cannot overflow the stack. Used by the Asterisk and FreeSWITCH importers.
 */
export class Worklist<T> {
  private readonly seen = new Set<string>();
  private readonly queue: T[] = [];

  constructor(private readonly keyOf: (item: T) => string) {}

  /** The draft key of a state; the state is queued the first time it is named. */
  ref(item: T): string {
    const key = this.keyOf(item);
    if (!this.seen.has(key)) {
      this.seen.add(key);
      this.queue.push(item);
    }
    return key;
  }

  /** Compiles queued states until none is left (compiling may queue more). */
  drain(compile: (item: T) => void): void {
    for (let item = this.queue.shift(); item !== undefined; item = this.queue.shift()) compile(item);
  }
}
