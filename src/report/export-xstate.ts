/**
 * A menu as the JSON of its XState v5 machine config (the machine engineer's
 * `machineConfig`), for Stately's visual editor: paste it into
 * `createMachine(…)` there. Conditions stay named guards decided for the
 * situation recorded in the config's description.
 */
import { machineConfig } from '../machine/index.js';
import type { Menu, Situation } from '../model/index.js';

export function exportXState(menu: Menu, situation: Situation): string {
  return `${JSON.stringify(machineConfig(menu, situation), null, 2)}\n`;
}
