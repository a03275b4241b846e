/**
 * The escape analysis: the fastest route to a human under an objective, the
 * best route over announced options only (and the hidden-shortcut gain), and
 * alternatives that differ in agent reached or strategy set. One
 * configuration graph serves every search of a menu and situation.
 *
 * Alternatives: one search over the strategy layers of the graph
 * (layers.ts: configuration × the set of tricks used so far) gives the best
 * route of every (agent, strategy set) class exactly; classes are ranked by
 * the objective's final key, the fastest route first. Graphs too large for
 * the layers fall back to 16 searches restricted to a subset of tricks,
 * which can miss a class (the report says so).
 *
 * `department-choice`: a route reaching a department other than the obvious
 * one (see strategies.ts) whose figure under the objective (total, menu time,
 * or caller actions for `keys`: the first component of the agent's key) is
 * strictly smaller than that of the best route to the obvious department,
 * under the same objective and the same restriction (`--advertised-only`).
 * An obvious department that cannot be reached under the restriction is
 * beaten by any route. A slower or equally fast other queue is not a choice
 * worth a label.
 */
import { reachableNodes, type AgentNode, type Menu, type Situation } from '../model/index.js';
import { buildGraph, type ConfigGraph, type StartConfiguration } from './graph.js';
import { routeFromEdges, totalMicros, type Route, type RouteResult, type UnreachableReason } from './route.js';
import {
  OBJECTIVES, agentKey, bestAgents, compareKeys, reachedAgents, shortestDistances, traceRoute,
  type AgentReach, type Distances, type Objective,
} from './search.js';
import { strategyLayers } from './layers.js';
import { CLASS_FLAGS, EdgeFlag, NOT_ADVERTISED, departmentOf } from './strategies.js';

export interface RouteOptions {
  situation: Situation;
  /** default `total` */
  objective?: Objective;
  /** only announced options, listening and requested digits */
  advertisedOnly?: boolean;
  /**
   * search from this configuration instead of the menu's start (the call
   * screen's coach: where the caller is now); figures count from its node's
   * prompt
   */
  from?: StartConfiguration;
  /** reuse a graph already built for this menu, situation and `from` */
  graph?: ConfigGraph;
}

/**
 * Refuses an objective the search does not know (a JavaScript caller, or a
 * typo that TypeScript did not see): a TypeError naming it and the three.
 */
function checkObjective(options: RouteOptions): void {
  const { objective } = options;
  if (objective !== undefined && !(OBJECTIVES as readonly unknown[]).includes(objective)) {
    throw new TypeError(`objective ${JSON.stringify(objective)} is not one of ${OBJECTIVES.map((name) => `'${name}'`).join(', ')}`);
  }
}

/** Refuses a route count that is not a whole number of at least 1: a RangeError naming the option and the value. */
function checkCount(name: string, count: unknown): void {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1) {
    throw new RangeError(`${name} must be a whole number of routes, 1 or more (got ${typeof count === 'number' ? count : JSON.stringify(count)})`);
  }
}

function graphOf(menu: Menu, options: RouteOptions): ConfigGraph {
  return options.graph ?? buildGraph(menu, options.situation, options.from);
}

const obviousCache = new WeakMap<ConfigGraph, string | null>();

/** The department a caller reaches by asking for a person without a topic (see strategies.ts); null when none. */
export function obviousDepartment(graph: ConfigGraph): string | null {
  const cached = obviousCache.get(graph);
  if (cached !== undefined) return cached;
  const [agent] = bestAgents(shortestDistances(graph, 'menu', EdgeFlag.topic, { stopAfterBest: true }));
  const department = agent === undefined ? null : departmentOfReach(graph, agent);
  obviousCache.set(graph, department);
  return department;
}

function departmentOfReach(graph: ConfigGraph, agent: AgentReach): string {
  return departmentOf(graph.nodeIds[agent.nodeIndex] as string, graph.nodes[agent.nodeIndex] as AgentNode);
}

function unreachableReason(graph: ConfigGraph, forbid: number): UnreachableReason {
  const { menu } = graph;
  if (!Object.values(menu.nodes).some((node) => node.type === 'agent')) return 'no_agent';
  if (forbid !== 0 && reachedAgents(shortestDistances(graph, 'menu')).length > 0) return 'not_advertised';
  const reachable = reachableNodes(graph.from === undefined ? menu : { ...menu, start: graph.from.node });
  const structurally = [...reachable].some((id) => menu.nodes[id]?.type === 'agent');
  return structurally ? 'agents_closed' : 'all_routes_hang_up';
}

/** The obvious department and the objective's first figure of the best route to it (Infinity when not reached). */
interface ObviousBest {
  department: string;
  first: number;
}

/**
 * The obvious department's best first figure among `reached`, which must hold
 * every agent configuration whose first figure is at most the routes' to be
 * labelled (a full search, or one stopped after the best: it settles every
 * agent that ties the best on the first figure); null without an obvious
 * department.
 */
function obviousBest(graph: ConfigGraph, objective: Objective, reached: readonly AgentReach[]): ObviousBest | null {
  const department = obviousDepartment(graph);
  if (department === null) return null;
  let first = Infinity;
  for (const reach of reached) {
    if (departmentOfReach(graph, reach) === department) first = Math.min(first, agentKey(reach, objective)[0]);
  }
  return { department, first };
}

function routeTo(distances: Distances, agents: AgentReach[], obvious: ObviousBest | null): Route {
  const { graph, objective } = distances;
  const edges = traceRoute(distances, agents.map((agent) => agent.config));
  const reachedConfig = edges.length === 0 ? graph.start : (graph.edgeTarget[edges[edges.length - 1] as number] as number);
  const agent = agents.find((candidate) => candidate.config === reachedConfig) as AgentReach;
  return routeFromEdges(graph, objective, edges, agent, departmentChosen(graph, objective, agent, obvious));
}

/** True when the agent is of another department than the obvious one and strictly beats its best route (module header). */
function departmentChosen(graph: ConfigGraph, objective: Objective, agent: AgentReach, obvious: ObviousBest | null): boolean {
  return obvious !== null && departmentOfReach(graph, agent) !== obvious.department && agentKey(agent, objective)[0] < obvious.first;
}

function search(menu: Menu, options: RouteOptions, forbid: number): { graph: ConfigGraph; result: RouteResult } {
  const graph = graphOf(menu, options);
  const objective = options.objective ?? 'total';
  const distances = shortestDistances(graph, objective, forbid, { stopAfterBest: true });
  const best = bestAgents(distances);
  if (best.length === 0) return { graph, result: { reachable: false, menu: menu.id, objective, reason: unreachableReason(graph, forbid) } };
  return { graph, result: routeTo(distances, best, obviousBest(graph, objective, reachedAgents(distances))) };
}

/**
 * The fastest route to a human (menu-format.md tie rules), or why there is none.
 * @throws TypeError when `options.objective` is not 'total', 'menu' or 'keys'
 */
export function fastestRoute(menu: Menu, options: RouteOptions): RouteResult {
  checkObjective(options);
  return search(menu, options, options.advertisedOnly ? NOT_ADVERTISED : 0).result;
}

/** Alternatives as found, and whether the method was exact. */
interface Ranked {
  routes: RouteResult[];
  /** false when the graph was too large for the layered search (see layers.ts) and 16 restricted searches stood in */
  exact: boolean;
}

interface Candidate {
  route: Route;
  key: number[];
  order: number;
}

/**
 * True when a route only pads a better one: it makes failures at a node
 * visit (wrong keys, timeouts) that only replay the node and that the way it
 * leaves does not need (it leaves by an option anyway, or by the other
 * handler's `then`), or it comes back to a configuration it has passed. The
 * route without the failures or the loop is the same way out, faster, with
 * fewer tricks; it always exists, as options and each handler's counter do
 * not depend on the other failures.
 */
export function wastesFailures(graph: ConfigGraph, edges: readonly number[]): boolean {
  let config = graph.start;
  let failedKinds = new Set<string>();
  const passed = new Set([configKey(graph, config)]);
  for (const edge of edges) {
    const target = graph.edgeTarget[edge] as number;
    const outcome = graph.movesOf(graph.configNode[config] as number)[graph.edgeMove[edge] as number]?.outcome;
    const replay = graph.configNode[target] === graph.configNode[config]
      && (graph.configInvalid[target] as number) + (graph.configNoInput[target] as number) > 0;
    const kind = outcome?.type === 'failure' ? outcome.handler : 'option';
    if (replay) {
      failedKinds.add(kind);
    } else {
      if ([...failedKinds].some((failed) => failed !== kind)) return true;
      failedKinds = new Set();
    }
    config = target;
    // Back where it has been (asking twice in a loop that returns to the start): the loop is a detour.
    const key = configKey(graph, config);
    if (passed.has(key)) return true;
    passed.add(key);
  }
  return false;
}

/** A configuration of the menu (node and counters), the same in every strategy layer. */
function configKey(graph: ConfigGraph, config: number): number {
  return ((graph.configNode[config] as number) * 256 + (graph.configInvalid[config] as number)) * 256 + (graph.configNoInput[config] as number);
}

/**
 * The best route of every (agent, strategy set) class: one search over the
 * strategy layers. Classes whose best route wastes failures are left out.
 */
function layeredCandidates(graph: ConfigGraph, layered: ConfigGraph, objective: Objective): Candidate[] {
  const distances = shortestDistances(layered, objective);
  const reached = reachedAgents(distances);
  const obvious = obviousBest(graph, objective, reached);
  const candidates: Candidate[] = [];
  for (const agent of reached) {
    const edges = traceRoute(distances, [agent.config]);
    if (wastesFailures(layered, edges)) continue;
    const departmentChoice = departmentChosen(layered, objective, agent, obvious);
    candidates.push({ route: routeFromEdges(layered, objective, edges, agent, departmentChoice), key: agentKey(agent, objective), order: candidates.length });
  }
  return candidates;
}

/**
 * The fallback for large graphs: for each subset S of the tricks, a search
 * allowing only S; a route is kept when it uses exactly S. A class whose best
 * route is beaten by a route with fewer tricks to the same agent is missed.
 */
function restrictedCandidates(graph: ConfigGraph, objective: Objective, baseForbid: number): Candidate[] {
  const candidates: Candidate[] = [];
  const allTricks = CLASS_FLAGS.reduce((bits, flag) => bits | flag, 0);
  const everyTrick = (1 << CLASS_FLAGS.length) - 1;
  // The pass allowing every trick is the full search the obvious department's best needs: run once, used twice.
  const unrestricted = shortestDistances(graph, objective, baseForbid);
  const obvious = obviousBest(graph, objective, reachedAgents(unrestricted));
  for (let allowed = 0; allowed <= everyTrick; allowed++) {
    const mask = CLASS_FLAGS.reduce((bits, flag, bit) => (allowed & (1 << bit) ? bits | flag : bits), 0);
    const distances = allowed === everyTrick ? unrestricted : shortestDistances(graph, objective, (allTricks & ~mask) | baseForbid);
    for (const agent of reachedAgents(distances)) {
      const route = routeTo(distances, [agent], obvious);
      if ((route.flags & allTricks) === mask) candidates.push({ route, key: agentKey(agent, objective), order: candidates.length });
    }
  }
  return candidates;
}

function rankRoutes(menu: Menu, options: RouteOptions & { count: number }): Ranked {
  const { graph, result: fastest } = search(menu, options, options.advertisedOnly ? NOT_ADVERTISED : 0);
  if (!fastest.reachable) return { routes: [fastest], exact: true };
  const objective = options.objective ?? 'total';
  const forbid = options.advertisedOnly ? NOT_ADVERTISED : 0;
  const layered = strategyLayers(graph, forbid);
  const candidates = layered !== undefined
    ? layeredCandidates(graph, layered, objective)
    : restrictedCandidates(graph, objective, forbid);
  const fastestClass = classOf(fastest);
  const others = candidates.filter((candidate) => classOf(candidate.route) !== fastestClass);
  others.sort((a, b) => compareKeys(a.key, b.key) || a.order - b.order);
  return { routes: [fastest, ...others.slice(0, Math.max(0, options.count - 1)).map((candidate) => candidate.route)], exact: layered !== undefined };
}

/**
 * Routes ranked by the objective, the fastest first, then the best route of
 * each other (agent, strategy set) class. Exact while the graph has at most
 * 65,536 configurations (layers.ts); beyond, 16 restricted searches stand in
 * and a class may be missing (`escapeReport` says which method ran).
 * @throws TypeError when `options.objective` is not 'total', 'menu' or 'keys'
 * @throws RangeError when `options.count` is not a whole number of at least 1
 */
export function routes(menu: Menu, options: RouteOptions & { count: number }): RouteResult[] {
  checkObjective(options);
  checkCount('count', options.count);
  return rankRoutes(menu, options).routes;
}

function classOf(route: Route): string {
  const flags = CLASS_FLAGS.filter((flag) => route.flags & flag).join('+');
  return `${route.outcome}|${flags}`;
}

export interface EscapeReport {
  route: RouteResult;
  /** with `advertisedOnly`: the fastest route overall, to measure the hidden-shortcut gain */
  fastest?: RouteResult;
  /** advertised-only total − fastest total, in µs, when both are reachable */
  hiddenShortcutGainMicros?: number;
  alternatives?: RouteResult[];
  /** with alternatives: false when the graph was too large for the exact method and a class may be missing */
  alternativesExact?: boolean;
}

/**
 * Everything `ivr escape` prints, from one graph. `alternatives` counts
 * routes in all, the fastest included (1 lists none beside it).
 * @throws TypeError when `options.objective` is not 'total', 'menu' or 'keys'
 * @throws RangeError when `options.alternatives` is given and is not a whole number of at least 1
 */
export function escapeReport(menu: Menu, options: RouteOptions & { alternatives?: number }): EscapeReport {
  checkObjective(options);
  if (options.alternatives !== undefined) checkCount('alternatives', options.alternatives);
  const graph = graphOf(menu, options);
  const shared = { ...options, graph };
  const report: EscapeReport = { route: fastestRoute(menu, shared) };
  if (options.advertisedOnly) {
    const fastest = fastestRoute(menu, { ...shared, advertisedOnly: false, objective: options.objective ?? 'total' });
    report.fastest = fastest;
    if (fastest.reachable && report.route.reachable) report.hiddenShortcutGainMicros = totalMicros(report.route) - totalMicros(fastest);
  }
  if (options.alternatives !== undefined && options.alternatives > 1) {
    const ranked = rankRoutes(menu, { ...shared, count: options.alternatives });
    report.alternatives = ranked.routes.slice(1);
    report.alternativesExact = ranked.exact;
  }
  return report;
}
