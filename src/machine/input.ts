/**
 * What one key does at an `input` node, given the digits collected so far
 * (menu-format.md: "a terminator or `*` before enough digits" is invalid;
 * valid digits of the right length always succeed).
 *
 * - `length` set: digits count up; the `length`-th digit completes the entry.
 * - otherwise: the terminator completes once `minLength` digits are in;
 *   reaching `maxLength` digits completes without it.
 * - any other non-digit key (`*`, `#` when it is not the terminator, or the
 *   terminator too early) is invalid. A digit chosen as terminator acts as
 *   the terminator, never as a digit.
 */
import type { InputNode, Key } from '../model/index.js';

export type InputStep = 'digit' | 'complete' | 'invalid';

const DIGIT = /^[0-9]$/;

export function inputStep(node: InputNode, collected: string, key: Key): InputStep {
  const usesTerminator = node.length === undefined;
  if (usesTerminator && key === node.terminator) {
    return collected.length >= (node.minLength ?? 1) ? 'complete' : 'invalid';
  }
  if (!DIGIT.test(key)) return 'invalid';
  const count = collected.length + 1;
  if (node.length !== undefined) return count >= node.length ? 'complete' : 'digit';
  if (node.maxLength !== undefined && count >= node.maxLength) return 'complete';
  return 'digit';
}
