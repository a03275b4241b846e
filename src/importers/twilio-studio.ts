/**
 * Twilio Studio flow JSON → ivr-menu/1 (research/formats.md §1).
 * A `gather-input-on-call` and the `split-based-on` widgets that test its own
 * `Digits`/`SpeechResult` become one menu; the seconds Twilio waits after the
 * last key (no `number_of_digits`) become a measured wait node after each
 * key; any other split, HTTP request or function is a branch on world facts;
 * an edge with no `next` ends the call.
 */
import { IvrError, KEYS, issue, type Condition as ModelCondition, type Key, type Prompt } from '../model/index.js';
import type { Importer, ImportOptions, ImportResult, SourceFile, SourceLocation } from './importer.js';
import { MenuBuilder, audioPrompt, message, spokenPrompt, stripTemplates, type DraftNode } from './build-menu.js';
import { asArray, asNumber, asObject, asText, isObject, parseUntrustedJson, type JsonObject, type ParsedJson } from './safe-json.js';

interface Transition {
  event: string;
  next?: string;
  conditions: Condition[];
}

interface Condition {
  type: string;
  argument: string;
  value: string;
}

interface Widget {
  name: string;
  type: string;
  properties: JsonObject;
  transitions: Transition[];
  at: SourceLocation;
}

/** What a split tests: one widget's Digits or SpeechResult, or anything else. */
type Subject = { widget: string; field: 'Digits' | 'SpeechResult' } | { widget?: undefined; field?: undefined };

const TITLE = 'Twilio Studio flow JSON';
const ANY_SPEECH = 'anything';

function readTransitions(value: unknown): Transition[] {
  return asArray(value as never).filter(isObject).map((t) => ({
    event: asText(t.event) ?? '',
    ...(asText(t.next) ? { next: asText(t.next) as string } : {}),
    conditions: asArray(t.conditions).filter(isObject).map((c) => ({
      type: asText(c.type) ?? '',
      argument: asArray(c.arguments).map((a) => asText(a) ?? '').join(' '),
      value: asText(c.value) ?? '',
    })),
  }));
}

function readWidgets(parsed: ParsedJson, file: string, statesPath: (string | number)[]): Widget[] {
  const root = asObject(parsed.value);
  const definition = isObject(root.definition) ? root.definition : root;
  return asArray(definition.states).filter(isObject).map((state, index) => {
    const name = asText(state.name) ?? `state_${index}`;
    return {
      name,
      type: asText(state.type) ?? '',
      properties: asObject(state.properties),
      transitions: readTransitions(state.transitions),
      at: { file, element: name, ...parsed.locate([...statesPath, index]) },
    };
  });
}

/** `{{widgets.gather_1.Digits | downcase}}` → the widget and field it reads. */
function subjectOf(argument: string): Subject {
  const match = /widgets\.\s*([A-Za-z0-9_-]+)\s*\.\s*(Digits|SpeechResult)\b/.exec(argument);
  return match ? { widget: match[1] as string, field: match[2] as 'Digits' | 'SpeechResult' } : {};
}

/** A condition as a readable world fact: "widgets.check.parsed.isOpen equal_to true". */
function factOf(condition: Condition): string {
  const subject = condition.argument.replace(/\{\{|\}\}/g, '').replace(/\|.*$/, '').replace(/\s+/g, '').trim() || 'input';
  return `${subject} ${condition.type} ${stripTemplates(condition.value).text || condition.value}`.trim();
}

function isKey(value: string): value is Key {
  return (KEYS as readonly string[]).includes(value);
}

class TwilioFlow {
  private readonly widgets = new Map<string, Widget>();
  readonly builder = new MenuBuilder('twilio-studio', TITLE);

  constructor(widgets: Widget[]) {
    for (const widget of widgets) if (!this.widgets.has(widget.name)) this.widgets.set(widget.name, widget);
  }

  /** The draft key an event leads to; an event without `next` ends the call. */
  private target(widget: Widget, event: string): string {
    const transition = widget.transitions.find((t) => t.event === event);
    if (transition?.next !== undefined) return transition.next;
    return this.builder.ending(`${widget.name}#${event}`, `${widget.name}.${event || 'end'}`, `${widget.name}: "${event}" has no next widget, so the call ends`, widget.at);
  }

  private hasNext(widget: Widget, event: string): boolean {
    return widget.transitions.some((t) => t.event === event && t.next !== undefined);
  }

  mapAll(): void {
    for (const widget of this.widgets.values()) this.mapWidget(widget);
  }

  private mapWidget(widget: Widget): void {
    const { builder } = this;
    const p = widget.properties;
    switch (widget.type) {
      case 'trigger':
      case 'set-variables':
        builder.pass(widget.name, this.target(widget, widget.type === 'trigger' ? 'incomingCall' : 'next'), widget.at);
        return;
      case 'send-message':
        builder.pass(widget.name, this.target(widget, 'sent'), widget.at);
        return;
      case 'say-play':
        builder.node(widget.name, widget.name, { type: 'say', prompt: this.prompt(widget), next: this.target(widget, 'audioComplete') }, widget.at);
        return;
      case 'gather-input-on-call':
        this.mapGather(widget);
        return;
      case 'split-based-on':
        builder.node(widget.name, widget.name, this.factBranch(widget), widget.at);
        return;
      case 'enqueue-call':
        builder.node(widget.name, widget.name, { type: 'agent', queue: asText(p.queue_name) ?? asText(p.workflow_sid) ?? 'queue' }, widget.at);
        return;
      case 'send-to-flex':
        builder.node(widget.name, widget.name, { type: 'agent', queue: asText(p.workflow) ?? 'flex' }, widget.at);
        return;
      case 'connect-call-to': {
        const to = `${asText(p.noun) ?? 'number'} ${asText(p.to) ?? ''}`.trim();
        builder.node(widget.name, widget.name, { type: 'agent', queue: `connect-call-to ${to}` }, widget.at);
        builder.warn(widget.name, 'external_transfer', widget.at, message(
          `Connects the call to ${to}: imported as a person, but whoever answers there (maybe another IVR) is outside this flow.`,
          `把来电接到 ${to}:按人工导入,但接听方(可能是另一个 IVR)不在此流程内。`));
        return;
      }
      case 'run-function':
      case 'make-http-request':
        builder.node(widget.name, widget.name, this.failureBranch(widget), widget.at);
        return;
      case 'record-voicemail':
        builder.node(widget.name, widget.name, { type: 'say', prompt: {}, next: this.target(widget, 'recordingComplete') }, widget.at);
        builder.warn(widget.name, 'voicemail', widget.at, message(
          'Records a voicemail of unknown length: imported as a message of unknown length; nobody answers here.',
          '录制长度未知的语音留言:按未知长度的提示导入;此处无人接听。'));
        return;
      case 'run-subflow':
        builder.node(widget.name, widget.name, { type: 'say', prompt: {}, next: this.target(widget, 'completed') }, widget.at);
        builder.warn(widget.name, 'subflow_not_followed', widget.at, message(
          `Runs the subflow ${asText(p.flow_sid) ?? '(unknown)'}, which is not imported: taken as a step of unknown length that completes.`,
          `运行子流程 ${asText(p.flow_sid) ?? '(未知)'},该子流程未导入:按一段会完成、长度未知的步骤处理。`));
        return;
      default:
        builder.node(widget.name, widget.name, this.eventBranch(widget), widget.at);
        builder.warn(widget.name, 'unknown_widget', widget.at, message(
          `Widget type "${widget.type}" is not mapped exactly: each of its outcomes is a world fact (first outcome when none is given).`,
          `组件类型 "${widget.type}" 无法精确映射:其每个结果作为外部事实处理(未给出事实时取第一个结果)。`));
    }
  }

  private prompt(widget: Widget): Prompt {
    const p = widget.properties;
    const loop = asNumber(p.loop) ?? 1;
    const play = asText(p.play);
    const say = asText(p.say);
    if (say === undefined && play !== undefined && play !== '') return audioPrompt(play);
    const { prompt, templated } = spokenPrompt(say ?? '', loop);
    if (templated) {
      this.builder.warn(widget.name, 'templated_prompt', widget.at, message(
        'The prompt contains Liquid templates, which were left out: its length is an estimate.',
        '提示中含有 Liquid 模板,已略去:其时长为估计值。'));
    }
    return prompt;
  }

  /** `run-function` / `make-http-request`: success, unless the world says it failed. */
  private failureBranch(widget: Widget): DraftNode {
    const failEvent = widget.transitions.find((t) => t.event === 'fail' || t.event === 'failed')?.event ?? 'fail';
    return {
      type: 'branch',
      cases: [{ when: { fact: `${widget.name} ${failEvent}` }, next: this.target(widget, failEvent) }],
      otherwise: this.target(widget, 'success'),
    };
  }

  /** A split on anything but the caller's answer: each match is a world fact, noMatch the otherwise. */
  private factBranch(widget: Widget): DraftNode {
    return {
      type: 'branch',
      cases: widget.transitions
        .filter((t) => t.event === 'match')
        .map((t) => ({
          when: this.conditionOf(widget, t.conditions),
          next: t.next ?? this.builder.ending(`${widget.name}#match:${t.conditions.map(factOf).join('&')}`, `${widget.name}.end`, `${widget.name}: a match has no next widget`, widget.at),
        })),
      otherwise: this.target(widget, 'noMatch'),
    };
  }

  private conditionOf(widget: Widget, conditions: Condition[]): ModelCondition {
    const [first, ...rest] = conditions;
    if (first === undefined) return { fact: `${widget.name} match` };
    return rest.length === 0 ? { fact: factOf(first) } : { all: conditions.map((c) => ({ fact: factOf(c) })) };
  }

  /** An unknown widget: the first outcome unless a fact names another one. */
  private eventBranch(widget: Widget): DraftNode {
    const [first, ...others] = widget.transitions;
    if (first === undefined) return { type: 'hangup', reason: `${widget.name} (${widget.type}) has no outcomes` };
    return {
      type: 'branch',
      cases: others.map((t) => ({ when: { fact: `${widget.name} ${t.event}` }, next: this.target(widget, t.event) })),
      otherwise: this.target(widget, first.event),
    };
  }

  /** The split an event of a gather leads to, if it tests that gather's own result. */
  private ownSplit(gather: Widget, event: string, field: 'Digits' | 'SpeechResult'): Widget | undefined {
    const next = gather.transitions.find((t) => t.event === event)?.next;
    const split = next === undefined ? undefined : this.widgets.get(next);
    if (split?.type !== 'split-based-on') return undefined;
    const subjects = split.transitions.flatMap((t) => t.conditions.map((c) => subjectOf(c.argument)));
    const input = subjectOf(asText(split.properties.input) ?? '');
    const tested = subjects.find((s) => s.widget !== undefined) ?? input;
    if (tested.widget === gather.name && tested.field === field) return split;
    if (tested.widget !== undefined && tested.field !== undefined) {
      const finishKey = asText(gather.properties.finish_on_key) ?? '#';
      for (const condition of split.transitions.flatMap((t) => t.conditions)) {
        if (finishKey !== '' && condition.value === finishKey) this.warnFinishKey(gather, finishKey);
      }
      this.builder.warn(gather.name, 'wrong_widget', gather.at, message(
        `${gather.name} leads to ${split.name}, which tests widgets.${tested.widget}.${tested.field}, not this gather's answer: what the caller enters here is ignored, and the split's cases are world facts.`,
        `${gather.name} 转到 ${split.name},但后者检查的是 widgets.${tested.widget}.${tested.field},而不是本次收集的输入:来电者在此的输入被忽略,分支条件作为外部事实处理。`));
    }
    return undefined;
  }

  private mapGather(gather: Widget): void {
    const p = gather.properties;
    const timeout = asNumber(p.timeout) ?? 5;
    const digits = asNumber(p.number_of_digits);
    const finishKey = asText(p.finish_on_key) ?? '#';
    const prompt = this.prompt(gather);
    const keySplit = this.ownSplit(gather, 'keypress', 'Digits');
    const speechSplit = this.ownSplit(gather, 'speech', 'SpeechResult');
    const noInput = { retries: 0, ...(this.hasNext(gather, 'timeout') ? { then: this.target(gather, 'timeout') } : {}) };
    const multiDigit = keySplit?.transitions.some((t) => t.conditions.some((c) => c.type === 'equal_to' && c.value.length > 1)) ?? false;

    if ((keySplit === undefined && this.hasNext(gather, 'keypress')) || multiDigit || (digits !== undefined && digits > 1)) {
      this.mapGatherAsInput(gather, { prompt, timeout, digits, finishKey, noInput, keySplit, speechSplit });
      return;
    }
    const options: Extract<DraftNode, { type: 'menu' }>['options'] = [];
    const taken = new Set<string>();
    const waitFor = (next: string) => (digits === 1 ? next : this.waitNode(gather, next, timeout, finishKey));
    for (const t of keySplit?.transitions ?? []) {
      if (t.event !== 'match') continue;
      const next = t.next ?? this.target(keySplit as Widget, `match ${t.conditions.map((c) => c.value).join(' ')}`);
      for (const condition of t.conditions) this.addKeyOption(gather, condition, next, finishKey, taken, options, waitFor);
    }
    for (const t of speechSplit?.transitions ?? []) {
      if (t.event !== 'match') continue;
      const phrases = t.conditions.flatMap((c) => this.phrasesOf(gather, c));
      if (phrases.length > 0) options.push({ phrases, next: t.next ?? this.target(speechSplit as Widget, `match ${phrases.join(' ')}`) });
    }
    if (speechSplit === undefined && this.hasNext(gather, 'speech')) {
      options.push({ phrases: [ANY_SPEECH], label: 'any spoken answer', next: this.target(gather, 'speech') });
      this.builder.warn(gather.name, 'any_speech', gather.at, message(
        `Any spoken answer goes on to ${this.target(gather, 'speech')}: imported as the phrase "${ANY_SPEECH}".`,
        `任何语音回答都会转到 ${this.target(gather, 'speech')}:按短语 "${ANY_SPEECH}" 导入。`));
    }
    const invalidTarget = keySplit ? this.target(keySplit, 'noMatch') : speechSplit ? this.target(speechSplit, 'noMatch') : undefined;
    const node: DraftNode = {
      type: 'menu',
      prompt,
      options,
      timeout,
      invalid: { retries: 0, ...(invalidTarget !== undefined ? { then: invalidTarget } : {}) },
      noInput,
    };
    this.builder.node(gather.name, gather.name, node, gather.at);
    if (digits === undefined && options.some((o) => o.key !== undefined)) {
      this.builder.warn(gather.name, 'hidden_wait', gather.at, message(
        `No number_of_digits: after a key Twilio waits ${timeout} s for more digits${finishKey === '#' ? ' unless the caller presses #' : ''}; imported as a wait node after each key.`,
        `未设置 number_of_digits:按键后 Twilio 会再等待 ${timeout} 秒${finishKey === '#' ? '(按 # 可跳过)' : ''};已在每个按键后加入等待节点。`));
    }
  }

  private addKeyOption(
    gather: Widget,
    condition: Condition,
    next: string,
    finishKey: string,
    taken: Set<string>,
    options: Extract<DraftNode, { type: 'menu' }>['options'],
    waitFor: (next: string) => string,
  ): void {
    const keys: { key: Key; advertised: boolean }[] = [];
    if (condition.type === 'equal_to' && isKey(condition.value)) keys.push({ key: condition.value, advertised: true });
    else if (condition.type === 'not_equal_to') for (const key of KEYS) if (key !== condition.value) keys.push({ key, advertised: false });
    else {
      this.builder.warn(gather.name, 'condition_not_mapped', gather.at, message(
        `The condition "${condition.type} ${condition.value}" on the keys pressed is not mapped exactly: it is left out (those keys count as invalid).`,
        `按键条件 "${condition.type} ${condition.value}" 无法精确映射:已略去(这些按键按无效处理)。`));
    }
    for (const { key, advertised } of keys) {
      if (key === finishKey) {
        if (advertised) this.warnFinishKey(gather, key);
        continue;
      }
      if (taken.has(key)) continue;
      taken.add(key);
      options.push({ key, next: waitFor(next), ...(advertised ? {} : { advertised: false }) });
    }
  }

  private warnFinishKey(gather: Widget, key: string): void {
    this.builder.warn(gather.name, 'option_unreachable', gather.at, message(
      `Option "${key}" can never be chosen: "${key}" is this gather's finish_on_key, which ends the input and is not part of Digits.`,
      `选项 "${key}" 永远无法选中:"${key}" 是本次收集的结束键(finish_on_key),会结束输入且不计入 Digits。`));
  }

  private phrasesOf(gather: Widget, condition: Condition): string[] {
    const value = stripTemplates(condition.value).text.toLowerCase();
    if (value === '') return [];
    switch (condition.type) {
      case 'equal_to':
      case 'contains':
      case 'starts_with':
        return [value];
      case 'matches_any_of':
        return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
      default:
        this.builder.warn(gather.name, 'condition_not_mapped', gather.at, message(
          `The speech condition "${condition.type} ${condition.value}" is not mapped exactly: it is left out.`,
          `语音条件 "${condition.type} ${condition.value}" 无法精确映射:已略去。`));
        return [];
    }
  }

  /** The seconds Twilio waits for more digits after a key, as a measured node; `#` (the finish key) skips it. */
  private waitNode(gather: Widget, next: string, timeout: number, finishKey: string): string {
    const key = `${gather.name}#wait→${next}`;
    if (!this.builder.has(key)) {
      this.builder.node(key, `${gather.name}.wait.${next}`, {
        type: 'say',
        prompt: { text: `(Twilio waits ${timeout} seconds for more digits)`, seconds: timeout },
        bargeIn: finishKey === '#',
        next,
      }, gather.at);
    }
    return key;
  }

  /** A gather where the digits themselves matter (a number, any key, multi-digit choices). */
  private mapGatherAsInput(
    gather: Widget,
    g: { prompt: Prompt; timeout: number; digits: number | undefined; finishKey: string; noInput: { retries: number; then?: string }; keySplit?: Widget | undefined; speechSplit?: Widget | undefined },
  ): void {
    const after = g.keySplit?.name ?? this.target(gather, 'keypress');
    const terminator = isKey(g.finishKey) ? g.finishKey : undefined;
    const length = g.digits !== undefined && g.digits >= 1 ? { length: Math.min(64, Math.floor(g.digits)) } : { minLength: 1, ...(terminator ? { terminator } : {}) };
    const next = g.digits === undefined && terminator === undefined ? this.waitNode(gather, after, g.timeout, '') : after;
    this.builder.node(gather.name, gather.name, { type: 'input', prompt: g.prompt, ...length, timeout: g.timeout, next, noInput: g.noInput }, gather.at);
    if (g.speechSplit !== undefined || this.hasNext(gather, 'speech')) {
      this.builder.warn(gather.name, 'speech_dropped', gather.at, message(
        'Digits entered here are a number, not a menu choice: the speech answers of this gather are left out.',
        '此处输入的是号码而非菜单选项:本次收集的语音回答已略去。'));
    }
  }
}

export function importTwilioStudio(files: readonly SourceFile[], options: ImportOptions = {}): ImportResult {
  const entry = files[0];
  if (entry === undefined) throw new IvrError([issue('no_files', [], message('No file to import.', '没有要导入的文件。'))]);
  const parsed = parseUntrustedJson(entry.name, entry.text, options.maxBytes);
  const root = asObject(parsed.value);
  const wrapped = isObject(root.definition);
  const definition = wrapped ? asObject(root.definition) : root;
  if (!Array.isArray(definition.states)) {
    throw new IvrError([issue('not_twilio', [], message('This is JSON but not a Twilio Studio flow: it has no "states" list.', '这是 JSON,但不是 Twilio Studio 流程:没有 "states" 列表。'))], { file: entry.name });
  }
  const flow = new TwilioFlow(readWidgets(parsed, entry.name, wrapped ? ['definition', 'states'] : ['states']));
  for (const path of parsed.dropped) {
    flow.builder.warn(undefined, 'dangerous_key', { file: entry.name, ...parsed.locate(path.slice(0, -1)), element: String(path[path.length - 1]) }, message(
      `The key "${String(path[path.length - 1])}" could alter objects and was ignored.`,
      `键 "${String(path[path.length - 1])}" 可能篡改对象,已忽略。`));
  }
  flow.mapAll();
  const initial = asText(definition.initial_state) ?? 'Trigger';
  const name = asText(root.friendly_name) ?? entry.name.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
  return flow.builder.build({ start: initial, name: name || 'Twilio Studio flow', file: entry.name });
}

export const twilioStudio: Importer = {
  id: 'twilio-studio',
  title: TITLE,
  detect(files) {
    const text = files[0]?.text.slice(0, 200_000) ?? '';
    if (!/^\s*\{/.test(text) || !text.includes('"states"')) return 0;
    let score = 0.5;
    if (text.includes('"initial_state"')) score += 0.3;
    if (/"type"\s*:\s*"(trigger|gather-input-on-call|say-play|split-based-on)"/.test(text)) score += 0.2;
    return score;
  },
  import: importTwilioStudio,
};
