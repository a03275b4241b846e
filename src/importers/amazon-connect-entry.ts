/**
 * Amazon Connect "Store customer input" (`GetParticipantInput` with
 * `StoreInput: "True"`) collected as the platform collects it. The entry
 * ends at the `MaximumLength`-th digit, on the terminating key
 * (`DTMFConfiguration.InputTerminationSequence`, not stored), or when the
 * caller stops: Connect then waits a fixed time for each further digit
 * (the admin guide's Store customer input page: "After the contact starts
 * entering digits, Amazon Connect waits 5 seconds for each digit"; the flow
 * language's `InterdigitTimeLimitSeconds` overrides it). `*` is the cancel
 * key unless `DisableCancelKey` is "True": it clears the entry, so it is
 * never part of a stored value.
 *
 * The entry becomes the block's `menu` (the first key), a `menu` after one
 * key whose no-input is that inter-digit wait and whose terminator option
 * ends the entry, then an `input` of the digits left up to the maximum: the
 * cheapest way to end any entry costs what it costs on the platform.
 */
import { KEYS, type Key, type Prompt } from '../model/index.js';
import type { SourceLocation } from './importer.js';
import { message, type DraftNode, type MenuBuilder } from './build-menu.js';
import { asNumber, asObject, asText, type JsonObject } from './safe-json.js';

/** Seconds Connect waits for each further digit (admin guide, Store customer input). */
const INTER_DIGIT_SECONDS = 5;
/** The largest MaximumLength the block accepts; assumed when the flow names none. */
const LARGEST_ENTRY = 20;
/** The menu format's longest `input`. */
const LONGEST_INPUT = 64;
const CANCEL_KEY: Key = '*';

type MenuOptions = Extract<DraftNode, { type: 'menu' }>['options'];

/** How one stored-input block collects digits. */
export interface StoredEntry {
  /** the entry ends at once at this many digits */
  maximum: number;
  /** the key that ends the entry early; it is not stored */
  terminator?: Key;
  /** the key that clears the entry (`*` unless disabled) */
  cancel?: Key;
  /** seconds Connect waits for each further digit before it ends the entry */
  interDigitSeconds: number;
  /** seconds Connect waits for the first digit (`InputTimeLimitSeconds`) */
  firstDigitSeconds: number;
}

function isKey(value: string): value is Key {
  return (KEYS as readonly string[]).includes(value);
}

/** The entry rules of a stored-input block's parameters, and what could not be read exactly. */
export function readStoredEntry(params: JsonObject): { entry: StoredEntry; sequence?: string; lengthUnknown: boolean } {
  const dtmf = asObject(params.DTMFConfiguration);
  const maximum = asNumber(asObject(asObject(params.InputValidation).CustomValidation).MaximumLength);
  const sequence = asText(dtmf.InputTerminationSequence) ?? '';
  const cancelDisabled = asText(dtmf.DisableCancelKey)?.toLowerCase() === 'true';
  const interDigit = asNumber(dtmf.InterdigitTimeLimitSeconds);
  const entry: StoredEntry = {
    maximum: Math.max(1, Math.min(LONGEST_INPUT, Math.floor(maximum ?? LARGEST_ENTRY))),
    interDigitSeconds: interDigit !== undefined && interDigit > 0 ? interDigit : INTER_DIGIT_SECONDS,
    firstDigitSeconds: asNumber(params.InputTimeLimitSeconds) ?? 5,
    ...(isKey(sequence) ? { terminator: sequence } : {}),
    ...(cancelDisabled ? {} : { cancel: CANCEL_KEY }),
  };
  // A terminator of several keys cannot be one `terminator`: left out, the entry ends by the wait or the maximum.
  return { entry, ...(sequence.length > 1 ? { sequence } : {}), lengthUnknown: maximum === undefined };
}

/** The keys that become part of the stored value. */
function entryKeys(entry: StoredEntry): Key[] {
  return KEYS.filter((key) => key !== entry.terminator && key !== entry.cancel);
}

/** A one-key value a Compare names, and where it leads (a draft key). */
export interface EntryValue {
  key: Key;
  next: string;
  contains: boolean;
}

/** Where the entry goes: single-key values a Compare names, silence, anything else. */
export interface EntryRoutes {
  /** draft key of the block */
  key: string;
  /** node name of the block */
  name: string;
  prompt: Prompt;
  at: SourceLocation;
  /** one-key values with their targets (draft keys), in the Compare's order; `contains`: `TextContains`, found anywhere in the entry */
  values: EntryValue[];
  /** no digit before `firstDigitSeconds`: Connect stores "Timeout" */
  silence: string;
  /** any other entry */
  otherwise: string;
}

/**
 * Builds the entry's nodes: the block itself (the first key), one node per
 * named one-key value and one for any other first key (after one key), and
 * an `input` of the rest. Returns the block's draft key.
 */
export function buildStoredEntry(builder: MenuBuilder, entry: StoredEntry, routes: EntryRoutes): string {
  const keys = entryKeys(entry);
  const named = new Map(routes.values.filter((v) => keys.includes(v.key)).map((v) => [v.key, v] as const));
  const part = (suffix: string) => ({ key: `${routes.key}#${suffix}`, name: `${routes.name}.${suffix}` });
  const cancelOption = (): MenuOptions =>
    entry.cancel === undefined ? [] : [{ key: entry.cancel, label: 'cancel key: clears the entry, which starts again', next: routes.key, advertised: false }];

  /**
   * Digits typed after the first, up to the maximum, ending where `ends`
   * does: an `input` whose no-input is the wait. Ending sooner by the
   * terminator or the wait is never cheaper this way than right after the
   * first digit, which every value allows. The node is keyed by where it
   * leads: which digits came before decide that, so a key naming only the
   * later digit would be shared by entries that end in different places.
   */
  const moreDigits = (ends: string): string => {
    if (entry.maximum === 2) return ends;
    const key = `${routes.key}#rest>${ends}`;
    if (builder.has(key)) return key;
    const value = routes.values.find((v) => v.contains && v.next === ends);
    const name = `${routes.name}.${ends === routes.otherwise || value === undefined ? 'rest' : `rest${keyName(value.key)}`}`;
    return builder.node(key, name, {
      type: 'input', prompt: '', length: entry.maximum - 2, timeout: entry.interDigitSeconds, next: ends,
      invalid: { retries: 0, then: routes.key }, noInput: { retries: 0, then: ends },
    }, routes.at);
  };
  /**
   * A later digit: values the Compare finds anywhere in the entry
   * (`TextContains`) still match, and the Compare takes the first of its
   * conditions that holds, so of the first digit's and this one's the
   * earlier condition wins; any other entry is unnamed.
   */
  const laterDigit = (key: Key, first: EntryValue | undefined): string =>
    moreDigits(routes.values.find((v) => v.contains && (v === first || v.key === key))?.next ?? routes.otherwise);

  /** After one digit: the terminator or the wait ends the entry, whose value goes to `ends`. */
  const afterOneDigit = (at: { key: string; name: string }, ends: string, first: EntryValue | undefined): string => {
    if (builder.has(at.key)) return at.key;
    const options: MenuOptions = [
      ...(entry.terminator !== undefined ? [{ key: entry.terminator, label: 'ends the entry', next: ends }] : []),
      ...keys.map((key) => ({ key, label: 'next digit of the entry', next: laterDigit(key, first), advertised: false })),
      ...cancelOption(),
    ];
    // Every key is an option: an invalid entry can only be speech, which Connect ignores (the node waits again).
    return builder.node(at.key, at.name, {
      type: 'menu', prompt: '', options, timeout: entry.interDigitSeconds,
      invalid: { retries: 0, then: at.key }, noInput: { retries: 0, then: ends },
    }, routes.at);
  };

  const firstKey = (key: Key): string => {
    const value = named.get(key);
    if (entry.maximum === 1) return value?.next ?? routes.otherwise;
    return value !== undefined ? afterOneDigit(part(`entered${keyName(key)}`), value.next, value) : afterOneDigit(part('entered'), routes.otherwise, undefined);
  };
  const options: MenuOptions = [
    ...[...named.keys()].map((key) => ({ key, next: firstKey(key) })),
    ...keys.filter((key) => !named.has(key)).map((key) => ({ key, label: entry.maximum === 1 ? 'an entry the flow does not name' : 'first digit of an entry the flow does not name', next: firstKey(key), advertised: false })),
    ...cancelOption(),
  ];
  return builder.node(routes.key, routes.name, {
    type: 'menu', prompt: routes.prompt, options, timeout: entry.firstDigitSeconds,
    // Only the terminator is left (before any digit), or speech, which Connect ignores: the block waits again.
    invalid: { retries: 0, then: routes.key }, noInput: { retries: 0, then: routes.silence },
  }, routes.at);
}

/** A key as part of a node name (`#` and `*` are not allowed in ids). */
function keyName(key: Key): string {
  return key === '#' ? '-hash' : key === '*' ? '-star' : `-${key}`;
}

/** The warnings every multi-key entry gets, and those for keys a Compare names that cannot be entered. */
export function warnStoredEntry(builder: MenuBuilder, entry: StoredEntry, routes: EntryRoutes, read: { sequence?: string; lengthUnknown: boolean }): void {
  const { key, at } = routes;
  const ending = entry.terminator !== undefined ? `on ${entry.terminator} (not stored), ` : '';
  const endingZh = entry.terminator !== undefined ? `按 ${entry.terminator}(不存储)、` : '';
  if (entry.maximum > 1) {
    const named = routes.values.length === 0 ? { en: '', zh: '' } : {
      en: ` A one-key value the Compare names costs that key and then the wait${entry.terminator !== undefined ? ' or the terminator' : ''}; any other entry goes where a non-match goes.`,
      zh: `比较中的单键值需按键后再等待${entry.terminator !== undefined ? '或按结束键' : ''};其他输入走不匹配分支。`,
    };
    builder.warn(key, 'digits_as_keys', at, message(
      `Up to ${entry.maximum} digits are stored: the entry ends after ${entry.maximum} digits, ${ending}or ${entry.interDigitSeconds} s after the last digit (Connect's wait for each further digit).${named.en}`,
      `最多存储 ${entry.maximum} 位:输入在满 ${entry.maximum} 位、${endingZh}或最后一位后 ${entry.interDigitSeconds} 秒(Connect 等待下一位的时间)结束。${named.zh}`));
  }
  for (const value of routes.values) {
    const why = value.key === entry.cancel ? 'the cancel key (DisableCancelKey is not "True"): it clears the entry' : value.key === entry.terminator ? 'the terminating key: it ends the entry and is not stored' : undefined;
    if (why === undefined) continue;
    builder.warn(key, 'option_unreachable', at, message(
      `The Compare tests "${value.key}", which can never be stored: "${value.key}" is ${why}.`,
      `比较测试 "${value.key}",但它不会被存储:"${value.key}" 是${value.key === entry.cancel ? '取消键,会清除输入' : '结束键,结束输入且不存储'}。`));
  }
  if (read.sequence !== undefined) {
    builder.warn(key, 'terminator_sequence', at, message(
      `The terminating sequence "${read.sequence}" has several keys: left out, so the entry ends at the maximum or after the ${entry.interDigitSeconds} s wait (never sooner than on the platform).`,
      `结束序列 "${read.sequence}" 含多个按键:已略去,输入在达到最大位数或等待 ${entry.interDigitSeconds} 秒后结束(不会比平台更快)。`));
  }
  if (read.lengthUnknown) {
    builder.warn(key, 'stored_input_length', at, message(
      `No MaximumLength: imported as the block's largest, ${entry.maximum} digits.`,
      `未设置 MaximumLength:按该模块的最大值 ${entry.maximum} 位导入。`));
  }
}
