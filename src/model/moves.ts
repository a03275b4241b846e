/**
 * What a caller can do at each node type, and what it costs: the one table
 * both readings of a menu use (the XState machine and the configuration
 * graph). A move names the caller's action, its time in microseconds (prompt
 * listening included where barge-in is off), and its outcome: another node,
 * or a failure that the node's handler resolves (`resolveFailure`).
 */
import type { Handler, InputNode, Key, MenuNode, MenuNodeUnion, Option, SayNode, Timing } from './schema.js';
import { KEYS } from './schema.js';
import { keyMicros, phraseMicros, promptMicros, shortestPhrase, type Micros } from './timing.js';

export type NodeId = string;
export type FailureKind = 'invalid' | 'noInput';

export type MoveOutcome = { type: 'goto'; node: NodeId } | { type: 'failure'; handler: FailureKind };

export type Move =
  /** hear a prompt to its end (a `say`) */
  | { do: 'listen'; micros: Micros; outcome: MoveOutcome }
  /** a key: an option's (`optionIndex`), a skip of a barge-in `say`, or a deliberate invalid key */
  | { do: 'press'; key: Key; valid: boolean; micros: Micros; optionIndex?: number; advertised: boolean; outcome: MoveOutcome }
  /** a spoken phrase: an option's, or one unrecognised word (`valid: false`) */
  | { do: 'say'; phrase: string; valid: boolean; micros: Micros; optionIndex?: number; advertised: boolean; outcome: MoveOutcome }
  /** digits at an `input`, terminator included when the length is not fixed */
  | { do: 'enter'; digits: number; terminator?: Key; micros: Micros; outcome: MoveOutcome }
  /** stay silent until the no-input timeout fires */
  | { do: 'wait'; micros: Micros; outcome: MoveOutcome };

/** The word a route says where every key of a menu is taken (menu-format.md). */
export const UNRECOGNISED_WORD = 'mumble';

/** Caller actions of a move: keys pressed and phrases spoken. */
export function moveActions(move: Move): number {
  switch (move.do) {
    case 'press':
    case 'say':
      return 1;
    case 'enter':
      return move.digits + (move.terminator === undefined ? 0 : 1);
    case 'listen':
    case 'wait':
      return 0;
  }
}

/** A handler with the format's defaults filled in (retries 2, no prompt, no then). */
export function handlerOf(node: MenuNode | InputNode, kind: FailureKind): Handler {
  // Named reads, not node[kind]: a keyed read on nodes of many shapes is slow, and this runs per edge.
  return (kind === 'invalid' ? node.invalid : node.noInput) ?? DEFAULT_HANDLER;
}

const DEFAULT_HANDLER: Handler = Object.freeze({ retries: 2 });

/**
 * The digits a route enters at an `input`: `length`, else `minLength` plus
 * the terminator. When `minLength` reaches `maxLength` the length is fixed in
 * effect: the entry completes at its last digit, and no terminator is charged.
 */
export function inputDigits(node: InputNode): { digits: number; terminator?: Key } {
  if (node.length !== undefined) return { digits: node.length };
  const digits = node.minLength ?? 1;
  if (node.maxLength !== undefined && digits >= node.maxLength) return { digits };
  return { digits, terminator: node.terminator };
}

/** The digit a route types at an `input` (any digits succeed): 1, or 2 where 1 is the terminator and would end the entry. */
export function typedDigit(node: InputNode): Key {
  return node.length === undefined && node.terminator === '1' ? '2' : '1';
}

/** Keys no option of a menu accepts, in the format's order 1-9, 0, *, #. */
export function freeKeys(node: MenuNode): Key[] {
  const taken = new Set(node.options.map((option) => option.key));
  return KEYS.filter((key) => !taken.has(key));
}

/** The option a key selects at a menu (the first, if a broken file repeats a key). */
export function optionForKey(node: MenuNode, key: string): number {
  return node.options.findIndex((option) => option.key === key);
}

/** The option a phrase selects: exact match after trimming, case-insensitive. */
export function optionForPhrase(node: MenuNode, phrase: string): number {
  const wanted = normalisePhrase(phrase);
  return node.options.findIndex((option) => option.phrases?.some((p) => normalisePhrase(p) === wanted) ?? false);
}

export function normalisePhrase(phrase: string): string {
  return phrase.trim().replace(/\s+/g, ' ').toLowerCase();
}

function listenFirst(node: MenuNode | InputNode, timing: Timing): Micros {
  return node.bargeIn ? 0 : promptMicros(node.prompt, timing);
}

function failureMicros(node: MenuNode | InputNode, kind: FailureKind, timing: Timing): Micros {
  return promptMicros(handlerOf(node, kind).prompt, timing);
}

function waitMove(node: MenuNode | InputNode, timing: Timing): Move {
  const micros = promptMicros(node.prompt, timing) + Math.round(node.timeout * 1e6) + failureMicros(node, 'noInput', timing);
  return { do: 'wait', micros, outcome: { type: 'failure', handler: 'noInput' } };
}

function sayMoves(node: SayNode, timing: Timing): Move[] {
  const moves: Move[] = [{ do: 'listen', micros: promptMicros(node.prompt, timing), outcome: { type: 'goto', node: node.next } }];
  if (node.bargeIn) {
    moves.push({ do: 'press', key: '#', valid: true, micros: keyMicros(timing), advertised: true, outcome: { type: 'goto', node: node.next } });
  }
  return moves;
}

/**
 * The phrase a route says for an option: its shortest phrase among those the
 * recogniser gives to this option (`optionForPhrase` picks the first option
 * that accepts a phrase, so a phrase an earlier option shares is not this
 * option's); undefined when every phrase is taken by an earlier option.
 */
function phraseForOption(node: MenuNode, optionIndex: number, timing: Timing): string | undefined {
  const phrases = node.options[optionIndex]?.phrases ?? [];
  const own = phrases.filter((phrase) => optionForPhrase(node, phrase) === optionIndex);
  return own.length === 0 ? undefined : shortestPhrase(own, timing);
}

/** A word no option of the menu accepts, for a deliberate unrecognised answer. */
function unrecognisedWord(node: MenuNode): string {
  let word = UNRECOGNISED_WORD;
  for (let n = 2; optionForPhrase(node, word) >= 0; n++) word = `${UNRECOGNISED_WORD} ${n}`;
  return word;
}

function optionMoves(node: MenuNode, option: Option, optionIndex: number, timing: Timing): Move[] {
  const before = listenFirst(node, timing);
  const outcome: MoveOutcome = { type: 'goto', node: option.next };
  const moves: Move[] = [];
  if (option.key !== undefined) {
    moves.push({ do: 'press', key: option.key, valid: true, micros: before + keyMicros(timing), optionIndex, advertised: option.advertised, outcome });
  }
  const phrase = phraseForOption(node, optionIndex, timing);
  if (phrase !== undefined) {
    moves.push({ do: 'say', phrase, valid: true, micros: before + phraseMicros(phrase, timing), optionIndex, advertised: option.advertised, outcome });
  }
  return moves;
}

function invalidMenuMove(node: MenuNode, timing: Timing): Move {
  const before = listenFirst(node, timing);
  const outcome: MoveOutcome = { type: 'failure', handler: 'invalid' };
  const after = failureMicros(node, 'invalid', timing);
  const key = freeKeys(node)[0];
  if (key !== undefined) {
    return { do: 'press', key, valid: false, micros: before + keyMicros(timing) + after, advertised: true, outcome };
  }
  const phrase = unrecognisedWord(node);
  return { do: 'say', phrase, valid: false, micros: before + phraseMicros(phrase, timing) + after, advertised: true, outcome };
}

function menuMoves(node: MenuNode, timing: Timing): Move[] {
  const moves = node.options.flatMap((option, index) => optionMoves(node, option, index, timing));
  moves.push(invalidMenuMove(node, timing), waitMove(node, timing));
  return moves;
}

function inputMoves(node: InputNode, timing: Timing): Move[] {
  const before = listenFirst(node, timing);
  const { digits, terminator } = inputDigits(node);
  const presses = digits + (terminator === undefined ? 0 : 1);
  const enter: Move = { do: 'enter', digits, micros: before + presses * keyMicros(timing), outcome: { type: 'goto', node: node.next } };
  if (terminator !== undefined) enter.terminator = terminator;
  const invalidKey: Key = '*';
  const invalid: Move = {
    do: 'press', key: invalidKey, valid: false, advertised: true,
    micros: before + keyMicros(timing) + failureMicros(node, 'invalid', timing),
    outcome: { type: 'failure', handler: 'invalid' },
  };
  return [enter, invalid, waitMove(node, timing)];
}

/**
 * Every move at a node, in the order ties are broken ("the earlier option in
 * the file"): options in file order (key before phrase), then the invalid
 * entry, then silence. `branch`, `agent` and `hangup` have none.
 */
export function movesAt(node: MenuNodeUnion, timing: Timing): Move[] {
  switch (node.type) {
    case 'say':
      return sayMoves(node, timing);
    case 'menu':
      return menuMoves(node, timing);
    case 'input':
      return inputMoves(node, timing);
    case 'branch':
    case 'agent':
    case 'hangup':
      return [];
  }
}

export type FailureResult =
  /** replay the node from its prompt, counters kept */
  | { type: 'replay'; invalidCount: number; noInputCount: number }
  /** leave for the handler's `then` (counters reset there) */
  | { type: 'goto'; node: NodeId }
  /** no `then`: the call ends at this node */
  | { type: 'hangup' };

/**
 * A failure's consequence: the first `retries` failures replay the node, the
 * one after them goes to `then`, or ends the call without it.
 */
export function resolveFailure(
  node: MenuNode | InputNode,
  kind: FailureKind,
  counters: { invalidCount: number; noInputCount: number },
): FailureResult {
  const handler = handlerOf(node, kind);
  const failures = (kind === 'invalid' ? counters.invalidCount : counters.noInputCount) + 1;
  if (failures <= handler.retries) {
    return kind === 'invalid'
      ? { type: 'replay', invalidCount: failures, noInputCount: counters.noInputCount }
      : { type: 'replay', invalidCount: counters.invalidCount, noInputCount: failures };
  }
  return handler.then === undefined ? { type: 'hangup' } : { type: 'goto', node: handler.then };
}
