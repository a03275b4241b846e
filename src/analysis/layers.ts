/**
 * The strategy layers of a configuration graph: its product with the set of
 * tricks a route has used so far. A layered configuration is (configuration,
 * mask), the mask holding one bit per trick of CLASS_FLAGS (hidden option,
 * invalid entry, silence, speech); an edge adds its tricks to the mask. A
 * route's strategy labels follow from its tricks and its agent, so the best
 * route to each layered agent configuration is exactly the best route of
 * one (agent, strategy set) class: what `--alternatives` lists.
 *
 * The result is a ConfigGraph like any other (only the layered
 * configurations reachable from the start are built), so the search, the
 * route rebuild and the tie rules serve it unchanged.
 */
import type { ConfigGraph } from './graph.js';
import { CLASS_FLAGS, EdgeFlag } from './strategies.js';

/** Layers per configuration: every subset of the four tricks. */
export const LAYERS = 1 << CLASS_FLAGS.length;

/**
 * The exact method runs while configurations × LAYERS stays within this
 * bound (65,536 configurations). The layered arrays take about 20 bytes per
 * layered edge: some 200 MB for a menu of ten moves per node at the bound,
 * far less in practice (only reachable layers are built).
 */
export const MAX_LAYERED_CONFIGURATIONS = 1 << 20;

/** The trick bits of an edge's flags. */
function trickBits(flags: number): number {
  let bits = 0;
  CLASS_FLAGS.forEach((flag, bit) => {
    if (flags & flag) bits |= 1 << bit;
  });
  return bits;
}

/**
 * The trick bits each edge adds to a route's mask. A failure that only
 * replays its node (a wrong key or a silence, then the same node again)
 * adds none: failing is a trick only when the handler's `then` is taken in
 * the end, and that edge adds it. So a route padded with replays before an
 * option is never the best of a class (the same route without them is in
 * the same class, and faster), and cannot hide, as the best of a class, a
 * real route of that class that leaves through the `then`.
 */
function edgeTricksOf(graph: ConfigGraph): Uint8Array {
  const tricks = new Uint8Array(graph.edgeFlags.length);
  const failure = EdgeFlag.invalid | EdgeFlag.silence;
  for (let config = 0; config < graph.configCount; config++) {
    const node = graph.configNode[config] as number;
    for (let edge = graph.edgeStart[config] as number; edge < (graph.edgeStart[config + 1] as number); edge++) {
      const flags = graph.edgeFlags[edge] as number;
      const replay = (flags & failure) !== 0 && graph.configNode[graph.edgeTarget[edge] as number] === node;
      tricks[edge] = replay ? 0 : trickBits(flags);
    }
  }
  return tricks;
}

/** True when a graph is small enough for the exact (layered) method. */
export function layersFit(graph: ConfigGraph): boolean {
  return graph.configCount * LAYERS <= MAX_LAYERED_CONFIGURATIONS;
}

/**
 * The layered graph reachable from (start, no tricks), without the edges
 * whose flags meet `forbid`; undefined when the graph is too large
 * (`layersFit`).
 */
export function strategyLayers(graph: ConfigGraph, forbid = 0): ConfigGraph | undefined {
  if (!layersFit(graph)) return undefined;
  const edgeTricks = edgeTricksOf(graph);
  const allowed = (edge: number) => ((graph.edgeFlags[edge] as number) & forbid) === 0;
  const layeredId = new Int32Array(graph.configCount * LAYERS).fill(-1);
  const stateConfig = new Int32Array(graph.configCount * LAYERS);
  const stateMask = new Uint8Array(graph.configCount * LAYERS);
  let states = 0;
  let edgeCount = 0;
  const discover = (config: number, mask: number): number => {
    const slot = config * LAYERS + mask;
    if ((layeredId[slot] as number) < 0) {
      layeredId[slot] = states;
      stateConfig[states] = config;
      stateMask[states] = mask;
      states++;
    }
    return layeredId[slot] as number;
  };

  // Pass 1: breadth-first discovery (ids in discovery order) and the edge count.
  discover(graph.start, 0);
  for (let state = 0; state < states; state++) {
    const config = stateConfig[state] as number;
    const mask = stateMask[state] as number;
    for (let edge = graph.edgeStart[config] as number; edge < (graph.edgeStart[config + 1] as number); edge++) {
      if (!allowed(edge)) continue;
      discover(graph.edgeTarget[edge] as number, mask | (edgeTricks[edge] as number));
      edgeCount++;
    }
  }

  // Pass 2: the edges, in each configuration's own (tie) order.
  const edgeStart = new Int32Array(states + 1);
  const edgeTarget = new Int32Array(edgeCount);
  const edgeMicros = graph.edgeMicros instanceof Uint32Array ? new Uint32Array(edgeCount) : new Float64Array(edgeCount);
  const edgeActions = new Uint8Array(edgeCount);
  const edgeMove = graph.edgeMove instanceof Uint16Array ? new Uint16Array(edgeCount) : new Int32Array(edgeCount);
  const edgeFlags = new Uint8Array(edgeCount);
  let written = 0;
  for (let state = 0; state < states; state++) {
    edgeStart[state] = written;
    const config = stateConfig[state] as number;
    const mask = stateMask[state] as number;
    for (let edge = graph.edgeStart[config] as number; edge < (graph.edgeStart[config + 1] as number); edge++) {
      if (!allowed(edge)) continue;
      edgeTarget[written] = layeredId[(graph.edgeTarget[edge] as number) * LAYERS + (mask | (edgeTricks[edge] as number))] as number;
      edgeMicros[written] = graph.edgeMicros[edge] as number;
      edgeActions[written] = graph.edgeActions[edge] as number;
      edgeMove[written] = graph.edgeMove[edge] as number;
      edgeFlags[written] = graph.edgeFlags[edge] as number;
      written++;
    }
  }
  edgeStart[states] = written;

  const configs = stateConfig.subarray(0, states);
  return {
    ...graph,
    configCount: states,
    start: 0,
    configNode: Int32Array.from(configs, (config) => graph.configNode[config] as number),
    configInvalid: Uint8Array.from(configs, (config) => graph.configInvalid[config] as number),
    configNoInput: Uint8Array.from(configs, (config) => graph.configNoInput[config] as number),
    edgeStart, edgeTarget, edgeMicros, edgeActions, edgeMove, edgeFlags,
  };
}
