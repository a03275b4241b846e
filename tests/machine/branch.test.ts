/** Branches: decided at once by the situation (schedule, caller flags, facts, not/all/any), first case wins. */
import { describe, expect, it } from 'vitest';
import { runScript, startCall } from '../../src/machine/index.js';
import { at, menuOf } from './helpers.js';

const hours = { office: { timezone: 'Europe/Madrid', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00' }] } };
const end = (name: string) => ({ type: 'hangup', reason: name });

function branchMenu(cases: unknown[]) {
  return menuOf({ check: { type: 'branch', cases, otherwise: 'otherwise' }, a: end('a'), b: end('b'), otherwise: end('otherwise') }, { hours });
}

const outcomeOf = (cases: unknown[], moment: string, caller: string[] = [], facts: string[] = []) =>
  runScript(branchMenu(cases), at(moment, caller, facts), '').outcome.node;

describe('branch', () => {
  it('follows the open schedule, else otherwise, in no time', () => {
    const cases = [{ when: { open: 'office' }, next: 'a' }];
    expect(outcomeOf(cases, 'tue 10:00')).toBe('a');
    expect(outcomeOf(cases, 'tue 19:00')).toBe('otherwise');
    expect(outcomeOf(cases, 'sat 10:00')).toBe('otherwise');
    expect(runScript(branchMenu(cases), at('tue 10:00'), '').menuSeconds).toBe(0);
  });

  it('reads caller flags and world facts', () => {
    expect(outcomeOf([{ when: { caller: 'elderly' }, next: 'a' }], 'tue 10:00', ['elderly'])).toBe('a');
    expect(outcomeOf([{ when: { caller: 'elderly' }, next: 'a' }], 'tue 10:00', [], ['elderly'])).toBe('otherwise');
    expect(outcomeOf([{ when: { fact: 'holiday' }, next: 'a' }], 'tue 10:00', [], ['holiday'])).toBe('a');
  });

  it('combines with not, all and any; the first case that holds wins', () => {
    const cases = [
      { when: { all: [{ open: 'office' }, { not: { fact: 'holiday' } }] }, next: 'a' },
      { when: { any: [{ caller: 'vip' }, { fact: 'holiday' }] }, next: 'b' },
    ];
    expect(outcomeOf(cases, 'tue 10:00')).toBe('a');
    expect(outcomeOf(cases, 'tue 10:00', [], ['holiday'])).toBe('b');
    expect(outcomeOf(cases, 'tue 20:00', ['vip'])).toBe('b');
    expect(outcomeOf(cases, 'tue 20:00')).toBe('otherwise');
    expect(outcomeOf([{ when: { caller: 'x' }, next: 'b' }, { when: { caller: 'x' }, next: 'a' }], 'tue 10:00', ['x'])).toBe('b');
  });

  it('logs the branch as entered although it takes no time', () => {
    const call = startCall(branchMenu([{ when: { open: 'office' }, next: 'a' }]), at('tue 10:00'));
    expect(call.log().map((entry) => [entry.kind, entry.node])).toEqual([['enter', 'check'], ['enter', 'a'], ['end', 'a']]);
  });
});
