/** Comparison rows as CSV (RFC 4180 quoting), one column per rule. */
import { ruleColumns, type CompareRow } from '../analysis/compare.js';

function field(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  // A leading = + - @ would be run as a formula by spreadsheets.
  const safe = /^[=+\-@]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function compareCsv(rows: readonly CompareRow[]): string {
  const rules = ruleColumns(rows);
  const header = ['rank', 'file', 'menu', 'name', 'score', 'grade', 'coverage', 'hard_fails', 'fastest_seconds', 'announced_seconds', 'hours_coverage', ...rules, 'error'];
  const lines = [header.map(field).join(',')];
  rows.forEach((row, index) => {
    lines.push([
      row.error === null ? index + 1 : null, row.file, row.menu, row.name, row.score, row.grade, row.coverage, row.hardFails.join(' '),
      row.fastestSeconds, row.announcedSeconds, row.hoursCoverage === null ? null : Math.round(row.hoursCoverage * 1000) / 1000,
      ...rules.map((rule) => row.rules[rule] ?? null), row.error,
    ].map(field).join(','));
  });
  return `${lines.join('\r\n')}\r\n`;
}
