/**
 * Every bundled menu (menus/*.json): the main route's menu time and total
 * checked against the figures worked out by hand in menus/README.md, every
 * route replayed through the machine, and the route with its alternatives
 * kept as a reviewed snapshot (reviewed against the README's alternatives).
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { escapeReport, routeJson, type Route } from '../../src/analysis/index.js';
import { replayRoute } from '../../src/analysis/replay.js';
import { at, menuFile } from './helpers.js';

const menusDir = fileURLToPath(new URL('../../menus/', import.meta.url));

interface Scenario {
  file: string;
  at: string;
  caller?: string[];
  fact?: string[];
  /** hand figures of menus/README.md in µs: menu time and total; null when no route reaches a person */
  expected: { menu: number; total: number } | null;
}

const s = (seconds: number) => Math.round(seconds * 1e6);
const scenarios: Scenario[] = [
  { file: 'demo-bank.json', at: 'tue 10:00', expected: { menu: s(6.1), total: s(41.1) } },
  { file: 'demo-bank.json', at: 'sat 15:00', expected: { menu: s(6.1), total: s(186.1) } },
  { file: 'card-cobalt.json', at: 'tue 10:00', expected: { menu: s(14.2), total: s(74.2) } },
  { file: 'card-cobalt.json', at: 'tue 02:00', expected: { menu: s(14.2), total: s(74.2) } },
  { file: 'telecom-tidewater-cable.json', at: 'tue 10:00', expected: { menu: s(32.1), total: s(52.1) } },
  { file: 'telecom-tidewater-cable.json', at: 'tue 10:00', fact: ['areaOutage'], expected: { menu: s(49.3), total: s(69.3) } },
  { file: 'utility-prairie-electric.json', at: 'tue 10:00', expected: { menu: s(8.5), total: s(188.5) } },
  { file: 'utility-prairie-electric.json', at: 'tue 22:00', expected: { menu: s(9), total: s(249) } },
  { file: 'utility-prairie-electric.json', at: '2026-11-26T10:00:00-06:00', expected: { menu: s(9), total: s(249) } },
  { file: 'airline-skylark.json', at: 'tue 10:00', expected: { menu: s(4.2), total: s(124.2) } },
  { file: 'airline-skylark.json', at: 'tue 10:00', fact: ['irregularOps'], expected: { menu: s(21), total: s(141) } },
  { file: 'government-benefits.json', at: 'tue 10:00', expected: { menu: s(25.4), total: s(2725.4) } },
  { file: 'government-benefits.json', at: 'tue 10:00', fact: ['queueFull'], expected: null },
  { file: 'insurance-es-alameda.json', at: 'tue 10:00', expected: { menu: s(8.1), total: s(68.1) } },
  { file: 'insurance-es-alameda.json', at: 'tue 22:00', expected: { menu: s(5.7), total: s(95.7) } },
  { file: 'ecommerce-jingxuan.json', at: 'tue 10:00', expected: { menu: s(10.75), total: s(160.75) } },
  { file: 'delivery-kuaidian.json', at: 'tue 10:00', expected: { menu: s(7.5), total: s(37.5) } },
  { file: 'bank-huaxin.json', at: 'tue 10:00', expected: { menu: s(22.25), total: s(62.25) } },
  { file: 'bank-huaxin.json', at: 'tue 10:00', caller: ['elderly'], expected: { menu: s(12.25), total: s(27.25) } },
  { file: 'telecom-xinghe.json', at: 'tue 10:00', expected: { menu: s(27.25), total: s(42.25) } },
  { file: 'telecom-xinghe.json', at: 'tue 10:00', caller: ['elderly'], expected: { menu: s(2.5), total: s(12.5) } },
  { file: 'health-renhe.json', at: 'tue 10:00', expected: { menu: s(11.4), total: s(211.4) } },
  { file: 'health-renhe.json', at: 'tue 19:00', expected: null },
  { file: 'health-renhe.json', at: 'tue 10:00', fact: ['holiday'], expected: null },
  { file: 'health-renhe.json', at: '2027-02-09T10:00:00+08:00', expected: null },
  { file: 'card-jinqiao.json', at: 'tue 10:00', expected: { menu: s(23), total: s(143) } },
];

const title = (scenario: Scenario) =>
  [scenario.file, scenario.at, ...(scenario.caller ?? []).map((c) => `caller ${c}`), ...(scenario.fact ?? []).map((f) => `fact ${f}`)].join(' · ');

describe('bundled menus: routes checked by hand (menus/README.md)', () => {
  it('has a scenario for every bundled menu', () => {
    const files = readdirSync(menusDir).filter((name) => name.endsWith('.json')).sort();
    expect([...new Set(scenarios.map((scenario) => scenario.file))].sort()).toEqual(files);
  });

  it.each(scenarios.map((scenario) => [title(scenario), scenario] as const))('%s', (_, scenario) => {
    const menu = menuFile(`${menusDir}${scenario.file}`);
    const situation = at(scenario.at, scenario.caller, scenario.fact);
    const report = escapeReport(menu, { situation, alternatives: 5 });
    const all = [report.route, ...(report.alternatives ?? [])];
    if (scenario.expected === null) {
      expect(report.route.reachable).toBe(false);
    } else {
      const route = report.route as Route;
      expect([route.menuMicros, route.menuMicros + route.holdMicros]).toEqual([scenario.expected.menu, scenario.expected.total]);
    }
    for (const route of all) {
      if (!route.reachable) continue;
      const check = replayRoute(menu, situation, route);
      expect(check.ok, `${route.script}: ${JSON.stringify(check.actual)}`).toBe(true);
    }
    expect(all.map((route) => routeJson(route, menu, situation))).toMatchSnapshot();
  });
});
