/**
 * XState does not check the names a JSON config refers to: a missing action
 * is silently skipped, a missing guard throws only when evaluated, a missing
 * delay never fires. This walks a config and lists every guard, action and
 * delay name it uses, so `buildMachine` (and a test) can refuse a gap.
 */

export interface ReferencedNames {
  guards: Set<string>;
  actions: Set<string>;
  delays: Set<string>;
}

type Loose = Record<string, unknown>;

const isObject = (value: unknown): value is Loose => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: unknown): unknown[] => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function nameOf(reference: unknown): string | undefined {
  if (typeof reference === 'string') return reference;
  if (isObject(reference) && typeof reference.type === 'string') return reference.type;
  return undefined;
}

function addActions(found: ReferencedNames, actions: unknown): void {
  for (const reference of asArray(actions)) {
    const name = nameOf(reference);
    if (name !== undefined) found.actions.add(name);
  }
}

function addTransitions(found: ReferencedNames, transitions: unknown): void {
  for (const transition of asArray(transitions)) {
    if (!isObject(transition)) continue; // a bare target string names no behaviour
    const guard = nameOf(transition.guard);
    if (guard !== undefined) found.guards.add(guard);
    addActions(found, transition.actions);
  }
}

function walkState(found: ReferencedNames, state: Loose): void {
  addActions(found, state.entry);
  addActions(found, state.exit);
  if (isObject(state.on)) for (const transitions of Object.values(state.on)) addTransitions(found, transitions);
  addTransitions(found, state.always);
  if (isObject(state.after)) {
    for (const [delay, transitions] of Object.entries(state.after)) {
      if (Number.isNaN(Number(delay))) found.delays.add(delay);
      addTransitions(found, transitions);
    }
  }
  if (isObject(state.states)) for (const child of Object.values(state.states)) if (isObject(child)) walkState(found, child);
}

export function referencedNames(config: object): ReferencedNames {
  const found: ReferencedNames = { guards: new Set(), actions: new Set(), delays: new Set() };
  walkState(found, config as Loose);
  return found;
}

/** Names the config uses that the implementations lack, as `guard:name`, `action:name`, `delay:name`. */
export function missingNames(config: object, implementations: { guards: object; actions: object; delays: object }): string[] {
  const found = referencedNames(config);
  const missing = (kind: string, names: Set<string>, table: object) =>
    [...names].filter((name) => !Object.hasOwn(table, name)).map((name) => `${kind}:${name}`);
  return [
    ...missing('guard', found.guards, implementations.guards),
    ...missing('action', found.actions, implementations.actions),
    ...missing('delay', found.delays, implementations.delays),
  ];
}
