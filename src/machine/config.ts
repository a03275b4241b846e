/**
 * A menu as a plain-JSON XState v5 machine config: one top-level state per
 * node, one child state per phase (`prompt`, `waiting`, `pressing`,
 * `invalid`, `noInput`), and one final state for the end of the call. Every
 * behaviour is referenced by name (guards, actions, the `pressDelay` delay)
 * and implemented in `implementations.ts`; fixed durations are numeric
 * `after` delays in milliseconds (micros / 1000). The config can be pasted
 * into Stately's editor as is.
 */
import {
  describeMoment, handlerOf, keyMicros, promptMicros, promptText,
  type FailureKind, type InputNode, type Menu, type MenuNode, type MenuNodeUnion, type Micros, type NodeId, type Situation,
} from '../model/index.js';

/** The machine's id; also the root of XState's generated state ids. */
export const MACHINE_ID = 'ivr';
/** The final state's key and id: parentheses are not allowed in node ids, so it never clashes. */
export const ENDED_STATE = '(ended)';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** The XState id of a node's state: a `node:` prefix cannot clash with generated ids (`ivr.…`). */
export function stateIdOf(node: NodeId): string {
  return `node:${node}`;
}

/** A `#id` target; XState splits ids at dots unless escaped, and node ids may contain dots. */
const target = (node: NodeId): string => `#${stateIdOf(node).replaceAll('.', '\\.')}`;

/** `after` keys are milliseconds; micros / 1000 keeps the microsecond in at most three decimals. */
function delayKey(micros: Micros): string {
  return String(micros / 1000);
}

const action = (type: string, params?: JsonObject): JsonObject => (params === undefined ? { type } : { type, params });
const guard = action;

function endCall(type: 'agent' | 'hangup', node: NodeId, reason?: string): JsonObject {
  const params: JsonObject = { type, node };
  if (reason !== undefined) params.reason = reason;
  return action('endCall', params);
}

/** What a caller's input does while a node listens: start a key press or a spoken phrase. */
function listening(node: NodeId, speech: boolean): JsonObject {
  const on: JsonObject = { KEY: { target: 'pressing', actions: [action('pressKey', { node })] } };
  if (speech) on.SAY = { target: 'pressing', actions: [action('sayPhrase', { node })] };
  return on;
}

/** Why the call ended, for people: the format's field names (`then`) stay out of it. */
function failureReason(kind: FailureKind, failures: number): string {
  const plural = failures === 1 ? '' : kind === 'invalid' ? 'ies' : 's';
  const what = kind === 'invalid' ? `invalid entr${plural || 'y'}` : `no-input timeout${plural}`;
  return `hung up after ${failures} ${what} (the handler sends the call nowhere)`;
}

/** A failure phase: its prompt plays, then the node replays, goes to `then`, or the call ends. */
function failurePhase(id: NodeId, node: MenuNode | InputNode, kind: FailureKind, menu: Menu): JsonObject {
  const handler = handlerOf(node, kind);
  const after: JsonObject = handler.then === undefined
    ? { target: `#${ENDED_STATE}`, actions: [endCall('hangup', id, failureReason(kind, handler.retries + 1))] }
    : { target: target(handler.then) };
  return {
    after: {
      [delayKey(promptMicros(handler.prompt, menu.timing))]: [
        { guard: guard('failureReplays', { node: id, kind }), target: 'prompt', actions: [action('countFailure', { node: id, kind })] },
        after,
      ],
    },
  };
}

function nodeShell(id: NodeId, node: MenuNodeUnion, states: JsonObject): JsonObject {
  return {
    id: stateIdOf(id),
    tags: [node.type],
    meta: { nodeType: node.type, prompt: promptText('prompt' in node ? node.prompt : undefined) },
    entry: [action('enterNode', { node: id })],
    initial: 'prompt',
    states,
  };
}

function sayState(id: NodeId, node: Extract<MenuNodeUnion, { type: 'say' }>, menu: Menu): JsonObject {
  const prompt: JsonObject = { after: { [delayKey(promptMicros(node.prompt, menu.timing))]: target(node.next) } };
  if (node.bargeIn) prompt.on = { KEY: { target: 'pressing', actions: [action('pressKey', { node: id })] } };
  return nodeShell(id, node, {
    prompt,
    pressing: { after: { [delayKey(keyMicros(menu.timing))]: target(node.next) } },
  });
}

function menuState(id: NodeId, node: MenuNode, menu: Menu): JsonObject {
  const prompt: JsonObject = { after: { [delayKey(promptMicros(node.prompt, menu.timing))]: 'waiting' } };
  if (node.bargeIn) prompt.on = listening(id, true);
  const choices: Json[] = node.options.map((option, index) => ({ guard: guard('choiceIs', { option: index }), target: target(option.next) }));
  choices.push({ target: 'invalid' });
  return nodeShell(id, node, {
    prompt,
    waiting: { after: { [delayKey(Math.round(node.timeout * 1e6))]: 'noInput' }, on: listening(id, true) },
    pressing: { after: { pressDelay: choices } },
    invalid: failurePhase(id, node, 'invalid', menu),
    noInput: failurePhase(id, node, 'noInput', menu),
  });
}

function inputState(id: NodeId, node: InputNode, menu: Menu): JsonObject {
  const prompt: JsonObject = { after: { [delayKey(promptMicros(node.prompt, menu.timing))]: 'waiting' } };
  if (node.bargeIn) prompt.on = listening(id, false);
  return nodeShell(id, node, {
    prompt,
    waiting: {
      after: { [delayKey(Math.round(node.timeout * 1e6))]: [{ guard: guard('hasDigits'), target: 'invalid' }, { target: 'noInput' }] },
      on: listening(id, false),
    },
    pressing: {
      after: {
        pressDelay: [
          { guard: guard('inputStepIs', { node: id, step: 'complete' }), target: target(node.next), actions: [action('acceptDigit')] },
          { guard: guard('inputStepIs', { node: id, step: 'invalid' }), target: 'invalid' },
          { target: 'waiting', actions: [action('acceptDigit')] },
        ],
      },
    },
    invalid: failurePhase(id, node, 'invalid', menu),
    noInput: failurePhase(id, node, 'noInput', menu),
  });
}

function branchState(id: NodeId, node: Extract<MenuNodeUnion, { type: 'branch' }>): JsonObject {
  const cases: Json[] = node.cases.map((branchCase) => ({
    guard: guard('conditionHolds', { when: branchCase.when as unknown as Json }),
    target: target(branchCase.next),
  }));
  cases.push({ target: target(node.otherwise) });
  return {
    id: stateIdOf(id),
    tags: ['branch'],
    meta: { nodeType: 'branch', prompt: '' },
    entry: [action('enterNode', { node: id })],
    always: cases,
  };
}

function endState(id: NodeId, node: Extract<MenuNodeUnion, { type: 'agent' | 'hangup' }>, menu: Menu): JsonObject {
  const end = node.type === 'agent' ? endCall('agent', id) : endCall('hangup', id, node.reason);
  return nodeShell(id, node, {
    prompt: { after: { [delayKey(promptMicros(node.prompt, menu.timing))]: { target: `#${ENDED_STATE}`, actions: [end] } } },
  });
}

function nodeState(id: NodeId, node: MenuNodeUnion, menu: Menu): JsonObject {
  switch (node.type) {
    case 'say':
      return sayState(id, node, menu);
    case 'menu':
      return menuState(id, node, menu);
    case 'input':
      return inputState(id, node, menu);
    case 'branch':
      return branchState(id, node);
    case 'agent':
    case 'hangup':
      return endState(id, node, menu);
  }
}

/** The context a call starts with (before the start node's entry action). */
function initialContext(menu: Menu): JsonObject {
  return {
    node: menu.start, entries: 0, invalidCount: 0, noInputCount: 0, digits: '',
    pending: null, pressMicros: 0, choice: -1, outcome: null,
  };
}

/**
 * The machine config of a menu, plain JSON. Conditions are decided by the
 * `conditionHolds` guard for the situation given to `buildMachine`; the
 * situation is recorded here only as a description.
 */
export function machineConfig(menu: Menu, situation: Situation): JsonObject {
  const states: JsonObject = {};
  for (const [id, node] of Object.entries(menu.nodes)) states[id] = nodeState(id, node, menu);
  states[ENDED_STATE] = { id: ENDED_STATE, type: 'final', tags: ['ended'] };
  const callers = [...situation.caller].join(',');
  const facts = [...situation.facts].join(',');
  return {
    id: MACHINE_ID,
    description: `${menu.name} (${menu.id}) at ${describeMoment(situation.moment)}; caller: ${callers || 'none'}; facts: ${facts || 'none'}`,
    initial: menu.start,
    context: initialContext(menu),
    on: { HANGUP: { target: `#${ENDED_STATE}`, actions: [action('endCall', { type: 'hangup', reason: 'caller hung up' })] } },
    states,
  };
}
