/**
 * Route search over the configuration graph: Dijkstra with lexicographic
 * keys on an indexed binary heap of typed arrays, the choice of the agent
 * under each objective, and the rebuild of one route.
 *
 * Keys per configuration: `total` and `menu` order by (menu µs, caller
 * actions, hidden options used); `keys` by (actions, menu µs, hidden). The
 * agent is then chosen by (menu + agent prompt + hold, actions, hidden) for
 * `total`, (menu + agent prompt, actions, hidden) for `menu`, and (actions,
 * menu + agent prompt + hold, hidden) for `keys`. Times are integers, so
 * ties are exact; the remaining ties go to the earlier option in the file:
 * among equally good routes the rebuild takes, at every step, the first move
 * in `movesAt` order that still lies on an optimal route.
 */
import { EdgeFlag } from './strategies.js';
import { IMPLICIT_HANGUP, type ConfigGraph } from './graph.js';

export const OBJECTIVES = ['total', 'menu', 'keys'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** Optimal keys from the start to every configuration, under one objective and one edge restriction. */
export interface Distances {
  readonly graph: ConfigGraph;
  readonly objective: Objective;
  /** edges whose flags meet this mask are not taken */
  readonly forbid: number;
  /** first, second, third key component per configuration (Infinity: unreached) */
  readonly k1: Float64Array;
  readonly k2: Float64Array;
  readonly k3: Float64Array;
  /** configurations in the order they were settled */
  readonly order: Int32Array;
}

function actionsFirst(objective: Objective): boolean {
  return objective === 'keys';
}

/** An edge's weight as the three key components of an objective. */
function edgeWeights(graph: ConfigGraph, edge: number, objective: Objective): [number, number, number] {
  const micros = graph.edgeMicros[edge] as number;
  const actions = graph.edgeActions[edge] as number;
  const hidden = (graph.edgeFlags[edge] as number) & EdgeFlag.hidden ? 1 : 0;
  return actionsFirst(objective) ? [actions, micros, hidden] : [micros, actions, hidden];
}

/** Dijkstra from the start configuration. */
export function shortestDistances(graph: ConfigGraph, objective: Objective, forbid = 0): Distances {
  const n = graph.configCount;
  const k1 = new Float64Array(n).fill(Infinity);
  const k2 = new Float64Array(n).fill(Infinity);
  const k3 = new Float64Array(n).fill(Infinity);
  const order = new Int32Array(n);
  let settled = 0;
  const heap = new Int32Array(n);
  const position = new Int32Array(n).fill(-1); // -1 never queued, -2 settled
  let size = 0;
  const weightsFirst = actionsFirst(objective);

  const less = (a: number, b: number): boolean => {
    const d1 = (k1[a] as number) - (k1[b] as number);
    if (d1 !== 0) return d1 < 0;
    const d2 = (k2[a] as number) - (k2[b] as number);
    if (d2 !== 0) return d2 < 0;
    const d3 = (k3[a] as number) - (k3[b] as number);
    return d3 !== 0 ? d3 < 0 : a < b;
  };
  const place = (at: number, config: number) => {
    heap[at] = config;
    position[config] = at;
  };
  const siftUp = (at: number) => {
    const config = heap[at] as number;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      if (!less(config, heap[parent] as number)) break;
      place(at, heap[parent] as number);
      at = parent;
    }
    place(at, config);
  };
  const siftDown = (at: number) => {
    const config = heap[at] as number;
    for (;;) {
      let child = 2 * at + 1;
      if (child >= size) break;
      if (child + 1 < size && less(heap[child + 1] as number, heap[child] as number)) child++;
      if (!less(heap[child] as number, config)) break;
      place(at, heap[child] as number);
      at = child;
    }
    place(at, config);
  };

  k1[graph.start] = 0;
  k2[graph.start] = 0;
  k3[graph.start] = 0;
  place(0, graph.start);
  size = 1;
  while (size > 0) {
    const u = heap[0] as number;
    position[u] = -2;
    order[settled++] = u;
    size--;
    if (size > 0) {
      place(0, heap[size] as number);
      siftDown(0);
    }
    const end = graph.edgeStart[u + 1] as number;
    for (let edge = graph.edgeStart[u] as number; edge < end; edge++) {
      if ((graph.edgeFlags[edge] as number) & forbid) continue;
      const v = graph.edgeTarget[edge] as number;
      if (position[v] === -2) continue;
      const micros = graph.edgeMicros[edge] as number;
      const actions = graph.edgeActions[edge] as number;
      const c1 = (k1[u] as number) + (weightsFirst ? actions : micros);
      const c2 = (k2[u] as number) + (weightsFirst ? micros : actions);
      const c3 = (k3[u] as number) + ((graph.edgeFlags[edge] as number) & EdgeFlag.hidden ? 1 : 0);
      const better = c1 < (k1[v] as number) || (c1 === k1[v] && (c2 < (k2[v] as number) || (c2 === k2[v] && c3 < (k3[v] as number))));
      if (!better) continue;
      k1[v] = c1;
      k2[v] = c2;
      k3[v] = c3;
      if (position[v] === -1) {
        place(size, v);
        size++;
      }
      siftUp(position[v] as number);
    }
  }
  return { graph, objective, forbid, k1, k2, k3, order: order.subarray(0, settled) };
}

/** What reaching one agent configuration is worth, in plain figures. */
export interface AgentReach {
  config: number;
  nodeIndex: number;
  /** menu time including the agent's own prompt */
  menuMicros: number;
  holdMicros: number;
  actions: number;
  hidden: number;
}

/** Every agent configuration the search reached. */
export function reachedAgents(distances: Distances): AgentReach[] {
  const { graph } = distances;
  const first = actionsFirst(distances.objective);
  const reached: AgentReach[] = [];
  for (const config of distances.order) {
    const nodeIndex = graph.configNode[config] as number;
    if (nodeIndex === IMPLICIT_HANGUP || graph.nodes[nodeIndex]?.type !== 'agent') continue;
    const menuMicros = (first ? distances.k2[config] : distances.k1[config]) as number;
    reached.push({
      config, nodeIndex,
      menuMicros: menuMicros + (graph.agentPromptMicros[nodeIndex] as number),
      holdMicros: graph.holdMicros[nodeIndex] as number,
      actions: (first ? distances.k1[config] : distances.k2[config]) as number,
      hidden: distances.k3[config] as number,
    });
  }
  return reached;
}

/** The final key of an agent under an objective (smaller is better). */
export function agentKey(reach: AgentReach, objective: Objective): [number, number, number] {
  switch (objective) {
    case 'total':
      return [reach.menuMicros + reach.holdMicros, reach.actions, reach.hidden];
    case 'menu':
      return [reach.menuMicros, reach.actions, reach.hidden];
    case 'keys':
      return [reach.actions, reach.menuMicros + reach.holdMicros, reach.hidden];
  }
}

export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const difference = (a[i] as number) - (b[i] as number);
    if (difference !== 0) return difference;
  }
  return 0;
}

/** The best agents under the objective: all that tie on the final key (empty when none is reached). */
export function bestAgents(distances: Distances, among = reachedAgents(distances)): AgentReach[] {
  let best: AgentReach[] = [];
  let bestKey: number[] | undefined;
  for (const reach of among) {
    const key = agentKey(reach, distances.objective);
    const order = bestKey === undefined ? -1 : compareKeys(key, bestKey);
    if (order < 0) {
      best = [reach];
      bestKey = key;
    } else if (order === 0) {
      best.push(reach);
    }
  }
  return best;
}

function isTight(distances: Distances, u: number, edge: number): boolean {
  const v = distances.graph.edgeTarget[edge] as number;
  const [w1, w2, w3] = edgeWeights(distances.graph, edge, distances.objective);
  return (distances.k1[u] as number) + w1 === distances.k1[v]
    && (distances.k2[u] as number) + w2 === distances.k2[v]
    && (distances.k3[u] as number) + w3 === distances.k3[v];
}

/**
 * The edges of the optimal route to one of `targets` that takes, at every
 * configuration, the earliest move (in `movesAt` order) still on an optimal
 * route: the format's last tie rule, "the earlier option in the file".
 */
export function traceRoute(distances: Distances, targets: readonly number[]): number[] {
  const { graph, forbid, order } = distances;
  const onRoute = new Uint8Array(graph.configCount);
  for (const target of targets) onRoute[target] = 1;
  // Which settled configurations lie on an optimal route to a target. Tight
  // edges mostly go from earlier- to later-settled configurations; zero-time
  // edges may not, so repeat until nothing changes.
  for (let changed = true; changed;) {
    changed = false;
    for (let i = order.length - 1; i >= 0; i--) {
      const u = order[i] as number;
      if (onRoute[u]) continue;
      const end = graph.edgeStart[u + 1] as number;
      for (let edge = graph.edgeStart[u] as number; edge < end; edge++) {
        if ((graph.edgeFlags[edge] as number) & forbid) continue;
        if (onRoute[graph.edgeTarget[edge] as number] && isTight(distances, u, edge)) {
          onRoute[u] = 1;
          changed = true;
          break;
        }
      }
    }
  }
  const targetSet = new Set(targets);
  const edges: number[] = [];
  for (let u = graph.start; !targetSet.has(u);) {
    if (edges.length > graph.configCount) throw new Error('traceRoute: no progress (zero-cost cycle)');
    const end = graph.edgeStart[u + 1] as number;
    let next = -1;
    for (let edge = graph.edgeStart[u] as number; edge < end; edge++) {
      if ((graph.edgeFlags[edge] as number) & forbid) continue;
      const v = graph.edgeTarget[edge] as number;
      if (onRoute[v] && isTight(distances, u, edge)) {
        edges.push(edge);
        next = v;
        break;
      }
    }
    if (next < 0) throw new Error('traceRoute: the target is not reachable');
    u = next;
  }
  return edges;
}
