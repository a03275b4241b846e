/**
 * The files of one import read lazily, once each, when a flow first names
 * them (a Connect `TransferToFlow`, a Twilio `run-subflow`). The entry file
 * must be of the importer's format; a companion that is not (or that is
 * broken) is skipped, so a folder may hold other files, and its first issue
 * is kept for the importer to report where the flow names it.
 */
import { IvrError, type Issue } from '../model/index.js';
import type { SourceFile } from './importer.js';

export class BundleFiles<T> {
  private readonly read = new Map<number, T | null>();
  private readonly problems = new Map<number, Issue>();

  /**
   * `parse` throws IvrError when a file is not of the format; `then` runs
   * once a file is cached, so a flow that names itself finds itself.
   */
  constructor(
    readonly files: readonly SourceFile[],
    private readonly parse: (file: SourceFile, index: number) => T,
    private readonly then: (parsed: T) => void = () => undefined,
  ) {}

  get(index: number): T | undefined {
    if (!this.read.has(index)) {
      const file = this.files[index];
      if (file === undefined) return undefined;
      let parsed: T;
      try {
        parsed = this.parse(file, index);
      } catch (error) {
        if (index === 0 || !(error instanceof IvrError)) throw error;
        this.read.set(index, null);
        const first = error.issues[0];
        if (first !== undefined) this.problems.set(index, first);
        return undefined;
      }
      this.read.set(index, parsed);
      this.then(parsed);
    }
    return this.read.get(index) ?? undefined;
  }

  /** Why a companion that was asked for could not be read (its first issue, located when the parser could), if it could not. */
  problem(index: number): Issue | undefined {
    return this.problems.get(index);
  }
}
