/** Menus and situations for the analysis tests: the machine tests' helpers, with a phone number so routes have dial strings. */
import type { Menu } from '../../src/model/index.js';
import { menuOf as machineMenuOf } from '../machine/helpers.js';

export { at, menuFile, workedExamplePath } from '../machine/helpers.js';
export { fakeContext } from '../cli/audit-context.js';

export function menuOf(nodes: Record<string, unknown>, extra: Record<string, unknown> = {}): Menu {
  return machineMenuOf(nodes, { phone: '+18005550100', ...extra });
}
