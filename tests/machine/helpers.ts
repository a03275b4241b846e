/** Small menus for machine tests, written inline so each test shows the rule it exercises. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadMenu, loadMenuValue, parseMoment, situation, type Menu, type Situation } from '../../src/model/index.js';

export function menuOf(nodes: Record<string, unknown>, extra: Record<string, unknown> = {}): Menu {
  const result = loadMenuValue({ format: 'ivr-menu/1', id: 'test-menu', name: 'Test menu', start: Object.keys(nodes)[0], nodes, ...extra });
  if (!result.ok) throw new Error(`test menu refused: ${result.issues.map((i) => i.message.en).join('; ')}`);
  return result.value;
}

export function menuFile(path: string): Menu {
  const result = loadMenu(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path} refused: ${result.issues.map((i) => i.message.en).join('; ')}`);
  return result.value;
}

export const workedExamplePath = fileURLToPath(new URL('../fixtures/menus/worked-example.json', import.meta.url));
export const workedExample = (): Menu => menuFile(workedExamplePath);

export function at(text: string, caller: string[] = [], facts: string[] = []): Situation {
  const moment = parseMoment(text);
  if (moment === undefined) throw new Error(`bad moment ${text}`);
  return situation(moment, caller, facts);
}

/** A prompt of exactly n seconds, so expected times are easy to add up by hand. */
export const secs = (seconds: number, text = 'prompt') => ({ text, seconds });
