/**
 * The reference for `from` (RouteOptions): the way the call screen's coach
 * first searched from a configuration, written apart from the graph. A copy
 * of the menu starts at a clone of the current node whose handlers have the
 * retries already used taken off; the clone's replays stay on the clone,
 * every other way into the node leads to the original (counters 0). Routes
 * of the copy, with the clone renamed back, are the routes from here.
 */
import { fastestRoute, type RouteResult, type StartConfiguration } from '../../src/analysis/index.js';
import { handlerOf, type Handler, type Menu, type MenuNodeUnion, type Situation } from '../../src/model/index.js';

const CLONE = 'clone-of-here';

function spent(handler: Handler, used: number): Handler {
  return { ...handler, retries: Math.max(0, handler.retries - used) };
}

function cloned(node: MenuNodeUnion, here: StartConfiguration): MenuNodeUnion {
  if (node.type !== 'menu' && node.type !== 'input') return node;
  return { ...node, invalid: spent(handlerOf(node, 'invalid'), here.invalidCount), noInput: spent(handlerOf(node, 'noInput'), here.noInputCount) };
}

/** The fastest route from a configuration, by cloning its node as the start of a copy of the menu. */
export function fastestRouteByClone(menu: Menu, situation: Situation, here: StartConfiguration): RouteResult {
  const node = menu.nodes[here.node];
  if (node === undefined) throw new RangeError(`no node ${here.node}`);
  const copy: Menu = { ...menu, start: CLONE, nodes: { ...menu.nodes, [CLONE]: cloned(node, here) } };
  const result = fastestRoute(copy, { situation });
  if (!result.reachable) return result;
  const steps = result.steps.map((step) => (step.node === CLONE ? { ...step, node: here.node } : step));
  // A clone of a branch is the first decision the route lists.
  const assumes = result.assumes.map((decision) => (decision.node === CLONE ? { ...decision, node: here.node } : decision));
  return { ...result, steps, assumes, outcome: result.outcome === CLONE ? here.node : result.outcome };
}
