/**
 * Every alternative that `ivr escape --alternatives 5` lists for the
 * bundled-menu scenarios, checked against the figures worked out by hand in
 * menus/README.md: the queue reached, the menu time and the total, in the
 * printed order. The main routes are checked in bundled-menus.test.ts.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { escapeReport, type Route } from '../../src/analysis/index.js';
import { at, menuFile } from './helpers.js';

const menusDir = fileURLToPath(new URL('../../menus/', import.meta.url));

/** One alternative as written in menus/README.md: queue node, menu seconds, total seconds. */
type HandFigure = readonly [outcome: string, menuSeconds: number, totalSeconds: number];

interface Scenario {
  file: string;
  at: string;
  caller?: string[];
  fact?: string[];
  alternatives: HandFigure[];
}

const scenarios: Scenario[] = [
  {
    file: 'demo-bank.json', at: 'tue 10:00',
    alternatives: [['cardQueue', 6.1, 186.1], ['serviceQueue', 10.5, 550.5], ['serviceQueue', 16, 556], ['serviceQueue', 16.9, 556.9]],
  },
  { file: 'demo-bank.json', at: 'sat 15:00', alternatives: [] },
  { file: 'card-cobalt.json', at: 'tue 10:00', alternatives: [['serviceQueue', 16.2, 436.2], ['serviceQueue', 17.6, 437.6]] },
  { file: 'card-cobalt.json', at: 'tue 02:00', alternatives: [] },
  { file: 'telecom-tidewater-cable.json', at: 'tue 10:00', alternatives: [['billingQueue', 37.1, 637.1], ['supportQueue', 39.8, 999.8]] },
  {
    file: 'telecom-tidewater-cable.json', at: 'tue 10:00', fact: ['areaOutage'],
    alternatives: [['billingQueue', 54.3, 654.3], ['supportQueue', 57, 1017]],
  },
  {
    file: 'utility-prairie-electric.json', at: 'tue 10:00',
    alternatives: [['memberQueue', 16.7, 196.7], ['memberQueue', 65.6, 245.6], ['ordersQueue', 8.5, 248.5], ['dispatchQueue', 9, 249]],
  },
  { file: 'utility-prairie-electric.json', at: 'tue 22:00', alternatives: [['dispatchQueue', 10, 250], ['dispatchQueue', 33.7, 273.7]] },
  {
    file: 'utility-prairie-electric.json', at: '2026-11-26T10:00:00-06:00',
    alternatives: [['dispatchQueue', 10, 250], ['dispatchQueue', 33.7, 273.7]],
  },
  {
    file: 'airline-skylark.json', at: 'tue 10:00',
    alternatives: [['salesQueue', 5.6, 125.6], ['reservationsQueue', 12, 1512], ['reservationsQueue', 12.4, 1512.4], ['reservationsQueue', 13.8, 1513.8]],
  },
  {
    file: 'airline-skylark.json', at: 'tue 10:00', fact: ['irregularOps'],
    alternatives: [['salesQueue', 22.4, 142.4], ['reservationsStorm', 29.2, 5429.2], ['reservationsStorm', 29.6, 5429.6], ['reservationsStorm', 31, 5431]],
  },
  { file: 'government-benefits.json', at: 'tue 10:00', alternatives: [] },
  {
    file: 'insurance-es-alameda.json', at: 'tue 10:00',
    alternatives: [['agente', 8.6, 68.6], ['agente', 9, 69], ['agente', 34.9, 94.9], ['asistencia', 5.7, 95.7]],
  },
  {
    file: 'insurance-es-alameda.json', at: 'tue 22:00',
    alternatives: [['asistencia', 6.2, 96.2], ['asistencia', 6.6, 96.6], ['asistencia', 32.5, 122.5]],
  },
  { file: 'ecommerce-jingxuan.json', at: 'tue 10:00', alternatives: [['queue', 13.25, 163.25]] },
  {
    file: 'delivery-kuaidian.json', at: 'tue 10:00',
    alternatives: [['riderQueue', 16.5, 46.5], ['riderQueue', 27, 57], ['customerQueue', 8.75, 248.75], ['customerQueue', 13.25, 253.25]],
  },
  {
    file: 'bank-huaxin.json', at: 'tue 10:00',
    alternatives: [['wealthQueue', 27.75, 67.75], ['lossQueue', 9.75, 99.75], ['wealthQueue', 60.3, 100.3], ['generalQueue', 26.75, 206.75]],
  },
  {
    file: 'bank-huaxin.json', at: 'tue 10:00', caller: ['elderly'],
    alternatives: [['wealthQueue', 22.25, 62.25], ['wealthQueue', 27.75, 67.75], ['lossQueue', 9.75, 99.75], ['wealthQueue', 60.3, 100.3]],
  },
  {
    file: 'telecom-xinghe.json', at: 'tue 10:00',
    alternatives: [['serviceQueue', 31.25, 211.25], ['serviceQueue', 39.45, 219.45], ['serviceQueue', 48.75, 228.75], ['repairQueue', 31.25, 271.25]],
  },
  { file: 'telecom-xinghe.json', at: 'tue 10:00', caller: ['elderly'], alternatives: [] },
  {
    file: 'health-renhe.json', at: 'tue 10:00',
    alternatives: [['nurseDesk', 12.4, 212.4], ['nurseDesk', 19.15, 219.15], ['nurseDesk', 37.2, 237.2]],
  },
  { file: 'card-jinqiao.json', at: 'tue 10:00', alternatives: [['serviceQueue', 49.25, 169.25], ['complaintQueue', 9.25, 309.25]] },
];

const title = (scenario: Scenario) =>
  [scenario.file, scenario.at, ...(scenario.caller ?? []).map((c) => `caller ${c}`), ...(scenario.fact ?? []).map((f) => `fact ${f}`)].join(' · ');

const micros = (seconds: number) => Math.round(seconds * 1e6);

describe('bundled menus: every listed alternative equals its hand figure (menus/README.md)', () => {
  it.each(scenarios.map((scenario) => [title(scenario), scenario] as const))('%s', (_, scenario) => {
    const menu = menuFile(`${menusDir}${scenario.file}`);
    const report = escapeReport(menu, { situation: at(scenario.at, scenario.caller, scenario.fact), alternatives: 5 });
    const listed = (report.alternatives ?? []).map((route) => {
      const reached = route as Route;
      return [reached.outcome, reached.menuMicros, reached.menuMicros + reached.holdMicros];
    });
    expect(listed).toEqual(scenario.alternatives.map(([outcome, menuSeconds, totalSeconds]) => [outcome, micros(menuSeconds), micros(totalSeconds)]));
  });
});
