/**
 * Every point of the breakdown cites what earned it (a node, a route, a
 * configuration), on small menus worked out by hand; and the weights file's
 * parameters are data, validated.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditMenu } from '../../src/analysis/audit.js';
import { componentMeasures } from '../../src/analysis/measures.js';
import { computeMetrics } from '../../src/analysis/metrics.js';
import { parseWeights } from '../../src/analysis/score.js';
import { menuFile, menuOf } from './helpers.js';

const weightsData = JSON.parse(readFileSync(new URL('../../rules/friction-weights.json', import.meta.url), 'utf8'));
const weights = parseWeights(weightsData);
const componentOf = (report: ReturnType<typeof auditMenu>, id: string) => report.components.find((c) => c.id === id);

describe('evidence for every point', () => {
  it('D4 names both queues and cites the route to each', () => {
    // Barge-in: each key costs 0.5 s. Sales 0.5 + 30 = 30.5 s; service 0.5 + 300 = 300.5 s; ratio 9.85 > 3: 3 points.
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for sales. Press 2 for service.', options: [{ key: '1', next: 'sales' }, { key: '2', next: 'service' }] },
      sales: { type: 'agent', kind: 'sales', wait: { medianSeconds: 30 } },
      service: { type: 'agent', kind: 'service', wait: { medianSeconds: 300 } },
    });
    const d4 = componentOf(auditMenu(menu, { weights }), 'D4');
    expect(d4?.points).toBe(3);
    expect(d4?.evidence.text).toBe('Service queue service 300.5 s vs sales queue sales 30.5 s (fastest route to each): ratio 9.85.');
    expect(d4?.evidence.nodes).toEqual(['service', 'sales']);
    expect(d4?.evidence.routes).toEqual([['main: press 2', 'service: hold (median 300 s)'], ['main: press 1', 'sales: hold (median 30 s)']]);
  });

  it('a menu reachable only through a hidden 0 cites that route for A1, A4, B1, D3 and F3', () => {
    const menu = menuOf({
      main: { type: 'menu', prompt: 'Press 1 for opening times.', options: [{ key: '1', next: 'times' }, { key: '0', next: 'person', advertised: false }], invalid: { retries: 2, then: 'times' }, noInput: { retries: 2, then: 'times' } },
      times: { type: 'hangup', prompt: 'We open at nine.' },
      person: { type: 'agent', wait: { medianSeconds: 60 } },
    });
    const report = auditMenu(menu, { weights });
    const shortcut = ['main: press 0 (unannounced)', 'person: hold (median 60 s)'];
    expect(report.hardFails).toContain('F3');
    expect(report.flags.find((f) => f.id === 'F3')?.evidence.route).toEqual(shortcut);
    for (const [id, points] of [['A1', 15], ['A4', 5], ['B1', 12]] as const) {
      expect(componentOf(report, id)).toMatchObject({ points, evidence: { route: shortcut } });
    }
    // D3 reads the shallowest route (it ends at the person, before the hold).
    expect(componentOf(report, 'D3')).toMatchObject({ points: 3, evidence: { route: ['main: press 0 (unannounced)', 'person: hold'] } });
  });

  it('D1 with no person reached says so, with no blank queue name', () => {
    const menu = menuOf({ main: { type: 'say', prompt: 'We are closed.', next: 'bye' }, bye: { type: 'hangup' } });
    const d1 = componentOf(auditMenu(menu, { weights }), 'D1');
    expect(d1?.points).toBeNull();
    expect(d1?.evidence.text).toBe('No person is reached: no queue to judge.');
  });
});

describe('D1 update interval as data (friction-weights.json maxUpdateSeconds)', () => {
  const toy = menuFile(new URL('../fixtures/audit/toy.json', import.meta.url).pathname);
  const withD1 = (change: Record<string, unknown>) => ({
    ...weightsData,
    components: weightsData.components.map((c: { id: string }) => (c.id === 'D1' ? { ...c, ...change } : c)),
  });

  it('the toy queue updates every 90 s: one of two at 60 s (1.5 points), both at 90 s (0 points)', () => {
    const m = computeMetrics(toy, weights);
    expect(componentMeasures(m, weights).D1).toMatchObject({ kind: 'level', level: 'one' });
    expect(componentMeasures(m, parseWeights(withD1({ maxUpdateSeconds: 90 }))).D1).toMatchObject({ kind: 'level', level: 'both' });
  });

  it('a weights file without D1.maxUpdateSeconds, or with a negative one, is refused with its path', () => {
    expect(() => parseWeights(withD1({ maxUpdateSeconds: undefined }))).toThrow(/component D1 needs maxUpdateSeconds/);
    expect(() => parseWeights(withD1({ maxUpdateSeconds: -5 }))).toThrow(/maxUpdateSeconds/);
  });
});
