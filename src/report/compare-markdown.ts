/** Comparison rows as a Markdown table. */
import type { CompareRow } from '../analysis/compare.js';
import { COMPARE_HEADER, compareCells } from './compare-table.js';
import { cell } from './markdown.js';

export function compareMarkdown(rows: readonly CompareRow[]): string {
  const right = new Set([0, 3, 4, 5, 6]);
  const lines = [
    '# Menu comparison',
    '',
    'Ranked from least to most friction (Menu Friction Index, 0-100, higher is worse; any hard fail forces F).',
    '',
    `| ${COMPARE_HEADER.join(' | ')} |`,
    `|${COMPARE_HEADER.map((_, i) => (right.has(i) ? '---:' : '---')).join('|')}|`,
    ...rows.map((row, index) => `| ${compareCells(row, index).map(cell).join(' | ')} |`),
    '',
  ];
  return lines.join('\n');
}
