/** Failure handlers: retries replay the node, then `then`, or the call ends; counters survive replays only. */
import { describe, expect, it } from 'vitest';
import { runScript, startCall } from '../../src/machine/index.js';
import { at, menuOf, secs } from './helpers.js';

const tuesday = at('tue 10:00');
const agent = { type: 'agent' };

/** main: 2 s prompt, 3 s timeout, key 1 → agent; invalid: 1 retry, 1 s prompt, then `fallback`. */
function menuWith(handlers: Record<string, unknown>) {
  return menuOf({
    main: { type: 'menu', prompt: secs(2), timeout: 3, options: [{ key: '1', next: 'person' }], ...handlers },
    person: agent,
    fallback: { type: 'hangup', prompt: secs(1), reason: 'fallback' },
  });
}

describe('invalid handler', () => {
  it('the first `retries` invalid keys replay the node; the next goes to then', () => {
    const menu = menuWith({ invalid: { retries: 1, prompt: secs(1), then: 'fallback' } });
    const transcript = runScript(menu, tuesday, '9,9');
    expect(transcript.outcome).toEqual({ node: 'fallback', type: 'hangup', reason: 'fallback' });
    // key 0.5 + 1 s invalid prompt, twice, then fallback's 1 s prompt (barge-in on: keys act at once)
    expect(transcript.menuSeconds).toBe(2 * 1.5 + 1);
    expect(transcript.events.map((event) => event.kind)).toEqual(
      ['enter', 'key', 'invalid', 'replay', 'key', 'invalid', 'enter', 'end']);
  });

  it('without then the failure after the retries ends the call with a reason', () => {
    const menu = menuWith({ invalid: { retries: 2 } });
    const transcript = runScript(menu, tuesday, '9,9,9,1');
    expect(transcript.outcome).toEqual({ node: 'main', type: 'hangup', reason: 'hung up after 3 invalid entries (the handler sends the call nowhere)' });
    expect(transcript.menuSeconds).toBe(1.5);
    expect(transcript.events.at(-1)).toMatchObject({ kind: 'unused', token: '1' });
  });

  it('retries 0 without then hangs up on the first failure, said in the singular', () => {
    const menu = menuWith({ invalid: { retries: 0 } });
    expect(runScript(menu, tuesday, '9').outcome).toEqual({ node: 'main', type: 'hangup', reason: 'hung up after 1 invalid entry (the handler sends the call nowhere)' });
  });

  it('retries 0 goes to then on the first failure', () => {
    const menu = menuWith({ invalid: { retries: 0, then: 'person' } });
    expect(runScript(menu, tuesday, '9')).toMatchObject({ outcome: { node: 'person', type: 'agent' }, menuSeconds: 0.5 });
  });
});

describe('no-input handler', () => {
  it('each silence costs prompt + timeout + noInput prompt; the default is 2 retries then hang-up', () => {
    const menu = menuWith({ noInput: { prompt: secs(1) } });
    const transcript = runScript(menu, tuesday, '');
    expect(transcript.outcome).toEqual({ node: 'main', type: 'hangup', reason: 'hung up after 3 no-input timeouts (the handler sends the call nowhere)' });
    expect(transcript.menuSeconds).toBe(3 * (2 + 3 + 1));
  });

  it('counters are per handler: invalid entries do not use up no-input retries', () => {
    const menu = menuWith({ invalid: { retries: 1, then: 'fallback' }, noInput: { retries: 1, then: 'person' } });
    const call = startCall(menu, tuesday);
    call.send({ type: 'KEY', key: '9' });
    call.advanceBy(500_000);
    expect(call.view()).toMatchObject({ node: 'main', phase: 'prompt', invalidCount: 1, noInputCount: 0, invalidRetries: 1, noInputRetries: 1 });
    call.advanceBy(5_000_000);
    expect(call.view()).toMatchObject({ node: 'main', invalidCount: 1, noInputCount: 1 });
    call.advanceBy(5_000_000);
    expect(call.view()).toMatchObject({ node: 'person', phase: 'ended' });
  });
});

describe('counters', () => {
  it('survive the node\'s own replays and reset when the node is entered another way', () => {
    const menu = menuOf({
      main: { type: 'menu', prompt: secs(1), options: [{ key: '1', next: 'back' }], invalid: { retries: 1, then: 'gone' } },
      back: { type: 'say', prompt: secs(1), next: 'main' },
      gone: { type: 'hangup' },
    });
    // 9 (invalid 1, replay), 1 → back → main entered again: counter reset, so two more 9s are needed to leave
    const transcript = runScript(menu, tuesday, '9,1,9,9');
    expect(transcript.outcome).toEqual({ node: 'gone', type: 'hangup' });
    const call = startCall(menu, tuesday);
    call.send({ type: 'KEY', key: '9' });
    call.advanceBy(500_000);
    expect(call.view().invalidCount).toBe(1);
    call.send({ type: 'KEY', key: '1' });
    call.advanceBy(500_000 + 1_000_000);
    expect(call.view()).toMatchObject({ node: 'main', invalidCount: 0 });
  });

  it('a then that points at the same node resets them (a new entry, not a replay)', () => {
    const menu = menuOf({
      main: { type: 'menu', prompt: secs(1), options: [{ key: '1', next: 'person' }], invalid: { retries: 1, then: 'main' } },
      person: agent,
    });
    const call = startCall(menu, tuesday);
    for (const expected of [1, 0, 1, 0]) {
      call.send({ type: 'KEY', key: '9' });
      call.advanceBy(500_000);
      expect(call.view().invalidCount).toBe(expected);
    }
    const kinds = call.log().map((entry) => entry.kind);
    expect(kinds.filter((kind) => kind === 'enter')).toHaveLength(3);
    expect(kinds.filter((kind) => kind === 'replay')).toHaveLength(2);
  });
});
