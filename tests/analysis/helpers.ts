/** Small menus and situations for the analysis tests, written inline so each test shows its numbers. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadMenu, loadMenuValue, parseMoment, situation, type Menu, type Situation } from '../../src/model/index.js';
import type { CliContext } from '../../src/cli/context.js';
import { parseMaxMb } from '../../src/cli/context.js';

export function menuOf(nodes: Record<string, unknown>, extra: Record<string, unknown> = {}): Menu {
  const result = loadMenuValue({ format: 'ivr-menu/1', id: 'hand-made', name: 'Hand-made menu', phone: '+18005550100', start: Object.keys(nodes)[0], nodes, ...extra });
  if (!result.ok) throw new Error(`test menu refused: ${result.issues.map((i) => i.message.en).join('; ')}`);
  return result.value;
}

export function menuFile(path: string): Menu {
  const result = loadMenu(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path} refused: ${result.issues.map((i) => i.message.en).join('; ')}`);
  return result.value;
}

export const workedExamplePath = fileURLToPath(new URL('../fixtures/menus/worked-example.json', import.meta.url));

export function at(text: string, caller: string[] = [], facts: string[] = []): Situation {
  const moment = parseMoment(text);
  if (moment === undefined) throw new Error(`bad moment ${text}`);
  return situation(moment, caller, facts);
}

export interface FakeRun {
  out: string[];
  err: string[];
  code: number | undefined;
  context: CliContext;
}

/** A CLI context that records output and the exit code. */
export function fakeContext(): FakeRun {
  const run: FakeRun = {
    out: [], err: [], code: undefined,
    context: {
      out: (text) => run.out.push(text),
      err: (text) => run.err.push(text),
      now: () => Date.parse('2026-12-01T15:00:00Z'),
      locale: 'en',
      env: {},
      stdoutIsTTY: false,
      stdinIsTTY: false,
      setExitCode: (code) => {
        run.code = code;
      },
      maxBytes: parseMaxMb,
    },
  };
  return run;
}
