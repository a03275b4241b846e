/**
 * The screen's own text layout: word wrap by display width (CJK two
 * columns), and the plain header written before Ink has loaded.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { displayWidth } from '../../src/report/diagram.js';
import { wrapToWidth } from '../../src/tui/format.js';
import { eraseLines, fitColumns, splashLines } from '../../src/tui/splash.js';
import { menuFile } from './menus.js';

const SEED = 20261130;


describe('wrapToWidth', () => {
  it('breaks between words and never starts a row with the space it broke at', () => {
    expect(wrapToWidth('Thank you for calling Northwind Savings Bank.', 39)).toBe('Thank you for calling Northwind Savings\nBank.');
    expect(wrapToWidth('aaa bbb ccc', 3)).toBe('aaa\nbbb\nccc');
  });

  it('cuts CJK text without spaces at 2 columns per character', () => {
    expect(wrapToWidth('请输入您的19位银行卡号。', 10)).toBe('请输入您的\n19位银行卡\n号。');
  });

  it(`keeps every row within the width and every non-space character in order (seed ${SEED})`, () => {
    const word = fc.array(fc.constantFrom('a', 'B', '1', '·', '华', '信', '。'), { minLength: 1, maxLength: 25 }).map((chars) => chars.join(''));
    fc.assert(
      fc.property(fc.array(word, { maxLength: 20 }), fc.integer({ min: 2, max: 50 }), (words, width) => {
        const text = words.join(' ');
        const rows = wrapToWidth(text, width).split('\n');
        expect(rows.every((row) => displayWidth(row) <= width)).toBe(true);
        expect(rows.join('').replaceAll(' ', '')).toBe(text.replaceAll(' ', ''));
      }),
      { seed: SEED },
    );
  });
});

describe('the header written before the screen loads', () => {
  it('is the line name and the number, simulated moment, call clock and speed, as the screen shows them', () => {
    expect(splashLines(menuFile('menus/demo-bank.json'), 'tue 10:00', 4, 80)).toEqual([
      'Northwind Savings Bank customer line (demo)',
      '+18005550101 · tue 10:00 · call 0:00 · ×4',
    ]);
  });

  it('fits a narrow terminal by display width, so each line takes one row', () => {
    const lines = splashLines(menuFile('menus/bank-huaxin.json'), 'tue 10:00', 1, 16);
    expect(lines.every((line) => displayWidth(line) <= 15)).toBe(true);
    expect(lines[0]).toBe('华信银行客户服…');
    expect(fitColumns('short', 10)).toBe('short');
  });

  it('is erased by moving up over its lines and clearing to the end of the screen', () => {
    expect(eraseLines(2)).toBe('\u001B[2A\r\u001B[J');
    expect(eraseLines(0)).toBe('');
  });
});
