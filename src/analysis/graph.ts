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
import { EdgeFlag, isGenericOption } from './strategies.js';

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
  /** `movesAt` per node index, computed for visited nodes only */
  readonly moves: readonly (readonly Move[] | undefined)[];
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
  readonly edgeMicros: Float64Array;
  readonly edgeActions: Uint8Array;
  /** index of the edge's move in `moves[node]` */
  readonly edgeMove: Int32Array;
  readonly edgeFlags: Uint8Array;
  /** per node index: an agent's prompt (menu time) and median hold, in µs */
  readonly agentPromptMicros: Float64Array;
  readonly holdMicros: Float64Array;
}

/** A typed array that doubles when full. */
class Growable<T extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(public data: T, private readonly make: (size: number) => T) {}

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = this.make(Math.max(16, this.data.length * 2));
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  trimmed(): T {
    return this.data.subarray(0, this.length) as T;
  }
}

const int32 = (size: number) => new Int32Array(size);
const float64 = (size: number) => new Float64Array(size);
const uint8 = (size: number) => new Uint8Array(size);

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

/** The static facts of a node's moves: flags, and the resolved node of each `goto`. */
interface NodeMoves {
  moves: Move[];
  flags: Uint8Array;
  /** resolved node index of a goto outcome, -1 for failures */
  gotoNode: Int32Array;
  /** resolved node index of each handler's `then`, -1 without one */
  invalidThen: number;
  noInputThen: number;
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
  const nodeMoves: (NodeMoves | undefined)[] = new Array(nodes.length);

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

  const movesOf = (index: number): NodeMoves => {
    const cached = nodeMoves[index];
    if (cached !== undefined) return cached;
    const node = nodes[index] as MenuNodeUnion;
    const moves = movesAt(node, menu.timing);
    const thenOf = (kind: FailureKind) => {
      const then = node.type === 'menu' || node.type === 'input' ? node[kind]?.then : undefined;
      return then === undefined ? -1 : resolve(nodeIndex(then));
    };
    const prompts = estimatedPrompts(node, menu);
    const made: NodeMoves = {
      moves,
      flags: Uint8Array.from(moves, (move) => moveFlags(node, move, prompts)),
      gotoNode: Int32Array.from(moves, (move) => (move.outcome.type === 'goto' ? resolve(nodeIndex(move.outcome.node)) : -1)),
      invalidThen: thenOf('invalid'),
      noInputThen: thenOf('noInput'),
    };
    nodeMoves[index] = made;
    return made;
  };

  // Sized once for every configuration that could exist, so that no array
  // grows while the menu is in memory: each growth of a large typed array is
  // external memory, which makes V8 run a full mark-compact over the whole
  // parsed menu (seconds on a 40 MB file).
  const configBound = (slots.config.length as number) + 1;
  let edgeBound = 0;
  nodes.forEach((_, index) => {
    edgeBound += slotCount(slots, index, nodes.length) * movesOf(index).moves.length;
  });
  const configNode = new Growable(new Int32Array(configBound), int32);
  const configInvalid = new Growable(new Uint8Array(configBound), uint8);
  const configNoInput = new Growable(new Uint8Array(configBound), uint8);
  let hangupConfig = -1;

  const configFor = (index: number, invalid: number, noInput: number): number => {
    const slot = (slots.base[index] as number) + invalid * (slots.stride[index] as number) + noInput;
    const known = slots.config[slot] as number;
    if (known >= 0) return known;
    const id = configNode.length;
    slots.config[slot] = id;
    configNode.push(index);
    configInvalid.push(invalid);
    configNoInput.push(noInput);
    return id;
  };

  const implicitHangup = (): number => {
    if (hangupConfig < 0) {
      hangupConfig = configNode.length;
      configNode.push(IMPLICIT_HANGUP);
      configInvalid.push(0);
      configNoInput.push(0);
    }
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
  const edgeStart = new Growable(new Int32Array(configBound + 1), int32);
  const edgeTarget = new Growable(new Int32Array(edgeBound), int32);
  const edgeMicros = new Growable(new Float64Array(edgeBound), float64);
  const edgeActions = new Growable(new Uint8Array(edgeBound), uint8);
  const edgeMove = new Growable(new Int32Array(edgeBound), int32);
  const edgeFlags = new Growable(new Uint8Array(edgeBound), uint8);

  // Ids are handed out in discovery order, so walking them in order is a
  // breadth-first search and each configuration's edges land contiguously.
  for (let config = 0; config < configNode.length; config++) {
    edgeStart.push(edgeTarget.length);
    const index = configNode.data[config] as number;
    if (index === IMPLICIT_HANGUP) continue;
    const node = nodes[index] as MenuNodeUnion;
    if (node.type !== 'menu' && node.type !== 'input' && node.type !== 'say') continue;
    const made = movesOf(index);
    const counters = { invalidCount: configInvalid.data[config] as number, noInputCount: configNoInput.data[config] as number };
    for (let moveIndex = 0; moveIndex < made.moves.length; moveIndex++) {
      const move = made.moves[moveIndex] as Move;
      let target: number;
      if (move.outcome.type === 'goto') {
        target = configFor(made.gotoNode[moveIndex] as number, 0, 0);
      } else {
        const kind = move.outcome.handler;
        const result = resolveFailure(node as MenuNode | InputNode, kind, counters);
        if (result.type === 'replay') target = configFor(index, result.invalidCount, result.noInputCount);
        else if (result.type === 'goto') target = configFor(kind === 'invalid' ? made.invalidThen : made.noInputThen, 0, 0);
        else target = implicitHangup();
      }
      edgeTarget.push(target);
      edgeMicros.push(move.micros);
      edgeActions.push(moveActions(move));
      edgeMove.push(moveIndex);
      edgeFlags.push(made.flags[moveIndex] as number);
    }
  }
  edgeStart.push(edgeTarget.length);

  const agentPromptMicros = new Float64Array(nodes.length);
  const holdMicros = new Float64Array(nodes.length);
  nodes.forEach((node, index) => {
    if (node.type !== 'agent') return;
    agentPromptMicros[index] = promptLength(node.prompt, menu.timing).micros;
    holdMicros[index] = toMicros(node.wait?.medianSeconds ?? 0);
  });

  return {
    menu, situation, nodeIds, nodes,
    ...(from === undefined ? {} : { from }),
    moves: Array.from(nodeMoves, (made) => made?.moves),
    configCount: configNode.length,
    start,
    configNode: configNode.trimmed(),
    configInvalid: configInvalid.trimmed(),
    configNoInput: configNoInput.trimmed(),
    edgeStart: edgeStart.trimmed(),
    edgeTarget: edgeTarget.trimmed(),
    edgeMicros: edgeMicros.trimmed(),
    edgeActions: edgeActions.trimmed(),
    edgeMove: edgeMove.trimmed(),
    edgeFlags: edgeFlags.trimmed(),
    agentPromptMicros,
    holdMicros,
  };
}

/** The node a configuration sits on, or undefined for the implicit hang-up. */
export function nodeOfConfig(graph: ConfigGraph, config: number): MenuNodeUnion | undefined {
  const index = graph.configNode[config] as number;
  return index === IMPLICIT_HANGUP ? undefined : graph.nodes[index];
}
