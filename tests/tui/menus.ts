/** The bundled menus and moments the call-screen tests use. */
import { readFileSync } from 'node:fs';
import { loadMenu, parseMoment, situation, type Menu, type Situation } from '../../src/model/index.js';

/** A bundled menu file, loaded; a menu that does not load fails the test at once. */
export function menuFile(path: string): Menu {
  const result = loadMenu(readFileSync(path, 'utf8'));
  if (!result.ok) throw new Error(`${path} does not load`);
  return result.value;
}

/** The situation at a moment such as "tue 10:00". */
export const at = (text: string): Situation => situation(parseMoment(text) as NonNullable<ReturnType<typeof parseMoment>>);
