/**
 * The call screen's keymap: terminal input (Ink's `input` string and `Key`
 * flags) → what the caller means. Pure, so it is unit-tested without a screen.
 *
 * Ink delivers a paste or fast typing ("12345") as ONE input, so the keymap
 * reads it character by character and returns one intent per character.
 */
import { KEYS, type Key } from '../model/index.js';

/** The subset of Ink's `Key` flags the keymap reads. */
export interface KeyFlags {
  ctrl?: boolean;
  meta?: boolean;
  return?: boolean;
  escape?: boolean;
  backspace?: boolean;
  delete?: boolean;
}

export type Intent =
  | { type: 'press'; key: Key }
  | { type: 'openSpeech' }
  | { type: 'type'; text: string }
  | { type: 'erase' }
  | { type: 'say' }
  | { type: 'closeSpeech' }
  | { type: 'toggleCoach' }
  /** jump the simulated clock to the next thing that happens by itself */
  | { type: 'skipAhead' }
  | { type: 'hangUp' };

/** Keys mode: the keypad is live. Speech mode: a line of typed words is open. */
export type InputMode = 'keys' | 'speech';

const KEYPAD = new Set<string>(KEYS);
const CTRL_C = '\u0003';

/** Keys-mode letters, as data; `/` and `s` both open the speech line. */
const KEYS_MODE_COMMANDS: Readonly<Record<string, Intent>> = {
  '/': { type: 'openSpeech' },
  s: { type: 'openSpeech' },
  S: { type: 'openSpeech' },
  h: { type: 'toggleCoach' },
  H: { type: 'toggleCoach' },
  ' ': { type: 'skipAhead' },
  q: { type: 'hangUp' },
  Q: { type: 'hangUp' },
};

function isCtrlC(input: string, flags: KeyFlags): boolean {
  return input === CTRL_C || (flags.ctrl === true && input === 'c');
}

function keysModeIntents(input: string): Intent[] {
  const intents: Intent[] = [];
  const chars = Array.from(input);
  for (const [index, char] of chars.entries()) {
    if (KEYPAD.has(char)) {
      intents.push({ type: 'press', key: char as Key });
      continue;
    }
    const command = KEYS_MODE_COMMANDS[char];
    if (command === undefined) continue;
    intents.push(command);
    if (command.type === 'hangUp') break;
    if (command.type === 'openSpeech') {
      // Whatever was typed after the `/` in the same chunk starts the spoken line.
      intents.push(...speechModeIntents(chars.slice(index + 1).join(''), {}));
      break;
    }
  }
  return intents;
}

function speechModeIntents(input: string, flags: KeyFlags): Intent[] {
  if (flags.escape) return [{ type: 'closeSpeech' }];
  if (flags.backspace || flags.delete) return [{ type: 'erase' }];
  if (flags.return) return [{ type: 'say' }];
  const intents: Intent[] = [];
  let text = '';
  for (const char of input) {
    if (char === '\r' || char === '\n') {
      if (text !== '') intents.push({ type: 'type', text });
      text = '';
      intents.push({ type: 'say' });
    } else if (char === '\u007f' || char === '\b') {
      if (text !== '') intents.push({ type: 'type', text });
      text = '';
      intents.push({ type: 'erase' });
    } else if (char >= ' ') {
      text += char;
    }
  }
  if (text !== '') intents.push({ type: 'type', text });
  return intents;
}

/** What one input event means in the given mode; unknown keys mean nothing. */
export function intentsFor(input: string, flags: KeyFlags, mode: InputMode): Intent[] {
  if (isCtrlC(input, flags)) return [{ type: 'hangUp' }];
  if (flags.ctrl || flags.meta) return [];
  if (mode === 'speech') return speechModeIntents(input, flags);
  if (flags.return || flags.escape || flags.backspace || flags.delete) return [];
  return keysModeIntents(input);
}
