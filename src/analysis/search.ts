/**
 * Route search over the configuration graph: Dijkstra with lexicographic
 * keys on an indexed 4-ary heap of typed arrays, the choice of the agent
 * under each objective, and the rebuild of one route.
 *
 * Keys per configuration: `total` and `menu` order by (menu µs, caller
 * actions, moves not advertised); `keys` by (actions, menu µs, not
 * advertised). A move is not advertised when `--advertised-only` refuses it
 * (NOT_ADVERTISED: an unannounced option, a deliberate invalid entry, a
 * no-input timeout left to run out), so a count of 0 is exactly "uses only
 * advertised options" (menu-format.md's second tie rule). The
 * agent is then chosen by (menu + agent prompt + hold, actions, not
 * advertised) for `total`, (menu + agent prompt, actions, not advertised)
 * for `menu`, and (actions, menu + agent prompt + hold, not advertised) for
 * `keys`. Times are integers, so
 * ties are exact; the remaining ties go to the earlier option in the file:
 * among equally good routes the rebuild takes, at every step, the first move
 * in `movesAt` order that still lies on an optimal route.
 */
import type { MenuNodeUnion } from '../model/index.js';
import { NOT_ADVERTISED } from './strategies.js';
import { IMPLICIT_HANGUP, type ConfigGraph } from './graph.js';
import { arraysInOneBuffer } from './typed-arrays.js';

export const OBJECTIVES = ['total', 'menu', 'keys'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** Optimal keys from the start to every configuration, under one objective and one edge restriction. */
export interface Distances {
  readonly graph: ConfigGraph;
  readonly objective: Objective;
  /** edges whose flags meet this mask are not taken */
  readonly forbid: number;
  /**
   * first, second, third key component per configuration: meaningful only
   * for the configurations of `order` (0 where never reached)
   */
  readonly k1: Float64Array;
  readonly k2: Float64Array;
  readonly k3: Float64Array;
  /** configurations in the order they were settled (nondecreasing keys) */
  readonly order: Int32Array;
}

export interface SearchLimits {
  /**
   * Stop once no configuration left can reach an agent as good as the best
   * one settled (its first key component is already worse): enough for
   * `bestAgents`, but `reachedAgents` then lists only the agents settled.
   */
  stopAfterBest?: boolean;
}

function actionsFirst(objective: Objective): boolean {
  return objective === 'keys';
}

/**
 * The first component of an agent's final key (see `agentKey`) from its
 * configuration's first key component: what `stopAfterBest` compares.
 */
function agentFirstKey(graph: ConfigGraph, objective: Objective, nodeIndex: number, first: number): number {
  switch (objective) {
    case 'total':
      return first + (graph.agentPromptMicros[nodeIndex] as number) + (graph.holdMicros[nodeIndex] as number);
    case 'menu':
      return first + (graph.agentPromptMicros[nodeIndex] as number);
    case 'keys':
      return first;
  }
}

/** The least any agent adds to a configuration's first key component (see agentFirstKey). */
function leastAgentExtra(graph: ConfigGraph, objective: Objective, isAgent: Uint8Array): number {
  let least = Infinity;
  for (let index = 0; index < isAgent.length; index++) {
    if (isAgent[index] === 1) least = Math.min(least, agentFirstKey(graph, objective, index, 0));
  }
  return Number.isFinite(least) ? least : 0;
}

const agentNodesCache = new WeakMap<ConfigGraph, Uint8Array>();

/** First room of the growing search arrays (entries). */
const INITIAL_ROOM = 4096;

/** A copy of a typed array with room for `size` entries. */
function grown<T extends Int32Array | Float64Array>(array: T, size: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(size);
  bigger.set(array);
  return bigger;
}

/** Per node index: 1 for an agent (computed once per graph: the searches of one graph share it). */
function agentNodes(graph: ConfigGraph): Uint8Array {
  let agents = agentNodesCache.get(graph);
  if (agents === undefined) {
    agents = new Uint8Array(graph.nodes.length);
    for (let index = 0; index < graph.nodes.length; index++) {
      if ((graph.nodes[index] as MenuNodeUnion).type === 'agent') agents[index] = 1;
    }
    agentNodesCache.set(graph, agents);
  }
  return agents;
}

/** Dijkstra from the start configuration. */
export function shortestDistances(graph: ConfigGraph, objective: Objective, forbid = 0, limits: SearchLimits = {}): Distances {
  const n = graph.configCount;
  // Not filled: a fresh array's pages cost nothing until written, and a
  // search stopped early writes a small part of them. `slot` says which
  // keys hold a value: per configuration, 0 never queued, -1 settled, else
  // its heap position + 1. One buffer for the four (see typed-arrays.ts).
  const [k1, k2, k3, slot] = arraysInOneBuffer([[Float64Array, n], [Float64Array, n], [Float64Array, n], [Int32Array, n]]) as
    [Float64Array, Float64Array, Float64Array, Int32Array];
  // The settle order and the heap grow with the search: a search stopped
  // early (stopAfterBest) touches a small part of a large graph, and large
  // fresh arrays cost their zeroing and, as external memory, a full garbage
  // collection over the parsed menu.
  let order = new Int32Array(Math.min(n, INITIAL_ROOM));
  let settled = 0;
  let heap = new Int32Array(Math.min(n, INITIAL_ROOM));
  let size = 0;
  const weightsFirst = actionsFirst(objective);

  // The heap keeps a copy of each entry's key beside it, so that comparisons
  // read neighbouring memory instead of k1/k2/k3 at two random configurations
  // (keys tie often: the branches of a tree take the same time). It is 4-ary:
  // the children of an entry sit side by side.
  let heapFirst = new Float64Array(heap.length);
  let heapSecond = new Float64Array(heap.length);
  let heapThird = new Float64Array(heap.length);
  const growHeap = () => {
    const room = Math.min(n, 2 * heap.length);
    heap = grown(heap, room);
    heapFirst = grown(heapFirst, room);
    heapSecond = grown(heapSecond, room);
    heapThird = grown(heapThird, room);
  };
  /** true when the entry at heap position `i` goes before the one at `j` */
  const before = (i: number, j: number): boolean => {
    if (heapFirst[i] !== heapFirst[j]) return (heapFirst[i] as number) < (heapFirst[j] as number);
    if (heapSecond[i] !== heapSecond[j]) return (heapSecond[i] as number) < (heapSecond[j] as number);
    if (heapThird[i] !== heapThird[j]) return (heapThird[i] as number) < (heapThird[j] as number);
    return (heap[i] as number) < (heap[j] as number);
  };
  /** Moves the entry at `from` to `to` (overwriting it). */
  const move = (from: number, to: number) => {
    const config = heap[from] as number;
    heap[to] = config;
    heapFirst[to] = heapFirst[from] as number;
    heapSecond[to] = heapSecond[from] as number;
    heapThird[to] = heapThird[from] as number;
    slot[config] = to + 1;
  };
  const swap = (i: number, j: number) => {
    const config = heap[i] as number;
    const first = heapFirst[i] as number;
    const second = heapSecond[i] as number;
    const third = heapThird[i] as number;
    move(j, i);
    heap[j] = config;
    heapFirst[j] = first;
    heapSecond[j] = second;
    heapThird[j] = third;
    slot[config] = j + 1;
  };
  const siftUp = (at: number) => {
    while (at > 0) {
      const parent = (at - 1) >> 2;
      if (!before(at, parent)) break;
      swap(at, parent);
      at = parent;
    }
  };
  const siftDown = (at: number) => {
    for (;;) {
      const firstChild = 4 * at + 1;
      if (firstChild >= size) break;
      let child = firstChild;
      const lastChild = Math.min(firstChild + 4, size);
      for (let other = firstChild + 1; other < lastChild; other++) if (before(other, child)) child = other;
      if (!before(child, at)) break;
      swap(at, child);
      at = child;
    }
  };
  const setKey = (at: number, config: number, first: number, second: number, third: number) => {
    heap[at] = config;
    heapFirst[at] = first;
    heapSecond[at] = second;
    heapThird[at] = third;
    slot[config] = at + 1;
  };

  // Agents have no moves, and an agent's final first component is its
  // configuration's plus at least `leastExtra` (the smallest agent prompt and
  // hold), so once a popped configuration plus `leastExtra` is past the best
  // agent settled, nothing left can win or tie. With holds of a minute or
  // more, the search stops a minute of menu time past the best route.
  const isAgent = limits.stopAfterBest ? agentNodes(graph) : undefined;
  const leastExtra = isAgent === undefined ? 0 : leastAgentExtra(graph, objective, isAgent);
  let bestFirst = Infinity;
  const { edgeStart, edgeTarget, edgeMicros, edgeActions, edgeFlags, configNode } = graph;

  k1[graph.start] = 0;
  k2[graph.start] = 0;
  k3[graph.start] = 0;
  setKey(0, graph.start, 0, 0, 0);
  size = 1;
  while (size > 0) {
    const u = heap[0] as number;
    const u1 = heapFirst[0] as number;
    if (u1 + leastExtra > bestFirst) break;
    slot[u] = -1;
    if (settled === order.length) order = grown(order, Math.min(n, 2 * order.length));
    order[settled++] = u;
    size--;
    if (size > 0) {
      move(size, 0);
      siftDown(0);
    }
    if (isAgent !== undefined) {
      const nodeIndex = configNode[u] as number;
      if (nodeIndex !== IMPLICIT_HANGUP && isAgent[nodeIndex] === 1) bestFirst = Math.min(bestFirst, agentFirstKey(graph, objective, nodeIndex, u1));
    }
    const u2 = k2[u] as number;
    const u3 = k3[u] as number;
    const end = edgeStart[u + 1] as number;
    for (let edge = edgeStart[u] as number; edge < end; edge++) {
      const flags = edgeFlags[edge] as number;
      if (flags & forbid) continue;
      const v = edgeTarget[edge] as number;
      const vSlot = slot[v] as number;
      if (vSlot === -1) continue;
      const micros = edgeMicros[edge] as number;
      const actions = edgeActions[edge] as number;
      const c1 = u1 + (weightsFirst ? actions : micros);
      const c2 = u2 + (weightsFirst ? micros : actions);
      const c3 = u3 + (flags & NOT_ADVERTISED ? 1 : 0);
      const v1 = k1[v] as number;
      const better = vSlot === 0 || c1 < v1 || (c1 === v1 && (c2 < (k2[v] as number) || (c2 === k2[v] && c3 < (k3[v] as number))));
      if (!better) continue;
      k1[v] = c1;
      k2[v] = c2;
      k3[v] = c3;
      if (vSlot === 0 && size === heap.length) growHeap();
      const at = vSlot === 0 ? size++ : vSlot - 1;
      setKey(at, v, c1, c2, c3);
      siftUp(at);
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
  /** moves not advertised (NOT_ADVERTISED) on the route: the third key */
  notAdvertised: number;
}

/** Every agent configuration the search reached. */
export function reachedAgents(distances: Distances): AgentReach[] {
  const { graph } = distances;
  const first = actionsFirst(distances.objective);
  const isAgent = agentNodes(graph);
  const reached: AgentReach[] = [];
  for (const config of distances.order) {
    const nodeIndex = graph.configNode[config] as number;
    if (nodeIndex === IMPLICIT_HANGUP || isAgent[nodeIndex] !== 1) continue;
    const menuMicros = (first ? distances.k2[config] : distances.k1[config]) as number;
    reached.push({
      config, nodeIndex,
      menuMicros: menuMicros + (graph.agentPromptMicros[nodeIndex] as number),
      holdMicros: graph.holdMicros[nodeIndex] as number,
      actions: (first ? distances.k1[config] : distances.k2[config]) as number,
      notAdvertised: distances.k3[config] as number,
    });
  }
  return reached;
}

/** The final key of an agent under an objective (smaller is better). */
export function agentKey(reach: AgentReach, objective: Objective): [number, number, number] {
  switch (objective) {
    case 'total':
      return [reach.menuMicros + reach.holdMicros, reach.actions, reach.notAdvertised];
    case 'menu':
      return [reach.menuMicros, reach.actions, reach.notAdvertised];
    case 'keys':
      return [reach.actions, reach.menuMicros + reach.holdMicros, reach.notAdvertised];
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

/** True when an edge out of a settled configuration lies on an optimal route to its target. */
function isTight(distances: Distances, u: number, edge: number): boolean {
  const { graph, k1, k2, k3 } = distances;
  const v = graph.edgeTarget[edge] as number;
  const micros = graph.edgeMicros[edge] as number;
  const actions = graph.edgeActions[edge] as number;
  const first = actionsFirst(distances.objective);
  return (k1[u] as number) + (first ? actions : micros) === k1[v]
    && (k2[u] as number) + (first ? micros : actions) === k2[v]
    && (k3[u] as number) + ((graph.edgeFlags[edge] as number) & NOT_ADVERTISED ? 1 : 0) === k3[v];
}

function sameKey(distances: Distances, a: number, b: number): boolean {
  return distances.k1[a] === distances.k1[b] && distances.k2[a] === distances.k2[b] && distances.k3[a] === distances.k3[b];
}

function keyAbove(distances: Distances, a: number, b: number): boolean {
  const { k1, k2, k3 } = distances;
  if (k1[a] !== k1[b]) return (k1[a] as number) > (k1[b] as number);
  if (k2[a] !== k2[b]) return (k2[a] as number) > (k2[b] as number);
  return (k3[a] as number) > (k3[b] as number);
}

/** Marks `u` when one of its allowed edges is tight and leads to a marked configuration. */
function markIfOnRoute(distances: Distances, onRoute: Uint8Array, u: number): boolean {
  const { graph, forbid } = distances;
  if (onRoute[u]) return false;
  const end = graph.edgeStart[u + 1] as number;
  for (let edge = graph.edgeStart[u] as number; edge < end; edge++) {
    if ((graph.edgeFlags[edge] as number) & forbid) continue;
    if (onRoute[graph.edgeTarget[edge] as number] && isTight(distances, u, edge)) {
      onRoute[u] = 1;
      return true;
    }
  }
  return false;
}

/**
 * Which settled configurations lie on an optimal route to a target, in one
 * backward pass over the settle order. A tight edge with some positive
 * weight leads to a strictly greater key, settled later, so it is already
 * decided when its source is reached; a tight edge of zero weight stays
 * within a run of equal keys, which is repeated until nothing changes.
 * Configurations above every target's key cannot lead to one.
 */
function configurationsOnRoute(distances: Distances, targets: readonly number[]): Uint8Array {
  const { graph, order } = distances;
  const onRoute = new Uint8Array(graph.configCount);
  let highest = targets[0] as number;
  for (const target of targets) {
    onRoute[target] = 1;
    if (keyAbove(distances, target, highest)) highest = target;
  }
  let end = order.length;
  while (end > 0 && keyAbove(distances, order[end - 1] as number, highest)) end--;
  while (end > 0) {
    let begin = end - 1;
    while (begin > 0 && sameKey(distances, order[begin - 1] as number, order[end - 1] as number)) begin--;
    for (let changed = true; changed;) {
      changed = false;
      for (let i = end - 1; i >= begin; i--) {
        if (markIfOnRoute(distances, onRoute, order[i] as number)) changed = end - begin > 1;
      }
    }
    end = begin;
  }
  return onRoute;
}

/**
 * The edges of the optimal route to one of `targets` that takes, at every
 * configuration, the earliest move (in `movesAt` order) still on an optimal
 * route: the format's last tie rule, "the earlier option in the file".
 */
export function traceRoute(distances: Distances, targets: readonly number[]): number[] {
  const { graph, forbid } = distances;
  const onRoute = configurationsOnRoute(distances, targets);
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
