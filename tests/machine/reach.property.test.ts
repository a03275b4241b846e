/**
 * Every node a caller could reach is entered by some event sequence through
 * the real machine: for every menu of menus/*.json (and the worked example),
 * at a random hour of the week with random caller flags and facts; then
 * exhaustively, over every hour and every combination of flags and facts,
 * the nodes entered are exactly the ones the checker calls reachable.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reachableNodes, situation, weekHours, type Condition, type Menu } from '../../src/model/index.js';
import { enteredNodes, expectedNodes } from './explore.js';
import { menuFile, workedExamplePath } from './helpers.js';

const SEED = 20261124;
const menusDir = fileURLToPath(new URL('../../menus/', import.meta.url));
const files = [workedExamplePath, ...readdirSync(menusDir).filter((name) => name.endsWith('.json')).sort().map((name) => join(menusDir, name))];
const menus = files.map((file) => ({ file, menu: menuFile(file) }));

function namesIn(condition: Condition, kind: 'caller' | 'fact', found: Set<string>): void {
  if ('caller' in condition && kind === 'caller') found.add(condition.caller);
  else if ('fact' in condition && kind === 'fact') found.add(condition.fact);
  else if ('not' in condition) namesIn(condition.not, kind, found);
  else if ('all' in condition) condition.all.forEach((c) => namesIn(c, kind, found));
  else if ('any' in condition) condition.any.forEach((c) => namesIn(c, kind, found));
}

function conditionNames(menu: Menu, kind: 'caller' | 'fact'): string[] {
  const found = new Set<string>();
  for (const node of Object.values(menu.nodes)) if (node.type === 'branch') node.cases.forEach((c) => namesIn(c.when, kind, found));
  return [...found].sort();
}

const scenario = fc.constantFrom(...menus).chain(({ file, menu }) => fc.record({
  file: fc.constant(file),
  menu: fc.constant(menu),
  moment: fc.constantFrom(...weekHours()),
  caller: fc.subarray(conditionNames(menu, 'caller')),
  facts: fc.subarray(conditionNames(menu, 'fact')),
}));

describe(`reachability through the machine (fast-check seed ${SEED}, ${menus.length} menus)`, () => {
  it('every node reachable under the situation is entered by some event sequence', () => {
    fc.assert(
      fc.property(scenario, ({ menu, moment, caller, facts }) => {
        const at = situation(moment, caller, facts);
        const reachable = reachableNodes(menu);
        const expected = [...expectedNodes(menu, at)].filter((id) => reachable.has(id));
        const entered = enteredNodes(menu, at, new Set(expected));
        expect(expected.filter((id) => !entered.has(id))).toEqual([]);
        expect([...entered].filter((id) => !reachable.has(id))).toEqual([]);
      }),
      { seed: SEED, numRuns: Math.max(30, 3 * menus.length) },
    );
  });
});

/** Every subset of a list (the flags and facts a menu names are few). */
function subsets<T>(items: readonly T[]): T[][] {
  return items.reduce<T[][]>((all, item) => all.concat(all.map((subset) => [...subset, item])), [[]]);
}

describe('reachability over every situation (exhaustive, bundled menus)', () => {
  // The checker's reachability ignores conditions; over every hour of the week and every
  // combination of the caller flags and facts a menu names, the machine must enter exactly
  // those nodes: none the checker calls reachable is missed, none it calls unreachable is entered.
  it.each(menus.map(({ file, menu }) => [file.split('/').pop() as string, menu] as const))('%s', (_name, menu) => {
    const reachable = reachableNodes(menu);
    const entered = new Set<string>();
    for (const caller of subsets(conditionNames(menu, 'caller'))) {
      for (const facts of subsets(conditionNames(menu, 'fact'))) {
        for (const moment of weekHours()) {
          const at = situation(moment, caller, facts);
          const wanted = new Set([...expectedNodes(menu, at)].filter((id) => reachable.has(id) && !entered.has(id)));
          if (wanted.size === 0) continue;
          for (const id of enteredNodes(menu, at, wanted)) entered.add(id);
        }
      }
    }
    expect([...reachable].filter((id) => !entered.has(id)).sort()).toEqual([]);
    expect([...entered].filter((id) => !reachable.has(id)).sort()).toEqual([]);
  });
});
