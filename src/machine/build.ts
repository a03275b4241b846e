/**
 * Menu → XState machine: the JSON config of `config.ts` with the named
 * implementations of `implementations.ts`. Refuses a config that names a
 * behaviour nobody implemented (XState itself would not notice).
 */
import { setup, type AnyStateMachine } from 'xstate';
import type { Menu, Situation } from '../model/index.js';
import { machineConfig } from './config.js';
import type { CallEvent } from './events.js';
import { actionsFor, delaysFor, guardsFor, type CallContext } from './implementations.js';
import { missingNames } from './names.js';

export function implementationsFor(menu: Menu, situation: Situation) {
  return { guards: guardsFor(menu, situation), actions: actionsFor(menu), delays: delaysFor() };
}

const built = new WeakMap<Menu, WeakMap<Situation, AnyStateMachine>>();

/** The machine of a menu for one situation (cached per menu and situation object). */
export function buildMachine(menu: Menu, situation: Situation): AnyStateMachine {
  const cached = built.get(menu)?.get(situation);
  if (cached !== undefined) return cached;
  const config = machineConfig(menu, situation);
  const implementations = implementationsFor(menu, situation);
  const missing = missingNames(config, implementations);
  if (missing.length > 0) throw new Error(`machine: the config names unimplemented behaviours: ${missing.join(', ')}`);
  const withImplementations = setup({ types: {} as { context: CallContext; events: CallEvent }, ...implementations });
  // The outcome as the actor's output, so a plain `createActor` user can tell an agent from a
  // hang-up when the actor is done. A function, so it is added here, not in the JSON config.
  const machine = withImplementations.createMachine({
    ...(config as unknown as Parameters<typeof withImplementations.createMachine>[0]),
    output: ({ context }: { context: CallContext }) => context.outcome,
  });
  const perSituation = built.get(menu) ?? new WeakMap<Situation, AnyStateMachine>();
  perSituation.set(situation, machine);
  built.set(menu, perSituation);
  return machine;
}
