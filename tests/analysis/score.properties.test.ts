/** Claims over all menus (fast-check, fixed seed): the score's range, grades, coverage and route order. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditMenu } from '../../src/analysis/audit.js';
import { parseWeights } from '../../src/analysis/score.js';
import { arbitraryMenu } from '../helpers/arbitrary-menu.js';

const SEED = 20261130;
const weights = parseWeights(JSON.parse(readFileSync(new URL('../../rules/friction-weights.json', import.meta.url), 'utf8')));

describe(`audit properties (seed ${SEED})`, () => {
  it('score in 0..100, points within their max, F exactly for hard fails or 70+, fastest never slower than announced', () => {
    fc.assert(
      fc.property(arbitraryMenu(), (menu) => {
        const report = auditMenu(menu, { weights });
        expect(report.score).toBeGreaterThanOrEqual(0);
        expect(report.score).toBeLessThanOrEqual(100);
        expect(report.coverage).toBeGreaterThan(0);
        expect(report.coverage).toBeLessThanOrEqual(100);
        for (const c of report.components) if (c.points !== null) expect(c.points).toBeLessThanOrEqual(c.max);
        expect(report.grade === 'F').toBe(report.hardFails.length > 0 || report.score >= 70);
        const { fastestRoute, announcedRoute, hiddenShortcutGainSeconds, hoursCoverage } = report.metrics;
        if (announcedRoute !== null) {
          expect(fastestRoute).not.toBeNull();
          expect(fastestRoute!.totalSeconds).toBeLessThanOrEqual(announcedRoute.totalSeconds);
          expect(hiddenShortcutGainSeconds).toBeGreaterThanOrEqual(0);
          expect(announcedRoute.usesShortcut).toBe(false);
        }
        expect(report.hardFails.includes('F3')).toBe(fastestRoute !== null && announcedRoute === null);
        expect(report.hardFails.includes('F1')).toBe(hoursCoverage.openHours === 0);
        expect(hoursCoverage.openHours).toBeGreaterThanOrEqual(0);
        expect(hoursCoverage.openHours).toBeLessThanOrEqual(168);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });
});
