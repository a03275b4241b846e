import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import { countSpeech } from '../../src/model/timing.js';

// The definition of menu-format.md, written as two regular expressions: the
// reference the one-pass counter must agree with on every text.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const LATIN_WORD = /[\p{L}\p{N}]+/gu;
function referenceCount(text: string) {
  return {
    latinWords: text.replace(CJK, ' ').match(LATIN_WORD)?.length ?? 0,
    cjkChars: text.match(CJK)?.length ?? 0,
  };
}

const pieces = fc.constantFrom('press', '1', '24/7', ' ', ',', '人工', '客服', 'ひらがな', 'カタカナ', '한국어', 'é', 'Ärger', '𝐀𝐁', '—', '’', '\u0301', '\ud800', 'x');
const texts = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.array(pieces, { maxLength: 20 }).map((parts) => parts.join('')),
);

describe('countSpeech (seed 20261130)', () => {
  test.prop([texts], { seed: 20261130, numRuns: 2000 })('agrees with the regular-expression definition', (text) => {
    expect(countSpeech(text)).toEqual(referenceCount(text));
  });
});
