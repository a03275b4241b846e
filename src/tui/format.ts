/**
 * Words and figures of the call screen: the call clock, rounded estimates
 * ("≈ 12 s", "≈ 5 min") and the prompt's progress bar. Pure text helpers.
 */
import { roundedSeconds, toSeconds, type Menu, type Micros } from '../model/index.js';
import { displayWidth } from '../report/diagram.js';

/** The simulated call clock: `m:ss`, or `h:mm:ss` past an hour. */
export function callClock(micros: Micros): string {
  const total = Math.floor(toSeconds(Math.max(0, micros)));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  if (hours > 0) return `${hours}:${String(minutes).padStart(2, '0')}:${seconds}`;
  return `${minutes}:${seconds}`;
}

/** A countdown: whole seconds rounded up, so it reads 0:35 until 34 s are left. */
export function countdownClock(micros: Micros): string {
  return callClock(Math.ceil(Math.max(0, micros) / 1_000_000) * 1_000_000);
}

/**
 * A duration as people say it: seconds under a minute and a half, minutes
 * under an hour and a half, then hours. Rounded, so shown with "≈".
 */
export function roughly(micros: Micros): string {
  const seconds = toSeconds(Math.max(0, micros));
  if (seconds < 90) return `≈ ${Math.round(seconds)} s`;
  const minutes = seconds / 60;
  if (minutes < 90) return `≈ ${Math.round(minutes)} min`;
  return `≈ ${Math.round((minutes / 60) * 10) / 10} h`;
}

/** "+ ≈ 35 s hold", or "+ hold unknown" where the menu gives no estimate: never "+ ≈ 0 s hold". */
export function holdWords(holdMicros: Micros, known: boolean): string {
  return known ? `+ ${roughly(holdMicros)} hold` : '+ hold unknown';
}

/**
 * An exact duration for the end screen: `4.9 s`, `21.0 s`, `72.3 s`. Always
 * seconds with one decimal from `roundedSeconds`, as `ivr escape` and the
 * transcript print them, so the same route reads the same everywhere and
 * "21.0 s" stands next to "6.1 s", not "21 s".
 */
export function exactly(micros: Micros): string {
  return `${roundedSeconds(Math.max(0, micros)).toFixed(1)} s`;
}

/** A bar of `width` cells, `done` of 0..1 filled: `█████░░░░░`. */
export function progressBar(done: number, width: number): string {
  const cells = Math.max(0, Math.floor(width));
  const filled = Math.round(Math.min(1, Math.max(0, done)) * cells);
  return '█'.repeat(filled) + '░'.repeat(cells - filled);
}

/** How far a phase has run, 0..1; a phase with no end (waiting for the caller) is 0. */
export function phaseProgress(now: Micros, startedAt: Micros, endsAt: Micros | undefined): number {
  if (endsAt === undefined || endsAt <= startedAt) return endsAt === startedAt ? 1 : 0;
  return Math.min(1, Math.max(0, (now - startedAt) / (endsAt - startedAt)));
}

/** The header's second line: the number dialled, the simulated moment (`tue 10:00`, as `ivr escape` heads its report), the call clock, the speed when not real time. */
export function headerLine(menu: Menu, moment: string, clock: string, speed: number): string {
  return headerParts(menu, moment, clock, speed).join('');
}

/**
 * The header's second line in pieces that each take few distinct values:
 * the number, the moment, the clock up to its last colon ("12", "1:02"), the
 * seconds (":34"), after the clock. Ink keeps every distinct string it has
 * measured for the life of the process; drawn as one string, the line was a
 * new string every second, 3,600 an hour (bench/call.mjs). In pieces, at
 * most 60 minutes and 60 seconds' strings are kept, plus 60 per hour. The
 * number and the moment are pieces of their own, so that a narrow terminal
 * wraps between them rather than inside one.
 */
export function headerParts(menu: Menu, moment: string, clock: string, speed: number): [string, string, string, string, string] {
  const colon = clock.lastIndexOf(':');
  return [
    menu.phone !== undefined ? `${menu.phone} · ` : '',
    `${moment} · call `,
    clock.slice(0, colon),
    // The separator ends the seconds' piece: where the speed wraps, its line does not start with a space.
    `${clock.slice(colon)}${speed !== 1 ? ' · ' : ''}`,
    speed !== 1 ? `×${speed}` : '',
  ];
}

/**
 * Word-wraps `text` to `width` display columns (CJK characters count two),
 * breaking inside a word only when the word alone is wider. The screen wraps
 * its own lines because Ink's wrap carries the space after a word that ends
 * exactly at the edge over to the next line (" Bank.").
 */
export function wrapToWidth(text: string, width: number): string {
  const columns = Math.max(1, Math.floor(width));
  return text.split('\n').map((line) => wrapLine(line, columns).join('\n')).join('\n');
}

function wrapLine(line: string, columns: number): string[] {
  const rows: string[] = [];
  let row = '';
  for (const word of line.split(' ').filter((part) => part !== '')) {
    const joined = row === '' ? word : `${row} ${word}`;
    if (displayWidth(joined) <= columns) {
      row = joined;
      continue;
    }
    if (row !== '') rows.push(row);
    row = '';
    for (const piece of hardBreak(word, columns)) {
      if (row !== '') rows.push(row);
      row = piece;
    }
  }
  if (row !== '' || rows.length === 0) rows.push(row);
  return rows;
}

/** A word wider than the row, cut into pieces of at most `columns`. */
function hardBreak(word: string, columns: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  for (const char of word) {
    if (piece !== '' && displayWidth(piece + char) > columns) {
      pieces.push(piece);
      piece = '';
    }
    piece += char;
  }
  pieces.push(piece);
  return pieces;
}
