/**
 * The configuration graph of a menu for one situation (moment, caller,
 * facts): every reachable configuration (node × the node's invalid and
 * no-input counters) and every caller move between them, with its time in
 * microseconds, its caller actions and its strategy flags.
 *
 * Costs come only from `movesAt` and `resolveFailure` (src/model/moves.ts),
 * the table the XState machine reads too. Branches cost no time, so they are
 * resolved while building: no configuration sits on a branch. The graph is
 * compact: configurations are integer ids, edges live in CSR typed arrays in
 * the tie order of `movesAt`, and no object exists per edge.
 */
import {
  holds, movesAt, moveActions, promptLength, resolveFailure, toMicros,
  type FailureKind, type InputNode, type Menu, type MenuNode, type MenuNodeUnion, type Move, type Situation,
} from '../model/index.js';
import { arraysInOneBuffer } from './typed-arrays.js';
import { EdgeFlag, isGenericOption } from './strategies.js';

/** The handlers a failure move can call, indexed in MoveTable.failure. */
const FAILURE_KINDS: readonly FailureKind[] = ['invalid', 'noInput'];

/** The configuration a failure without `then` ends in: the call is over. */
export const IMPLICIT_HANGUP = -1;

/**
 * Where a call is: a node and its failure counters (failures of the node's
 * current visit). Searching from it gives the routes a caller has from here.
 */
export interface StartConfiguration {
  node: string;
  invalidCount: number;
  noInputCount: number;
}

export interface ConfigGraph {
  readonly menu: Menu;
  readonly situation: Situation;
  /** the configuration the graph starts from, when not the menu's start */
  readonly from?: StartConfiguration;
  /** node index → node id; indices follow the order of `menu.nodes` */
  readonly nodeIds: readonly string[];
  readonly nodes: readonly MenuNodeUnion[];
  /**
   * `movesAt` of a node index, built on first call (the search reads only the
   * typed arrays; a route's rebuild reads the moves of its own nodes)
   */
  readonly movesOf: (nodeIndex: number) => readonly Move[];
  readonly configCount: number;
  /** the configuration the call starts in (branches resolved) */
  readonly start: number;
  /** configuration → node index, or IMPLICIT_HANGUP */
  readonly configNode: Int32Array;
  readonly configInvalid: Uint8Array;
  readonly configNoInput: Uint8Array;
  /** CSR: the edges of configuration c are edgeStart[c] … edgeStart[c+1]-1 */
  readonly edgeStart: Int32Array;
  readonly edgeTarget: Int32Array;
  /** 32-bit while every move fits (71 minutes), else 64-bit floats */
  readonly edgeMicros: Uint32Array | Float64Array;
  readonly edgeActions: Uint8Array;
  /** index of the edge's move in `moves[node]` */
  /** 16-bit while no node has more than 65,535 moves */
  readonly edgeMove: Uint16Array | Int32Array;
  readonly edgeFlags: Uint8Array;
  /** per node index: an agent's prompt (menu time) and median hold, in µs */
  readonly agentPromptMicros: Float64Array;
  readonly holdMicros: Float64Array;
}

/** Per node: where its configuration slots start and how the counters index them. */
interface SlotIndex {
  base: Int32Array;
  /** noInput retries + 1 (the stride of the invalid counter) */
  stride: Int32Array;
  /** slot → configuration id, -1 until discovered */
  config: Int32Array;
}

function retriesOf(node: MenuNodeUnion, kind: FailureKind): number {
  return node.type === 'menu' || node.type === 'input' ? (node[kind]?.retries ?? 2) : 0;
}

function slotIndex(nodes: readonly MenuNodeUnion[]): SlotIndex {
  const base = new Int32Array(nodes.length);
  const stride = new Int32Array(nodes.length);
  let total = 0;
  nodes.forEach((node, index) => {
    base[index] = total;
    stride[index] = retriesOf(node, 'noInput') + 1;
    total += (retriesOf(node, 'invalid') + 1) * (stride[index] as number);
  });
  return { base, stride, config: new Int32Array(total).fill(-1) };
}

/** Which of a node's prompts are audio of unknown length: computed once per node, not per move. */
interface EstimatedPrompts {
  prompt: boolean;
  invalid: boolean;
  noInput: boolean;
}

function estimatedPrompts(node: MenuNodeUnion, menu: Menu): EstimatedPrompts {
  const estimated = (prompt: Parameters<typeof promptLength>[0]) => typeof prompt === 'object' && promptLength(prompt, menu.timing).estimated;
  const handlers = node.type === 'menu' || node.type === 'input';
  return {
    prompt: 'prompt' in node && estimated(node.prompt),
    invalid: handlers && estimated(node.invalid?.prompt),
    noInput: handlers && estimated(node.noInput?.prompt),
  };
}

/** How many configurations a node can have: one per pair of counter values. */
function slotCount(slots: SlotIndex, index: number, nodeCount: number): number {
  const end = index + 1 < nodeCount ? (slots.base[index + 1] as number) : slots.config.length;
  return end - (slots.base[index] as number);
}

/** True when a move's time rests on an audio prompt of unknown length. */
function moveIsEstimated(node: MenuNodeUnion, move: Move, prompts: EstimatedPrompts): boolean {
  if (node.type === 'say') return move.do === 'listen' && prompts.prompt;
  if (node.type !== 'menu' && node.type !== 'input') return false;
  const heard = move.do === 'wait' || !node.bargeIn;
  if (heard && prompts.prompt) return true;
  if (move.do === 'wait') return prompts.noInput;
  return (move.do === 'press' || move.do === 'say') && !move.valid && prompts.invalid;
}

function moveFlags(node: MenuNodeUnion, move: Move, prompts: EstimatedPrompts): number {
  let flags = moveIsEstimated(node, move, prompts) ? EdgeFlag.estimated : 0;
  switch (move.do) {
    case 'press':
    case 'say': {
      if (move.do === 'say') flags |= EdgeFlag.speech;
      if (!move.valid) return flags | EdgeFlag.invalid;
      if (!move.advertised) flags |= EdgeFlag.hidden;
      const option = node.type === 'menu' && move.optionIndex !== undefined ? node.options[move.optionIndex] : undefined;
      if (option !== undefined && !isGenericOption(option)) flags |= EdgeFlag.topic;
      return flags;
    }
    case 'wait':
      return flags | EdgeFlag.silence;
    case 'listen':
    case 'enter':
      return flags;
  }
}

/**
 * Every node's moves as one table of typed arrays, node after node (the
 * moves of node i are start[i] … start[i+1]-1), so that the edge loop never
 * reads a Move object and no Move object outlives its node's turn: on a
 * file of 100,000 menus, half a million of them kept alive made every
 * garbage collection of the build slower.
 */
interface MoveTable {
  start: Int32Array;
  micros: Float64Array;
  actions: Uint8Array;
  flags: Uint8Array;
  /** resolved node index of a goto outcome, -1 for failures */
  gotoNode: Int32Array;
  /** the handler a failure calls (FAILURE_KINDS index), -1 for a goto */
  failure: Int8Array;
  /** per node: resolved node index of each handler's `then`, -1 without one */
  invalidThen: Int32Array;
  noInputThen: Int32Array;
}

// Edge arrays are the bulk of a large graph (8.5 million edges for a million
// configurations of eight-option menus): the narrowest type that holds every
// value saves a third of their memory, and the time to touch it.

/** True when every move's time is a whole number of microseconds that fits 32 bits. */
function narrowMicros(table: MoveTable): boolean {
  const count = table.start[table.start.length - 1] as number;
  for (let move = 0; move < count; move++) {
    const micros = table.micros[move] as number;
    if (!Number.isInteger(micros) || micros < 0 || micros > 0xffffffff) return false;
  }
  return true;
}

/** The largest number of moves of one node. */
function mostMoves(table: MoveTable): number {
  let most = 0;
  for (let index = 0; index + 1 < table.start.length; index++) most = Math.max(most, (table.start[index + 1] as number) - (table.start[index] as number));
  return most;
}

/** A first guess of a node's move count, to size the move table (it grows if a guess is short). */
function expectedMoves(node: MenuNodeUnion): number {
  switch (node.type) {
    case 'say':
      return 2;
    case 'menu':
      return 2 * node.options.length + 2;
    case 'input':
      return 3;
    case 'branch':
    case 'agent':
    case 'hangup':
      return 0;
  }
}

/** A typed array with room for at least `size` entries, its contents kept. */
function withRoom<T extends Float64Array | Int32Array | Uint8Array | Int8Array>(array: T, size: number): T {
  if (size <= array.length) return array;
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(size, 2 * array.length));
  bigger.set(array);
  return bigger;
}

/**
 * Builds the configuration graph reachable from the menu's start, or from
 * `from`: a node (a branch is decided at once, counters 0) with its counters,
 * each kept within 0 … the handler's retries. The menu must be valid
 * (loadMenu / loadMenuValue): dangling ids or silent loops throw; an unknown
 * `from` node throws a RangeError.
 */
export function buildGraph(menu: Menu, situation: Situation, from?: StartConfiguration): ConfigGraph {
  const nodeIds = Object.keys(menu.nodes);
  const nodes = nodeIds.map((id) => menu.nodes[id] as MenuNodeUnion);
  const indexOf = new Map(nodeIds.map((id, index) => [id, index]));
  const slots = slotIndex(nodes);
  const resolved = new Int32Array(nodes.length).fill(-1);

  const nodeIndex = (id: string): number => {
    const index = indexOf.get(id);
    if (index === undefined) throw new Error(`buildGraph: unknown node "${id}" (load the menu with loadMenu first)`);
    return index;
  };

  /** Follows branches (0 s) to the node the caller actually reaches. */
  const resolve = (start: number): number => {
    const cached = resolved[start] as number;
    if (cached >= 0) return cached;
    let index = start;
    for (let hops = 0; ; hops++) {
      const node = nodes[index] as MenuNodeUnion;
      if (node.type !== 'branch') break;
      if (hops > nodes.length) throw new Error(`buildGraph: branches loop from "${nodeIds[start]}"`);
      const taken = node.cases.find((branchCase) => holds(branchCase.when, menu.hours, situation));
      index = nodeIndex(taken?.next ?? node.otherwise);
    }
    resolved[start] = index;
    return index;
  };

  const table = moveTable(menu, nodes, nodeIndex, resolve);

  // Sized once for every configuration that could exist, so that no array
  // grows while the menu is in memory: each growth of a large typed array is
  // external memory, which makes V8 run a full mark-compact over the whole
  // parsed menu (seconds on a 40 MB file).
  const configBound = (slots.config.length as number) + 1;
  let edgeBound = 0;
  for (let index = 0; index < nodes.length; index++) {
    edgeBound += slotCount(slots, index, nodes.length) * ((table.start[index + 1] as number) - (table.start[index] as number));
  }
  const [configNode, configInvalid, configNoInput] = arraysInOneBuffer([[Int32Array, configBound], [Uint8Array, configBound], [Uint8Array, configBound]]) as
    [Int32Array, Uint8Array, Uint8Array];
  let configCount = 0;
  let hangupConfig = -1;

  const addConfig = (index: number, invalid: number, noInput: number): number => {
    configNode[configCount] = index;
    configInvalid[configCount] = invalid;
    configNoInput[configCount] = noInput;
    return configCount++;
  };

  const configFor = (index: number, invalid: number, noInput: number): number => {
    const slot = (slots.base[index] as number) + invalid * (slots.stride[index] as number) + noInput;
    const known = slots.config[slot] as number;
    if (known >= 0) return known;
    const id = addConfig(index, invalid, noInput);
    slots.config[slot] = id;
    return id;
  };

  const implicitHangup = (): number => {
    if (hangupConfig < 0) hangupConfig = addConfig(IMPLICIT_HANGUP, 0, 0);
    return hangupConfig;
  };

  const startConfig = (): number => {
    if (from === undefined) return configFor(resolve(nodeIndex(menu.start)), 0, 0);
    const index = indexOf.get(from.node);
    if (index === undefined) throw new RangeError(`buildGraph: no node "${from.node}" to start from`);
    const node = nodes[index] as MenuNodeUnion;
    if (node.type === 'branch') return configFor(resolve(index), 0, 0);
    const within = (count: number, kind: FailureKind) => Math.min(Math.max(0, Math.trunc(count)), retriesOf(node, kind));
    return configFor(index, within(from.invalidCount, 'invalid'), within(from.noInputCount, 'noInput'));
  };
  const start = startConfig();
  // One allocation for the edge arrays (see typed-arrays.ts).
  const [edgeStart, edgeTarget, edgeMicros, edgeMove, edgeActions, edgeFlags] = arraysInOneBuffer([
    [Int32Array, configBound + 1], [Int32Array, edgeBound],
    [narrowMicros(table) ? Uint32Array : Float64Array, edgeBound],
    [mostMoves(table) <= 0xffff ? Uint16Array : Int32Array, edgeBound],
    [Uint8Array, edgeBound], [Uint8Array, edgeBound],
  ]) as [Int32Array, Int32Array, Uint32Array | Float64Array, Uint16Array | Int32Array, Uint8Array, Uint8Array];
  let edgeCount = 0;

  // Ids are handed out in discovery order, so walking them in order is a
  // breadth-first search and each configuration's edges land contiguously.
  // Agents, hang-ups and branches have no moves, hence no edges.
  for (let config = 0; config < configCount; config++) {
    edgeStart[config] = edgeCount;
    const index = configNode[config] as number;
    if (index === IMPLICIT_HANGUP) continue;
    const first = table.start[index] as number;
    const end = table.start[index + 1] as number;
    if (first === end) continue;
    const node = nodes[index] as MenuNode | InputNode;
    const counters = { invalidCount: configInvalid[config] as number, noInputCount: configNoInput[config] as number };
    for (let move = first; move < end; move++) {
      const failure = table.failure[move] as number;
      let target: number;
      if (failure < 0) {
        // Most edges land on a configuration already known: look it up here, without a call.
        const next = table.gotoNode[move] as number;
        target = slots.config[slots.base[next] as number] as number;
        if (target < 0) target = configFor(next, 0, 0);
      } else {
        const kind = FAILURE_KINDS[failure] as FailureKind;
        const result = resolveFailure(node, kind, counters);
        if (result.type === 'replay') target = configFor(index, result.invalidCount, result.noInputCount);
        else if (result.type === 'goto') target = configFor((kind === 'invalid' ? table.invalidThen : table.noInputThen)[index] as number, 0, 0);
        else target = implicitHangup();
      }
      edgeTarget[edgeCount] = target;
      edgeMicros[edgeCount] = table.micros[move] as number;
      edgeActions[edgeCount] = table.actions[move] as number;
      edgeMove[edgeCount] = move - first;
      edgeFlags[edgeCount] = table.flags[move] as number;
      edgeCount++;
    }
  }
  edgeStart[configCount] = edgeCount;

  const agentPromptMicros = new Float64Array(nodes.length);
  const holdMicros = new Float64Array(nodes.length);
  nodes.forEach((node, index) => {
    if (node.type !== 'agent') return;
    agentPromptMicros[index] = promptLength(node.prompt, menu.timing).micros;
    holdMicros[index] = toMicros(node.wait?.medianSeconds ?? 0);
  });

  const movesCache: (readonly Move[] | undefined)[] = new Array(nodes.length);
  return {
    menu, situation, nodeIds, nodes,
    ...(from === undefined ? {} : { from }),
    movesOf: (index) => (index < 0 || index >= nodes.length ? [] : (movesCache[index] ??= movesAt(nodes[index] as MenuNodeUnion, menu.timing))),
    configCount,
    start,
    configNode: configNode.subarray(0, configCount),
    configInvalid: configInvalid.subarray(0, configCount),
    configNoInput: configNoInput.subarray(0, configCount),
    edgeStart: edgeStart.subarray(0, configCount + 1),
    edgeTarget: edgeTarget.subarray(0, edgeCount),
    edgeMicros: edgeMicros.subarray(0, edgeCount),
    edgeActions: edgeActions.subarray(0, edgeCount),
    edgeMove: edgeMove.subarray(0, edgeCount),
    edgeFlags: edgeFlags.subarray(0, edgeCount),
    agentPromptMicros,
    holdMicros,
  };
}

/** The move table of every node (see MoveTable), from `movesAt`; `goto`s resolved through branches. */
function moveTable(menu: Menu, nodes: readonly MenuNodeUnion[], nodeIndex: (id: string) => number, resolve: (index: number) => number): MoveTable {
  let room = 0;
  for (const node of nodes) room += expectedMoves(node);
  const table: MoveTable = {
    start: new Int32Array(nodes.length + 1),
    micros: new Float64Array(room),
    actions: new Uint8Array(room),
    flags: new Uint8Array(room),
    gotoNode: new Int32Array(room),
    failure: new Int8Array(room),
    invalidThen: new Int32Array(nodes.length),
    noInputThen: new Int32Array(nodes.length),
  };
  let count = 0;
  nodes.forEach((node, index) => {
    table.start[index] = count;
    const moves = movesAt(node, menu.timing);
    if (count + moves.length > table.micros.length) {
      const size = count + moves.length;
      table.micros = withRoom(table.micros, size);
      table.actions = withRoom(table.actions, size);
      table.flags = withRoom(table.flags, size);
      table.gotoNode = withRoom(table.gotoNode, size);
      table.failure = withRoom(table.failure, size);
    }
    const prompts = estimatedPrompts(node, menu);
    for (const move of moves) {
      table.micros[count] = move.micros;
      table.actions[count] = moveActions(move);
      table.flags[count] = moveFlags(node, move, prompts);
      table.gotoNode[count] = move.outcome.type === 'goto' ? resolve(nodeIndex(move.outcome.node)) : -1;
      table.failure[count] = move.outcome.type === 'failure' ? FAILURE_KINDS.indexOf(move.outcome.handler) : -1;
      count++;
    }
    const thenOf = (kind: FailureKind) => {
      const then = node.type === 'menu' || node.type === 'input' ? node[kind]?.then : undefined;
      return then === undefined ? -1 : resolve(nodeIndex(then));
    };
    table.invalidThen[index] = thenOf('invalid');
    table.noInputThen[index] = thenOf('noInput');
  });
  table.start[nodes.length] = count;
  return table;
}

/** The node a configuration sits on, or undefined for the implicit hang-up. */
export function nodeOfConfig(graph: ConfigGraph, config: number): MenuNodeUnion | undefined {
  const index = graph.configNode[config] as number;
  return index === IMPLICIT_HANGUP ? undefined : graph.nodes[index];
}
