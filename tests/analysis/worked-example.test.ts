/**
 * The worked example of menu-format.md, every number: welcome 11 words =
 * 4.4 s; `3` 0.5 s → 4.9 s + 45 s hold = 49.9 s; `0` 4.9 s + 300 s =
 * 304.9 s; "agent" 0.4 + 1.0 s → 5.8 s, 305.8 s; silence 4.4 + 3 × 11.8 s =
 * 39.8 s, 339.8 s; at 22:00 only `3` reaches a human.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph, escapeReport, fastestRoute, routeJson, routes, type Route } from '../../src/analysis/index.js';
import { at, menuFile, workedExamplePath } from './helpers.js';

const menu = menuFile(workedExamplePath);
const tuesday = at('tue 10:00');

function reachable(result: ReturnType<typeof fastestRoute>): Route {
  if (!result.reachable) throw new Error(`unreachable: ${result.reason}`);
  return result;
}

describe('worked example of menu-format.md', () => {
  it('finds `3` (Lost card): 4.9 s menu, 45 s hold, 49.9 s total, printed in the exact JSON shape', () => {
    const route = fastestRoute(menu, { situation: tuesday });
    expect(routeJson(route, menu, tuesday)).toStrictEqual({
      menu: 'example-card-line',
      reachable: true,
      objective: 'total',
      menuSeconds: 4.9,
      holdSeconds: 45,
      totalSeconds: 49.9,
      actions: 1,
      outcome: 'lostCardQueue',
      steps: [
        { node: 'welcome', do: 'listen', seconds: 4.4 },
        { node: 'main', do: 'press', key: '3', seconds: 0.5 },
        { node: 'lostCardQueue', do: 'hold', seconds: 45 },
      ],
      dial: '+18005550100,,,3',
      strategies: ['advertised', 'department-choice'],
      script: 'wait,3',
      situation: { moment: 'tue 10:00', caller: [], facts: [] },
    });
  });

  it('keeps the times exact in microseconds', () => {
    const route = reachable(fastestRoute(menu, { situation: tuesday }));
    expect([route.menuMicros, route.holdMicros]).toEqual([4_900_000, 45_000_000]);
  });

  it('lists `0` (hidden) at 304.9 s, "agent" (hidden + speech) at 305.8 s, invalid entries at 305.9 s and silence at 339.8 s as alternatives', () => {
    // "agent" is listed although `0` reaches the same queue with fewer tricks: each strategy set is its own class.
    // Routes that only pad another with wasted failures (press 4, then 3) are not.
    const [first, ...others] = routes(menu, { situation: tuesday, count: 10 }).map(reachable);
    expect(first?.outcome).toBe('lostCardQueue');
    const summary = others.map((route) => [route.script, route.strategies, (route.menuMicros + route.holdMicros) / 1e6]);
    expect(summary).toEqual([
      ['wait,0', ['hidden-key'], 304.9],
      ['wait,say:agent', ['hidden-key', 'speech'], 305.8],
      ['wait,1,*,*', ['invalid-entries'], 305.9],
      ['wait,wait,wait,wait', ['silence'], 339.8],
    ]);
  });

  it('says "agent" in 5.8 s (305.8 s total) when neither `3` nor `0` exists', () => {
    const main = menu.nodes.main;
    if (main?.type !== 'menu') throw new Error('main is a menu');
    const withoutKeys = { ...menu, nodes: { ...menu.nodes, main: { ...main, options: main.options.filter((o) => o.key !== '3' && o.key !== '0') } } };
    const route = reachable(fastestRoute(withoutKeys, { situation: tuesday }));
    expect(route.script).toBe('wait,say:agent');
    expect([route.menuMicros / 1e6, (route.menuMicros + route.holdMicros) / 1e6]).toEqual([5.8, 305.8]);
    expect(route.strategies).toEqual(['hidden-key', 'speech']);
    expect(routeJson(route, withoutKeys, tuesday)).toMatchObject({ dial: '+18005550100', dialComplete: false });
  });

  it('--objective keys: staying silent needs no action: 39.8 s menu, 339.8 s total', () => {
    const route = reachable(fastestRoute(menu, { situation: tuesday, objective: 'keys' }));
    expect(route.actions).toBe(0);
    expect(route.strategies).toEqual(['silence']);
    expect([route.menuMicros / 1e6, (route.menuMicros + route.holdMicros) / 1e6]).toEqual([39.8, 339.8]);
    expect(route.steps.filter((step) => step.do === 'wait').map((step) => step.micros)).toEqual([11_800_000, 11_800_000, 11_800_000]);
  });

  it('--objective menu: `3` and `0` tie on 4.9 s and one action; `3` wins as the advertised one', () => {
    const route = reachable(fastestRoute(menu, { situation: tuesday, objective: 'menu' }));
    expect(route.outcome).toBe('lostCardQueue');
    expect(route.script).toBe('wait,3');
  });

  it('at 22:00 the `0`, "agent" and silent routes end at `closed`; `3` still reaches a human', () => {
    const night = at('tue 22:00');
    const graph = buildGraph(menu, night);
    const mainConfig = graph.configNode.indexOf(graph.nodeIds.indexOf('main'));
    const ends = new Map<string, string>();
    for (let edge = graph.edgeStart[mainConfig] as number; edge < (graph.edgeStart[mainConfig + 1] as number); edge++) {
      const move = graph.movesOf(graph.nodeIds.indexOf('main'))[graph.edgeMove[edge] as number];
      const target = graph.nodeIds[graph.configNode[graph.edgeTarget[edge] as number] as number] as string;
      if (move?.do === 'press') ends.set(move.key, target);
      if (move?.do === 'say') ends.set(move.phrase, target);
    }
    expect(ends.get('0')).toBe('closed');
    expect(ends.get('agent')).toBe('closed');
    const all = routes(menu, { situation: night, count: 10 }).map(reachable);
    expect(all.map((route) => route.outcome)).toEqual(['lostCardQueue']);
    expect(all[0]?.script).toBe('wait,3');
    // No generic route reaches a person at night, so there is no obvious agent to differ from.
    expect(all[0]?.strategies).toEqual(['advertised']);
  });

  it('--advertised-only finds the same route here: the hidden-shortcut gain is 0 s', () => {
    const report = escapeReport(menu, { situation: tuesday, advertisedOnly: true });
    expect(reachable(report.route).script).toBe('wait,3');
    expect(report.hiddenShortcutGainMicros).toBe(0);
  });
});
