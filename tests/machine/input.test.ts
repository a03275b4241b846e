/** Digit entry at an `input`: exact length, min/max with a terminator, invalid keys, the timeout rule. */
import { describe, expect, it } from 'vitest';
import { inputStep, runScript, startCall } from '../../src/machine/index.js';
import type { InputNode } from '../../src/model/index.js';
import { at, menuOf, secs } from './helpers.js';

const tuesday = at('tue 10:00');

function inputMenu(fields: Record<string, unknown>) {
  return menuOf({
    pin: { type: 'input', prompt: secs(2), timeout: 3, next: 'done', invalid: { retries: 0, prompt: secs(1), then: 'wrong' }, noInput: { retries: 0, then: 'silent' }, ...fields },
    done: { type: 'agent' },
    wrong: { type: 'hangup' },
    silent: { type: 'hangup' },
  });
}

describe('input with a fixed length', () => {
  const menu = inputMenu({ length: 4 });

  it('exactly length digits go to next: 4 × 0.5 s with barge-in, collected digits shown', () => {
    const call = startCall(menu, tuesday);
    for (const key of ['1', '2', '3'] as const) {
      call.send({ type: 'KEY', key });
      call.advanceBy(500_000);
    }
    expect(call.view()).toMatchObject({ node: 'pin', phase: 'waiting', digits: '123', phaseEndsAt: 1_500_000 + 3_000_000 });
    expect(runScript(menu, tuesday, '1234')).toMatchObject({ outcome: { node: 'done' }, menuSeconds: 2 });
  });

  it('without barge-in the prompt plays first', () => {
    expect(runScript(inputMenu({ length: 4, bargeIn: false }), tuesday, '1234').menuSeconds).toBe(2 + 2);
  });

  it('* or # before enough digits is invalid', () => {
    expect(runScript(menu, tuesday, '12*')).toMatchObject({ outcome: { node: 'wrong' }, menuSeconds: 1.5 + 1 });
    expect(runScript(menu, tuesday, '1#').outcome.node).toBe('wrong');
  });

  it('a timeout with some digits collected is invalid; with none it is no-input', () => {
    // 2 digits by 1.0 s, then 3 s of silence, then the 1 s invalid prompt
    expect(runScript(menu, tuesday, '12')).toMatchObject({ outcome: { node: 'wrong' }, menuSeconds: 1 + 3 + 1 });
    expect(runScript(menu, tuesday, '')).toMatchObject({ outcome: { node: 'silent' }, menuSeconds: 2 + 3 });
  });
});

describe('input with min/max length and a terminator', () => {
  const menu = inputMenu({ minLength: 3, maxLength: 5 });

  it('the terminator after minLength digits goes to next', () => {
    expect(runScript(menu, tuesday, '123#')).toMatchObject({ outcome: { node: 'done' }, menuSeconds: 2 });
  });

  it('the terminator before minLength digits is invalid', () => {
    expect(runScript(menu, tuesday, '12#').outcome.node).toBe('wrong');
  });

  it('reaching maxLength goes to next without the terminator', () => {
    expect(runScript(menu, tuesday, '12345')).toMatchObject({ outcome: { node: 'done' }, menuSeconds: 2.5 });
  });

  it('a custom terminator replaces #', () => {
    const star = inputMenu({ minLength: 1, terminator: '*' });
    expect(runScript(star, tuesday, '7*').outcome.node).toBe('done');
    expect(runScript(star, tuesday, '7#').outcome.node).toBe('wrong');
  });

  it('a replay starts the digits again', () => {
    const retry = inputMenu({ minLength: 3, invalid: { retries: 1, then: 'wrong' } });
    const call = startCall(retry, tuesday);
    for (const key of ['1', '*'] as const) {
      call.send({ type: 'KEY', key });
      call.advanceBy(500_000);
    }
    expect(call.view()).toMatchObject({ phase: 'prompt', digits: '', invalidCount: 1 });
  });
});

describe('inputStep', () => {
  const node = (fields: Partial<InputNode>): InputNode =>
    ({ type: 'input', prompt: '', terminator: '#', bargeIn: true, timeout: 5, next: 'x', ...fields }) as InputNode;
  it.each([
    [{ length: 2 }, '', '1', 'digit'],
    [{ length: 2 }, '1', '1', 'complete'],
    [{ length: 2 }, '1', '#', 'invalid'],
    [{ minLength: 2 }, '1', '#', 'invalid'],
    [{ minLength: 2 }, '12', '#', 'complete'],
    [{ minLength: 2 }, '12', '*', 'invalid'],
    [{ minLength: 1, maxLength: 2 }, '1', '5', 'complete'],
    [{ minLength: 1, terminator: '0' }, '1', '0', 'complete'],
  ] as const)('%j after %j, key %s: %s', (fields, collected, key, expected) => {
    expect(inputStep(node(fields as Partial<InputNode>), collected, key)).toBe(expected);
  });
});
