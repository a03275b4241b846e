/**
 * FreeSWITCH IVR menus (`ivr.conf.xml`, `ivr_menus/*.xml`) → `ivr-menu/1`,
 * following `switch_ivr_menu.c` (research/formats.md §5):
 *
 * - each pass plays `greet-long` the first time and `greet-short` after;
 * - digits are collected until `digit-len` of them, the `#` terminator, or
 *   the inter-digit timeout — there is no early stop on an exact match, so
 *   with `digit-len` > 1 a key leads to a "collecting" node whose no-input is
 *   that wait and whose `#` ends it at once;
 * - a failure plays `invalid-sound`; the failure counter resets on any match
 *   but the timeout counter never does, and at `max-failures` or
 *   `max-timeouts` the menu runs `exec-on-max-*` or returns to the dialplan.
 *   Because of that the menu is unrolled into one copy per (failures,
 *   timeouts) state, each with `retries: 0` handlers;
 * - entries: `menu-exec-app` (`transfer`, `bridge`, `callcenter`, `fifo` →
 *   agent; `hangup`, `voicemail` → hang-up; `playback` → a prompt, then the
 *   menu again; an unknown app makes the menu exit), `menu-sub` (a submenu
 *   whose `menu-back` returns here), `menu-top`, `menu-back`, `menu-exit`,
 *   `menu-play-sound`; `/regex/` digits are expanded to the digit strings of
 *   at most `digit-len` keys they accept.
 * The dialplan around the menu is not in these files: leaving the menu
 * ("returns to the dialplan") is a hang-up, and a transfer to an extension
 * is taken as reaching a person — both said in warnings.
 */
import { IvrError, issue, type Key, type Prompt } from '../model/index.js';
import { MenuBuilder, message, type DraftNode } from './build-menu.js';
import type { ImportOptions, ImportResult, Importer, SourceFile, SourceLocation } from './importer.js';
import { Worklist } from './worklist.js';
import { attribute, elementsOf, localName, parseXml, type XmlElement } from './xml.js';

/** Counter limits above this are unrolled only this far (with a warning). */
const MAX_COUNTER = 6;
/** A regex entry accepting more digit strings than this is not expanded. */
const MAX_REGEX_STRINGS = 400;
const MAX_SUBMENU_DEPTH = 4;
const AGENT_APPS = new Set(['transfer', 'bridge', 'callcenter', 'fifo', 'conference', 'execute_extension']);
const HANGUP_APPS = new Set(['hangup', 'voicemail']);
const SOUND_APPS = new Set(['playback', 'phrase', 'say', 'speak', 'sleep']);
const OTHER_KNOWN_APPS = new Set(['set', 'export', 'answer', 'log', 'lua', 'javascript', 'python', 'info', 'record', 'ivr']);

interface FsMenu {
  name: string;
  file: string;
  element: XmlElement;
  entries: Entry[];
  greetLong?: Prompt;
  greetShort?: Prompt;
  invalidSound?: Prompt;
  exitSound?: Prompt;
  timeout: number;
  interDigit: number;
  digitLen: number;
  maxFailures: number;
  maxTimeouts: number;
  onMaxFailures?: string;
  onMaxTimeouts?: string;
}

interface Entry {
  action: string;
  digits: string;
  param: string;
  element: XmlElement;
  /** the digit strings this entry accepts (a literal, or a regex's expansion) */
  accepts: string[];
}

/** A menu's pass: the submenu path from the root, counters so far, first pass or not. */
interface PassState {
  path: string[];
  failures: number;
  timeouts: number;
  first: boolean;
}

function soundPrompt(sound: string | undefined): Prompt | undefined {
  if (sound === undefined || sound.trim() === '') return undefined;
  if (sound.startsWith('say:')) return sound.slice(4).trim();
  return { audio: sound.trim() };
}

function milliseconds(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isFinite(value) && value >= 0 ? value / 1000 : fallback;
}

function count(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return text !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

/** All strings of 1…`maxLength` digits a FreeSWITCH `/regex/` accepts, or undefined if it is not a regex or too broad. */
export function expandRegex(digits: string, maxLength: number): string[] | undefined {
  const match = /^\/(.*)\/$/.exec(digits);
  if (match === null) return undefined;
  let regex: RegExp;
  try {
    regex = new RegExp(match[1] as string);
  } catch {
    return [];
  }
  const found: string[] = [];
  const alphabet = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*'];
  const walk = (prefix: string): boolean => {
    if (prefix !== '' && regex.test(prefix)) {
      found.push(prefix);
      if (found.length > MAX_REGEX_STRINGS) return false;
    }
    if (prefix.length >= Math.min(maxLength, 6)) return true;
    return alphabet.every((key) => walk(prefix + key));
  };
  return walk('') ? found : undefined;
}

class FreeswitchReader {
  readonly builder = new MenuBuilder('freeswitch', 'FreeSWITCH IVR menus');
  readonly menus = new Map<string, FsMenu>();
  private readonly work = new Worklist<PassState>((state) => this.stateKey(state));

  at(menu: FsMenu, element: XmlElement = menu.element, what = `<menu name="${menu.name}">`): SourceLocation {
    return { file: menu.file, line: element.line, column: element.column, element: what };
  }

  private readonly warned = new Set<string>();

  /** Once per source element and code, however many unrolled copies meet it. */
  warn(key: string | undefined, code: string, at: SourceLocation, en: string, zh: string): void {
    const once = `${code}|${at.file}|${at.line}|${at.column}|${en}`;
    if (this.warned.has(once)) return;
    this.warned.add(once);
    this.builder.warn(key, code, at, message(en, zh));
  }

  read(files: readonly SourceFile[], maxBytes?: number): void {
    for (const file of files) {
      const root = parseXml(file.name, file.text, maxBytes);
      const menus = localName(root.name) === 'menu' ? [root] : [root, ...this.descendants(root)].filter((e) => localName(e.name) === 'menu');
      for (const element of menus) {
        const name = attribute(element, 'name');
        if (name !== undefined && this.menus.has(name)) {
          // The entry file comes first, so its definition is the one in force.
          this.warn(undefined, 'freeswitch_duplicate_menu', { file: file.name, line: element.line, element: `<menu name="${name}">` },
            `A menu named "${name}" was already read from ${this.menus.get(name)?.file}: this one is ignored.`,
            `名为 "${name}" 的菜单已从 ${this.menus.get(name)?.file} 读取:忽略此处的定义。`);
          continue;
        }
        this.addMenu(file.name, element);
      }
    }
  }

  private descendants(element: XmlElement): XmlElement[] {
    return elementsOf(element).flatMap((child) => [child, ...this.descendants(child)]);
  }

  private addMenu(file: string, element: XmlElement): void {
    const name = attribute(element, 'name') ?? `menu${this.menus.size + 1}`;
    const timeout = milliseconds(attribute(element, 'timeout'), 10);
    const maxFailuresSet = attribute(element, 'max-failures') !== undefined;
    const maxFailures = count(attribute(element, 'max-failures'), 3);
    const entries = elementsOf(element, 'entry').map((entry) => ({
      action: attribute(entry, 'action') ?? '',
      digits: attribute(entry, 'digits') ?? '',
      param: attribute(entry, 'param') ?? '',
      element: entry,
      accepts: [] as string[],
    }));
    // digit-len is raised to the longest literal binding; regex bindings do not raise it.
    const literalLength = Math.max(0, ...entries.filter((e) => !e.digits.startsWith('/')).map((e) => e.digits.length));
    const digitLenText = attribute(element, 'digit-len');
    const digitLen = Math.max(Number.isInteger(Number(digitLenText)) ? Number(digitLenText) : 0, literalLength, 1);
    const menu: FsMenu = {
      name, file, element, entries, timeout,
      interDigit: milliseconds(attribute(element, 'inter-digit-timeout'), timeout / 2),
      digitLen,
      maxFailures,
      maxTimeouts: count(attribute(element, 'max-timeouts'), maxFailuresSet ? maxFailures : 3),
    };
    const optional = { greetLong: 'greet-long', greetShort: 'greet-short', invalidSound: 'invalid-sound', exitSound: 'exit-sound' } as const;
    for (const [field, name] of Object.entries(optional) as [keyof typeof optional, string][]) {
      const prompt = soundPrompt(attribute(element, name));
      if (prompt !== undefined) menu[field] = prompt;
    }
    const onFailures = attribute(element, 'exec-on-max-failures');
    const onTimeouts = attribute(element, 'exec-on-max-timeouts');
    if (onFailures) menu.onMaxFailures = onFailures;
    if (onTimeouts) menu.onMaxTimeouts = onTimeouts;
    if (digitLenText !== undefined && !/^\d+$/.test(digitLenText)) {
      this.warn(undefined, 'freeswitch_digit_len', this.at(menu), `digit-len="${digitLenText}" is not a number (an unresolved pre-processor variable?): the longest binding's length is used.`,
        `digit-len="${digitLenText}" 不是数字(未解析的预处理变量?):使用最长绑定的长度。`);
    }
    for (const entry of entries) entry.accepts = this.accepted(menu, entry);
    this.menus.set(name, menu);
  }

  private accepted(menu: FsMenu, entry: Entry): string[] {
    if (!entry.digits.startsWith('/')) {
      if (entry.digits.includes('#')) {
        this.warn(undefined, 'freeswitch_terminator_binding', this.at(menu, entry.element, `<entry digits="${entry.digits}">`),
          `"${entry.digits}" contains #, the terminator, which ends collection and is never part of the digits: this option is unreachable.`,
          `"${entry.digits}" 含结束键 #,它结束收号且不计入号码:此选项无法到达。`);
        return [];
      }
      return entry.digits === '' ? [] : [entry.digits];
    }
    const strings = expandRegex(entry.digits, menu.digitLen);
    const where = this.at(menu, entry.element, `<entry digits="${entry.digits}">`);
    if (strings === undefined) {
      this.warn(undefined, 'freeswitch_regex_broad', where, `The pattern ${entry.digits} accepts too many digit strings to list: it is left out.`, `模式 ${entry.digits} 接受的号码太多,无法列出:已略去。`);
      return [];
    }
    if (strings.length === 0) {
      this.warn(undefined, 'freeswitch_regex_dead', where,
        `The pattern ${entry.digits} matches nothing of at most digit-len=${menu.digitLen} keys: this option is unreachable.`,
        `模式 ${entry.digits} 在 digit-len=${menu.digitLen} 个按键以内匹配不到任何号码:此选项无法到达。`);
    }
    return strings;
  }

  stateKey(state: PassState): string {
    return `${state.path.join('>')}|${state.failures}|${state.timeouts}|${state.first ? 1 : 0}`;
  }

  /** A reference to a pass of a menu, compiled once. */
  pass(state: PassState): string {
    return this.work.ref(state);
  }

  run(root: string): string {
    const start = this.pass({ path: [root], failures: 0, timeouts: 0, first: true });
    this.work.drain((state) => this.compile(state));
    return start;
  }

  private menuOf(state: PassState): FsMenu {
    return this.menus.get(state.path[state.path.length - 1] as string) as FsMenu;
  }

  private limits(menu: FsMenu): { failures: number; timeouts: number } {
    const failures = Math.min(menu.maxFailures, MAX_COUNTER);
    const timeouts = Math.min(menu.maxTimeouts, MAX_COUNTER);
    if (failures < menu.maxFailures || timeouts < menu.maxTimeouts) {
      this.warn(undefined, 'freeswitch_counter_bounded', this.at(menu), `Counters above ${MAX_COUNTER} are unrolled only to ${MAX_COUNTER}.`, `超过 ${MAX_COUNTER} 的计数只展开到 ${MAX_COUNTER}。`);
    }
    return { failures, timeouts };
  }

  private compile(state: PassState): void {
    const menu = this.menuOf(state);
    const key = this.stateKey(state);
    const limits = this.limits(menu);
    const failure = this.failureTarget(state, limits.failures);
    const timeoutTarget = state.timeouts + 1 >= limits.timeouts
      ? this.leave(state, 'timeouts')
      : this.pass({ ...state, timeouts: state.timeouts + 1, first: false });
    const prompt = state.first ? menu.greetLong : (menu.greetShort ?? menu.greetLong);
    const invalid = { retries: 0, ...(menu.invalidSound === undefined ? {} : { prompt: menu.invalidSound }), then: failure };
    const node: DraftNode = {
      type: 'menu',
      prompt: prompt ?? '',
      options: this.options(state, '', failure),
      timeout: menu.timeout,
      noInput: { retries: 0, then: timeoutTarget },
      invalid,
    };
    const suffix = state.first ? '' : `.pass${state.failures}-${state.timeouts}`;
    this.builder.node(key, `${menu.name}${suffix}`, node, this.at(menu));
  }

  /** After a failure: the next pass, or leaving at max-failures. */
  private failureTarget(state: PassState, maxFailures: number): string {
    return state.failures + 1 >= maxFailures ? this.leave(state, 'failures') : this.pass({ ...state, failures: state.failures + 1, first: false });
  }

  /** Keys after `typed`: one option per key that starts or completes a binding. */
  private options(state: PassState, typed: string, failure: string): Extract<DraftNode, { type: 'menu' }>['options'] {
    const menu = this.menuOf(state);
    const options: Extract<DraftNode, { type: 'menu' }>['options'] = [];
    for (const key of ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*'] as Key[]) {
      const next = typed + key;
      if (!menu.entries.some((entry) => entry.accepts.some((s) => s.startsWith(next)))) continue;
      const target = next.length >= menu.digitLen ? this.evaluate(state, next, failure) : this.collecting(state, next, failure);
      options.push({ key, next: target });
    }
    return options;
  }

  /** Digits so far, waiting for more: the inter-digit timeout or `#` ends the collection. */
  private collecting(state: PassState, typed: string, failure: string): string {
    const menu = this.menuOf(state);
    const key = `${this.stateKey(state)}|collect:${typed}`;
    if (this.builder.has(key)) return key;
    const done = this.evaluate(state, typed, failure);
    const node: DraftNode = {
      type: 'menu',
      prompt: '',
      options: [...this.options(state, typed, failure), { key: '#', next: done, label: 'end of digits' }],
      timeout: menu.interDigit,
      noInput: { retries: 0, then: done },
      invalid: { retries: 0, ...(menu.invalidSound === undefined ? {} : { prompt: menu.invalidSound }), then: failure },
    };
    this.builder.node(key, `${menu.name}.typed_${typed.replace(/\*/g, 'star')}`, node, this.at(menu));
    if (menu.entries.some((entry) => entry.accepts.includes(typed))) {
      this.warn(key, 'freeswitch_digit_wait', this.at(menu), `With digit-len=${menu.digitLen}, after ${typed} the menu waits the inter-digit timeout (${menu.interDigit} s) unless the caller presses #.`,
        `digit-len=${menu.digitLen} 时,按 ${typed} 后菜单会等待按键间隔超时(${menu.interDigit} 秒),除非来电者按 #。`);
    }
    return key;
  }

  /** What the collected digits do: every matching entry runs in document order; the first that leaves the menu decides. */
  private evaluate(state: PassState, typed: string, failure: string): string {
    const menu = this.menuOf(state);
    const matching = menu.entries.filter((entry) => entry.accepts.includes(typed));
    if (matching.length === 0) {
      const key = `${this.stateKey(state)}|nomatch`;
      if (!this.builder.has(key)) {
        this.builder.node(key, `${menu.name}.invalid`, { type: 'say', prompt: menu.invalidSound ?? '', next: failure }, this.at(menu));
      }
      return key;
    }
    if (matching.length > 1) {
      this.warn(undefined, 'freeswitch_duplicate_binding', this.at(menu, (matching[1] as Entry).element, `<entry digits="${(matching[1] as Entry).digits}">`),
        `Several entries match ${typed}; FreeSWITCH runs them all in order. Only the first is imported.`,
        `多个条目匹配 ${typed};FreeSWITCH 会依次全部执行。只导入第一个。`);
    }
    return this.entryTarget(state, matching[0] as Entry);
  }

  private entryTarget(state: PassState, entry: Entry): string {
    const menu = this.menuOf(state);
    const at = this.at(menu, entry.element, `<entry action="${entry.action}" digits="${entry.digits}">`);
    const entryKey = `${this.stateKey(state)}|entry:${entry.element.line}:${entry.element.column}`;
    // A match resets the failure counter; the timeout counter stays.
    const again = (): string => this.pass({ ...state, failures: 0, first: false });
    switch (entry.action) {
      case 'menu-exec-app':
        // `$1` (a regex capture) stays as written: one node stands for every string the pattern takes.
        return this.app(state, entry.param, at, entryKey, again, `${menu.name}|entry:${entry.element.line}:${entry.element.column}`);
      case 'menu-sub': {
        if (!this.menus.has(entry.param)) return this.missingMenu(entry.param, at);
        if (entry.param === menu.name) return again();
        if (state.path.length >= MAX_SUBMENU_DEPTH) return this.pass({ path: [...state.path.slice(0, 1), entry.param], failures: 0, timeouts: 0, first: true });
        return this.pass({ path: [...state.path, entry.param], failures: 0, timeouts: 0, first: true });
      }
      case 'menu-top':
        return state.path.length === 1 ? again() : this.pass({ path: state.path.slice(0, 1), failures: 0, timeouts: 0, first: false });
      case 'menu-back':
        return state.path.length === 1 ? again() : this.pass({ path: state.path.slice(0, -1), failures: 0, timeouts: 0, first: false });
      case 'menu-exit':
        return this.leave(state, 'exit');
      case 'menu-play-sound':
        return this.builder.node(entryKey, `${menu.name}.sound`, { type: 'say', prompt: soundPrompt(entry.param) ?? '', next: again() }, at);
      default:
        this.warn(undefined, 'freeswitch_unknown_action', at, `The action "${entry.action}" is not one FreeSWITCH knows (menu-playback and menu-call-transfer were removed): the menu fails to build there, imported as a hang-up.`,
          `动作 "${entry.action}" 不是 FreeSWITCH 认识的动作(menu-playback 与 menu-call-transfer 已移除):菜单在此无法构建,按挂断导入。`);
        return this.builder.ending(`${entryKey}|bad`, `${menu.name}.broken`, `unknown action ${entry.action}`, at);
    }
  }

  private missingMenu(name: string, at: SourceLocation): string {
    this.warn(undefined, 'freeswitch_missing_menu', at, `The submenu "${name}" is not in the files given: imported as a hang-up (pass its file too).`,
      `子菜单 "${name}" 不在所给文件中:按挂断导入(请一并传入其文件)。`);
    return this.builder.ending(`missing-menu:${name}`, `missing_${name}`, `menu ${name} not supplied`, at);
  }

  /** `menu-exec-app` (and `exec-on-max-*`): "app args". */
  /** `key` is per pass (a prompt that plays the menu again depends on the pass); `terminal` is one node for every pass. */
  private app(state: PassState, param: string, at: SourceLocation, key: string, again: () => string, terminal: string): string {
    const menu = this.menuOf(state);
    const [app = '', ...rest] = param.trim().split(/\s+/);
    const args = rest.join(' ');
    const name = app.toLowerCase();
    if (name === 'ivr' && this.menus.has(args)) return this.pass({ path: [args], failures: 0, timeouts: 0, first: true });
    if (AGENT_APPS.has(name)) {
      if (name === 'transfer' || name === 'execute_extension') {
        this.warn(terminal, 'freeswitch_transfer', at, `"${param}" leaves the menu for the dialplan, which is not in these files: taken as reaching a person.`,
          `"${param}" 离开菜单进入拨号计划(不在这些文件中):按接通人工处理。`);
      }
      return this.builder.node(terminal, `${menu.name}.${name}`, { type: 'agent', queue: args === '' ? name : args }, at);
    }
    if (HANGUP_APPS.has(name)) return this.builder.node(terminal, `${menu.name}.${name}`, { type: 'hangup', reason: param }, at);
    if (SOUND_APPS.has(name)) return this.builder.node(key, `${menu.name}.${name}`, { type: 'say', prompt: name === 'sleep' ? { seconds: milliseconds(args, 0) } : (soundPrompt(args) ?? { audio: args }), next: again() }, at);
    if (OTHER_KNOWN_APPS.has(name)) {
      this.warn(this.stateKey(state), 'freeswitch_app_not_modelled', at, `"${app}" is not modelled: the menu is assumed to play again.`, `未建模 "${app}":假定菜单再次播放。`);
      return again();
    }
    this.warn(this.stateKey(state), 'freeswitch_unknown_app', at, `"${app}" is not an application: FreeSWITCH cannot run it and the menu exits (${param}).`,
      `"${app}" 不是应用程序:FreeSWITCH 无法执行,菜单退出(${param})。`);
    return this.leave(state, 'exit');
  }

  /** Leaving a menu: `exec-on-max-*`, else back to the parent menu, else the dialplan (a hang-up here). */
  private leave(state: PassState, why: 'failures' | 'timeouts' | 'exit'): string {
    const menu = this.menuOf(state);
    const key = `${this.stateKey(state)}|leave:${why}`;
    if (this.builder.has(key)) return key;
    const exec = why === 'failures' ? menu.onMaxFailures : why === 'timeouts' ? menu.onMaxTimeouts : undefined;
    if (exec !== undefined) {
      this.builder.pass(key, this.app({ ...state }, exec, this.at(menu), `${key}|exec`, () => this.leave(state, 'exit'), `${menu.name}|exec:${why}`), this.at(menu));
      return key;
    }
    if (state.path.length > 1) return this.builder.pass(key, this.pass({ path: state.path.slice(0, -1), failures: 0, timeouts: 0, first: false }), this.at(menu));
    const reason = why === 'exit' ? 'the menu exits to the dialplan' : `max-${why} reached: the menu returns to the dialplan`;
    const node: DraftNode = menu.exitSound === undefined ? { type: 'hangup', reason } : { type: 'hangup', prompt: menu.exitSound, reason };
    this.warn(key, 'freeswitch_returns_to_dialplan', this.at(menu), `When ${menu.name} ${why === 'exit' ? 'exits' : `reaches max-${why}`}, the call goes back to the dialplan, which is not in these files: imported as a hang-up.`,
      `${menu.name} ${why === 'exit' ? '退出' : `达到 max-${why}`}后,通话回到拨号计划(不在这些文件中):按挂断导入。`);
    return this.builder.node(key, `${menu.name}.exit`, node, this.at(menu));
  }
}

export const freeswitchImporter: Importer = {
  id: 'freeswitch',
  title: 'FreeSWITCH IVR menus XML',
  detect(files) {
    const text = files[0]?.text.slice(0, 65536) ?? '';
    if (/<menu\s[^>]*\bname=/.test(text) && /<entry\s[^>]*\baction="menu-/.test(text)) return 0.95;
    return /ivr\.conf|X-PRE-PROCESS/.test(text) ? 0.6 : 0;
  },
  import(files, options?: ImportOptions): ImportResult {
    const reader = new FreeswitchReader();
    reader.read(files, options?.maxBytes);
    const file = files[0]?.name ?? 'ivr.conf.xml';
    // Calls start in the entry file's first menu; an entry file without one is a wrapper or not an IVR file.
    const root = [...reader.menus.values()].find((m) => m.file === file);
    if (root === undefined) {
      const wrapper = /X-PRE-PROCESS[^>]*cmd="include"[^>]*data="([^"]*)"/.exec(files[0]?.text ?? '');
      throw new IvrError([issue(wrapper === null ? 'freeswitch_no_menu' : 'include_wrapper', [], wrapper === null
        ? { en: 'No <menu> element: this is not a FreeSWITCH IVR menu file.', 'zh-CN': '没有 <menu> 元素:这不是 FreeSWITCH IVR 菜单文件。' }
        : {
          en: `This file only includes ${wrapper[1]}: import those files instead.`,
          'zh-CN': `此文件只是引入 ${wrapper[1]}:请改为导入这些文件。`,
        })], { file });
    }
    const start = reader.run(root.name);
    return reader.builder.build({ start, name: root.name, file });
  },
};
