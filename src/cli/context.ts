/**
 * What a command may use of the outside world, injected so that commands can
 * be run in tests without a process: output streams, the clock, the exit code.
 */
import { usageError, type Locale } from '../model/index.js';
import { megabytes } from './io.js';

export interface CliContext {
  out: (text: string) => void;
  err: (text: string) => void;
  now: () => number;
  locale: Locale;
  env: NodeJS.ProcessEnv;
  stdoutIsTTY: boolean;
  stdinIsTTY: boolean;
  setExitCode: (code: number) => void;
  /** `--max-mb` → bytes, with a located usage error for junk. */
  maxBytes: (text: string) => number;
}

export function parseMaxMb(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw usageError('bad_option', { en: `--max-mb "${text}" must be a positive number of megabytes.`, 'zh-CN': `--max-mb "${text}" 必须是正数(单位 MB)。` });
  }
  return megabytes(value);
}
