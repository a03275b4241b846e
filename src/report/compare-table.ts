/** Comparison rows as a terminal table: rank, grade, score, times, hours, failed rules; broken files with their problem. */
import { failedRules, type CompareRow } from '../analysis/compare.js';

export function secondsCell(value: number | null): string {
  return value === null ? 'none' : `${value.toFixed(1)} s`;
}

export function hoursCell(value: number | null): string {
  return value === null ? '' : `${Math.round(value * 100)} %`;
}

export function compareCells(row: CompareRow, index: number): string[] {
  if (row.error !== null) return ['-', row.file, 'ERROR', '', '', '', '', row.error];
  const fails = row.hardFails.length > 0 ? ` (${row.hardFails.join(',')})` : '';
  return [
    String(index + 1), row.menu ?? row.file, `${row.grade}${fails}`, (row.score ?? 0).toFixed(1),
    secondsCell(row.fastestSeconds), secondsCell(row.announcedSeconds), hoursCell(row.hoursCoverage), failedRules(row).map((key) => key.split('/')[1]).join(' ') || '-',
  ];
}

export const COMPARE_HEADER = ['#', 'menu', 'grade', 'MFI', 'fastest', 'announced', 'hours', 'failed rules'];

export function compareTable(rows: readonly CompareRow[]): string {
  const table = [COMPARE_HEADER, ...rows.map(compareCells)];
  const widths = COMPARE_HEADER.map((_, column) => Math.max(...table.map((cells) => (cells[column] ?? '').length)));
  const right = new Set([0, 3, 4, 5, 6]);
  return table
    .map((cells) => cells.map((cell, column) => {
      const width = column === cells.length - 1 ? 0 : (widths[column] ?? 0);
      return right.has(column) ? cell.padStart(width) : cell.padEnd(width);
    }).join('  ').trimEnd())
    .join('\n');
}
