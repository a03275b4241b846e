/**
 * Every command of the CLI, in the order `--help` lists them. A command's
 * module is loaded only when it runs (or when the whole list is shown), so
 * `ivr escape` does not pay for Ink, Graphviz or the importers at start-up.
 */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';

export type Register = (program: Command, context: CliContext) => void;

export interface CommandEntry {
  name: string;
  load: () => Promise<{ register: Register }>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'validate', load: () => import('./validate.js') },
  { name: 'escape', load: () => import('./escape.js') },
  { name: 'call', load: () => import('./call.js') },
  { name: 'audit', load: () => import('./audit.js') },
  { name: 'compare', load: () => import('./compare.js') },
  { name: 'graph', load: () => import('./graph.js') },
  { name: 'import', load: () => import('./import.js') },
  { name: 'export', load: () => import('./export.js') },
];
