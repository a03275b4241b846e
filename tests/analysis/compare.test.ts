import { describe, expect, it } from 'vitest';
import { brokenRow, failedRules, ruleColumns, ruleTally, sortRows, type CompareRow } from '../../src/analysis/compare.js';

function row(menu: string, grade: string, score: number, rules: CompareRow['rules'] = {}): CompareRow {
  return { ...brokenRow(`${menu}.json`, ''), menu, name: menu, grade, score, error: null, rules };
}

describe('comparison rows', () => {
  it('sort by grade first (a hard-failed F with a low score ranks below a D), then score, then id; broken last', () => {
    const rows = [row('f-low', 'F', 10), brokenRow('bad.json', 'oops'), row('d', 'D', 60), row('b2', 'B', 20), row('b1', 'B', 20), row('a', 'A', 5)];
    expect(sortRows(rows, ['A', 'B', 'C', 'D', 'F']).map((r) => r.menu ?? r.file)).toEqual(['a', 'b1', 'b2', 'd', 'f-low', 'bad.json']);
  });

  it('rule columns, tallies and failed rules', () => {
    const a = row('a', 'A', 1, { 'p/x': 'pass', 'p/y': 'fail' });
    const b = row('b', 'B', 2, { 'p/z': 'not-assessable', 'p/x': 'fail' });
    expect(ruleColumns([a, b])).toEqual(['p/x', 'p/y', 'p/z']);
    expect(ruleTally(b)).toEqual({ pass: 0, fail: 1, 'not-assessable': 1 });
    expect(failedRules(a)).toEqual(['p/y']);
  });
});
