/** Script parsing and the runner's limits. */
import { describe, expect, it } from 'vitest';
import { parseScript, runScript } from '../../src/machine/index.js';
import { IvrError } from '../../src/model/index.js';
import { at, menuOf, secs, workedExample } from './helpers.js';

describe('parseScript', () => {
  it('reads keys, key runs, say and wait; spaces around tokens are dropped', () => {
    expect(parseScript(' 1, *#, say: talk to agent ,WAIT')).toEqual([
      { type: 'key', key: '1' }, { type: 'key', key: '*' }, { type: 'key', key: '#' },
      { type: 'say', phrase: 'talk to agent' }, { type: 'wait' },
    ]);
    expect(parseScript('')).toEqual([]);
    expect(parseScript('say:人工')).toEqual([{ type: 'say', phrase: '人工' }]);
  });

  it.each([
    ['1,x,2', 2, 'x'],
    ['1,,2', 2, ''],
    ['say:', 1, 'say:'],
    ['12a', 1, '12a'],
  ])('%j: token %i is refused by name, exit code 2', (script, position, token) => {
    try {
      parseScript(script);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IvrError);
      expect((error as IvrError).exitCode).toBe(2);
      expect((error as IvrError).issues[0]?.code).toBe('bad_script_token');
      expect((error as IvrError).message).toContain(`token ${position} "${token}"`);
      expect((error as IvrError).issues[0]?.message['zh-CN']).toContain(`第 ${position} 项`);
    }
  });
});

describe('runScript', () => {
  it('lists tokens left over after the call ended', () => {
    const transcript = runScript(workedExample(), at('tue 10:00'), '3,1,wait');
    expect(transcript.events.filter((event) => event.kind === 'unused').map((event) => event.token)).toEqual(['1', 'wait']);
  });

  it('stops at maxMicros with an unfinished outcome when the call never ends', () => {
    const loop = menuOf({
      one: { type: 'say', prompt: secs(10), next: 'two' },
      two: { type: 'say', prompt: secs(10), next: 'one' },
    });
    const transcript = runScript(loop, at('tue 10:00'), '5', { maxMicros: 95_000_000 });
    expect(transcript.outcome).toEqual({ node: 'two', type: 'unfinished' });
    expect(transcript.menuSeconds).toBeNull();
    expect(transcript.events.at(-1)).toMatchObject({ kind: 'unused', token: '5', at: 90 });
  });

  it('wait lasts until the call moves on: the welcome, then one no-input each', () => {
    // wait: welcome 4.4 s; wait, wait: two no-inputs of 11.8 s at main; 3 pressed at once (barge-in) 0.5 s
    expect(runScript(workedExample(), at('tue 10:00'), 'wait,wait,wait,3')).toMatchObject({
      outcome: { node: 'lostCardQueue' }, menuSeconds: 4.4 + 2 * 11.8 + 0.5,
    });
  });
});
