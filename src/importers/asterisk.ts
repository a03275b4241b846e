/**
 * Asterisk dialplans (`extensions.conf`) → `ivr-menu/1`, by running the PBX
 * loop symbolically from the IVR context's start extension.
 *
 * Syntax (as `pbx_config.c` reads it): `[context]`, `exten`/`same`/`include`
 * with `=>` or `=` in any letter case, `;` comments (`\;` escaped) and
 * `;-- … --;` block comments, priorities as numbers or `n` with `(labels)`.
 *
 * Run-time rules modelled (research/formats.md §4, from `main/pbx.c`):
 * - `Background` plays and returns; keys pressed during it or during the
 *   following `WaitExten(n)` select an extension of the context (includes
 *   too). Consecutive `Background`s are one menu prompt.
 * - `WaitExten` timing out goes to the **next priority** if there is one,
 *   else to `t`, else `e`, else hangs up: a `t` behind a next priority is
 *   dead, and the import says so.
 * - An invalid extension goes to `i`, else `e`, else hangs up.
 * - After a key that starts a longer extension (`1` beside `1000`) the PBX
 *   waits `TIMEOUT(digit)` (5 s) before it takes the short one: such keys lead
 *   to a prefix menu whose no-input is that wait. There is no terminator key.
 * - `Queue`, `Dial` → agent; `VoiceMail`, `Directory`, `Hangup`, running out
 *   of priorities → hang-up; `GotoIfTime` → a branch on a schedule compiled
 *   from its time spec (holiday dates → a fact); `GotoIf`, AGI results → facts.
 */
import { IvrError, KEYS, issue, type Condition, type Day, type Key, type Schedule } from '../model/index.js';
import { MenuBuilder, message, type DraftNode } from './build-menu.js';
import type { ImportOptions, ImportResult, Importer, SourceFile, SourceLocation } from './importer.js';
import { Worklist } from './worklist.js';

const DEFAULT_DIGIT_TIMEOUT = 5;
const DEFAULT_RESPONSE_TIMEOUT = 10;
/** Applications that change nothing the caller hears or does. */
const SILENT_APPS = new Set([
  'answer', 'verbose', 'noop', 'set', 'setcallerpres', 'setmusiconhold', 'ringing', 'progress', 'log', 'mixmonitor',
  'monitor', 'stopmonitor', 'setvar', 'setcidname', 'setcidnum', 'execif', 'system', 'userevent', 'cdr', 'resetcdr',
  'nocdr', 'setamaflags', 'chanisavail', 'musiconhold', 'startmusiconhold', 'stopmusiconhold', 'macroexit', 'sayunixtime',
  'saynumber', 'saydigits', 'sayalpha', 'gosubif', 'agi', 'eagi', 'deadagi', 'gosub', 'macro', 'return', 'senddtmf', 'authenticate',
]);
const DAY_NAMES: readonly Day[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

export interface Priority {
  number: number;
  label?: string;
  app: string;
  args: string[];
  file: string;
  line: number;
}

export interface Context {
  name: string;
  file: string;
  line: number;
  extensions: Map<string, Priority[]>;
  includes: string[];
}

/** `context`: the IVR context to start in (default: the first with Background or WaitExten). */
export type AsteriskImportOptions = ImportOptions;

/** Removes `;-- … --;` block comments and `;` line comments, keeping line numbers. */
export function stripComments(text: string): string[] {
  const withoutBlocks = text.replace(/;--[\s\S]*?--;/g, (block) => block.replace(/[^\n]/g, ' '));
  return withoutBlocks.split(/\r?\n/).map((line) => {
    for (let i = 0; i < line.length; i++) {
      if (line[i] === ';' && line[i - 1] !== '\\') return line.slice(0, i);
    }
    return line;
  }).map((line) => line.replace(/\\;/g, ';'));
}

/** Splits `a,b(c,d),e` at top-level commas. */
function splitArgs(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '(' || char === '[' || char === '{') depth++;
    if (char === ')' || char === ']' || char === '}') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      parts.push(current.trim());
      current = '';
    } else current += char;
  }
  parts.push(current.trim());
  return parts;
}

/** `key`: the draft key of the extension the line belongs to, so only lines the call can reach are reported. */
type Warn = (code: string, at: SourceLocation, en: string, zh: string, key?: string) => void;

/** Reads dialplan files into contexts; lines it cannot read become warnings. */
function parseDialplan(files: readonly SourceFile[], warn: Warn): Map<string, Context> {
  const contexts = new Map<string, Context>();
  for (const file of files) {
    let context: Context | undefined;
    let lastExten: string | undefined;
    let lastNumber = 0;
    stripComments(file.text).forEach((raw, index) => {
      const line = raw.trim();
      const at = { file: file.name, line: index + 1 };
      if (line === '') return;
      const header = /^\[([^\]]+)\]/.exec(line);
      if (header !== null) {
        const name = (header[1] as string).trim();
        context = contexts.get(name) ?? { name, file: file.name, line: index + 1, extensions: new Map(), includes: [] };
        contexts.set(name, context);
        lastExten = undefined;
        return;
      }
      const statement = /^(exten|same|include)\s*=>?\s*(.*)$/i.exec(line);
      if (statement === null || context === undefined) return;
      const keyword = (statement[1] as string).toLowerCase();
      const rest = statement[2] as string;
      if (keyword === 'include') {
        context.includes.push((splitArgs(rest)[0] ?? '').trim());
        return;
      }
      let exten: string | undefined;
      let body = rest;
      if (keyword === 'exten') {
        const comma = rest.indexOf(',');
        exten = comma === -1 ? undefined : rest.slice(0, comma).trim().split('/')[0];
        body = comma === -1 ? '' : rest.slice(comma + 1);
      } else exten = lastExten;
      const parsed = /^\s*([0-9]+|n|hint)\s*(?:\(([^)]*)\))?\s*,\s*([A-Za-z_][\w]*)\s*(?:\((.*)\))?\s*$/i.exec(body);
      if (exten === undefined || exten === '' || parsed === null) {
        const owner = exten === undefined ? undefined : `${context.name}\u0000${exten}\u00000`;
        warn('asterisk_unreadable_line', at, `This dialplan line cannot be read (${line.slice(0, 60)}): Asterisk skips it too.`, `无法读取此拨号计划行(${line.slice(0, 60)}):Asterisk 同样会跳过。`, owner);
        return;
      }
      if ((parsed[1] as string).toLowerCase() === 'hint') return;
      const number = (parsed[1] as string).toLowerCase() === 'n' ? (exten === lastExten ? lastNumber + 1 : 1) : Number(parsed[1]);
      const priorities = context.extensions.get(exten) ?? [];
      const priority: Priority = { number, app: parsed[3] as string, args: parsed[4] === undefined ? [] : splitArgs(parsed[4]), ...at };
      unwrapExecIf(priority);
      if (parsed[2] !== undefined && parsed[2].trim() !== '') priority.label = parsed[2].trim();
      priorities.push(priority);
      priorities.sort((a, b) => a.number - b.number);
      context.extensions.set(exten, priorities);
      lastExten = exten;
      lastNumber = number;
    });
  }
  return contexts;
}

/**
 * `ExecIf(cond?Background(x))` (FreePBX plays its IVR prompt this way): the
 * inner prompt or wait is what the caller meets, so it is read as that
 * application, the condition taken as true.
 */
function unwrapExecIf(priority: Priority): void {
  if (priority.app.toLowerCase() !== 'execif') return;
  const whole = priority.args.join(',');
  const inner = /\?\s*(Background|Playback|WaitExten)\s*\((.*)\)\s*(?::.*)?$/i.exec(whole);
  if (inner === null) return;
  priority.app = inner[1] as string;
  priority.args = splitArgs(inner[2] as string);
}

/** Asterisk pattern `_1XX`, `_[2-5]X.`, `_N!` matched against a dialled string. */
export function patternMatches(pattern: string, exten: string): boolean {
  if (!pattern.startsWith('_')) return pattern === exten;
  let source = '';
  for (let i = 1; i < pattern.length; i++) {
    const char = pattern[i] as string;
    if (char === '[') {
      const end = pattern.indexOf(']', i);
      if (end === -1) return false;
      source += `[${pattern.slice(i + 1, end).replace(/[\\^\]]/g, '\\$&')}]`;
      i = end;
    } else if (/[Xx]/.test(char)) source += '[0-9]';
    else if (/[Zz]/.test(char)) source += '[1-9]';
    else if (/[Nn]/.test(char)) source += '[2-9]';
    else if (char === '.') source += '.+';
    else if (char === '!') source += '.*';
    else source += char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(exten);
}

function isDialable(exten: string): boolean {
  return /^[0-9*#]+$/.test(exten);
}

/** `08:00-17:59`, `mon-fri`: an ivr-menu/1 schedule; dates or months other than `*` are not a weekly schedule. */
export function scheduleFromTimeSpec(times: string, weekdays: string): Schedule['open'] | undefined {
  let from = '00:00';
  let to = '24:00';
  if (times.trim() !== '*') {
    const match = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec(times.trim());
    if (match === null) return undefined;
    from = `${match[1]?.padStart(2, '0')}:${match[2]}`;
    // Asterisk's end minute is inclusive: 17:59 means until 18:00.
    const endMinutes = Number(match[3]) * 60 + Number(match[4]) + 1;
    to = `${String(Math.floor(endMinutes / 60)).padStart(2, '0')}:${String(endMinutes % 60).padStart(2, '0')}`;
  }
  let days: Day[] = [...DAY_NAMES];
  if (weekdays.trim() !== '*') {
    const [first, last] = weekdays.trim().toLowerCase().split('-') as [string, string | undefined];
    const start = DAY_NAMES.indexOf(first as Day);
    const end = last === undefined ? start : DAY_NAMES.indexOf(last as Day);
    if (start === -1 || end === -1) return undefined;
    days = [];
    for (let d = start; ; d = (d + 1) % 7) {
      days.push(DAY_NAMES[d] as Day);
      if (d === end) break;
    }
  }
  // An end before the start runs past midnight, as ivr-menu/1 reads it too.
  if (from === to) return [];
  return [{ days, from, to }];
}

interface Position {
  context: Context;
  exten: string;
  index: number;
}

class DialplanReader {
  readonly builder = new MenuBuilder('asterisk', 'Asterisk dialplan');
  readonly schedules: Record<string, Schedule> = Object.create(null) as Record<string, Schedule>;
  private readonly work = new Worklist<Position>((position) => this.keyOf(position));

  constructor(readonly contexts: Map<string, Context>) {}

  at(priority: Priority | undefined, context: Context, exten?: string): SourceLocation {
    return { file: priority?.file ?? context.file, line: priority?.line ?? context.line, element: `[${context.name}] ${exten ?? ''}${priority === undefined ? '' : `,${priority.number}`}` };
  }

  /** With a draft key, the warning is reported only if the call can get there. */
  warnAt(where: SourceLocation, code: string, en: string, zh: string, key?: string): void {
    this.builder.warn(key, code, where, message(en, zh));
  }

  context(name: string): Context | undefined {
    return this.contexts.get(name) ?? [...this.contexts.values()].find((c) => c.name.toLowerCase() === name.toLowerCase());
  }

  /** Extensions a caller can dial in a context: its own and its includes', first definition wins. */
  dialable(context: Context, seen = new Set<string>()): Map<string, Context> {
    const found = new Map<string, Context>();
    if (seen.has(context.name)) return found;
    seen.add(context.name);
    for (const exten of context.extensions.keys()) if (isDialable(exten)) found.set(exten, context);
    for (const include of context.includes) {
      const included = this.context(include);
      if (included === undefined) continue;
      for (const [exten, owner] of this.dialable(included, seen)) if (!found.has(exten)) found.set(exten, owner);
    }
    return found;
  }

  keyOf(position: Position): string {
    return `${position.context.name}\u0000${position.exten}\u0000${position.index}`;
  }

  /** A reference to a position, compiled once (worklist, so long dialplans do not recurse deeply). */
  ref(position: Position): string {
    return this.work.ref(position);
  }

  run(start: Position): string {
    const key = this.ref(start);
    this.work.drain((position) => this.compile(position));
    return key;
  }

  private timeoutSetting(context: Context, which: 'digit' | 'response', fallback: number): number {
    for (const priorities of context.extensions.values()) {
      for (const p of priorities) {
        const match = new RegExp(`^TIMEOUT\\(${which}\\)\\s*=\\s*(\\d+(?:\\.\\d+)?)$`, 'i').exec(p.args[0] ?? '');
        if (p.app.toLowerCase() === 'set' && match !== null) return Number(match[1]);
      }
    }
    return fallback;
  }

  /** `Goto` targets: `(prio)`, `(label)`, `(ext,prio)`, `(ctx,ext,prio)`. */
  resolveGoto(from: Position, args: readonly string[], priority: Priority): string {
    const parts = args.map((a) => a.trim()).filter((a, i, all) => a !== '' || i < all.length - 1);
    let context = from.context;
    let exten = from.exten;
    let target: string | undefined;
    if (parts.length >= 3) {
      const found = this.context(parts[0] as string);
      if (found === undefined) return this.broken(from, priority, `context [${parts[0]}] does not exist`);
      context = found;
      exten = parts[1] as string;
      target = parts[2];
    } else if (parts.length === 2) {
      exten = parts[0] as string;
      target = parts[1];
    } else target = parts[0];
    if (target === undefined || target === '') return this.broken(from, priority, 'Goto() has no target');
    if (!context.extensions.has(exten)) {
      // A pattern extension (`_11XX`) takes the call.
      exten = [...context.extensions.keys()].find((pattern) => patternMatches(pattern, exten)) ?? exten;
    }
    const priorities = context.extensions.get(exten);
    if (priorities === undefined) return this.broken(from, priority, `extension ${exten} does not exist in [${context.name}]`);
    const index = /^\d+$/.test(target) ? priorities.findIndex((p) => p.number === Number(target)) : priorities.findIndex((p) => p.label === target);
    if (index === -1) return this.broken(from, priority, `${exten} has no priority or label "${target}"`);
    return this.ref({ context, exten, index });
  }

  private broken(from: Position, priority: Priority, why: string): string {
    const where = this.at(priority, from.context, from.exten);
    this.warnAt(where, 'asterisk_broken_goto', `${why}: the PBX cannot go on, so this is imported as a hang-up.`, `${why}:PBX 无法继续,按挂断导入。`, this.keyOf(from));
    return this.builder.ending(`broken\u0000${this.keyOf(from)}`, `${from.context.name}.broken`, why, where);
  }

  private nodeName(position: Position, suffix = ''): string {
    return `${position.context.name}.${position.exten}${suffix}`;
  }

  /** Where a special extension (`i`, `t`, `e`) leads, or undefined. */
  private special(context: Context, exten: string): string | undefined {
    return context.extensions.has(exten) ? this.ref({ context, exten, index: 0 }) : undefined;
  }

  private compile(position: Position): void {
    const key = this.keyOf(position);
    const priorities = position.context.extensions.get(position.exten) ?? [];
    const priority = priorities[position.index];
    const next = (): string => this.ref({ ...position, index: position.index + 1 });
    if (priority === undefined) {
      this.builder.node(key, this.nodeName(position, '.end'), { type: 'hangup', reason: 'no more priorities (autofallthrough)' }, this.at(priorities[priorities.length - 1], position.context, position.exten));
      return;
    }
    const at = this.at(priority, position.context, position.exten);
    const app = priority.app.toLowerCase();
    const name = this.nodeName(position);
    switch (app) {
      case 'background':
      case 'waitexten':
        this.menu(position, key);
        return;
      case 'playback':
      case 'wait': {
        const prompt = app === 'wait'
          ? { seconds: Number(priority.args[0]) || 0 }
          : { audio: (priority.args[0] ?? '').split('&').join(' & ') };
        this.builder.node(key, name, { type: 'say', prompt, next: next() }, at);
        return;
      }
      case 'read':
        this.read(position, priority, key);
        return;
      case 'goto':
        this.builder.pass(key, this.resolveGoto(position, priority.args, priority), at);
        return;
      case 'gotoif':
        this.gotoIf(position, priority, key, { fact: (priority.args.join(',').split('?')[0] ?? '').trim() || 'condition' });
        return;
      case 'gotoiftime':
        this.gotoIf(position, priority, key, this.timeCondition(priority, at));
        return;
      case 'queue':
        this.builder.node(key, name, { type: 'agent', queue: priority.args[0] || 'queue' }, at);
        return;
      case 'dial':
        this.builder.node(key, name, { type: 'agent', queue: `Dial(${priority.args[0] ?? ''})` }, at);
        return;
      case 'macro':
        // FreePBX rings people through Macro(dial…) (ring groups) and Macro(exten-vm…) (a user's phone).
        if (/^(dial|dial-confirm|dial-one|exten-vm)$/i.test(priority.args[0] ?? '')) {
          this.builder.node(key, name, { type: 'agent', queue: `${priority.args[0]} ${position.exten}` }, at);
          return;
        }
        this.warnAt(at, 'asterisk_outside_code', `${priority.app}() runs code this import cannot see: assumed to return and go on.`, `${priority.app}() 运行本导入看不到的代码:假定返回并继续。`, key);
        this.builder.pass(key, next(), at);
        return;
      case 'voicemail':
      case 'voicemailmain':
      case 'directory':
      case 'hangup':
      case 'congestion':
      case 'busy':
        this.builder.node(key, name, { type: 'hangup', reason: `${priority.app}()` }, at);
        return;
      default:
        if (!SILENT_APPS.has(app)) {
          this.warnAt(at, 'asterisk_unknown_app', `${priority.app}() is not modelled: the call is assumed to go on to the next priority.`, `未建模 ${priority.app}():假定通话继续到下一优先级。`, key);
        } else if (['agi', 'eagi', 'gosub', 'macro'].includes(app)) {
          this.warnAt(at, 'asterisk_outside_code', `${priority.app}() runs code this import cannot see: assumed to return and go on.`, `${priority.app}() 运行本导入看不到的代码:假定返回并继续。`, key);
        }
        this.builder.pass(key, next(), at);
    }
  }

  private timeCondition(priority: Priority, at: SourceLocation): Condition {
    const spec = priority.args.join(',').split('?')[0] ?? '';
    const [times = '*', weekdays = '*', mdays = '*', months = '*', timezone] = spec.split(',').map((s) => s.trim());
    const open = mdays === '*' && months === '*' ? scheduleFromTimeSpec(times, weekdays) : undefined;
    if (open === undefined) return { fact: `time ${spec}` };
    const name = `time_${times}_${weekdays}`.replace(/[^A-Za-z0-9_-]+/g, '_');
    if (this.schedules[name] === undefined) {
      this.schedules[name] = { timezone: timezone || 'UTC', open };
      if (!timezone) {
        this.warnAt(at, 'asterisk_timezone', `GotoIfTime uses the server's clock, whose time zone the file does not say: schedule "${name}" assumes UTC (edit "hours" to fix it).`,
          `GotoIfTime 使用服务器时钟,文件未给出时区:时间表 "${name}" 假定为 UTC(可编辑 "hours" 修正)。`);
      }
    }
    return { open: name };
  }

  private gotoIf(position: Position, priority: Priority, key: string, when: Condition): void {
    const whole = priority.args.join(',');
    const question = whole.indexOf('?');
    const [yes = '', no = ''] = question === -1 ? [] : whole.slice(question + 1).split(':');
    const next = (): string => this.ref({ ...position, index: position.index + 1 });
    const target = (label: string): string => (label.trim() === '' ? next() : this.resolveGoto(position, splitArgs(label), priority));
    const node: DraftNode = { type: 'branch', cases: [{ when, next: target(yes) }], otherwise: target(no) };
    this.builder.node(key, this.nodeName(position, '.check'), node, this.at(priority, position.context, position.exten));
  }

  private read(position: Position, priority: Priority, key: string): void {
    const [, file = '', maxDigits = '', , , timeout = ''] = priority.args;
    const digits = Number(maxDigits);
    const node: Extract<DraftNode, { type: 'input' }> = {
      type: 'input',
      prompt: file === '' ? '' : { audio: file },
      next: this.ref({ ...position, index: position.index + 1 }),
      timeout: Number(timeout) > 0 ? Number(timeout) : DEFAULT_RESPONSE_TIMEOUT,
      // Read() returns to the next priority on silence or a bad entry alike: the dialplan decides.
      noInput: { retries: 0, then: this.ref({ ...position, index: position.index + 1 }) },
      invalid: { retries: 0, then: this.ref({ ...position, index: position.index + 1 }) },
      ...(Number.isInteger(digits) && digits > 0 ? { length: digits } : { minLength: 1, terminator: '#' as Key }),
    };
    this.builder.node(key, this.nodeName(position, '.read'), node, this.at(priority, position.context, position.exten));
  }

  /** Background(s) and WaitExten from `position`: one menu over the context's extensions. */
  private menu(position: Position, key: string): void {
    const priorities = position.context.extensions.get(position.exten) ?? [];
    const audio: string[] = [];
    let index = position.index;
    let waitSeconds: number | undefined;
    for (; index < priorities.length; index++) {
      const p = priorities[index] as Priority;
      const app = p.app.toLowerCase();
      if (app === 'background') audio.push(...(p.args[0] ?? '').split('&').filter((a) => a !== ''));
      else if (app === 'waitexten') {
        waitSeconds = Number(p.args[0]) > 0 ? Number(p.args[0]) : this.timeoutSetting(position.context, 'response', DEFAULT_RESPONSE_TIMEOUT);
        index++;
        break;
      } else break;
    }
    const first = priorities[position.index] as Priority;
    const at = this.at(first, position.context, position.exten);
    const context = position.context;
    const afterWait = index < priorities.length ? this.ref({ ...position, index }) : undefined;
    const timeoutTarget = afterWait ?? this.special(context, 't') ?? this.special(context, 'e');
    if (afterWait !== undefined && context.extensions.has('t') && waitSeconds !== undefined) {
      this.warnAt(at, 'asterisk_dead_t', 'The t extension is never used here: when WaitExten times out, Asterisk runs the next priority instead.',
        '这里的 t 扩展永远不会被使用:WaitExten 超时后,Asterisk 执行下一优先级。', key);
    }
    const invalidTarget = this.special(context, 'i') ?? this.special(context, 'e');
    const digitTimeout = this.timeoutSetting(context, 'digit', DEFAULT_DIGIT_TIMEOUT);
    const options = this.options(position, this.dialable(context), '', digitTimeout, invalidTarget);
    const node: DraftNode = {
      type: 'menu',
      prompt: audio.length === 0 ? '' : { audio: audio.join(' & ') },
      options,
      timeout: waitSeconds ?? 0,
      noInput: { retries: 0, ...(timeoutTarget === undefined ? {} : { then: timeoutTarget }) },
      invalid: { retries: 0, ...(invalidTarget === undefined ? {} : { then: invalidTarget }) },
    };
    this.builder.node(key, this.nodeName(position), node, at);
  }

  /** Options for the keys after `prefix`; a key that starts a longer extension leads to a prefix menu (the digit-timeout wait). */
  private options(position: Position, extens: Map<string, Context>, prefix: string, digitTimeout: number, invalid: string | undefined) {
    const options: Extract<DraftNode, { type: 'menu' }>['options'] = [];
    for (const key of KEYS) {
      const typed = prefix + key;
      const exact = extens.get(typed);
      const longer = [...extens.keys()].some((e) => e.length > typed.length && e.startsWith(typed));
      if (exact === undefined && !longer) continue;
      const landing = exact === undefined ? undefined : this.ref({ context: exact, exten: typed, index: 0 });
      if (!longer) {
        options.push({ key, next: landing as string });
        continue;
      }
      const prefixKey = `prefix\u0000${position.context.name}\u0000${typed}`;
      if (!this.builder.has(prefixKey)) {
        const node: DraftNode = {
          type: 'menu',
          prompt: '',
          options: this.options(position, extens, typed, digitTimeout, invalid),
          timeout: digitTimeout,
          noInput: { retries: 0, ...(landing ?? invalid) !== undefined ? { then: (landing ?? invalid) as string } : {} },
          invalid: { retries: 0, ...(invalid === undefined ? {} : { then: invalid }) },
        };
        this.builder.node(prefixKey, `${position.context.name}.dialling_${typed.replace(/\*/g, 'star').replace(/#/g, 'hash')}`, node, this.at(undefined, position.context));
        if (landing !== undefined) {
          this.warnAt(this.at((exact as Context).extensions.get(typed)?.[0], exact as Context, typed), 'asterisk_prefix_wait',
            `Extension ${typed} is also the start of a longer extension: after ${typed} the PBX waits the digit timeout (${digitTimeout} s) before it acts.`,
            `扩展 ${typed} 也是更长扩展的开头:按下 ${typed} 后,PBX 要等待按键超时(${digitTimeout} 秒)才执行。`, prefixKey);
        }
      }
      options.push({ key, next: prefixKey, ...(landing === undefined ? { advertised: false } : {}) });
    }
    return options;
  }
}

/** `--context` names no context: say which exist, those that wait for keys first. */
function unknownContext(reader: DialplanReader, wanted: string, waits: (p: Priority) => boolean, file: string): IvrError {
  const all = [...reader.contexts.values()];
  const waiting = all.filter((c) => [...c.extensions.values()].some((ps) => ps.some(waits))).map((c) => c.name);
  const others = all.map((c) => c.name).filter((name) => !waiting.includes(name));
  const list = (names: string[]) => (names.length === 0 ? '(none)' : `${names.slice(0, 12).join(', ')}${names.length > 12 ? `, … (${names.length} in all)` : ''}`);
  return new IvrError([issue('asterisk_no_context', [], {
    en: `The dialplan has no context [${wanted}]. Contexts that wait for keys: ${list(waiting)}; others: ${list(others)}.`,
    'zh-CN': `拨号计划中没有上下文 [${wanted}]。等待按键的上下文:${list(waiting)};其他:${list(others)}。`,
  })], { file });
}

/** The IVR context: the one asked for, else the first with Background or WaitExten (said in a warning). */
function pickContext(reader: DialplanReader, wanted: string | undefined, file: string): { context: Context; exten: string } {
  const waits = (p: Priority) => ['background', 'waitexten'].includes(p.app.toLowerCase());
  let context: Context | undefined;
  if (wanted !== undefined) {
    context = reader.context(wanted);
    if (context === undefined) throw unknownContext(reader, wanted, waits, file);
  } else {
    context = [...reader.contexts.values()].find((c) => [...c.extensions.values()].some((ps) => ps.some(waits)));
    if (context === undefined) {
      throw new IvrError([issue('asterisk_no_ivr', [], {
        en: reader.contexts.size === 0
          ? 'No dialplan context found (the file is empty, all comments, or not extensions.conf).'
          : 'No context waits for keys (no Background or WaitExten): there is no IVR menu in this dialplan.',
        'zh-CN': reader.contexts.size === 0
          ? '未找到拨号计划上下文(文件为空、全是注释,或不是 extensions.conf)。'
          : '没有等待按键的上下文(无 Background 或 WaitExten):此拨号计划中没有 IVR 菜单。',
      })], { file });
    }
    const chosen = context;
    const others = [...reader.contexts.values()].filter((c) => c !== chosen && [...c.extensions.values()].some((ps) => ps.some(waits))).map((c) => c.name);
    const rest = others.length === 0 ? '' : ` Other contexts that wait for keys: ${others.slice(0, 8).join(', ')}${others.length > 8 ? ', …' : ''}.`;
    const restZh = others.length === 0 ? '' : `其他等待按键的上下文:${others.slice(0, 8).join('、')}${others.length > 8 ? '等' : ''}。`;
    reader.warnAt({ file: context.file, line: context.line, element: `[${context.name}]` }, 'asterisk_context_chosen',
      `Started in [${context.name}], the first context that waits for keys (Background or WaitExten).${rest}`,
      `从 [${context.name}] 开始,这是第一个等待按键(Background 或 WaitExten)的上下文。${restZh}`);
  }
  const exten = context.extensions.has('s') ? 's' : ([...context.extensions.entries()].find(([, ps]) => ps.some(waits))?.[0] ?? [...context.extensions.keys()][0]);
  if (exten === undefined) {
    throw new IvrError([issue('asterisk_empty_context', [], { en: `Context [${context.name}] has no extensions.`, 'zh-CN': `上下文 [${context.name}] 没有扩展。` })], { file });
  }
  return { context, exten };
}

export function importDialplan(files: readonly SourceFile[], options: AsteriskImportOptions = {}): ImportResult {
  const pending: { code: string; at: SourceLocation; en: string; zh: string; key?: string }[] = [];
  const contexts = parseDialplan(files, (code, at, en, zh, key) => pending.push({ code, at, en, zh, ...(key === undefined ? {} : { key }) }));
  const reader = new DialplanReader(contexts);
  for (const w of pending) reader.warnAt(w.at, w.code, w.en, w.zh, w.key);
  const file = files[0]?.name ?? 'extensions.conf';
  const { context, exten } = pickContext(reader, options.context, file);
  const start = reader.run({ context, exten, index: 0 });
  const result = reader.builder.build({ start, name: `${file} [${context.name}]`, file });
  const hours = Object.keys(reader.schedules).length > 0 ? { hours: reader.schedules } : {};
  return { ...result, menu: { ...result.menu, ...hours } };
}

export const asteriskImporter: Importer = {
  id: 'asterisk',
  title: 'Asterisk dialplan (extensions.conf)',
  detect(files) {
    const text = files[0]?.text ?? '';
    if (/^\s*exten\s*=>?\s*[^,]+,\s*(\d+|n)/im.test(text)) return 0.9;
    return /^\s*\[[^\]]+\]\s*$/m.test(text) && /\.conf(\.sample)?$/i.test(files[0]?.name ?? '') ? 0.4 : 0;
  },
  import(files, options?: ImportOptions) {
    return importDialplan(files, options);
  },
};
