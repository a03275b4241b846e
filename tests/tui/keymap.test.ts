import { describe, expect, it } from 'vitest';
import { intentsFor } from '../../src/tui/keymap.js';

describe('keymap', () => {
  it('reads every keypad key and ignores other characters in keys mode', () => {
    expect(intentsFor('1*0#', {}, 'keys')).toEqual([
      { type: 'press', key: '1' }, { type: 'press', key: '*' }, { type: 'press', key: '0' }, { type: 'press', key: '#' },
    ]);
    expect(intentsFor('x', {}, 'keys')).toEqual([]);
  });

  it('splits a fast-typed or pasted chunk into one press per character', () => {
    expect(intentsFor('12345', {}, 'keys').map((intent) => (intent.type === 'press' ? intent.key : intent.type))).toEqual(['1', '2', '3', '4', '5']);
  });

  it('maps the command letters: / and s speak, h coach, space skip, q hang up', () => {
    expect(intentsFor('/', {}, 'keys')).toEqual([{ type: 'openSpeech' }]);
    expect(intentsFor('s', {}, 'keys')).toEqual([{ type: 'openSpeech' }]);
    expect(intentsFor('h', {}, 'keys')).toEqual([{ type: 'toggleCoach' }]);
    expect(intentsFor(' ', {}, 'keys')).toEqual([{ type: 'skipAhead' }]);
    expect(intentsFor('q', {}, 'keys')).toEqual([{ type: 'hangUp' }]);
  });

  it('hangs up on Ctrl-C in both modes, as Ink reports it or as the raw byte', () => {
    expect(intentsFor('c', { ctrl: true }, 'keys')).toEqual([{ type: 'hangUp' }]);
    expect(intentsFor('\u0003', {}, 'speech')).toEqual([{ type: 'hangUp' }]);
  });

  it('stops at q: keys after a hang-up in the same chunk are not pressed', () => {
    expect(intentsFor('1q2', {}, 'keys')).toEqual([{ type: 'press', key: '1' }, { type: 'hangUp' }]);
  });

  it('types the rest of a chunk after / into the speech line, Enter included', () => {
    expect(intentsFor('/agent\r', {}, 'keys')).toEqual([{ type: 'openSpeech' }, { type: 'type', text: 'agent' }, { type: 'say' }]);
  });

  it('in speech mode, digits and letters are words, not keys', () => {
    expect(intentsFor('q1h', {}, 'speech')).toEqual([{ type: 'type', text: 'q1h' }]);
    expect(intentsFor('人工', {}, 'speech')).toEqual([{ type: 'type', text: '人工' }]);
  });

  it('in speech mode, Enter says, Backspace erases, Escape closes', () => {
    expect(intentsFor('\r', { return: true }, 'speech')).toEqual([{ type: 'say' }]);
    expect(intentsFor('', { backspace: true }, 'speech')).toEqual([{ type: 'erase' }]);
    expect(intentsFor('', { escape: true }, 'speech')).toEqual([{ type: 'closeSpeech' }]);
    expect(intentsFor('ab\u007fc', {}, 'speech')).toEqual([{ type: 'type', text: 'ab' }, { type: 'erase' }, { type: 'type', text: 'c' }]);
  });

  it('ignores Enter, Escape and modified keys in keys mode', () => {
    expect(intentsFor('\r', { return: true }, 'keys')).toEqual([]);
    expect(intentsFor('1', { meta: true }, 'keys')).toEqual([]);
  });
});
