/** Every command of the CLI, in the order `--help` lists them. Each registers itself on the program. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { register as validate } from './validate.js';
import { register as escape } from './escape.js';
import { register as importFlow } from './import.js';

export const commands: ((program: Command, context: CliContext) => void)[] = [validate, escape, importFlow];
