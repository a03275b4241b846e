/**
 * The branch decisions a route passes, and what each decision read from the
 * situation (world facts, opening hours, caller flags): a route found for one
 * `--at`, `--caller` and `--fact` holds only while those readings do.
 *
 * A condition is read the way `holds` decides it: left to right, `all`
 * stopping at its first false part and `any` at its first true one, and
 * every atom's value comes from `holds` itself. So the atoms a decision lists
 * settle it: in any situation where each of them has its listed value, the
 * branch takes the same case (tests/analysis/route-assumptions.test.ts).
 */
import { holds, type BranchNode, type Condition, type Menu, type Move, type Situation } from '../model/index.js';
import type { ConfigGraph } from './graph.js';

/** What an atomic condition asks about: a world fact, a schedule, a caller flag. */
export type AtomKind = 'fact' | 'open' | 'caller';

/** One atom a decision read, and its value in the situation (for `open`: true when the schedule is open). */
export interface AtomReading {
  kind: AtomKind;
  name: string;
  value: boolean;
}

/** How a branch node was decided. */
export interface BranchDecision {
  /** the branch node's id */
  node: string;
  /** the index of the case taken, or `otherwise` */
  taken: number | 'otherwise';
  /** the node the branch sends the call to */
  next: string;
  /** the atoms the decision read, each once, in reading order */
  reads: AtomReading[];
}

function atomOf(condition: Condition): { kind: AtomKind; name: string } | undefined {
  if ('fact' in condition) return { kind: 'fact', name: condition.fact };
  if ('open' in condition) return { kind: 'open', name: condition.open };
  if ('caller' in condition) return { kind: 'caller', name: condition.caller };
  return undefined;
}

/** Decides a condition as `holds` does and records each atom read (once). */
function readCondition(condition: Condition, menu: Menu, situation: Situation, reads: AtomReading[]): boolean {
  if ('not' in condition) return !readCondition(condition.not, menu, situation, reads);
  if ('all' in condition) return condition.all.every((part) => readCondition(part, menu, situation, reads));
  if ('any' in condition) return condition.any.some((part) => readCondition(part, menu, situation, reads));
  const value = holds(condition, menu.hours, situation);
  const atom = atomOf(condition);
  if (atom !== undefined && !reads.some((read) => read.kind === atom.kind && read.name === atom.name)) reads.push({ ...atom, value });
  return value;
}

/** How one branch node is decided in a situation: the first case whose condition holds, else `otherwise`. */
export function decideBranch(id: string, node: BranchNode, menu: Menu, situation: Situation): BranchDecision {
  const reads: AtomReading[] = [];
  const taken = node.cases.findIndex((branchCase) => readCondition(branchCase.when, menu, situation, reads));
  const next = taken >= 0 ? (node.cases[taken]?.next as string) : node.otherwise;
  return { node: id, taken: taken >= 0 ? taken : 'otherwise', next, reads };
}

/**
 * The decisions of the branch chain entered at `from` (0 s each), until a
 * node that is not a branch; empty when `from` is no branch. Stops at a
 * branch already decided (a valid menu has no branch loop). Chains are a
 * few nodes long: nothing here may cost in proportion to the menu, as a
 * route's every move asks for one.
 */
export function branchChain(menu: Menu, situation: Situation, from: string | undefined): BranchDecision[] {
  const decisions: BranchDecision[] = [];
  const decided = new Set<string>();
  for (let id = from; id !== undefined && !decided.has(id); ) {
    const node = menu.nodes[id];
    if (node?.type !== 'branch') break;
    decided.add(id);
    const decision = decideBranch(id, node, menu, situation);
    decisions.push(decision);
    id = decision.next;
  }
  return decisions;
}

/**
 * The node id a move of a route goes to as written in the menu (before any
 * branch is followed), or undefined when it stays at its node (a failure
 * that replays the node) or ends the call (a failure without `then`).
 */
export function moveDestination(graph: ConfigGraph, fromConfig: number, toConfig: number, move: Move): string | undefined {
  if (move.outcome.type === 'goto') return move.outcome.node;
  // A failure replays its node (a counter goes up) until the retries run out; only then is `then` taken.
  const replays = graph.configNode[toConfig] === graph.configNode[fromConfig]
    && (graph.configInvalid[toConfig] !== 0 || graph.configNoInput[toConfig] !== 0);
  if (replays) return undefined;
  const node = graph.nodes[graph.configNode[fromConfig] as number];
  return node?.type === 'menu' || node?.type === 'input' ? node[move.outcome.handler]?.then : undefined;
}

/** Each branch decision a route's edges pass, in order (the chain at the start first); one per pass. */
export function routeBranchDecisions(graph: ConfigGraph, edges: readonly number[]): BranchDecision[] {
  const { menu, situation } = graph;
  const decisions = branchChain(menu, situation, graph.from?.node ?? menu.start);
  let config = graph.start;
  for (const edge of edges) {
    const move = graph.movesOf(graph.configNode[config] as number)[graph.edgeMove[edge] as number];
    const target = graph.edgeTarget[edge] as number;
    if (move !== undefined) decisions.push(...branchChain(menu, situation, moveDestination(graph, config, target, move)));
    config = target;
  }
  return decisions;
}

/** The decisions of distinct branch nodes, the first pass of each kept (a situation decides a node the same way every time). */
export function distinctDecisions(decisions: readonly BranchDecision[]): BranchDecision[] {
  const seen = new Set<string>();
  return decisions.filter((decision) => !seen.has(decision.node) && seen.add(decision.node));
}
