/**
 * A route found by the search (search.ts) as the plain facts an audit needs:
 * times, caller actions, the configurations and decision points it passes,
 * and readable steps for evidence. Also the agent a route reaches and a few
 * graph questions (which configurations can still reach a person).
 */
import { toSeconds, type Move } from '../model/index.js';
import { branchChain, moveDestination } from './branch-decisions.js';
import { IMPLICIT_HANGUP, type ConfigGraph } from './graph.js';
import { bestAgents, reachedAgents, shortestDistances, traceRoute, type AgentReach } from './search.js';
import { NOT_ADVERTISED } from './strategies.js';

export interface RouteFacts {
  menuSeconds: number;
  holdSeconds: number;
  totalSeconds: number;
  actions: number;
  /** the agent node reached */
  agent: string;
  /** configurations passed, start and agent included */
  configs: number[];
  /** distinct menu and input nodes where the caller acted, in order */
  decisionNodes: string[];
  /** readable steps, e.g. `main: press 3` */
  steps: string[];
  /** uses an option the prompts do not announce, an invalid entry or silence */
  usesShortcut: boolean;
  /** the menu's links the route follows, branches included: `node|opt2`, `node|next`, `node|invalid`, `node|case0`, … */
  links: string[];
}

/** The link a move follows out of its node (see `RouteFacts.links`); undefined for a replay. */
function moveLink(id: string, move: Move, leaves: boolean): string | undefined {
  if (!leaves) return undefined;
  if (move.outcome.type === 'failure') return `${id}|${move.outcome.handler}`;
  if ((move.do === 'press' || move.do === 'say') && move.optionIndex !== undefined) return `${id}|opt${move.optionIndex}`;
  return `${id}|next`;
}

/** The links through branches from a node id, decided for the graph's situation. */
function branchLinks(graph: ConfigGraph, from: string | undefined): string[] {
  return branchChain(graph.menu, graph.situation, from)
    .map((decision) => `${decision.node}|${decision.taken === 'otherwise' ? 'otherwise' : `case${decision.taken}`}`);
}

/** `node [invalid=1 noInput=0]`, how configurations are named in evidence. */
export function configName(graph: ConfigGraph, config: number): string {
  const index = graph.configNode[config] as number;
  if (index === IMPLICIT_HANGUP) return '(hang-up after a failure)';
  const id = graph.nodeIds[index] as string;
  const invalid = graph.configInvalid[config] as number;
  const noInput = graph.configNoInput[config] as number;
  return invalid === 0 && noInput === 0 ? id : `${id} [invalid=${invalid} noInput=${noInput}]`;
}

export function moveText(move: Move): string {
  switch (move.do) {
    case 'listen':
      return 'listen';
    case 'press':
      return move.valid ? `press ${move.key}${move.advertised ? '' : ' (unannounced)'}` : `press ${move.key} (invalid)`;
    case 'say':
      return move.valid ? `say "${move.phrase}"${move.advertised ? '' : ' (unannounced)'}` : `say "${move.phrase}" (not understood)`;
    case 'enter':
      return `enter ${move.digits} digits${move.terminator ? ` then ${move.terminator}` : ''}`;
    case 'wait':
      return 'wait (no input)';
  }
}

export function edgeMove(graph: ConfigGraph, edge: number, from: number): Move | undefined {
  return graph.movesOf(graph.configNode[from] as number)[graph.edgeMove[edge] as number];
}

function factsOf(graph: ConfigGraph, reach: AgentReach, edges: number[]): RouteFacts {
  const configs = [graph.start];
  const decisionNodes: string[] = [];
  const steps: string[] = [];
  const links: string[] = [];
  let usesShortcut = false;
  for (const edge of edges) {
    const from = configs[configs.length - 1] as number;
    const node = graph.nodes[graph.configNode[from] as number];
    const id = graph.nodeIds[graph.configNode[from] as number] as string;
    const move = edgeMove(graph, edge, from);
    if ((node?.type === 'menu' || node?.type === 'input') && !decisionNodes.includes(id)) decisionNodes.push(id);
    if ((graph.edgeFlags[edge] as number) & NOT_ADVERTISED) usesShortcut = true;
    const to = graph.edgeTarget[edge] as number;
    if (move !== undefined) {
      steps.push(`${id}: ${moveText(move)}`);
      const leaves = graph.configNode[to] !== graph.configNode[from] || (graph.configInvalid[to] === 0 && graph.configNoInput[to] === 0);
      const link = moveLink(id, move, leaves);
      if (link !== undefined) links.push(link, ...branchLinks(graph, moveDestination(graph, from, to, move)));
    }
    configs.push(to);
  }
  const agent = graph.nodeIds[reach.nodeIndex] as string;
  steps.push(`${agent}: hold${reach.holdMicros > 0 ? ` (median ${toSeconds(reach.holdMicros)} s)` : ''}`);
  return {
    menuSeconds: toSeconds(reach.menuMicros),
    holdSeconds: toSeconds(reach.holdMicros),
    totalSeconds: toSeconds(reach.menuMicros + reach.holdMicros),
    actions: reach.actions,
    agent,
    configs,
    decisionNodes,
    steps,
    usesShortcut,
    links: [...branchLinks(graph, graph.menu.start), ...links],
  };
}

export interface RouteQuery {
  /** only announced options, no invalid entries, no silence */
  announcedOnly?: boolean;
  /** only agents that pass this test */
  agentFilter?: (nodeIndex: number) => boolean;
}

/** The fastest route (menu time plus median hold) to a person, or null when none exists. */
export function fastestRouteFacts(graph: ConfigGraph, query: RouteQuery = {}): RouteFacts | null {
  const distances = shortestDistances(graph, 'total', query.announcedOnly ? NOT_ADVERTISED : 0);
  const filter = query.agentFilter;
  const among = reachedAgents(distances).filter((reach) => filter === undefined || filter(reach.nodeIndex));
  const best = bestAgents(distances, among)[0];
  if (best === undefined) return null;
  return factsOf(graph, best, traceRoute(distances, [best.config]));
}

/** Per configuration: 1 when some route from it reaches a person (backward search from the agents). */
export function canReachPerson(graph: ConfigGraph): Uint8Array {
  const n = graph.configCount;
  const incomingStart = new Int32Array(n + 1);
  for (let edge = 0; edge < graph.edgeTarget.length; edge++) {
    const slot = (graph.edgeTarget[edge] as number) + 1;
    incomingStart[slot] = (incomingStart[slot] as number) + 1;
  }
  for (let c = 0; c < n; c++) incomingStart[c + 1] = (incomingStart[c + 1] as number) + (incomingStart[c] as number);
  const fill = incomingStart.slice(0, n);
  const incoming = new Int32Array(graph.edgeTarget.length);
  for (let from = 0; from < n; from++) {
    for (let edge = graph.edgeStart[from] as number; edge < (graph.edgeStart[from + 1] as number); edge++) {
      const to = graph.edgeTarget[edge] as number;
      const at = fill[to] as number;
      incoming[at] = from;
      fill[to] = at + 1;
    }
  }
  const reaches = new Uint8Array(n);
  const queue: number[] = [];
  for (let c = 0; c < n; c++) {
    const index = graph.configNode[c] as number;
    if (index !== IMPLICIT_HANGUP && graph.nodes[index]?.type === 'agent') {
      reaches[c] = 1;
      queue.push(c);
    }
  }
  while (queue.length > 0) {
    const c = queue.pop() as number;
    for (let i = incomingStart[c] as number; i < (incomingStart[c + 1] as number); i++) {
      const from = incoming[i] as number;
      if (!reaches[from]) {
        reaches[from] = 1;
        queue.push(from);
      }
    }
  }
  return reaches;
}

/** True when a person is reachable from the start at all (any route). */
export function personReachable(graph: ConfigGraph): boolean {
  return canReachPerson(graph)[graph.start] === 1;
}
