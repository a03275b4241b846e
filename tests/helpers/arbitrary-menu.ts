/**
 * fast-check generators of VALID ivr-menu/1 menus (every one passes
 * loadMenuValue) and of situations to analyse them in. Menus use every node
 * type, handlers with and without `then`, conditions on schedules (one runs
 * past midnight), caller flags and facts, Latin and CJK prompts, measured
 * and audio prompts, timing overrides, barge-in on and off, hidden options,
 * phrases (shared between options now and then), 0-second timeouts, inputs
 * of fixed, variable and min = max length with `#`, `*` or a digit as
 * terminator, and now and then a menu with all twelve keys taken.
 *
 * Branches only point forward (to a later node) so that no branch loop is
 * generated; everything else may point anywhere, loops included.
 */
import fc from 'fast-check';
import { KEYS, loadMenuValue, situation, DAYS, type Menu, type MenuInput, type Situation } from '../../src/model/index.js';

export interface ArbitraryMenuOptions {
  /** most nodes in a menu (default 7) */
  maxNodes?: number;
  /** most retries of a handler (default 3) */
  maxRetries?: number;
}

const WORDS = ['press', 'one', 'for', 'billing', 'your', 'card', 'please', 'hold', '3', 'thank', 'you'];
const CJK = ['请', '按', '人', '工', '服', '务', '您', '好', 'の', 'カ', '한'];
/** Options of a node may share a phrase (a warning): the recogniser gives it to the first. */
const PHRASES = ['agent', 'representative', 'billing', 'lost card', 'operator please', '人工', '客服', '投诉', 'yes', 'talk to a person'];
const LABELS = ['Balance', 'Payments', 'Agent', 'Lost card', '人工服务', 'Sales', 'Speak to a representative'];
const SCHEDULES = ['agents', 'night'];

const latinText = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 9 }).map((words) => words.join(' '));
const cjkText = fc.array(fc.constantFrom(...CJK), { minLength: 1, maxLength: 6 }).map((chars) => chars.join(''));
const mixedText = fc.tuple(latinText, cjkText).map(([latin, cjk]) => `${latin} ${cjk}，${latin.split(' ')[0] ?? ''}`);
const tenths = (max: number, min = 0) => fc.integer({ min: min * 10, max: max * 10 }).map((n) => n / 10);
/**
 * Timeouts of 0 s come often: the no-input timeout then falls due at the very
 * moment a key becomes possible, and the key must count (session.ts).
 */
const timeoutSeconds = fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: tenths(8) });

const prompt = fc.oneof(
  { weight: 4, arbitrary: latinText },
  { weight: 2, arbitrary: cjkText },
  { weight: 1, arbitrary: mixedText },
  { weight: 1, arbitrary: tenths(12).map((seconds) => ({ seconds })) },
  { weight: 1, arbitrary: fc.constant({ audio: 'welcome.wav' }) },
  { weight: 1, arbitrary: fc.tuple(latinText, tenths(8)).map(([text, seconds]) => ({ text, seconds })) },
);

const condition: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  leaf: fc.oneof(
    fc.constantFrom(...SCHEDULES).map((open) => ({ open })),
    fc.constant({ caller: 'elderly' }),
    fc.constant({ fact: 'holiday' }),
  ),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    tie('node').map((inner) => ({ not: inner })),
    fc.array(tie('node'), { minLength: 1, maxLength: 2 }).map((all) => ({ all })),
    fc.array(tie('node'), { minLength: 1, maxLength: 2 }).map((any) => ({ any })),
  ),
})).node;

const timing = fc.record(
  {
    wordsPerMinute: fc.integer({ min: 100, max: 200 }),
    charsPerMinute: fc.integer({ min: 180, max: 300 }),
    keySeconds: tenths(1),
    recognitionSeconds: tenths(2),
    unknownPromptSeconds: fc.integer({ min: 1, max: 8 }),
  },
  { requiredKeys: [] },
);

/** A node spec before ids are known: targets are indices into the node list. */
function nodeArbitrary(index: number, count: number, maxRetries: number): fc.Arbitrary<Record<string, unknown>> {
  const target = fc.integer({ min: 0, max: count - 1 }).map((i) => `n${i}`);
  const forward = fc.integer({ min: Math.min(index + 1, count - 1), max: count - 1 }).map((i) => `n${i}`);
  const handler = fc.record(
    { retries: fc.integer({ min: 0, max: maxRetries }), prompt, then: target },
    { requiredKeys: ['retries'] },
  );
  const failureHandlers = { invalid: handler, noInput: handler };
  const optional = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

  const say = fc.record({ type: fc.constant('say'), prompt, next: target, bargeIn: fc.boolean() }, { requiredKeys: ['type', 'prompt', 'next'] });
  const options = fc.tuple(
    fc.oneof({ weight: 9, arbitrary: fc.shuffledSubarray([...KEYS], { minLength: 0, maxLength: 5 }) }, { weight: 1, arbitrary: fc.constant([...KEYS]) }),
    fc.array(fc.array(fc.constantFrom(...PHRASES, ' Agent '), { minLength: 1, maxLength: 2 }), { minLength: 0, maxLength: 4 }),
  ).chain(([keys, phrases]) => {
    const size = Math.max(keys.length, Math.min(phrases.length, 3));
    return fc.array(
      fc.record({ next: target, advertised: fc.boolean(), label: optional(fc.constantFrom(...LABELS)), keyed: fc.boolean() }),
      { minLength: size, maxLength: size },
    ).map((specs) => specs.map((spec, i) => {
      const option: Record<string, unknown> = { next: spec.next, advertised: spec.advertised };
      const key = keys[i];
      const phrase = phrases[i];
      if (key !== undefined && (spec.keyed || phrase === undefined)) option.key = key;
      if (phrase !== undefined && (option.key === undefined || !spec.keyed || i % 2 === 0)) option.phrases = phrase;
      if (option.key === undefined && option.phrases === undefined) option.key = key ?? '#';
      if (spec.label !== undefined) option.label = spec.label;
      return option;
    }));
  });
  const menu = fc.record(
    { type: fc.constant('menu'), prompt, options, bargeIn: fc.boolean(), timeout: timeoutSeconds, ...failureHandlers },
    { requiredKeys: ['type', 'prompt', 'options'] },
  );
  const lengths = fc.oneof(
    fc.integer({ min: 1, max: 4 }).map((length) => ({ length })),
    // maxLength = minLength too: the length is fixed in effect, no terminator (moves.ts inputDigits).
    fc.tuple(fc.integer({ min: 1, max: 3 }), fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }))
      .map(([minLength, extra]) => (extra === undefined ? { minLength } : { minLength, maxLength: minLength + extra })),
  );
  const input = fc.tuple(
    fc.record({
      type: fc.constant('input'), prompt, next: target, bargeIn: fc.boolean(), timeout: timeoutSeconds,
      terminator: fc.constantFrom('#', '*', '1'), ...failureHandlers,
    }, { requiredKeys: ['type', 'prompt', 'next'] }),
    lengths,
  ).map(([node, size]) => ({ ...node, ...size }));
  const branch = fc.record({
    type: fc.constant('branch'),
    cases: fc.array(fc.record({ when: condition, next: forward }), { minLength: 0, maxLength: 3 }),
    otherwise: forward,
  });
  const agent = fc.record(
    {
      type: fc.constant('agent'),
      prompt,
      queue: fc.constantFrom('general', 'fraud', 'sales'),
      wait: fc.record({ medianSeconds: fc.integer({ min: 0, max: 600 }) }, { requiredKeys: [] }),
    },
    { requiredKeys: ['type'] },
  );
  const hangup = fc.record({ type: fc.constant('hangup'), prompt }, { requiredKeys: ['type'] });
  const last = index === count - 1;
  return fc.oneof(
    { weight: 2, arbitrary: say },
    { weight: 4, arbitrary: menu },
    { weight: 1, arbitrary: input },
    { weight: last ? 0 : 2, arbitrary: branch },
    { weight: 2, arbitrary: agent },
    { weight: 1, arbitrary: hangup },
  ) as fc.Arbitrary<Record<string, unknown>>;
}

/** A menu document as written (defaults omitted), not yet validated. */
export function arbitraryMenuDocument(options: ArbitraryMenuOptions = {}): fc.Arbitrary<MenuInput> {
  const maxNodes = options.maxNodes ?? 7;
  const maxRetries = options.maxRetries ?? 3;
  return fc.integer({ min: 2, max: maxNodes }).chain((count) =>
    fc.record({
      nodes: fc.tuple(...Array.from({ length: count }, (_, index) => nodeArbitrary(index, count, maxRetries))),
      timing: fc.option(timing, { nil: undefined }),
      phone: fc.option(fc.constant('+18005550100'), { nil: undefined }),
    }).map(({ nodes, timing: overrides, phone }) => {
      const document: Record<string, unknown> = {
        format: 'ivr-menu/1',
        id: 'generated',
        name: 'Generated menu',
        hours: {
          agents: { timezone: 'America/New_York', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '20:00' }] },
          night: { timezone: 'Asia/Shanghai', open: [{ days: [...DAYS], from: '20:00', to: '08:00' }] },
        },
        start: 'n0',
        nodes: Object.fromEntries(nodes.map((node, index) => [`n${index}`, node])),
      };
      if (overrides !== undefined) document.timing = overrides;
      if (phone !== undefined) document.phone = phone;
      return document as unknown as MenuInput;
    }));
}

/** Valid menus only: documents that loadMenuValue refuses (a silent loop, say) are dropped. */
export function arbitraryMenu(options: ArbitraryMenuOptions = {}): fc.Arbitrary<Menu> {
  return arbitraryMenuDocument(options)
    .map((document) => loadMenuValue(document))
    .filter((result) => result.ok)
    .map((result) => (result.ok ? result.value : (undefined as never)));
}

/** A wall moment, caller flags and facts. */
export function arbitrarySituation(): fc.Arbitrary<Situation> {
  return fc.record({
    day: fc.constantFrom(...DAYS),
    minutes: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    elderly: fc.boolean(),
    holiday: fc.boolean(),
  }).map(({ day, minutes, elderly, holiday }) =>
    situation({ kind: 'wall', day, minutes }, elderly ? ['elderly'] : [], holiday ? ['holiday'] : []));
}
