/**
 * The oracle for route search: an exhaustive, bounded label-correcting
 * search (Bellman-Ford style, FIFO work list, string-keyed states) written
 * apart from src/analysis/graph.ts and search.ts. It shares only the cost
 * table (movesAt, resolveFailure) and the condition semantics, as the format
 * says both readings must. It finds the optimum's figures, not a route.
 */
import {
  holds, movesAt, moveActions, promptMicros, resolveFailure, toMicros,
  type InputNode, type Menu, type MenuNode, type Move, type Situation,
} from '../../src/model/index.js';

export type OracleObjective = 'total' | 'menu' | 'keys';

export interface OracleBest {
  /** menu time including the agent's prompt */
  menuMicros: number;
  holdMicros: number;
  actions: number;
  agent: string;
}

export interface OracleOptions {
  /** moves the caller may not make */
  refuse?: (move: Move) => boolean;
  /** give up (throw) after this many relaxations */
  maxSteps?: number;
}

function settle(menu: Menu, situation: Situation, id: string): string {
  let current = id;
  for (let guard = 0; guard <= Object.keys(menu.nodes).length; guard++) {
    const node = menu.nodes[current];
    if (node?.type !== 'branch') return current;
    current = node.cases.find((c) => holds(c.when, menu.hours, situation))?.next ?? node.otherwise;
  }
  throw new Error(`oracle: branch loop at ${id}`);
}

interface Label {
  menu: number;
  actions: number;
}

function better(a: Label, b: Label | undefined, actionsFirst: boolean): boolean {
  if (b === undefined) return true;
  const [a1, a2, b1, b2] = actionsFirst ? [a.actions, a.menu, b.actions, b.menu] : [a.menu, a.actions, b.menu, b.actions];
  return a1 < b1 || (a1 === b1 && a2 < b2);
}

/** The best figures of any route to an agent under the objective, or undefined when no agent can be reached. */
export function bruteForce(menu: Menu, situation: Situation, objective: OracleObjective, options: OracleOptions = {}): OracleBest | undefined {
  const actionsFirst = objective === 'keys';
  const labels = new Map<string, Label>();
  const work: string[] = [];
  const key = (node: string, invalid: number, noInput: number) => `${node}|${invalid}|${noInput}`;
  const offer = (state: string, label: Label) => {
    if (!better(label, labels.get(state), actionsFirst)) return;
    labels.set(state, label);
    work.push(state);
  };
  offer(key(settle(menu, situation, menu.start), 0, 0), { menu: 0, actions: 0 });
  let steps = 0;
  const maxSteps = options.maxSteps ?? 2_000_000;
  while (work.length > 0) {
    if (++steps > maxSteps) throw new Error('oracle: bound exceeded');
    const state = work.shift() as string;
    const [id, invalidText, noInputText] = state.split('|') as [string, string, string];
    const node = menu.nodes[id];
    const label = labels.get(state) as Label;
    if (node === undefined || node.type === 'agent' || node.type === 'hangup' || node.type === 'branch') continue;
    const counters = { invalidCount: Number(invalidText), noInputCount: Number(noInputText) };
    for (const move of movesAt(node, menu.timing)) {
      if (options.refuse?.(move)) continue;
      const next: Label = { menu: label.menu + move.micros, actions: label.actions + moveActions(move) };
      if (move.outcome.type === 'goto') {
        offer(key(settle(menu, situation, move.outcome.node), 0, 0), next);
        continue;
      }
      const result = resolveFailure(node as MenuNode | InputNode, move.outcome.handler, counters);
      if (result.type === 'replay') offer(key(id, result.invalidCount, result.noInputCount), next);
      else if (result.type === 'goto') offer(key(settle(menu, situation, result.node), 0, 0), next);
    }
  }
  let best: OracleBest | undefined;
  let bestKey: [number, number] | undefined;
  for (const [state, label] of labels) {
    const id = state.split('|')[0] as string;
    const node = menu.nodes[id];
    if (node?.type !== 'agent') continue;
    const menuMicros = label.menu + promptMicros(node.prompt, menu.timing);
    const holdMicros = toMicros(node.wait?.medianSeconds ?? 0);
    const figures: [number, number] = objective === 'total' ? [menuMicros + holdMicros, label.actions]
      : objective === 'menu' ? [menuMicros, label.actions] : [label.actions, menuMicros + holdMicros];
    if (bestKey === undefined || figures[0] < bestKey[0] || (figures[0] === bestKey[0] && figures[1] < bestKey[1])) {
      bestKey = figures;
      best = { menuMicros, holdMicros, actions: label.actions, agent: id };
    }
  }
  return best;
}
