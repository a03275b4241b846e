/**
 * Comparing menus side by side: one row per menu file (or per broken file,
 * with its problem), ranked from least to most friction: by grade (hard
 * fails sink to F), then score, then id. Broken files come last.
 */
import type { AuditReport } from './audit.js';
import { oneDecimal } from './evidence.js';
import type { RuleOutcome } from './rules.js';

export interface CompareRow {
  file: string;
  menu: string | null;
  name: string | null;
  score: number | null;
  grade: string | null;
  coverage: number | null;
  hardFails: string[];
  /** fastest route to a person, menu time plus median hold */
  fastestSeconds: number | null;
  /** announced-only route, menu time plus median hold */
  announcedSeconds: number | null;
  /** share of the week's 168 hours with a person reachable, 0..1 */
  hoursCoverage: number | null;
  /** `profile/id` → result */
  rules: Record<string, RuleOutcome>;
  /** the problem that stopped this file, one line */
  error: string | null;
}

export function rowOf(file: string, report: AuditReport): CompareRow {
  return {
    file,
    menu: report.menu,
    name: report.name,
    score: report.score,
    grade: report.grade,
    coverage: report.coverage,
    hardFails: report.hardFails,
    fastestSeconds: report.metrics.fastestRoute === null ? null : oneDecimal(report.metrics.fastestRoute.totalSeconds),
    announcedSeconds: report.metrics.announcedRoute === null ? null : oneDecimal(report.metrics.announcedRoute.totalSeconds),
    hoursCoverage: report.metrics.hoursCoverage.share,
    rules: Object.fromEntries(report.rules.map((rule) => [`${rule.profile}/${rule.id}`, rule.result])),
    error: null,
  };
}

export function brokenRow(file: string, error: string): CompareRow {
  return {
    file, menu: null, name: null, score: null, grade: null, coverage: null, hardFails: [],
    fastestSeconds: null, announcedSeconds: null, hoursCoverage: null, rules: {}, error,
  };
}

/** Ranks rows: grade (by `gradeOrder`), score, menu id; broken rows last, by file. */
export function sortRows(rows: readonly CompareRow[], gradeOrder: readonly string[]): CompareRow[] {
  const rank = (row: CompareRow) => (row.grade === null ? Infinity : gradeOrder.indexOf(row.grade));
  return [...rows].sort((a, b) =>
    rank(a) - rank(b)
    || (a.score ?? Infinity) - (b.score ?? Infinity)
    || (a.menu ?? a.file).localeCompare(b.menu ?? b.file)
    || a.file.localeCompare(b.file));
}

/** Every rule key present in any row, in first-seen order (the columns of a comparison). */
export function ruleColumns(rows: readonly CompareRow[]): string[] {
  const columns = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.rules)) columns.add(key);
  return [...columns];
}

/** Pass / fail / not-assessable counts of a row. */
export function ruleTally(row: CompareRow): Record<RuleOutcome, number> {
  const tally: Record<RuleOutcome, number> = { pass: 0, fail: 0, 'not-assessable': 0 };
  for (const result of Object.values(row.rules)) tally[result]++;
  return tally;
}

export function failedRules(row: CompareRow): string[] {
  return Object.entries(row.rules).filter(([, result]) => result === 'fail').map(([key]) => key);
}
