/**
 * The escape analysis: the fastest route to a human under an objective, the
 * best route over announced options only (and the hidden-shortcut gain), and
 * alternatives that differ in agent reached or strategy set. One
 * configuration graph serves every search of a menu and situation.
 *
 * Alternatives: for each of the 16 subsets S of {hidden, invalid, silence,
 * speech}, a search that allows only the strategies in S; for each agent it
 * reaches, the best route there is kept when it uses exactly S (a route
 * using less is found by the search of its own subset). Each (agent, S)
 * class thus yields at most one route, the best of its class; classes are
 * ranked by the objective's final key, the fastest route first.
 */
import { reachableNodes, type AgentNode, type Menu, type Situation } from '../model/index.js';
import { buildGraph, type ConfigGraph, type StartConfiguration } from './graph.js';
import { routeFromEdges, totalMicros, type Route, type RouteResult, type UnreachableReason } from './route.js';
import {
  agentKey, bestAgents, compareKeys, reachedAgents, shortestDistances, traceRoute,
  type AgentReach, type Distances, type Objective,
} from './search.js';
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

function graphOf(menu: Menu, options: RouteOptions): ConfigGraph {
  return options.graph ?? buildGraph(menu, options.situation, options.from);
}

const obviousCache = new WeakMap<ConfigGraph, string | null>();

/** The department a caller reaches by asking for a person without a topic (see strategies.ts); null when none. */
export function obviousDepartment(graph: ConfigGraph): string | null {
  const cached = obviousCache.get(graph);
  if (cached !== undefined) return cached;
  const [agent] = bestAgents(shortestDistances(graph, 'menu', EdgeFlag.topic));
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

function routeTo(distances: Distances, agents: AgentReach[]): Route {
  const { graph, objective } = distances;
  const edges = traceRoute(distances, agents.map((agent) => agent.config));
  const reachedConfig = edges.length === 0 ? graph.start : (graph.edgeTarget[edges[edges.length - 1] as number] as number);
  const agent = agents.find((candidate) => candidate.config === reachedConfig) as AgentReach;
  const obvious = obviousDepartment(graph);
  return routeFromEdges(graph, objective, edges, agent, obvious !== null && departmentOfReach(graph, agent) !== obvious);
}

function search(menu: Menu, options: RouteOptions, forbid: number): { graph: ConfigGraph; result: RouteResult } {
  const graph = graphOf(menu, options);
  const objective = options.objective ?? 'total';
  const distances = shortestDistances(graph, objective, forbid);
  const best = bestAgents(distances);
  if (best.length === 0) return { graph, result: { reachable: false, menu: menu.id, objective, reason: unreachableReason(graph, forbid) } };
  return { graph, result: routeTo(distances, best) };
}

/** The fastest route to a human (menu-format.md tie rules), or why there is none. */
export function fastestRoute(menu: Menu, options: RouteOptions): RouteResult {
  return search(menu, options, options.advertisedOnly ? NOT_ADVERTISED : 0).result;
}

/** Routes ranked by the objective, one per (agent, strategy set) class, the fastest first. */
export function routes(menu: Menu, options: RouteOptions & { count: number }): RouteResult[] {
  const { graph, result: fastest } = search(menu, options, options.advertisedOnly ? NOT_ADVERTISED : 0);
  if (!fastest.reachable) return [fastest];
  const objective = options.objective ?? 'total';
  const candidates: { route: Route; key: number[]; order: number }[] = [];
  const fastestClass = classOf(fastest);
  for (let allowed = 0; allowed < 1 << CLASS_FLAGS.length; allowed++) {
    const mask = CLASS_FLAGS.reduce((bits, flag, bit) => (allowed & (1 << bit) ? bits | flag : bits), 0);
    const forbid = CLASS_FLAGS.reduce((bits, flag) => bits | flag, 0) & ~mask | (options.advertisedOnly ? NOT_ADVERTISED : 0);
    const distances = shortestDistances(graph, objective, forbid);
    for (const agent of reachedAgents(distances)) {
      const route = routeTo(distances, [agent]);
      if ((route.flags & mask) !== mask || classOf(route) === fastestClass) continue;
      candidates.push({ route, key: agentKey(agent, objective), order: candidates.length });
    }
  }
  candidates.sort((a, b) => compareKeys(a.key, b.key) || a.order - b.order);
  return [fastest, ...candidates.slice(0, Math.max(0, options.count - 1)).map((candidate) => candidate.route)];
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
}

/** Everything `ivr escape` prints, from one graph. */
export function escapeReport(menu: Menu, options: RouteOptions & { alternatives?: number }): EscapeReport {
  const graph = graphOf(menu, options);
  const shared = { ...options, graph };
  const report: EscapeReport = { route: fastestRoute(menu, shared) };
  if (options.advertisedOnly) {
    const fastest = fastestRoute(menu, { ...shared, advertisedOnly: false, objective: options.objective ?? 'total' });
    report.fastest = fastest;
    if (fastest.reachable && report.route.reachable) report.hiddenShortcutGainMicros = totalMicros(report.route) - totalMicros(fastest);
  }
  if (options.alternatives !== undefined && options.alternatives > 1) {
    report.alternatives = routes(menu, { ...shared, count: options.alternatives }).slice(1);
  }
  return report;
}
