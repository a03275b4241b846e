/**
 * The oracle for route search: an exhaustive, bounded label-correcting
 * search (Bellman-Ford style, FIFO work list, string-keyed states) written
 * apart from src/analysis/graph.ts and search.ts. It shares only the cost
 * table (movesAt, resolveFailure) and the condition semantics, as the format
 * says both readings must. It finds the optimum's figures, not a route: of
 * every (agent, tricks used) class, and overall.
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

/** Trick bits of the oracle's own: which kind of move a route has used. */
export const TRICK = { hidden: 1, invalid: 2, silence: 4, speech: 8 } as const;

function tricksOf(move: Move): number {
  switch (move.do) {
    case 'wait':
      return TRICK.silence;
    case 'press':
    case 'say': {
      const speech = move.do === 'say' ? TRICK.speech : 0;
      if (!move.valid) return speech | TRICK.invalid;
      return speech | (move.advertised ? 0 : TRICK.hidden);
    }
    case 'listen':
    case 'enter':
      return 0;
  }
}

function figuresOf(objective: OracleObjective, best: OracleBest): [number, number] {
  return objective === 'total' ? [best.menuMicros + best.holdMicros, best.actions]
    : objective === 'menu' ? [best.menuMicros, best.actions] : [best.actions, best.menuMicros + best.holdMicros];
}

function lessFigures(a: [number, number], b: [number, number]): boolean {
  return a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
}

/**
 * The best figures of every class of routes: `agent|tricks` (tricks: the
 * TRICK bits of every move the route makes) → the class's best route.
 */
export function bruteForceClasses(menu: Menu, situation: Situation, objective: OracleObjective, options: OracleOptions = {}): Map<string, OracleBest> {
  const actionsFirst = objective === 'keys';
  const labels = new Map<string, Label>();
  const work: string[] = [];
  const key = (node: string, invalid: number, noInput: number, tricks: number) => `${node}|${invalid}|${noInput}|${tricks}`;
  const offer = (state: string, label: Label) => {
    if (!better(label, labels.get(state), actionsFirst)) return;
    labels.set(state, label);
    work.push(state);
  };
  offer(key(settle(menu, situation, menu.start), 0, 0, 0), { menu: 0, actions: 0 });
  let steps = 0;
  const maxSteps = options.maxSteps ?? 2_000_000;
  while (work.length > 0) {
    if (++steps > maxSteps) throw new Error('oracle: bound exceeded');
    const state = work.shift() as string;
    const [id, invalidText, noInputText, tricksText] = state.split('|') as [string, string, string, string];
    const node = menu.nodes[id];
    const label = labels.get(state) as Label;
    if (node === undefined || node.type === 'agent' || node.type === 'hangup' || node.type === 'branch') continue;
    const counters = { invalidCount: Number(invalidText), noInputCount: Number(noInputText) };
    for (const move of movesAt(node, menu.timing)) {
      if (options.refuse?.(move)) continue;
      const next: Label = { menu: label.menu + move.micros, actions: label.actions + moveActions(move) };
      const tricks = Number(tricksText) | tricksOf(move);
      if (move.outcome.type === 'goto') {
        offer(key(settle(menu, situation, move.outcome.node), 0, 0, tricks), next);
        continue;
      }
      const result = resolveFailure(node as MenuNode | InputNode, move.outcome.handler, counters);
      if (result.type === 'replay') offer(key(id, result.invalidCount, result.noInputCount, tricks), next);
      else if (result.type === 'goto') offer(key(settle(menu, situation, result.node), 0, 0, tricks), next);
    }
  }
  const classes = new Map<string, OracleBest>();
  for (const [state, label] of labels) {
    const [id, , , tricks] = state.split('|') as [string, string, string, string];
    const node = menu.nodes[id];
    if (node?.type !== 'agent') continue;
    const found: OracleBest = {
      menuMicros: label.menu + promptMicros(node.prompt, menu.timing),
      holdMicros: toMicros(node.wait?.medianSeconds ?? 0),
      actions: label.actions,
      agent: id,
    };
    const name = `${id}|${tricks}`;
    const known = classes.get(name);
    if (known === undefined || lessFigures(figuresOf(objective, found), figuresOf(objective, known))) classes.set(name, found);
  }
  return classes;
}

/** The best figures of any route to an agent under the objective, or undefined when no agent can be reached. */
export function bruteForce(menu: Menu, situation: Situation, objective: OracleObjective, options: OracleOptions = {}): OracleBest | undefined {
  let best: OracleBest | undefined;
  for (const found of bruteForceClasses(menu, situation, objective, options).values()) {
    if (best === undefined || lessFigures(figuresOf(objective, found), figuresOf(objective, best))) best = found;
  }
  return best;
}
