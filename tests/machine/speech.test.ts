/** Spoken phrases: matched after trimming, whitespace folding and case folding; CJK timed per character. */
import { describe, expect, it } from 'vitest';
import { runScript, startCall } from '../../src/machine/index.js';
import { at, menuOf, secs } from './helpers.js';

const tuesday = at('tue 10:00');
const menu = menuOf({
  main: {
    type: 'menu', prompt: secs(2),
    options: [
      { phrases: ['人工', '人工服务'], next: 'person' },
      { phrases: ['Speak To Someone'], next: 'person' },
      { key: '1', next: 'other' },
    ],
    invalid: { retries: 0, then: 'other' },
  },
  person: { type: 'agent' },
  other: { type: 'hangup' },
});

describe('speech at a menu', () => {
  it('人工 is 2 CJK characters: 2 × 0.25 s + 1 s recognition', () => {
    expect(runScript(menu, tuesday, 'say:人工')).toMatchObject({ outcome: { node: 'person', type: 'agent' }, menuSeconds: 1.5 });
    expect(runScript(menu, tuesday, 'say:人工服务').menuSeconds).toBe(2);
  });

  it.each(['speak to someone', '  SPEAK   to\tSomeone  '])('%j matches "Speak To Someone" (3 words: 1.2 s + 1 s)', (phrase) => {
    const call = startCall(menu, tuesday);
    call.send({ type: 'SAY', phrase });
    expect(call.view()).toMatchObject({ phase: 'pressing', phaseEndsAt: 2_200_000 });
    call.advanceBy(2_200_000);
    expect(call.view().node).toBe('person');
  });

  it('an unrecognised phrase is an invalid entry, timed like any phrase', () => {
    const transcript = runScript(menu, tuesday, 'say:operator please');
    expect(transcript.outcome.node).toBe('other');
    expect(transcript.menuSeconds).toBe(0.8 + 1);
    expect(transcript.events.map((event) => event.kind)).toContain('invalid');
  });

  it('speech is refused at an input node', () => {
    const input = menuOf({ pin: { type: 'input', prompt: secs(1), length: 4, next: 'done' }, done: { type: 'agent' } });
    const call = startCall(input, tuesday);
    expect(call.view().acceptsSpeech).toBe(false);
    expect(call.send({ type: 'SAY', phrase: '1234' })).toBe('ignored');
  });
});
