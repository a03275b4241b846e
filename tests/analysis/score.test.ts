import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { frictionScore, gradeOf, gradeRank, parseWeights, type ComponentMeasure } from '../../src/analysis/score.js';

const weights = parseWeights(JSON.parse(readFileSync(new URL('../../rules/friction-weights.json', import.meta.url), 'utf8')));
const note = { text: 'test' };

describe('Menu Friction Index', () => {
  it('reproduces the worked toy example of the research (§4.8): 58.1, grade D, coverage 97 %', () => {
    // By hand (research §4.8): A = 10 + 6.7 + 5 + 3 = 24.7; B = 6 + 15 = 21; C = 0 + 0 + 1.7 = 1.7;
    // D = 1.5 + 3 + 3 + 1.5 = 9 of 12 (D4 not assessed). 56.3 exact (56.4 with rounded parts) of 97 → 58.1.
    const measures: Record<string, ComponentMeasure> = {
      A1: { kind: 'value', value: 3, evidence: note },
      A2: { kind: 'share', share: 1 / 3, evidence: note },
      A3: { kind: 'level', level: 'mandatory', evidence: note },
      A4: { kind: 'value', value: 4, evidence: note },
      B1: { kind: 'value', value: 90, evidence: note },
      B2: { kind: 'value', value: 360, evidence: note },
      C1: { kind: 'level', level: 'none', evidence: note },
      C2: { kind: 'value', value: 2, evidence: note },
      C3: { kind: 'share', share: 2 / 3, evidence: note },
      D1: { kind: 'level', level: 'one', evidence: note },
      D2: { kind: 'level', level: 'none', evidence: note },
      D3: { kind: 'level', level: 'none', evidence: note },
      D4: { kind: 'notAssessable', evidence: note },
      D5: { kind: 'value', value: 1, evidence: note },
    };
    const result = frictionScore(measures, [], weights);
    const points = Object.fromEntries(result.components.map((c) => [c.id, c.points]));
    expect(points.A1).toBe(10);
    expect(points.A2).toBeCloseTo(6.67, 2);
    expect(points.B1).toBe(6);
    expect(points.B2).toBe(15);
    expect(points.C3).toBeCloseTo(1.67, 2);
    expect(points.D4).toBeNull();
    expect(result.assessableMax).toBe(97);
    expect(result.coverage).toBe(97);
    expect(Math.round(result.score * 10) / 10).toBe(58.1);
    expect(result.grade).toBe('D');
  });

  it('a hard fail forces F whatever the points', () => {
    const result = frictionScore({ A1: { kind: 'value', value: 0, evidence: note } }, [{ id: 'F2', name: 'disconnects', evidence: note }], weights);
    expect(result.score).toBe(0);
    expect(result.grade).toBe('F');
  });

  it('grades follow the bands A < 15 ≤ B < 30 ≤ C < 50 ≤ D < 70 ≤ F', () => {
    expect([0, 14.9, 15, 29.9, 30, 49.9, 50, 69.9, 70, 100].map((s) => gradeOf(s, [], weights))).toEqual(['A', 'A', 'B', 'B', 'C', 'C', 'D', 'D', 'F', 'F']);
    expect(gradeRank('c', weights)).toBe(2);
  });

  it('re-normalises over assessed components only', () => {
    // Only B2 assessed (18 points max), at 600 s → 15 points: 100 × 15 / 18 = 83.3, coverage 18 %.
    const result = frictionScore({ B2: { kind: 'value', value: 600, evidence: note } }, [], weights);
    expect(result.coverage).toBe(18);
    expect(result.score).toBeCloseTo(83.33, 2);
  });
});
