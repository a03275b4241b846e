/**
 * The call screen's first lines as plain text, for the CLI to write the
 * moment the menu is read, before Ink and React have loaded (about a third
 * of the time to the full screen): the caller sees the line they dialled at
 * once. Ink's first frame then draws over them. Pure: no terminal here.
 */
import type { Menu } from '../model/index.js';
import { displayWidth } from '../report/diagram.js';
import { callClock, headerLine } from './format.js';

/** `text` cut to at most `columns` display columns, an ellipsis marking the cut. */
export function fitColumns(text: string, columns: number): string {
  if (displayWidth(text) <= columns) return text;
  let kept = '';
  for (const char of text) {
    if (displayWidth(`${kept}${char}…`) > columns) break;
    kept += char;
  }
  return `${kept}…`;
}

/** The header of the call screen at 0:00 (`moment` as describeMoment prints it), each line narrower than the terminal. */
export function splashLines(menu: Menu, moment: string, speed: number, columns: number): string[] {
  const width = Math.max(10, columns - 1);
  return [fitColumns(menu.name, width), fitColumns(headerLine(menu, moment, callClock(0), speed), width)];
}

/** Moves the cursor back up over `count` lines written with a newline each, and clears them. */
export function eraseLines(count: number): string {
  return count > 0 ? `\u001B[${count}A\r\u001B[J` : '';
}
