/**
 * The named guards, actions and delays that `machineConfig` refers to. They
 * close over one menu and one situation and take every figure from the
 * shared model (`moves.ts`, `timing.ts`, `conditions.ts`), so the machine
 * cannot disagree with the configuration graph.
 */
import { assign, type ParameterizedObject } from 'xstate';
import {
  holds, keyMicros, optionForKey, optionForPhrase, phraseMicros, resolveFailure,
  type Condition, type FailureKind, type InputNode, type Key, type Menu, type MenuNode, type NodeId, type Situation,
} from '../model/index.js';
import type { CallEvent } from './events.js';
import { inputStep, type InputStep } from './input.js';

export type PendingInput = { kind: 'key'; key: Key } | { kind: 'say'; phrase: string };

export interface CallOutcomeData {
  type: 'agent' | 'hangup';
  node: NodeId;
  reason?: string;
}

/** Everything the machine remembers; the counters belong to the node being played. */
export interface CallContext {
  /** the node being played */
  node: NodeId;
  /** how many times a node was entered; a `then` back to the same node counts, a replay does not */
  entries: number;
  invalidCount: number;
  noInputCount: number;
  /** digits collected at an `input` */
  digits: string;
  /** the key or phrase being pressed or spoken */
  pending: PendingInput | null;
  /** how long the pending key or phrase takes */
  pressMicros: number;
  /** the option the pending input selects at a menu; -1: none (invalid) */
  choice: number;
  outcome: CallOutcomeData | null;
}

type Args = { context: CallContext; event: CallEvent };
type Params = ParameterizedObject['params'] | undefined;

/** `assign` typed for this machine's context and events. */
const update = <P extends Params>(assigner: (args: Args, params: P) => Partial<CallContext>) =>
  assign<CallContext, CallEvent, P, CallEvent, never>(assigner);

function menuNode(menu: Menu, id: NodeId): MenuNode | undefined {
  const node = menu.nodes[id];
  return node?.type === 'menu' ? node : undefined;
}

function failingNode(menu: Menu, id: NodeId): MenuNode | InputNode {
  const node = menu.nodes[id];
  if (node?.type !== 'menu' && node?.type !== 'input') throw new Error(`machine: node "${id}" has no failure handlers`);
  return node;
}

function inputNode(menu: Menu, id: NodeId): InputNode {
  const node = menu.nodes[id];
  if (node?.type !== 'input') throw new Error(`machine: node "${id}" is not an input`);
  return node;
}

function pendingStep(menu: Menu, context: CallContext, node: NodeId): InputStep {
  if (context.pending?.kind !== 'key') return 'invalid';
  return inputStep(inputNode(menu, node), context.digits, context.pending.key);
}

export function guardsFor(menu: Menu, situation: Situation) {
  return {
    choiceIs: ({ context }: Args, params: { option: number }) => context.choice === params.option,
    hasDigits: ({ context }: Args) => context.digits.length > 0,
    inputStepIs: ({ context }: Args, params: { node: NodeId; step: InputStep }) => pendingStep(menu, context, params.node) === params.step,
    failureReplays: ({ context }: Args, params: { node: NodeId; kind: FailureKind }) =>
      resolveFailure(failingNode(menu, params.node), params.kind, context).type === 'replay',
    conditionHolds: (_: Args, params: { when: Condition }) => holds(params.when, menu.hours, situation),
  };
}

export function actionsFor(menu: Menu) {
  return {
    /** any entry but a replay: the counters of menu-format.md start again */
    enterNode: update(({ context }: Args, params: { node: NodeId }) => ({
      node: params.node, entries: context.entries + 1, invalidCount: 0, noInputCount: 0, digits: '', pending: null, choice: -1,
    })),
    pressKey: update(({ event }: Args, params: { node: NodeId }) => {
      if (event.type !== 'KEY') return {};
      const node = menuNode(menu, params.node);
      return {
        pending: { kind: 'key' as const, key: event.key },
        pressMicros: keyMicros(menu.timing),
        choice: node === undefined ? -1 : optionForKey(node, event.key),
      };
    }),
    sayPhrase: update(({ event }: Args, params: { node: NodeId }) => {
      if (event.type !== 'SAY') return {};
      const node = menuNode(menu, params.node);
      return {
        pending: { kind: 'say' as const, phrase: event.phrase },
        pressMicros: phraseMicros(event.phrase, menu.timing),
        choice: node === undefined ? -1 : optionForPhrase(node, event.phrase),
      };
    }),
    acceptDigit: update(({ context }: Args) => ({
      digits: context.pending?.kind === 'key' ? context.digits + context.pending.key : context.digits,
      pending: null,
    })),
    countFailure: update(({ context }: Args, params: { node: NodeId; kind: FailureKind }) => {
      const result = resolveFailure(failingNode(menu, params.node), params.kind, context);
      if (result.type !== 'replay') return {};
      return { invalidCount: result.invalidCount, noInputCount: result.noInputCount, digits: '', pending: null, choice: -1 };
    }),
    endCall: update(({ context }: Args, params: { type: 'agent' | 'hangup'; node?: NodeId; reason?: string }) => {
      const outcome: CallOutcomeData = { type: params.type, node: params.node ?? context.node };
      if (params.reason !== undefined) outcome.reason = params.reason;
      return { outcome };
    }),
  };
}

export function delaysFor() {
  return {
    /** a key press or a spoken phrase: its length was computed when it started */
    pressDelay: ({ context }: { context: CallContext }) => context.pressMicros / 1000,
  };
}
