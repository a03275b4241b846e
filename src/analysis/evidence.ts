/**
 * Evidence: what every metric, score point and rule result points at, so a
 * reader can check it in the menu file — nodes, a route, configurations.
 */

export interface Evidence {
  /** one sentence for people */
  text: string;
  /** node ids the finding concerns */
  nodes?: string[];
  /** a route as readable steps, e.g. `main: press 3` */
  route?: string[];
  /** several routes a finding compares, e.g. D4's service and sales routes, in the order the text names them */
  routes?: string[][];
  /** configurations of the graph, written `node [invalid=1 noInput=0]` */
  configurations?: string[];
  /** the moment the figure was computed for, e.g. `tue 10:30` */
  moment?: string;
}

export function evidence(text: string, refs: Omit<Evidence, 'text'> = {}): Evidence {
  const result: Evidence = { text };
  if (refs.moment !== undefined) result.moment = refs.moment;
  // Node and configuration lists name each item once; a route keeps its repeats (it is a sequence).
  if (refs.route !== undefined && refs.route.length > 0) result.route = refs.route;
  if (refs.routes !== undefined && refs.routes.length > 0) result.routes = refs.routes;
  if (refs.nodes !== undefined && refs.nodes.length > 0) result.nodes = [...new Set(refs.nodes)];
  if (refs.configurations !== undefined && refs.configurations.length > 0) result.configurations = [...new Set(refs.configurations)];
  return result;
}

/** A figure rounded to one decimal, as reports show it. */
export function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Seconds for people: one decimal, no trailing `.0`. */
export function formatSeconds(seconds: number): string {
  return `${oneDecimal(seconds)} s`;
}
