/**
 * The time model of menu-format.md ("Time, exactly"), in one place, so that
 * the XState machine and the configuration graph cannot disagree.
 *
 * Durations are whole microseconds (`Micros`). With the default rates every
 * figure of the format is exact in microseconds (a word is 400 000 µs, a CJK
 * character 250 000 µs); with custom rates each prompt is rounded to the
 * microsecond once, before any sum, so that equal routes stay equal.
 */
import type { Prompt, Timing } from './schema.js';

/** A duration in whole microseconds. */
export type Micros = number;
/** A duration in seconds, for people. */
export type Seconds = number;

const MICROS_PER_SECOND = 1_000_000;

export function toMicros(seconds: Seconds): Micros {
  return Math.round(seconds * MICROS_PER_SECOND);
}

export function toSeconds(micros: Micros): Seconds {
  return micros / MICROS_PER_SECOND;
}

/**
 * Seconds rounded to 0.1 s (a half tenth up), for every place a time is shown:
 * routes, reports and the call screen, so that they always agree.
 */
export function roundedSeconds(micros: Micros): Seconds {
  return Math.round(micros / 100_000) / 10;
}

/** The defaults of the format; `Menu.timing` always has every field filled. */
export const DEFAULT_TIMING: Timing = {
  wordsPerMinute: 150,
  charsPerMinute: 240,
  keySeconds: 0.5,
  recognitionSeconds: 1.0,
  unknownPromptSeconds: 5,
};

const CJK_CHAR = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export interface SpeechCount {
  /** maximal runs of letters or digits outside CJK */
  latinWords: number;
  /** Han, Hiragana, Katakana and Hangul characters */
  cjkChars: number;
}

const OTHER = 0;
const LATIN = 1;
const CJK = 2;

/** What one code point is for counting: ASCII by table (the common case), the rest by Unicode property. */
function classify(codePoint: number): typeof OTHER | typeof LATIN | typeof CJK {
  if (codePoint < 128) {
    const isAlphanumeric = (codePoint >= 48 && codePoint <= 57) || (codePoint >= 65 && codePoint <= 90) || (codePoint >= 97 && codePoint <= 122);
    return isAlphanumeric ? LATIN : OTHER;
  }
  const character = String.fromCodePoint(codePoint);
  if (CJK_CHAR.test(character)) return CJK;
  return LETTER_OR_DIGIT.test(character) ? LATIN : OTHER;
}

/**
 * One pass over the text: a CJK character counts alone and ends a Latin
 * word. (Two regular expressions over the whole text gave the same counts
 * three times slower, which showed on menus of a million configurations;
 * tests/model/timing.property.test.ts keeps them as the reference.)
 */
export function countSpeech(text: string): SpeechCount {
  let latinWords = 0;
  let cjkChars = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const codePoint = text.codePointAt(index) as number;
    if (codePoint > 0xffff) index++;
    const kind = classify(codePoint);
    if (kind === LATIN) {
      if (!inWord) latinWords++;
      inWord = true;
    } else {
      inWord = false;
      if (kind === CJK) cjkChars++;
    }
  }
  return { latinWords, cjkChars };
}

/** Speaking time of a text at the menu's rates. */
function speakingMicros(text: string, timing: Timing): Micros {
  const { latinWords, cjkChars } = countSpeech(text);
  return toMicros((60 * latinWords) / timing.wordsPerMinute + (60 * cjkChars) / timing.charsPerMinute);
}

export interface PromptLength {
  micros: Micros;
  /** true when the prompt is an audio file of unknown length (`unknownPromptSeconds` counted) */
  estimated: boolean;
}

const SILENT: PromptLength = { micros: 0, estimated: false };

/** d(p): a measured `seconds` wins, then the text's estimate; neither counts `unknownPromptSeconds`. */
export function promptLength(prompt: Prompt | undefined, timing: Timing): PromptLength {
  if (prompt === undefined) return SILENT;
  if (typeof prompt === 'string') return { micros: speakingMicros(prompt, timing), estimated: false };
  if (prompt.seconds !== undefined) return { micros: toMicros(prompt.seconds), estimated: false };
  if (prompt.text !== undefined) return { micros: speakingMicros(prompt.text, timing), estimated: false };
  return { micros: toMicros(timing.unknownPromptSeconds), estimated: true };
}

export function promptMicros(prompt: Prompt | undefined, timing: Timing): Micros {
  return promptLength(prompt, timing).micros;
}

/** The words of a prompt, for screens and reports; audio prompts show their file name. */
export function promptText(prompt: Prompt | undefined): string {
  if (prompt === undefined) return '';
  if (typeof prompt === 'string') return prompt;
  return prompt.text ?? (prompt.audio !== undefined ? `[audio: ${prompt.audio}]` : '[recorded message]');
}

export function keyMicros(timing: Timing): Micros {
  return toMicros(timing.keySeconds);
}

/** Saying a phrase: its speaking time plus the recogniser's latency. */
export function phraseMicros(phrase: string, timing: Timing): Micros {
  return speakingMicros(phrase, timing) + toMicros(timing.recognitionSeconds);
}

/** The phrase a route says for an option: the shortest to say, the first of equally short ones. */
export function shortestPhrase(phrases: readonly string[], timing: Timing): string {
  let best = phrases[0] ?? '';
  let bestMicros = speakingMicros(best, timing);
  for (const phrase of phrases.slice(1)) {
    const micros = speakingMicros(phrase, timing);
    if (micros < bestMicros) {
      best = phrase;
      bestMicros = micros;
    }
  }
  return best;
}
