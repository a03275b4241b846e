/** Every command of the CLI, in the order `--help` lists them. Each registers itself on the program. */
import type { Command } from 'commander';
import type { CliContext } from '../context.js';
import { register as validate } from './validate.js';
import { register as escape } from './escape.js';
import { register as importFlow } from './import.js';
import { register as audit } from './audit.js';
import { register as graph } from './graph.js';
import { register as compare } from './compare.js';
import { register as call } from './call.js';
import { register as exportMenu } from './export.js';

export const commands: ((program: Command, context: CliContext) => void)[] = [validate, escape, importFlow, audit, graph, compare, call, exportMenu];
