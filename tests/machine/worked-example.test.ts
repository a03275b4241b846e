/** The worked example of menu-format.md, every figure, through the real machine on the simulated clock. */
import { describe, expect, it } from 'vitest';
import { runScript, startCall } from '../../src/machine/index.js';
import { at, workedExample } from './helpers.js';

describe('worked example (menu-format.md), tue 10:00 in New York', () => {
  const menu = workedExample();
  const tuesday = at('tue 10:00');

  it('welcome lasts 4.4 s and cannot be skipped: a key during it is ignored', () => {
    const call = startCall(menu, tuesday);
    expect(call.view()).toMatchObject({ node: 'welcome', phase: 'prompt', phaseEndsAt: 4_400_000, acceptsKeys: false });
    expect(call.send({ type: 'KEY', key: '3' })).toBe('ignored');
    call.advanceBy(4_399_999);
    expect(call.view().node).toBe('welcome');
    call.advanceBy(1);
    expect(call.view()).toMatchObject({ node: 'main', phase: 'prompt', phaseStartedAt: 4_400_000, acceptsKeys: true, acceptsSpeech: true });
  });

  it.each([
    ['3', 'lostCardQueue', 4.9],
    ['0', 'agentQueue', 4.9],
    ['say:agent', 'agentQueue', 5.8],
    ['say:representative', 'agentQueue', 5.8],
    ['say:  Agent ', 'agentQueue', 5.8],
    ['wait', 'agentQueue', 39.8],
    ['', 'agentQueue', 39.8],
  ])('script %j reaches %s after %f s of menu time', (script, node, seconds) => {
    const transcript = runScript(menu, tuesday, script);
    expect(transcript.outcome).toEqual({ node, type: 'agent' });
    expect(transcript.menuSeconds).toBeCloseTo(seconds, 9);
  });

  it('staying silent: three no-inputs of 11.8 s each, the third goes to hoursCheck', () => {
    const transcript = runScript(menu, tuesday, '');
    const noInputs = transcript.events.filter((event) => event.kind === 'noInput').map((event) => event.at);
    expect(noInputs).toEqual([16.2, 28, 39.8]);
    expect(transcript.events.filter((event) => event.kind === 'enter').map((event) => event.node))
      .toEqual(['welcome', 'main', 'hoursCheck', 'agentQueue']);
  });

  it('at 22:00 the 0, "agent" and silent routes end at closed; 3 still reaches a human', () => {
    const night = at('tue 22:00');
    for (const script of ['0', 'say:agent', '']) {
      expect(runScript(menu, night, script).outcome).toEqual({ node: 'closed', type: 'hangup' });
    }
    expect(runScript(menu, night, '3').outcome).toEqual({ node: 'lostCardQueue', type: 'agent' });
  });

  it('the 16-digit card number goes to selfService; 4.4 + 16 × 0.5 s then its 4-word prompt', () => {
    const transcript = runScript(menu, tuesday, '1,4111111111111111');
    expect(transcript.outcome).toEqual({ node: 'selfService', type: 'hangup' });
    // welcome 4.4, key 1 0.5, 16 keys 8.0 (barge-in), "Your balance is … Goodbye." 4 words 1.6
    expect(transcript.menuSeconds).toBeCloseTo(4.4 + 0.5 + 8 + 1.6, 9);
  });

  it('two invalid keys replay main, the third goes to goodbye', () => {
    const transcript = runScript(menu, tuesday, '9,9,9');
    expect(transcript.outcome).toEqual({ node: 'goodbye', type: 'hangup' });
    // each invalid: 0.5 s key + 2.8 s "Sorry, that is not a valid choice." (7 words); goodbye 0.4 s
    expect(transcript.menuSeconds).toBeCloseTo(4.4 + 3 * (0.5 + 2.8) + 0.4, 9);
    expect(transcript.events.filter((event) => event.kind === 'invalid')).toHaveLength(3);
  });
});
