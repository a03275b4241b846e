/**
 * A route to a human as data: its steps (rebuilt from the graph edges the
 * search chose), its figures in microseconds, its `ivr call --script`
 * string, its dial string, the branch decisions it assumes (`assumes`:
 * which fact, schedule or caller flag each branch on the way read), and its
 * JSON shape of menu-format.md ("The route, as `ivr escape --json` prints
 * it", plus `strategies`, `script` and `assumes`). Seconds are rounded to
 * 0.1 s only here (roundedSeconds), for output.
 */
import {
  describeMoment, handlerOf, promptLength, promptMicros, roundedSeconds, typedDigit,
  type Key, type Menu, type MenuNodeUnion, type Micros, type Move, type Situation,
} from '../model/index.js';
import { EdgeFlag, strategiesOf, type Strategy } from './strategies.js';
import { distinctDecisions, routeBranchDecisions, type AtomKind, type BranchDecision } from './branch-decisions.js';
import type { ConfigGraph } from './graph.js';
import type { AgentReach, Objective } from './search.js';

export type StepKind = 'listen' | 'press' | 'say' | 'enter' | 'wait' | 'hold';

export interface RouteStep {
  node: string;
  do: StepKind;
  micros: Micros;
  key?: Key;
  /** false for a deliberate invalid key or word */
  valid?: false;
  phrase?: string;
  /** digits typed at an `input` (the caller's own number), terminator apart */
  digits?: number;
  terminator?: Key;
  /** the option's label, for people */
  label?: string;
  /** time spent listening after the action (an invalid entry's handler prompt) */
  listenAfterMicros?: Micros;
}

export interface Route {
  reachable: true;
  menu: string;
  objective: Objective;
  /** the agent node reached */
  outcome: string;
  queue?: string;
  menuMicros: Micros;
  holdMicros: Micros;
  /** false when the agent gives no median hold (hold counts 0) */
  holdKnown: boolean;
  actions: number;
  steps: RouteStep[];
  strategies: Strategy[];
  /** the route as an `ivr call --script` string */
  script: string;
  /** a figure rests on an audio prompt of unknown length */
  estimated: boolean;
  /** union of the route's edge flags (EdgeFlag bits) */
  flags: number;
  /**
   * the branches the route passes, each decided for the route's situation,
   * with the facts, schedules and caller flags the decision read
   */
  assumes: BranchDecision[];
}

export type UnreachableReason = 'no_agent' | 'agents_closed' | 'all_routes_hang_up' | 'not_advertised';

export interface Unreachable {
  reachable: false;
  menu: string;
  objective: Objective;
  reason: UnreachableReason;
}

export type RouteResult = Route | Unreachable;

export const UNREACHABLE_EXPLANATION: Record<UnreachableReason, string> = {
  no_agent: 'The menu has no agent node: no route reaches a human.',
  agents_closed: 'Every agent is behind a closed schedule or a condition that is false at this moment for this caller.',
  all_routes_hang_up: 'Every route ends in a hang-up: no option, handler or branch leads to an agent.',
  not_advertised: 'No route reaches a human using only announced options; only hidden options, invalid entries or silence do.',
};

function listenFirst(node: MenuNodeUnion, menu: Menu): Micros {
  return (node.type === 'menu' || node.type === 'input') && !node.bargeIn ? promptMicros(node.prompt, menu.timing) : 0;
}

function invalidPromptMicros(node: MenuNodeUnion, menu: Menu): Micros {
  return node.type === 'menu' || node.type === 'input' ? promptMicros(handlerOf(node, 'invalid').prompt, menu.timing) : 0;
}

/** The steps of one move: a listen first where barge-in is off, then the action itself. */
function stepsOfMove(nodeId: string, node: MenuNodeUnion, move: Move, menu: Menu): RouteStep[] {
  if (move.do === 'listen' || move.do === 'wait') return [{ node: nodeId, do: move.do, micros: move.micros }];
  const before = listenFirst(node, menu);
  const steps: RouteStep[] = before > 0 ? [{ node: nodeId, do: 'listen', micros: before }] : [];
  const step: RouteStep = { node: nodeId, do: move.do, micros: move.micros - before };
  switch (move.do) {
    case 'press':
    case 'say': {
      if (move.do === 'press') step.key = move.key;
      else step.phrase = move.phrase;
      if (!move.valid) {
        step.valid = false;
        step.listenAfterMicros = invalidPromptMicros(node, menu);
      }
      const label = node.type === 'menu' && move.optionIndex !== undefined ? node.options[move.optionIndex]?.label : undefined;
      if (label !== undefined) step.label = label;
      break;
    }
    case 'enter':
      step.digits = move.digits;
      if (move.terminator !== undefined) step.terminator = move.terminator;
      break;
  }
  steps.push(step);
  return steps;
}

/** A move as tokens of `ivr call --script`: a key, `say:<words>`, `wait`, or one key per typed digit (`digit`: see `typedDigit`). */
export function scriptToken(move: Move, digit: Key = '1'): string {
  switch (move.do) {
    case 'listen':
    case 'wait':
      return 'wait';
    case 'press':
      return move.key;
    case 'say':
      return `say:${move.phrase}`;
    case 'enter':
      // The caller's own number: any digits of the right length succeed (menu-format.md).
      return [...Array<string>(move.digits).fill(digit), ...(move.terminator === undefined ? [] : [move.terminator])].join(',');
  }
}

/** A move of a route, and how long the caller's action in it lasts (what follows any prompt heard first). */
export interface ScriptMove {
  move: Move;
  actionMicros: Micros;
  /** at an `input`: the digit to type */
  digit?: Key;
}

/**
 * The route as an `ivr call --script` string. The machine sends a key or a
 * phrase and reads the next token while the action is still under way; a
 * `wait` read then ends when that action lands on its next node. So a
 * `wait` (a listen or a no-input) right after an action that takes time
 * needs one more `wait` in front, to let the action land first. A listen
 * of 0 s needs no token at all.
 */
export function scriptOf(moves: readonly ScriptMove[]): string {
  const tokens: string[] = [];
  let pendingAction = false;
  for (const { move, actionMicros, digit } of moves) {
    const passive = move.do === 'listen' || move.do === 'wait';
    // A silent prompt is over before the script is read: nothing to wait for. A no-input
    // timeout of 0 s is not: a key read at that moment would be taken first, as a wrong key.
    if (move.do === 'listen' && move.micros === 0) continue;
    if (passive && pendingAction) tokens.push('wait');
    tokens.push(scriptToken(move, digit));
    pendingAction = !passive && actionMicros > 0;
  }
  return tokens.join(',');
}

/** Builds a route from the edges the search chose and the agent it reached. */
export function routeFromEdges(graph: ConfigGraph, objective: Objective, edges: readonly number[], agent: AgentReach, departmentChoice: boolean): Route {
  const { menu } = graph;
  const steps: RouteStep[] = [];
  const moves: ScriptMove[] = [];
  let flags = 0;
  let config = graph.start;
  for (const edge of edges) {
    const nodeIndex = graph.configNode[config] as number;
    const nodeId = graph.nodeIds[nodeIndex] as string;
    const node = graph.nodes[nodeIndex] as MenuNodeUnion;
    const move = graph.movesOf(nodeIndex)[graph.edgeMove[edge] as number] as Move;
    steps.push(...stepsOfMove(nodeId, node, move, menu));
    moves.push({ move, actionMicros: move.micros - listenFirst(node, menu), ...(node.type === 'input' ? { digit: typedDigit(node) } : {}) });
    flags |= graph.edgeFlags[edge] as number;
    config = graph.edgeTarget[edge] as number;
  }
  const agentId = graph.nodeIds[agent.nodeIndex] as string;
  const agentNode = graph.nodes[agent.nodeIndex] as MenuNodeUnion;
  const agentPrompt = graph.agentPromptMicros[agent.nodeIndex] as number;
  if (agentPrompt > 0) steps.push({ node: agentId, do: 'listen', micros: agentPrompt });
  const holdKnown = agentNode.type === 'agent' && agentNode.wait?.medianSeconds !== undefined;
  if (holdKnown) steps.push({ node: agentId, do: 'hold', micros: agent.holdMicros });
  const agentEstimated = agentNode.type === 'agent' && promptLength(agentNode.prompt, menu.timing).estimated;
  const route: Route = {
    reachable: true,
    menu: menu.id,
    objective,
    outcome: agentId,
    menuMicros: agent.menuMicros,
    holdMicros: agent.holdMicros,
    holdKnown,
    actions: agent.actions,
    steps,
    strategies: strategiesOf(flags, departmentChoice),
    script: scriptOf(moves),
    estimated: agentEstimated || (flags & EdgeFlag.estimated) !== 0,
    flags,
    assumes: distinctDecisions(routeBranchDecisions(graph, edges)),
  };
  if (agentNode.type === 'agent' && agentNode.queue !== undefined) route.queue = agentNode.queue;
  return route;
}

export function totalMicros(route: Route): Micros {
  return route.menuMicros + route.holdMicros;
}

const PAUSE_MICROS = 2_000_000;

export interface Dial {
  /** the phone number (if known) then keys, one `,` per started 2 s of listening or waiting before a key */
  dial: string;
  /** false when the route speaks or types digits, where the dial string stops */
  complete: boolean;
}

/** The dial string of a route (menu-format.md: `,` is a 2-second pause on phones). */
export function dialString(route: Route, phone: string | undefined): Dial {
  let dial = phone ?? '';
  let pause = 0;
  for (const step of route.steps) {
    switch (step.do) {
      case 'listen':
      case 'wait':
        pause += step.micros;
        break;
      case 'press': {
        // A key right after the number would be dialled as part of it: phones
        // send what follows the first pause as tones, so at least one pause.
        const minimum = dial === phone && phone !== undefined ? 1 : 0;
        dial += ','.repeat(Math.max(minimum, Math.ceil(pause / PAUSE_MICROS))) + (step.key ?? '');
        pause = step.listenAfterMicros ?? 0;
        break;
      }
      case 'say':
      case 'enter':
        return { dial, complete: false };
      case 'hold':
        break;
    }
  }
  return { dial, complete: true };
}

export interface SituationJson {
  moment: string;
  caller: string[];
  facts: string[];
}

export function situationJson(situation: Situation): SituationJson {
  return { moment: describeMoment(situation.moment), caller: [...situation.caller].sort(), facts: [...situation.facts].sort() };
}

function stepJson(step: RouteStep): Record<string, unknown> {
  const json: Record<string, unknown> = { node: step.node, do: step.do };
  if (step.key !== undefined) json.key = step.key;
  if (step.phrase !== undefined) json.phrase = step.phrase;
  if (step.digits !== undefined) json.digits = step.digits;
  if (step.terminator !== undefined) json.terminator = step.terminator;
  if (step.valid === false) json.valid = false;
  json.seconds = roundedSeconds(step.micros);
  return json;
}

/** The JSON map of each kind of atom: `facts`, `hours` (true: open), `caller` (true: the flag is set). */
const ASSUMPTION_FIELDS: Record<AtomKind, 'facts' | 'hours' | 'caller'> = { fact: 'facts', open: 'hours', caller: 'caller' };

/** A branch decision as JSON: `{ node, taken: "cases[0]" | "otherwise", next, facts, hours, caller }`. */
function decisionJson(decision: BranchDecision): Record<string, unknown> {
  const readings = (kind: AtomKind) =>
    Object.fromEntries(decision.reads.filter((read) => read.kind === kind).map((read) => [read.name, read.value]));
  return {
    node: decision.node,
    taken: decision.taken === 'otherwise' ? 'otherwise' : `cases[${decision.taken}]`,
    next: decision.next,
    ...Object.fromEntries((Object.keys(ASSUMPTION_FIELDS) as AtomKind[]).map((kind) => [ASSUMPTION_FIELDS[kind], readings(kind)])),
  };
}

/** The JSON of a route or of an unreachable finding, as `ivr escape --json` prints it. */
export function routeJson(result: RouteResult, menu: Menu, situation: Situation): Record<string, unknown> {
  if (!result.reachable) {
    return {
      menu: result.menu, reachable: false, objective: result.objective,
      reason: result.reason, explanation: UNREACHABLE_EXPLANATION[result.reason],
      situation: situationJson(situation),
    };
  }
  const { dial, complete } = dialString(result, menu.phone);
  const json: Record<string, unknown> = {
    menu: result.menu,
    reachable: true,
    objective: result.objective,
    menuSeconds: roundedSeconds(result.menuMicros),
    holdSeconds: roundedSeconds(result.holdMicros),
    totalSeconds: roundedSeconds(totalMicros(result)),
    actions: result.actions,
    outcome: result.outcome,
    steps: result.steps.map(stepJson),
    dial,
  };
  if (!complete) json.dialComplete = false;
  if (!result.holdKnown) json.holdKnown = false;
  json.strategies = result.strategies;
  json.script = result.script;
  if (result.estimated) json.estimated = true;
  json.situation = situationJson(situation);
  // Additive: only a route that passes a branch says what the branches read.
  if (result.assumes.length > 0) json.assumes = result.assumes.map(decisionJson);
  return json;
}
