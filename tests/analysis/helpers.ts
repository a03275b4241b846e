/** Menus and situations for the analysis tests: the machine tests' helpers, with a phone number so routes have dial strings. */
import type { Route, RouteResult } from '../../src/analysis/index.js';
import type { Menu, Micros } from '../../src/model/index.js';
import { menuOf as machineMenuOf } from '../machine/helpers.js';

export { at, menuFile, workedExamplePath } from '../machine/helpers.js';
export { ivrOutput } from '../cli/audit-context.js';

export function menuOf(nodes: Record<string, unknown>, extra: Record<string, unknown> = {}): Menu {
  return machineMenuOf(nodes, { phone: '+18005550100', ...extra });
}

/** The route of a result that must be reachable; an unreachable one fails the test with its reason. */
export function reachable(result: RouteResult): Route {
  if (!result.reachable) throw new Error(`unreachable: ${result.reason}`);
  return result;
}

/** Microseconds as seconds, to compare with figures worked out by hand. */
export const seconds = (micros: Micros): number => micros / 1e6;
