/**
 * Every rule of "Time, exactly" (menu-format.md) as an example worked out by
 * hand, and every number of the worked example, read through `movesAt`: the
 * table the machine and the search both use.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TIMING, Node, Timing, UNRECOGNISED_WORD, countSpeech, loadMenu, movesAt, phraseMicros, promptLength,
  promptMicros, resolveFailure, roundedSeconds, shortestPhrase, toMicros,
  type Menu, type MenuNodeUnion, type Move,
} from '../../src/model/index.js';

const seconds = toMicros;
const node = (value: unknown): MenuNodeUnion => Node.parse(value);
const timingWith = (overrides: Partial<Timing>): Timing => Timing.parse(overrides);

/** The move of a node that matches, so each test names the move it means. */
function moveWhere(moves: Move[], match: (move: Move) => boolean): Move {
  const found = moves.find(match);
  if (found === undefined) throw new Error(`no such move among ${JSON.stringify(moves)}`);
  return found;
}
const pressOf = (moves: Move[], key: string) => moveWhere(moves, (m) => m.do === 'press' && m.key === key);
const sayOf = (moves: Move[], phrase: string) => moveWhere(moves, (m) => m.do === 'say' && m.phrase === phrase);
const waitOf = (moves: Move[]) => moveWhere(moves, (m) => m.do === 'wait');
const invalidOf = (moves: Move[]) => moveWhere(moves, (m) => (m.do === 'press' || m.do === 'say') && !m.valid);
const enterOf = (moves: Move[]) => moveWhere(moves, (m) => m.do === 'enter');

// 10 words at 150 per minute: 4 s. Used wherever a prompt's length does not matter.
const TEN_WORDS = 'one two three four five six seven eight nine ten';

describe('prompt length d(p)', () => {
  it('counts maximal runs of letters or digits as Latin words; punctuation and hyphens split runs', () => {
    expect(countSpeech('Press 1 for 24-hour service, please!')).toEqual({ latinWords: 7, cjkChars: 0 });
    // Press, 1, for, 24, hour, service, please = 7 words × 0.4 s
    expect(promptMicros('Press 1 for 24-hour service, please!', DEFAULT_TIMING)).toBe(seconds(2.8));
  });

  it('counts accented letters as letters', () => {
    expect(countSpeech('Pulse cero para español')).toEqual({ latinWords: 4, cjkChars: 0 });
  });

  it('counts every Han, Hiragana, Katakana and Hangul character at 240 per minute (0.25 s each)', () => {
    expect(promptMicros('您好欢迎致电', DEFAULT_TIMING)).toBe(seconds(1.5));
    expect(countSpeech('ひらがなカタカナ한국어')).toEqual({ latinWords: 0, cjkChars: 11 });
    expect(promptMicros('ひらがなカタカナ한국어', DEFAULT_TIMING)).toBe(seconds(2.75));
  });

  it('adds both rates in mixed text; a CJK character ends a Latin word and CJK punctuation is silent', () => {
    // 请按 号键 = 4 CJK chars (1.0 s); "1", "for", "English" = 3 words (1.2 s)
    expect(countSpeech('请按1号键,for English。')).toEqual({ latinWords: 3, cjkChars: 4 });
    expect(promptMicros('请按1号键,for English。', DEFAULT_TIMING)).toBe(seconds(2.2));
  });

  it('uses measured seconds over the text estimate', () => {
    expect(promptLength({ text: TEN_WORDS, seconds: 7.5 }, DEFAULT_TIMING)).toEqual({ micros: seconds(7.5), estimated: false });
    expect(promptLength({ audio: 'welcome.wav', seconds: 3 }, DEFAULT_TIMING)).toEqual({ micros: seconds(3), estimated: false });
  });

  it('reads an object prompt with text only like a string prompt', () => {
    expect(promptLength({ text: TEN_WORDS }, DEFAULT_TIMING)).toEqual({ micros: seconds(4), estimated: false });
  });

  it('counts unknownPromptSeconds, marked estimated, for an audio prompt of unknown length', () => {
    expect(promptLength({ audio: 'welcome.wav' }, DEFAULT_TIMING)).toEqual({ micros: seconds(5), estimated: true });
    expect(promptLength({}, DEFAULT_TIMING)).toEqual({ micros: seconds(5), estimated: true });
    expect(promptLength({ audio: 'welcome.wav' }, timingWith({ unknownPromptSeconds: 12 }))).toEqual({ micros: seconds(12), estimated: true });
  });

  it('gives an absent prompt 0 s, not estimated', () => {
    expect(promptLength(undefined, DEFAULT_TIMING)).toEqual({ micros: 0, estimated: false });
    expect(promptMicros('', DEFAULT_TIMING)).toBe(0);
  });
});

describe('say', () => {
  it('costs d(prompt) and cannot be skipped by default', () => {
    const moves = movesAt(node({ type: 'say', prompt: TEN_WORDS, next: 'x' }), DEFAULT_TIMING);
    expect(moves).toEqual([{ do: 'listen', micros: seconds(4), outcome: { type: 'goto', node: 'x' } }]);
  });

  it('with bargeIn can be skipped with # for one key press', () => {
    const moves = movesAt(node({ type: 'say', prompt: TEN_WORDS, next: 'x', bargeIn: true }), DEFAULT_TIMING);
    expect(pressOf(moves, '#')).toMatchObject({ valid: true, micros: seconds(0.5), outcome: { type: 'goto', node: 'x' } });
  });
});

describe('menu', () => {
  const menu = (extra: object = {}) => node({
    type: 'menu', prompt: TEN_WORDS,
    options: [
      { key: '1', next: 'a' },
      { key: '2', phrases: ['customer service', 'agent', 'human'], next: 'b' },
      { phrases: ['人工客服', '人工'], next: 'c' },
    ],
    ...extra,
  });

  it('a key costs keySeconds when bargeIn is on (the default)', () => {
    expect(pressOf(movesAt(menu(), DEFAULT_TIMING), '1').micros).toBe(seconds(0.5));
  });

  it('a key costs d(prompt) first when bargeIn is off', () => {
    expect(pressOf(movesAt(menu({ bargeIn: false }), DEFAULT_TIMING), '1').micros).toBe(seconds(4 + 0.5));
  });

  it('a phrase costs its speaking time plus recognitionSeconds: "agent" = 0.4 + 1.0', () => {
    expect(sayOf(movesAt(menu(), DEFAULT_TIMING), 'agent').micros).toBe(seconds(1.4));
  });

  it('a CJK phrase counts characters: 人工 = 2 × 0.25 + 1.0', () => {
    expect(sayOf(movesAt(menu(), DEFAULT_TIMING), '人工').micros).toBe(seconds(1.5));
  });

  it('a route says the shortest phrase, the first of equally short ones', () => {
    const says = movesAt(menu(), DEFAULT_TIMING).flatMap((m) => (m.do === 'say' ? [m.phrase] : []));
    // "agent" and "human" are both one word: "agent" comes first. 人工 (0.5 s) beats 人工客服 (1 s).
    expect(says).toEqual(['agent', '人工']);
    expect(shortestPhrase(['customer service', 'human', 'agent'], DEFAULT_TIMING)).toBe('human');
  });

  it('a phrase costs d(prompt) first when bargeIn is off', () => {
    expect(sayOf(movesAt(menu({ bargeIn: false }), DEFAULT_TIMING), '人工').micros).toBe(seconds(4 + 1.5));
  });

  it('lists options in file order, key before phrase, then the invalid entry, then silence', () => {
    const kinds = movesAt(menu(), DEFAULT_TIMING).map((m) => `${m.do}${'key' in m ? m.key : ''}${'phrase' in m ? m.phrase : ''}`);
    expect(kinds).toEqual(['press1', 'press2', 'sayagent', 'say人工', 'press3', 'wait']);
  });

  it('an invalid entry costs a key press plus d(invalid.prompt), on the first key no option takes', () => {
    const withPrompt = menu({ invalid: { prompt: 'Sorry, that is not a valid choice.' } });
    // keys 1 and 2 are taken: the first free key of 1 2 3 … is 3; 7 words = 2.8 s
    expect(invalidOf(movesAt(withPrompt, DEFAULT_TIMING))).toMatchObject({
      do: 'press', key: '3', valid: false, micros: seconds(0.5 + 2.8), outcome: { type: 'failure', handler: 'invalid' },
    });
  });

  it('an invalid entry hears the prompt first when bargeIn is off', () => {
    expect(invalidOf(movesAt(menu({ bargeIn: false }), DEFAULT_TIMING)).micros).toBe(seconds(4 + 0.5));
  });

  it('an invalid key after 1-9 is 0, then *, then #', () => {
    const taken = (keys: string[]) => node({ type: 'menu', prompt: '', options: keys.map((key) => ({ key, next: 'a' })) });
    expect(invalidOf(movesAt(taken(['1', '2', '3', '4', '5', '6', '7', '8', '9']), DEFAULT_TIMING))).toMatchObject({ key: '0' });
    expect(invalidOf(movesAt(taken(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']), DEFAULT_TIMING))).toMatchObject({ key: '*' });
    expect(invalidOf(movesAt(taken(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*']), DEFAULT_TIMING))).toMatchObject({ key: '#' });
  });

  it('where all twelve keys are taken, the invalid entry is one unrecognised word: 0.4 + 1.0 + d(invalid.prompt)', () => {
    const full = node({
      type: 'menu', prompt: '', invalid: { prompt: 'Sorry.' },
      options: ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*', '#'].map((key) => ({ key, next: 'a' })),
    });
    expect(invalidOf(movesAt(full, DEFAULT_TIMING))).toMatchObject({
      do: 'say', phrase: UNRECOGNISED_WORD, valid: false, micros: seconds(0.4 + 1.0 + 0.4),
    });
  });

  it('no input costs d(prompt) + timeout + d(noInput.prompt)', () => {
    const silent = menu({ timeout: 7, noInput: { prompt: 'Are you still there?' } });
    expect(waitOf(movesAt(silent, DEFAULT_TIMING))).toEqual({
      do: 'wait', micros: seconds(4 + 7 + 1.6), outcome: { type: 'failure', handler: 'noInput' },
    });
  });

  it('no input with the defaults: d(prompt) + 5 s', () => {
    expect(waitOf(movesAt(menu(), DEFAULT_TIMING)).micros).toBe(seconds(4 + 5));
  });
});

describe('input', () => {
  const input = (extra: object) => node({ type: 'input', prompt: TEN_WORDS, next: 'done', ...extra });

  it('success with a fixed length costs keySeconds per digit', () => {
    expect(enterOf(movesAt(input({ length: 16 }), DEFAULT_TIMING))).toEqual({
      do: 'enter', digits: 16, micros: seconds(8), outcome: { type: 'goto', node: 'done' },
    });
  });

  it('success without a fixed length enters minLength digits and the terminator', () => {
    expect(enterOf(movesAt(input({ minLength: 4, maxLength: 10 }), DEFAULT_TIMING))).toEqual({
      do: 'enter', digits: 4, terminator: '#', micros: seconds(5 * 0.5), outcome: { type: 'goto', node: 'done' },
    });
    expect(enterOf(movesAt(input({ minLength: 2, terminator: '*' }), DEFAULT_TIMING))).toMatchObject({ terminator: '*', micros: seconds(1.5) });
  });

  it('success hears the prompt first when bargeIn is off', () => {
    expect(enterOf(movesAt(input({ length: 4, bargeIn: false }), DEFAULT_TIMING)).micros).toBe(seconds(4 + 2));
  });

  it('an invalid entry is * (before enough digits): a key press plus d(invalid.prompt)', () => {
    const moves = movesAt(input({ length: 4, invalid: { prompt: 'That number is not valid.' } }), DEFAULT_TIMING);
    expect(invalidOf(moves)).toMatchObject({ do: 'press', key: '*', valid: false, micros: seconds(0.5 + 2) });
  });

  it('no input costs d(prompt) + timeout + d(noInput.prompt)', () => {
    const moves = movesAt(input({ length: 4, timeout: 10, noInput: { prompt: { seconds: 1.25 } } }), DEFAULT_TIMING);
    expect(waitOf(moves).micros).toBe(seconds(4 + 10 + 1.25));
  });
});

describe('nodes without caller moves', () => {
  it.each([
    ['branch', { type: 'branch', cases: [], otherwise: 'x' }],
    ['agent', { type: 'agent', prompt: TEN_WORDS, wait: { medianSeconds: 60 } }],
    ['hangup', { type: 'hangup', prompt: TEN_WORDS }],
  ])('%s has none', (_type, value) => {
    expect(movesAt(node(value), DEFAULT_TIMING)).toEqual([]);
  });
});

describe('failures: the retries, then `then`, else a hang-up', () => {
  const handled = node({
    type: 'menu', prompt: 'x', options: [],
    invalid: { retries: 1, then: 'help' },
  });

  it('replays the node for the first `retries` failures, then goes to `then`', () => {
    if (handled.type !== 'menu') throw new Error('menu expected');
    expect(resolveFailure(handled, 'invalid', { invalidCount: 0, noInputCount: 0 })).toEqual({ type: 'replay', invalidCount: 1, noInputCount: 0 });
    expect(resolveFailure(handled, 'invalid', { invalidCount: 1, noInputCount: 0 })).toEqual({ type: 'goto', node: 'help' });
  });

  it('uses the defaults (2 retries, no then) when the handler is absent: the third failure hangs up', () => {
    if (handled.type !== 'menu') throw new Error('menu expected');
    expect(resolveFailure(handled, 'noInput', { invalidCount: 1, noInputCount: 1 })).toEqual({ type: 'replay', invalidCount: 1, noInputCount: 2 });
    expect(resolveFailure(handled, 'noInput', { invalidCount: 0, noInputCount: 2 })).toEqual({ type: 'hangup' });
  });
});

describe('timing overrides', () => {
  it('change every rate', () => {
    const timing = timingWith({ wordsPerMinute: 120, charsPerMinute: 120, keySeconds: 1, recognitionSeconds: 2 });
    expect(promptMicros('two words', timing)).toBe(seconds(1));
    expect(promptMicros('人工', timing)).toBe(seconds(1));
    expect(phraseMicros('agent', timing)).toBe(seconds(0.5 + 2));
    const moves = movesAt(node({ type: 'menu', prompt: 'x', options: [{ key: '1', next: 'a' }] }), timing);
    expect(pressOf(moves, '1').micros).toBe(seconds(1));
  });

  it('leave unnamed rates at their defaults', () => {
    expect(timingWith({ keySeconds: 0.25 })).toEqual({ ...DEFAULT_TIMING, keySeconds: 0.25 });
  });

  it('round each prompt to the microsecond once, so equal prompts stay equal', () => {
    // 60 / 7 s per word = 8.571428571… s → 8 571 429 µs
    const timing = timingWith({ wordsPerMinute: 7 });
    expect(promptMicros('word', timing)).toBe(8_571_429);
    expect(Number.isInteger(promptMicros('three whole words', timing))).toBe(true);
  });

  it('are read from a menu file', () => {
    const text = readFileSync(join(import.meta.dirname, '../fixtures/menus/worked-example.json'), 'utf8');
    const data = JSON.parse(text) as Record<string, unknown>;
    data.timing = { wordsPerMinute: 100 };
    const result = loadMenu(JSON.stringify(data));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    // welcome: 11 words at 100 per minute
    expect(movesAt(result.value.nodes.welcome as MenuNodeUnion, result.value.timing)[0]?.micros).toBe(seconds(6.6));
  });
});

describe('the worked example of menu-format.md', () => {
  const text = readFileSync(join(import.meta.dirname, '../fixtures/menus/worked-example.json'), 'utf8');
  const loaded = loadMenu(text);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const menu: Menu = loaded.value;
  const at = (id: string) => movesAt(menu.nodes[id] as MenuNodeUnion, menu.timing);
  const hold = (id: string) => {
    const agent = menu.nodes[id];
    return agent?.type === 'agent' ? seconds(agent.wait?.medianSeconds ?? 0) : Number.NaN;
  };
  const welcome = at('welcome');
  const main = at('main');

  it('welcome lasts 11 words × 60 / 150 = 4.4 s and cannot be skipped', () => {
    expect(welcome).toEqual([{ do: 'listen', micros: seconds(4.4), outcome: { type: 'goto', node: 'main' } }]);
  });

  it('pressing 3 costs 0.5 s and reaches lostCardQueue: menu 4.9 s, hold 45 s, total 49.9 s', () => {
    const three = pressOf(main, '3');
    expect(three).toMatchObject({ micros: seconds(0.5), advertised: true, outcome: { type: 'goto', node: 'lostCardQueue' } });
    const menuTime = (welcome[0]?.micros ?? 0) + three.micros;
    expect(menuTime).toBe(seconds(4.9));
    expect(hold('lostCardQueue')).toBe(seconds(45));
    expect(menuTime + hold('lostCardQueue')).toBe(seconds(49.9));
  });

  it('pressing 0 also takes 4.9 s of menu time but holds 300 s: total 304.9 s; 0 is unadvertised', () => {
    const zero = pressOf(main, '0');
    expect(zero).toMatchObject({ micros: seconds(0.5), advertised: false, outcome: { type: 'goto', node: 'hoursCheck' } });
    expect((welcome[0]?.micros ?? 0) + zero.micros).toBe(seconds(4.9));
    expect((welcome[0]?.micros ?? 0) + zero.micros + hold('agentQueue')).toBe(seconds(304.9));
  });

  it('saying "agent" costs 0.4 + 1.0 s: menu 5.8 s (5.8 − 4.4 = 1.4), total 305.8 s', () => {
    const agent = sayOf(main, 'agent');
    expect(agent.micros).toBe(seconds(1.4));
    expect((welcome[0]?.micros ?? 0) + agent.micros).toBe(seconds(5.8));
    expect((welcome[0]?.micros ?? 0) + agent.micros + hold('agentQueue')).toBe(seconds(305.8));
  });

  it('staying silent: the main prompt is 17 words, 6.8 s; each no-input costs 11.8 s; the third reaches hoursCheck at 39.8 s', () => {
    const mainNode = menu.nodes.main;
    if (mainNode?.type !== 'menu') throw new Error('main is a menu');
    expect(countSpeech(typeof mainNode.prompt === 'string' ? mainNode.prompt : '').latinWords).toBe(17);
    expect(promptMicros(mainNode.prompt, menu.timing)).toBe(seconds(6.8));
    const wait = waitOf(main);
    expect(wait.micros).toBe(seconds(11.8));
    let counters = { invalidCount: 0, noInputCount: 0 };
    let menuTime = welcome[0]?.micros ?? 0;
    const outcomes: string[] = [];
    for (let silence = 1; silence <= 3; silence++) {
      menuTime += wait.micros;
      const result = resolveFailure(mainNode, 'noInput', counters);
      outcomes.push(result.type === 'goto' ? result.node : result.type);
      if (result.type === 'replay') counters = result;
    }
    expect(outcomes).toEqual(['replay', 'replay', 'hoursCheck']);
    expect(menuTime).toBe(seconds(39.8));
    expect(menuTime + hold('agentQueue')).toBe(seconds(339.8));
  });

  it('an invalid key at main is 4 (1, 2, 3 taken): 0.5 s + "Sorry, that is not a valid choice." (2.8 s)', () => {
    expect(invalidOf(main)).toMatchObject({ key: '4', micros: seconds(3.3) });
  });

  it('the card number is 16 digits, 8 s; waiting there costs its 7-word prompt + 5 s', () => {
    expect(enterOf(at('account'))).toMatchObject({ digits: 16, micros: seconds(8) });
    expect(waitOf(at('account')).micros).toBe(seconds(2.8 + 5));
  });

  it('branch, agent and hangup nodes cost no caller move', () => {
    for (const id of ['hoursCheck', 'agentQueue', 'lostCardQueue', 'closed']) expect(at(id)).toEqual([]);
  });
});

describe('seconds shown to 0.1 s', () => {
  it('round a half tenth up', () => {
    expect(roundedSeconds(1_150_000)).toBe(1.2);
    expect(roundedSeconds(2_050_000)).toBe(2.1);
    expect(roundedSeconds(1_149_999)).toBe(1.1);
    expect(roundedSeconds(0)).toBe(0);
  });
});
