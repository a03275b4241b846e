/** Barge-in: keys and speech during a prompt act at once when it is on, are ignored when it is off. */
import { describe, expect, it } from 'vitest';
import { runScript, startCall } from '../../src/machine/index.js';
import { at, menuOf, secs } from './helpers.js';

const tuesday = at('tue 10:00');

function menuWithBargeIn(bargeIn: boolean) {
  return menuOf({
    main: { type: 'menu', prompt: secs(4), bargeIn, options: [{ key: '1', phrases: ['billing'], next: 'person' }] },
    person: { type: 'agent', prompt: secs(1) },
  });
}

describe('menu barge-in', () => {
  it('on: a key during the prompt starts a press at once', () => {
    const call = startCall(menuWithBargeIn(true), tuesday);
    call.advanceBy(1_000_000);
    expect(call.send({ type: 'KEY', key: '1' })).toBe('accepted');
    expect(call.view()).toMatchObject({ phase: 'pressing', phaseStartedAt: 1_000_000, phaseEndsAt: 1_500_000, acceptsKeys: false });
    expect(call.send({ type: 'KEY', key: '2' })).toBe('ignored'); // input is ignored while a key is pressed
    call.advanceBy(500_000);
    expect(call.view()).toMatchObject({ node: 'person', phase: 'prompt' });
    expect(runScript(menuWithBargeIn(true), tuesday, '1').menuSeconds).toBe(0.5 + 1);
  });

  it('off: a key during the prompt is ignored; after it the key acts', () => {
    const call = startCall(menuWithBargeIn(false), tuesday);
    expect(call.view().acceptsKeys).toBe(false);
    expect(call.send({ type: 'KEY', key: '1' })).toBe('ignored');
    call.advanceBy(4_000_000);
    expect(call.view()).toMatchObject({ phase: 'waiting', acceptsKeys: true });
    expect(call.send({ type: 'KEY', key: '1' })).toBe('accepted');
    expect(call.log().filter((entry) => entry.kind === 'ignored')).toEqual([{ at: 0, node: 'main', kind: 'ignored', key: '1' }]);
    expect(runScript(menuWithBargeIn(false), tuesday, '1').menuSeconds).toBe(4 + 0.5 + 1);
  });

  it('speech follows the same rule: "billing" is 0.4 s + 1 s recognition', () => {
    expect(runScript(menuWithBargeIn(true), tuesday, 'say:billing').menuSeconds).toBe(0.4 + 1 + 1);
    expect(runScript(menuWithBargeIn(false), tuesday, 'say:billing').menuSeconds).toBe(4 + 0.4 + 1 + 1);
    const call = startCall(menuWithBargeIn(false), tuesday);
    expect(call.send({ type: 'SAY', phrase: 'billing' })).toBe('ignored');
  });
});

describe('say barge-in', () => {
  const sayMenu = (bargeIn: boolean) => menuOf({
    hello: { type: 'say', prompt: secs(3), bargeIn, next: 'main' },
    main: { type: 'menu', prompt: secs(2), options: [{ key: '5', next: 'person' }] },
    person: { type: 'agent' },
  });

  it('on: a key skips the prompt at the cost of one press and is not passed on', () => {
    const call = startCall(sayMenu(true), tuesday);
    expect(call.send({ type: 'KEY', key: '5' })).toBe('accepted');
    call.advanceBy(500_000);
    expect(call.view()).toMatchObject({ node: 'main', phase: 'prompt', phaseStartedAt: 500_000 });
    expect(runScript(sayMenu(true), tuesday, '#,5')).toMatchObject({ outcome: { node: 'person' }, menuSeconds: 1 });
    expect(runScript(sayMenu(true), tuesday, 'wait,5')).toMatchObject({ outcome: { node: 'person' }, menuSeconds: 3.5 });
  });

  it('off: keys are ignored until the prompt ends; speech is never taken at a say', () => {
    const call = startCall(sayMenu(false), tuesday);
    expect(call.send({ type: 'KEY', key: '5' })).toBe('ignored');
    expect(call.send({ type: 'SAY', phrase: 'hello' })).toBe('ignored');
    expect(runScript(sayMenu(false), tuesday, '5')).toMatchObject({ outcome: { node: 'person' }, menuSeconds: 3.5 });
  });
});

describe('hanging up', () => {
  it('HANGUP ends the call where it is; later events report ended', () => {
    const call = startCall(menuWithBargeIn(true), tuesday);
    call.advanceBy(2_000_000);
    expect(call.send({ type: 'HANGUP' })).toBe('accepted');
    expect(call.view()).toMatchObject({ phase: 'ended', outcome: { type: 'hangup', node: 'main', reason: 'caller hung up', menuMicros: 2_000_000 } });
    expect(call.nextChangeAt()).toBeUndefined();
    expect(call.advanceToNextChange()).toBe(false);
    expect(call.send({ type: 'KEY', key: '1' })).toBe('ended');
  });
});
