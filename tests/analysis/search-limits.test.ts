/**
 * The search's shortcuts against plain references, on random valid menus
 * (seeds in the titles):
 * - `stopAfterBest` (Dijkstra stopped once no better agent can come) finds
 *   the same best agents, with the same keys, as the full search;
 * - `traceRoute`'s single backward pass picks the same edges as the
 *   reference below, which repeats whole passes until nothing changes, on
 *   full and on stopped searches alike; and one hand-made menu where
 *   zero-time moves are settled out of order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EdgeFlag, NOT_ADVERTISED, bestAgents, buildGraph, fastestRoute, shortestDistances, traceRoute, type Distances, type Objective,
} from '../../src/analysis/index.js';
import { loadMenuValue, parseMoment, situation } from '../../src/model/index.js';
import { arbitraryMenu, arbitrarySituation } from '../helpers/arbitrary-menu.js';

const SEED = 5150;
const RUNS = 600;

/** The tightness test written out from the key definitions (search.ts header). */
function tight(distances: Distances, u: number, edge: number): boolean {
  const { graph, k1, k2, k3, objective } = distances;
  const v = graph.edgeTarget[edge] as number;
  const micros = graph.edgeMicros[edge] as number;
  const actions = graph.edgeActions[edge] as number;
  const notAdvertised = (graph.edgeFlags[edge] as number) & NOT_ADVERTISED ? 1 : 0;
  const [w1, w2] = objective === 'keys' ? [actions, micros] : [micros, actions];
  return (k1[u] as number) + w1 === k1[v] && (k2[u] as number) + w2 === k2[v] && (k3[u] as number) + notAdvertised === k3[v];
}

/** The reference: mark configurations on an optimal route by whole passes until stable, then walk the earliest tight edge. */
function referenceTrace(distances: Distances, targets: readonly number[]): number[] {
  const { graph, forbid, order } = distances;
  const onRoute = new Uint8Array(graph.configCount);
  for (const target of targets) onRoute[target] = 1;
  const allowedEdges = (u: number) => {
    const edges: number[] = [];
    for (let edge = graph.edgeStart[u] as number; edge < (graph.edgeStart[u + 1] as number); edge++) {
      if (((graph.edgeFlags[edge] as number) & forbid) === 0) edges.push(edge);
    }
    return edges;
  };
  for (let changed = true; changed;) {
    changed = false;
    for (const u of order) {
      if (onRoute[u]) continue;
      if (allowedEdges(u).some((edge) => onRoute[graph.edgeTarget[edge] as number] && tight(distances, u, edge))) {
        onRoute[u] = 1;
        changed = true;
      }
    }
  }
  const edges: number[] = [];
  for (let u = graph.start; !targets.includes(u);) {
    const edge = allowedEdges(u).find((candidate) => onRoute[graph.edgeTarget[candidate] as number] && tight(distances, u, candidate));
    if (edge === undefined) throw new Error('reference trace: stuck');
    edges.push(edge);
    u = graph.edgeTarget[edge] as number;
  }
  return edges;
}

const objectives = fc.constantFrom<Objective>('total', 'menu', 'keys');
const forbids = fc.constantFrom(0, NOT_ADVERTISED, EdgeFlag.topic);

describe(`search shortcuts (seed ${SEED}, ${RUNS} menus)`, () => {
  it('stopAfterBest finds the best agents of the full search; the one-pass trace equals the repeated passes', () => {
    let traced = 0;
    fc.assert(
      fc.property(arbitraryMenu(), arbitrarySituation(), objectives, forbids, (menu, situation, objective, forbid) => {
        const graph = buildGraph(menu, situation);
        const full = shortestDistances(graph, objective, forbid);
        const stopped = shortestDistances(graph, objective, forbid, { stopAfterBest: true });
        const best = bestAgents(full);
        expect(bestAgents(stopped)).toEqual(best);
        expect(stopped.order.length).toBeLessThanOrEqual(full.order.length);
        if (best.length === 0) return;
        const targets = best.map((agent) => agent.config);
        const expected = referenceTrace(full, targets);
        expect(traceRoute(full, targets)).toEqual(expected);
        expect(traceRoute(stopped, targets)).toEqual(expected);
        traced++;
      }),
      { seed: SEED, numRuns: RUNS },
    );
    expect(traced).toBeGreaterThan(RUNS / 3);
  });
});

describe('zero-time moves settled out of order', () => {
  // X and Y are reached at the same moment; X's silent prompts lead to Y
  // through W, which is settled after Y. A single backward pass would not
  // see that X is on an optimal route, and would skip the earlier option 1.
  const document = {
    format: 'ivr-menu/1', id: 'zero-time', name: 'Zero-time chain', start: 'main',
    nodes: {
      main: { type: 'menu', prompt: 'Press 1 or 2.', options: [{ key: '1', next: 'x' }, { key: '2', next: 'y' }] },
      x: { type: 'say', prompt: { seconds: 0 }, next: 'w' },
      w: { type: 'say', prompt: { seconds: 0 }, next: 'y' },
      y: { type: 'say', prompt: { seconds: 0 }, next: 'desk' },
      desk: { type: 'agent', wait: { medianSeconds: 30 } },
    },
  };

  it('takes option 1, the earlier of two equally fast ways', () => {
    const loaded = loadMenuValue(document);
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const moment = parseMoment('tue 10:00');
    if (moment === undefined) throw new Error('bad moment');
    const route = fastestRoute(loaded.value, { situation: situation(moment) });
    expect(route.reachable && route.steps.filter((step) => step.do === 'press').map((step) => step.key)).toEqual(['1']);
  });
});
