/**
 * The oracle for route search: an exhaustive, bounded label-correcting
 * search (Bellman-Ford style, FIFO work list, string-keyed states) written
 * apart from src/analysis/graph.ts and search.ts. It shares only the cost
 * table (movesAt, resolveFailure) and the condition semantics, as the format
 * says both readings must. It finds the optimum's figures, not a route: of
 * every (agent, tricks used) class, and overall.
 *
 * Figures are ranked by the format's full tie order, written here from
 * menu-format.md: the objective's measure, then caller actions (for `keys`:
 * actions, then total), then the count of moves that are not advertised
 * options (`notAdvertisedMove` below; 0 = "uses only advertised options").
 */
import {
  holds, movesAt, moveActions, optionForKey, optionForPhrase, promptMicros, resolveFailure, toMicros,
  type InputNode, type Menu, type MenuNode, type Move, type Situation,
} from '../../src/model/index.js';
import type { Route } from '../../src/analysis/index.js';

export type OracleObjective = 'total' | 'menu' | 'keys';

export interface OracleBest {
  /** menu time including the agent's prompt */
  menuMicros: number;
  holdMicros: number;
  actions: number;
  /** moves of the route that are not advertised options (see notAdvertisedMove) */
  notAdvertised: number;
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
  notAdvertised: number;
}

/** Lexicographic order of two figure lists of one length. */
function lexLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  }
  return false;
}

function labelFigures(label: Label, actionsFirst: boolean): number[] {
  return actionsFirst ? [label.actions, label.menu, label.notAdvertised] : [label.menu, label.actions, label.notAdvertised];
}

function better(a: Label, b: Label | undefined, actionsFirst: boolean): boolean {
  return b === undefined || lexLess(labelFigures(a, actionsFirst), labelFigures(b, actionsFirst));
}

/**
 * A move that is not an advertised option: the format's "routes that use
 * only advertised options" are those without any. An unannounced option
 * (`advertised: false`), a wrong key or word, and a no-input timeout left to
 * run out are not; listening, skipping a say prompt and entering one's own
 * digits are not options at all and do not count.
 */
export function notAdvertisedMove(move: Move): boolean {
  switch (move.do) {
    case 'wait':
      return true;
    case 'press':
    case 'say':
      return !move.valid || !move.advertised;
    case 'listen':
    case 'enter':
      return false;
  }
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

/**
 * The steps of a found route that are not advertised options, read from its
 * steps and the menu (not from the search's flags): waits, invalid entries,
 * and keys or phrases of options with `advertised: false`.
 */
export function notAdvertisedSteps(menu: Menu, route: Route): number {
  return route.steps.filter((step) => {
    if (step.do === 'wait' || step.valid === false) return true;
    const node = menu.nodes[step.node];
    if (node?.type !== 'menu' || (step.do !== 'press' && step.do !== 'say')) return false;
    const index = step.do === 'press' ? optionForKey(node, step.key as string) : optionForPhrase(node, step.phrase as string);
    return node.options[index]?.advertised === false;
  }).length;
}

/** An agent's figures in the order the objective ranks them (the format's tie order). */
export function oracleFigures(objective: OracleObjective, best: Omit<OracleBest, 'agent'>): [number, number, number] {
  return objective === 'total' ? [best.menuMicros + best.holdMicros, best.actions, best.notAdvertised]
    : objective === 'menu' ? [best.menuMicros, best.actions, best.notAdvertised]
      : [best.actions, best.menuMicros + best.holdMicros, best.notAdvertised];
}

/**
 * The best figures of every class of routes: `agent|tricks` (tricks: the
 * TRICK bits of the moves the route makes, but for failures that come back
 * to their own node: a replay is a trick only through the `then` it leads
 * to, which counts) → the class's best route.
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
  offer(key(settle(menu, situation, menu.start), 0, 0, 0), { menu: 0, actions: 0, notAdvertised: 0 });
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
      const next: Label = {
        menu: label.menu + move.micros,
        actions: label.actions + moveActions(move),
        notAdvertised: label.notAdvertised + (notAdvertisedMove(move) ? 1 : 0),
      };
      const tricks = Number(tricksText) | tricksOf(move);
      if (move.outcome.type === 'goto') {
        offer(key(settle(menu, situation, move.outcome.node), 0, 0, tricks), next);
        continue;
      }
      const result = resolveFailure(node as MenuNode | InputNode, move.outcome.handler, counters);
      const before = Number(tricksText);
      if (result.type === 'replay') offer(key(id, result.invalidCount, result.noInputCount, before), next);
      else if (result.type === 'goto') {
        const target = settle(menu, situation, result.node);
        offer(key(target, 0, 0, target === id ? before : tricks), next);
      }
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
      notAdvertised: label.notAdvertised,
      agent: id,
    };
    const name = `${id}|${tricks}`;
    const known = classes.get(name);
    if (known === undefined || lexLess(oracleFigures(objective, found), oracleFigures(objective, known))) classes.set(name, found);
  }
  return classes;
}

/** The best figures of any route to an agent under the objective, or undefined when no agent can be reached. */
export function bruteForce(menu: Menu, situation: Situation, objective: OracleObjective, options: OracleOptions = {}): OracleBest | undefined {
  let best: OracleBest | undefined;
  for (const found of bruteForceClasses(menu, situation, objective, options).values()) {
    if (best === undefined || lexLess(oracleFigures(objective, found), oracleFigures(objective, best))) best = found;
  }
  return best;
}
