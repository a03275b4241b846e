/**
 * Twilio Studio flow JSON → ivr-menu/1 (research/formats.md §1).
 * A `gather-input-on-call` and the `split-based-on` widgets that test its own
 * `Digits`/`SpeechResult` become one menu; the seconds Twilio waits after the
 * last key (no `number_of_digits`) become a measured wait node after each
 * key, valid or not; a `set-variables` that counts right before a split on
 * its count is a loop counter; any other split, HTTP request or function is
 * a branch on world facts; `run-subflow` runs a companion flow file, whose
 * ends return to the parent; an edge with no `next` ends the call. The
 * REST/Terraform wrapper's `definition` may be an object or a JSON string.
 */
import { IvrError, KEYS, issue, type Condition as ModelCondition, type Issue, type Key, type Prompt } from '../model/index.js';
import type { Importer, ImportOptions, ImportResult, SourceFile, SourceLocation } from './importer.js';
import { BundleFiles } from './bundle-files.js';
import { MenuBuilder, audioPrompt, message, spokenPrompt, stripTemplates, type DraftNode } from './build-menu.js';
import { asArray, asNumber, asObject, asText, isObject, parseUntrustedJson, type JsonObject, type ParsedJson, type Position } from './safe-json.js';

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
/** Subflows nested deeper than this are not followed (a guard; real flows nest one or two). */
const MAX_SUBFLOW_DEPTH = 8;
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

function readWidgets(definition: JsonObject, file: string, statesPath: (string | number)[], locate: ParsedJson['locate']): Widget[] {
  return asArray(definition.states).filter(isObject).map((state, index) => {
    const name = asText(state.name) ?? `state_${index}`;
    return {
      name,
      type: asText(state.type) ?? '',
      properties: asObject(state.properties),
      transitions: readTransitions(state.transitions),
      at: { file, element: name, ...locate([...statesPath, index]) },
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

/** A Studio retry counter: `set-variables` adds 1 to a flow variable, then a split lets `limit` arrivals through. */
interface RetryCounter {
  variable: string;
  split: string;
  limit: number;
}

/** `{{flow.variables.x}}` → `x` */
function variableOf(argument: string): string | undefined {
  return /^\s*\{\{\s*flow\.variables\.([A-Za-z0-9_]+)\s*\}\}\s*$/.exec(argument)?.[1];
}

/**
 * The value a counting `set-variables` stores on its first arrival, when it
 * adds 1 each time: `{% if flow.variables.x %}{{flow.variables.x | plus: 1}}{% else %}0{% endif %}`
 * stores 0 (Liquid's 0 is truthy, so the next arrivals store 1, 2, …);
 * `{{flow.variables.x | plus: 1}}` stores 1 (nil plus 1).
 */
function firstCount(value: string, variable: string): number | undefined {
  const compact = value.replace(/\s+/g, '');
  const plus = `{{flow.variables.${variable}|plus:1}}`;
  if (compact === plus) return 1;
  const opening = `{%ifflow.variables.${variable}%}${plus}{%else%}`;
  const closing = '{%endif%}';
  if (!compact.startsWith(opening) || !compact.endsWith(closing)) return undefined;
  const start = compact.slice(opening.length, compact.length - closing.length);
  return /^-?\d+$/.test(start) ? Number(start) : undefined;
}

/** What sets each flow variable: the `set-variables` widgets naming it. */
function settersOf(widgets: readonly Widget[]): Map<string, Widget[]> {
  const setters = new Map<string, Widget[]>();
  for (const widget of widgets.filter((w) => w.type === 'set-variables')) {
    for (const variable of asArray(widget.properties.variables).filter(isObject)) {
      const name = asText(variable.key) ?? '';
      setters.set(name, [...(setters.get(name) ?? []), widget]);
    }
  }
  return setters;
}

/** Splits that test `flow.variables.x less_than N`, with the variable. */
function counterSplits(widgets: readonly Widget[]): { split: Widget; variable: string; below: string }[] {
  return widgets.filter((w) => w.type === 'split-based-on').flatMap((split) => {
    const matches = split.transitions.filter((t) => t.event === 'match');
    const condition = matches.length === 1 && matches[0]?.conditions.length === 1 ? matches[0].conditions[0] : undefined;
    const variable = condition === undefined ? undefined : variableOf(condition.argument);
    return variable === undefined || condition?.type !== 'less_than' ? [] : [{ split, variable, below: condition.value }];
  });
}

/**
 * The retry counters that are clear enough to model, keyed by their
 * `set-variables` widget: it sets only the counter, adds 1 to it, is the
 * only widget that sets it, leads straight to a split `less_than` a number,
 * and nothing else leads to that split.
 */
function retryCounters(widgets: readonly Widget[]): Map<string, RetryCounter> {
  const counters = new Map<string, RetryCounter>();
  const setters = settersOf(widgets);
  for (const { split, variable, below } of counterSplits(widgets)) {
    const [setter, ...others] = setters.get(variable) ?? [];
    if (setter === undefined || others.length > 0 || asArray(setter.properties.variables).length !== 1) continue;
    const first = firstCount(asText(asObject(asArray(setter.properties.variables)[0]).value) ?? '', variable);
    const limit = /^\s*\d+\s*$/.test(below) ? Number(below) : undefined;
    const feeders = widgets.filter((w) => w.transitions.some((t) => t.next === split.name));
    if (first === undefined || limit === undefined || feeders.length !== 1 || feeders[0] !== setter) continue;
    counters.set(setter.name, { variable, split: split.name, limit: Math.max(0, Math.min(100, limit - first)) });
  }
  return counters;
}

/** Splits on a counting variable that `retryCounters` could not model, and why. */
function unclearCounters(widgets: readonly Widget[], counters: ReadonlyMap<string, RetryCounter>): [string, { en: string; zh: string }][] {
  const modelled = new Set([...counters.values()].map((c) => c.split));
  const setters = settersOf(widgets);
  const counting = (w: Widget, variable: string) => asArray(w.properties.variables).filter(isObject)
    .some((v) => asText(v.key) === variable && /\|\s*plus\s*:/.test(asText(v.value) ?? ''));
  return counterSplits(widgets)
    .filter(({ split, variable }) => !modelled.has(split.name) && (setters.get(variable) ?? []).some((w) => counting(w, variable)))
    .map(({ split, below }) => [split.name, /^\s*\d+\s*$/.test(below)
      ? { en: 'it is not set by a single increment right before this split', zh: '它不是紧接在此分支前由唯一一次递增设置的' }
      : { en: `its bound "${below}" is only known at run time`, zh: `其上限 "${below}" 要到运行时才知道` }]);
}

/**
 * Where a flow runs: the top flow of the call, or a subflow run by a
 * `run-subflow` widget, whose widgets get draft keys prefixed by the call
 * site (one copy per call site) and whose ends return to the parent.
 */
interface FlowScope {
  /** the flow's file */
  file: string;
  /** prefix of every draft key and node name of this run ('' for the call's flow) */
  prefix: string;
  /** the parent's `completed` target, for a subflow */
  returnTo?: string;
  /** files of the flows that called this one, to refuse a subflow that runs itself */
  callers: readonly string[];
}

class TwilioFlow {
  private readonly widgets = new Map<string, Widget>();

  constructor(
    widgets: Widget[],
    readonly builder: MenuBuilder,
    private readonly bundle: TwilioBundle,
    private readonly scope: FlowScope,
  ) {
    for (const widget of widgets) if (!this.widgets.has(widget.name)) this.widgets.set(widget.name, widget);
  }

  /** The draft key of a widget of this flow run. */
  key(name: string): string {
    return `${this.scope.prefix}${name}`;
  }

  /** Where a transition without `next` goes: the call ends, or a subflow returns to its parent. */
  private end(key: string, name: string, reason: string, at: SourceLocation): string {
    return this.scope.returnTo ?? this.builder.ending(this.key(key), this.key(name), reason, at);
  }

  /** The draft key an event leads to; an event without `next` ends the call (or the subflow). */
  private target(widget: Widget, event: string): string {
    const transition = widget.transitions.find((t) => t.event === event);
    if (transition?.next !== undefined) return this.key(transition.next);
    return this.end(`${widget.name}#${event}`, `${widget.name}.${event || 'end'}`, `${widget.name}: "${event}" has no next widget, so the call ends`, widget.at);
  }

  private hasNext(widget: Widget, event: string): boolean {
    return widget.transitions.some((t) => t.event === event && t.next !== undefined);
  }

  mapAll(): void {
    const counters = retryCounters([...this.widgets.values()]);
    for (const widget of this.widgets.values()) {
      const counter = counters.get(widget.name);
      if (counter === undefined) this.mapWidget(widget);
      else this.mapCounter(widget, counter);
    }
    for (const [name, why] of unclearCounters([...this.widgets.values()], counters)) {
      this.warnAt(this.widgets.get(name) as Widget, 'counter_not_modelled', message(
        `${name} compares a counter that the flow keeps in flow.variables, but ${why.en}: its cases stay world facts.`,
        `${name} 比较流程变量中的计数器,但${why.zh}:其分支仍作为外部事实处理。`));
    }
  }

  /** A node of this flow run: keyed and named with the run's prefix. */
  private put(widget: Widget, node: DraftNode): void {
    this.builder.node(this.key(widget.name), this.key(widget.name), node, widget.at);
  }

  private warnAt(widget: Widget, code: string, text: ReturnType<typeof message>): void {
    this.builder.warn(this.key(widget.name), code, widget.at, text);
  }

  /** `set-variables` that counts, right before the split that tests it: a counter of the menu builder. */
  private mapCounter(widget: Widget, counter: RetryCounter): void {
    const split = this.widgets.get(counter.split) as Widget;
    const again = split.transitions.find((t) => t.event === 'match');
    this.builder.counter(this.key(widget.name), this.key(widget.name), counter.limit,
      again?.next !== undefined ? this.key(again.next) : this.target(split, 'match'), this.target(split, 'noMatch'), widget.at);
    this.warnAt(widget, 'retry_counter', message(
      `${widget.name} counts arrivals in flow.variables.${counter.variable} and ${split.name} lets ${counter.limit} of them through: imported as a counter (those ${counter.limit} go on to ${again?.next ?? 'the end'}, the next one to the no-match branch).`,
      `${widget.name} 用 flow.variables.${counter.variable} 计数,${split.name} 允许其中 ${counter.limit} 次通过:按计数器导入(前 ${counter.limit} 次转到 ${again?.next ?? '结束'},下一次走不匹配分支)。`));
  }

  private mapWidget(widget: Widget): void {
    const p = widget.properties;
    switch (widget.type) {
      case 'trigger':
        this.builder.pass(this.key(widget.name), this.target(widget, this.scope.returnTo === undefined ? 'incomingCall' : 'incomingParent'), widget.at);
        return;
      case 'set-variables':
        this.builder.pass(this.key(widget.name), this.target(widget, 'next'), widget.at);
        return;
      case 'send-message':
        this.builder.pass(this.key(widget.name), this.target(widget, 'sent'), widget.at);
        return;
      case 'say-play':
        this.put(widget, { type: 'say', prompt: this.prompt(widget), next: this.target(widget, 'audioComplete') });
        return;
      case 'gather-input-on-call':
        this.mapGather(widget);
        return;
      case 'split-based-on':
        this.put(widget, this.factBranch(widget));
        return;
      case 'enqueue-call':
        this.put(widget, { type: 'agent', queue: asText(p.queue_name) ?? asText(p.workflow_sid) ?? 'queue' });
        return;
      case 'send-to-flex':
        this.put(widget, { type: 'agent', queue: asText(p.workflow) ?? 'flex' });
        return;
      case 'connect-call-to': {
        const to = `${asText(p.noun) ?? 'number'} ${asText(p.to) ?? ''}`.trim();
        this.put(widget, { type: 'agent', queue: `connect-call-to ${to}` });
        this.warnAt(widget, 'external_transfer', message(
          `Connects the call to ${to}: imported as a person, but whoever answers there (maybe another IVR) is outside this flow.`,
          `把来电接到 ${to}:按人工导入,但接听方(可能是另一个 IVR)不在此流程内。`));
        return;
      }
      case 'run-function':
      case 'make-http-request':
        this.put(widget, this.failureBranch(widget));
        return;
      case 'record-voicemail':
        this.put(widget, { type: 'say', prompt: {}, next: this.target(widget, 'recordingComplete') });
        this.warnAt(widget, 'voicemail', message(
          'Records a voicemail of unknown length: imported as a message of unknown length; nobody answers here.',
          '录制长度未知的语音留言:按未知长度的提示导入;此处无人接听。'));
        return;
      case 'run-subflow':
        this.mapSubflow(widget);
        return;
      default:
        this.put(widget, this.eventBranch(widget));
        this.warnAt(widget, 'unknown_widget', message(
          `Widget type "${widget.type}" is not mapped exactly: each of its outcomes is a world fact (first outcome when none is given).`,
          `组件类型 "${widget.type}" 无法精确映射:其每个结果作为外部事实处理(未给出事实时取第一个结果)。`));
    }
  }

  /**
   * `run-subflow`: the subflow's widgets from its `incomingParent` trigger,
   * once per call site, its ends returning to `completed`; without the
   * subflow's file, a step of unknown length that completes.
   */
  private mapSubflow(widget: Widget): void {
    const reference = asText(widget.properties.flow_sid) ?? '';
    const completed = this.target(widget, 'completed');
    const subflow = this.bundle.subflow(reference);
    const callers = [...this.scope.callers, this.scope.file];
    if (subflow !== undefined && !callers.includes(subflow.file) && callers.length <= MAX_SUBFLOW_DEPTH) {
      const prefix = `${this.key(widget.name)}.`;
      new TwilioFlow(subflow.widgets, this.builder, this.bundle, { file: subflow.file, prefix, returnTo: completed, callers }).mapAll();
      this.builder.pass(this.key(widget.name), `${prefix}${subflow.initial}`, widget.at);
      return;
    }
    this.put(widget, { type: 'say', prompt: {}, next: completed });
    const shown = reference || '(unknown)';
    if (subflow === undefined) this.reportUnreadable(widget);
    const advice = this.bundle.fileCount > 1
      ? { en: `no file of the ${this.bundle.fileCount} imported that could be read is it`, zh: `导入的 ${this.bundle.fileCount} 个文件中可读的都不是它` }
      : { en: "import the subflow's file with this one to follow it", zh: '与本文件一同导入子流程文件即可跟随' };
    const [en, zh] = subflow === undefined
      ? [`Runs the subflow ${shown}, which is not among the imported files (${advice.en}): taken as a step of unknown length that completes.`,
        `运行子流程 ${shown},但它不在导入的文件中(${advice.zh}):按一段会完成、长度未知的步骤处理。`]
      : [`Runs the subflow ${shown}, which is already running (it calls itself) or nested more than ${MAX_SUBFLOW_DEPTH} deep: taken as a step of unknown length that completes.`,
        `运行子流程 ${shown},但它已在运行中(调用自身)或嵌套超过 ${MAX_SUBFLOW_DEPTH} 层:按一段会完成、长度未知的步骤处理。`];
    this.warnAt(widget, 'subflow_not_followed', message(en, zh));
  }

  /** Companion files that could not be read, each reported once, in its own file: the subflow may be one of them. */
  private reportUnreadable(widget: Widget): void {
    for (const { file, problem } of this.bundle.unreadableCompanions()) {
      this.builder.warn(this.key(widget.name), 'flow_unreadable', { file, ...(problem.line !== undefined ? { line: problem.line } : {}), ...(problem.column !== undefined ? { column: problem.column } : {}) }, message(
        `This file cannot be read (${problem.message.en}); the run-subflow ${widget.name} in ${this.scope.file} may have named it.`,
        `此文件无法读取(${problem.message['zh-CN']});${this.scope.file} 中的 run-subflow ${widget.name} 可能指向它。`));
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
      this.warnAt(widget, 'templated_prompt', message(
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
          next: t.next !== undefined ? this.key(t.next) : this.end(`${widget.name}#match:${t.conditions.map(factOf).join('&')}`, `${widget.name}.end`, `${widget.name}: a match has no next widget`, widget.at),
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
      this.warnAt(gather, 'wrong_widget', message(
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
    // Silence with no next ends the call, or returns from a subflow.
    const afterSilence = this.hasNext(gather, 'timeout') ? this.target(gather, 'timeout') : this.scope.returnTo;
    const noInput = { retries: 0, ...(afterSilence !== undefined ? { then: afterSilence } : {}) };
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
      const next = t.next !== undefined ? this.key(t.next) : this.target(keySplit as Widget, `match ${t.conditions.map((c) => c.value).join(' ')}`);
      for (const condition of t.conditions) this.addKeyOption(gather, condition, next, finishKey, taken, options, waitFor);
    }
    for (const t of speechSplit?.transitions ?? []) {
      if (t.event !== 'match') continue;
      const phrases = t.conditions.flatMap((c) => this.phrasesOf(gather, c));
      if (phrases.length > 0) options.push({ phrases, next: t.next !== undefined ? this.key(t.next) : this.target(speechSplit as Widget, `match ${phrases.join(' ')}`) });
    }
    if (speechSplit === undefined && this.hasNext(gather, 'speech')) {
      options.push({ phrases: [ANY_SPEECH], label: 'any spoken answer', next: this.target(gather, 'speech') });
      this.warnAt(gather, 'any_speech', message(
        `Any spoken answer goes on to ${this.target(gather, 'speech')}: imported as the phrase "${ANY_SPEECH}".`,
        `任何语音回答都会转到 ${this.target(gather, 'speech')}:按短语 "${ANY_SPEECH}" 导入。`));
    }
    // An invalid key is also followed by the wait for more digits before the split sees it; a phrase is not.
    const invalidTarget = keySplit ? waitFor(this.target(keySplit, 'noMatch')) : speechSplit ? this.target(speechSplit, 'noMatch') : undefined;
    const node: DraftNode = {
      type: 'menu',
      prompt,
      options,
      timeout,
      invalid: { retries: 0, ...(invalidTarget !== undefined ? { then: invalidTarget } : {}) },
      noInput,
    };
    this.put(gather, node);
    if (digits === undefined && options.some((o) => o.key !== undefined)) {
      this.warnAt(gather, 'hidden_wait', message(
        `No number_of_digits: after a key Twilio waits ${timeout} s for more digits${finishKey === '#' ? ' unless the caller presses #' : ''}; imported as a wait node after each key, valid or not.`,
        `未设置 number_of_digits:按键后 Twilio 会再等待 ${timeout} 秒${finishKey === '#' ? '(按 # 可跳过)' : ''};已在每个按键(无论是否有效)后加入等待节点。`));
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
      this.warnAt(gather, 'condition_not_mapped', message(
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
    this.warnAt(gather, 'option_unreachable', message(
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
        this.warnAt(gather, 'condition_not_mapped', message(
          `The speech condition "${condition.type} ${condition.value}" is not mapped exactly: it is left out.`,
          `语音条件 "${condition.type} ${condition.value}" 无法精确映射:已略去。`));
        return [];
    }
  }

  /** The seconds Twilio waits for more digits after a key, as a measured node; `#` (the finish key) skips it. */
  private waitNode(gather: Widget, next: string, timeout: number, finishKey: string): string {
    const key = `${this.key(gather.name)}#wait→${next}`;
    if (!this.builder.has(key)) {
      this.builder.node(key, `${this.key(gather.name)}.wait.${next}`, {
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
    const after = g.keySplit !== undefined ? this.key(g.keySplit.name) : this.target(gather, 'keypress');
    const terminator = isKey(g.finishKey) ? g.finishKey : undefined;
    const length = g.digits !== undefined && g.digits >= 1 ? { length: Math.min(64, Math.floor(g.digits)) } : { minLength: 1, ...(terminator ? { terminator } : {}) };
    const next = g.digits === undefined && terminator === undefined ? this.waitNode(gather, after, g.timeout, '') : after;
    this.put(gather, { type: 'input', prompt: g.prompt, ...length, timeout: g.timeout, next, noInput: g.noInput });
    if (g.speechSplit !== undefined || this.hasNext(gather, 'speech')) {
      this.warnAt(gather, 'speech_dropped', message(
        'Digits entered here are a number, not a menu choice: the speech answers of this gather are left out.',
        '此处输入的是号码而非菜单选项:本次收集的语音回答已略去。'));
    }
  }
}

/** One Studio flow file of a bundle, read. */
interface StudioFile {
  file: string;
  name: string;
  initial: string;
  /** the REST wrapper's `sid` (FW…), when the export has one */
  sid?: string;
  widgets: Widget[];
}

/** A file's flow definition, where its widgets are in the file, and the dangerous keys dropped on the way. */
interface StudioDefinition {
  root: JsonObject;
  definition: JsonObject;
  statesPath: (string | number)[];
  locate: ParsedJson['locate'];
  dropped: { key: string; at: Position | undefined }[];
}

/**
 * The flow definition inside a file: the file itself, the REST wrapper's
 * `definition` object, or a `definition` that is a JSON *string* (the REST
 * API's create/update body and Terraform's `jsonencode(...)` double-encode
 * it), decoded with the same limits. Widgets of a decoded string are located
 * at the `definition` field of the file, where the text really is.
 */
function definitionOf(file: SourceFile, maxBytes: number | undefined): StudioDefinition {
  const parsed = parseUntrustedJson(file.name, file.text, maxBytes);
  const root = asObject(parsed.value);
  const droppedKeys = (from: ParsedJson, locate: ParsedJson['locate']) => from.dropped.map((path) => ({ key: String(path[path.length - 1]), at: locate(path.slice(0, -1)) }));
  if (typeof root.definition === 'string') {
    const inner = parseDefinitionString(file.name, root.definition, parsed, maxBytes);
    const locate: ParsedJson['locate'] = () => parsed.locate(['definition']);
    return { root, definition: asObject(inner.value), statesPath: ['states'], locate, dropped: [...droppedKeys(parsed, parsed.locate), ...droppedKeys(inner, locate)] };
  }
  const wrapped = isObject(root.definition);
  return { root, definition: wrapped ? asObject(root.definition) : root, statesPath: wrapped ? ['definition', 'states'] : ['states'], locate: parsed.locate, dropped: droppedKeys(parsed, parsed.locate) };
}

/**
 * Decodes a `definition` that is a JSON string. Its own parse counts lines
 * and columns from the start of the string, which is not a place in the
 * file: its issues are placed at the `definition` field, and the position
 * inside the decoded string goes into the message.
 */
function parseDefinitionString(file: string, text: string, outer: ParsedJson, maxBytes: number | undefined): ParsedJson {
  try {
    return parseUntrustedJson(file, text, maxBytes);
  } catch (error) {
    if (!(error instanceof IvrError)) throw error;
    const at = outer.locate(['definition']);
    throw new IvrError(error.issues.map((inner) => insideDefinitionString(inner, at)), { file });
  }
}

function insideDefinitionString(inner: Issue, at: Position | undefined): Issue {
  const { line, column, ...rest } = inner;
  const where = line === undefined ? { en: '', zh: '' } : {
    en: ` (line ${line}, column ${column ?? 1} of the decoded string)`,
    zh: `(解码后字符串的第 ${line} 行第 ${column ?? 1} 列)`,
  };
  return {
    ...rest,
    path: ['definition'],
    ...(at ?? {}),
    message: message(
      `The "definition" field is a JSON string, and the JSON inside it cannot be read${where.en}: ${inner.message.en}`,
      `"definition" 字段是 JSON 字符串,其中的 JSON 无法读取${where.zh}:${inner.message['zh-CN']}`),
  };
}

/** Reads a Studio flow file; throws IvrError when it is not one. */
function readStudioFile(file: SourceFile, builder: MenuBuilder, maxBytes: number | undefined): StudioFile {
  const { root, definition, statesPath, locate, dropped } = definitionOf(file, maxBytes);
  if (!Array.isArray(definition.states)) {
    throw new IvrError([issue('not_twilio', [], message('This is JSON but not a Twilio Studio flow: it has no "states" list.', '这是 JSON,但不是 Twilio Studio 流程:没有 "states" 列表。'))], { file: file.name });
  }
  for (const { key, at } of dropped) {
    builder.warn(undefined, 'dangerous_key', { file: file.name, ...at, element: key }, message(
      `The key "${key}" could alter objects and was ignored.`,
      `键 "${key}" 可能篡改对象,已忽略。`));
  }
  const sid = asText(root.sid);
  return {
    file: file.name,
    name: asText(root.friendly_name) ?? baseName(file.name),
    initial: asText(definition.initial_state) ?? 'Trigger',
    ...(sid !== undefined ? { sid } : {}),
    widgets: readWidgets(definition, file.name, statesPath, locate),
  };
}

function baseName(file: string): string {
  return file.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
}

/** Does a `run-subflow`'s `flow_sid` name this file (its sid, its friendly name or its file name)? */
function names(reference: string, studio: StudioFile): boolean {
  const wanted = reference.trim().toLowerCase();
  return wanted !== '' && [studio.sid, studio.name, baseName(studio.file)].some((c) => c !== undefined && c.toLowerCase() === wanted);
}

/** The files of one import: the call's flow first, then subflows that a `run-subflow` may name. */
class TwilioBundle {
  readonly builder = new MenuBuilder('twilio-studio', TITLE);
  private readonly studioFiles: BundleFiles<StudioFile>;

  constructor(
    private readonly files: readonly SourceFile[],
    maxBytes: number | undefined,
  ) {
    this.studioFiles = new BundleFiles(files, (file) => readStudioFile(file, this.builder, maxBytes));
  }

  /** File `index` as a Studio flow; a companion that is not one is skipped, the entry must be one. */
  flow(index: number): StudioFile | undefined {
    return this.studioFiles.get(index);
  }

  get fileCount(): number {
    return this.files.length;
  }

  private readonly reported = new Set<number>();

  /** Companions that could not be read and are not reported yet, with their first problem; each is returned once. */
  unreadableCompanions(): { file: string; problem: Issue }[] {
    const found: { file: string; problem: Issue }[] = [];
    for (let index = 1; index < this.files.length; index++) {
      const problem = this.flow(index) === undefined ? this.studioFiles.problem(index) : undefined;
      if (problem === undefined || this.reported.has(index)) continue;
      this.reported.add(index);
      found.push({ file: this.files[index]?.name ?? '', problem });
    }
    return found;
  }

  /** The companion flow a `run-subflow` names by sid, friendly name or file name. */
  subflow(reference: string): StudioFile | undefined {
    for (let index = 1; index < this.files.length; index++) {
      const studio = this.flow(index);
      if (studio !== undefined && names(reference, studio)) return studio;
    }
    return undefined;
  }
}

export function importTwilioStudio(files: readonly SourceFile[], options: ImportOptions = {}): ImportResult {
  if (files[0] === undefined) throw new IvrError([issue('no_files', [], message('No file to import.', '没有要导入的文件。'))]);
  const bundle = new TwilioBundle(files, options.maxBytes);
  const entry = bundle.flow(0) as StudioFile;
  new TwilioFlow(entry.widgets, bundle.builder, bundle, { file: entry.file, prefix: '', callers: [] }).mapAll();
  return bundle.builder.build({ start: entry.initial, name: entry.name || 'Twilio Studio flow', file: entry.file });
}

/** For a folder: the first flow that no other file runs as a subflow. */
function pickEntry(files: readonly SourceFile[]): number {
  // `\\?"`: a double-encoded definition escapes its quotes.
  const references = files.flatMap((file) => [...file.text.matchAll(/\\?"flow_sid\\?"\s*:\s*\\?"([^"\\]*)\\?"/g)].map((m) => m[1] as string));
  const sids = files.map((file) => /"sid"\s*:\s*"([^"]*)"/.exec(file.text)?.[1]);
  const friendly = files.map((file) => /"friendly_name"\s*:\s*"([^"]*)"/.exec(file.text)?.[1]);
  const index = files.findIndex((file, i) => twilioStudio.detect([file]) > 0 && !references.some((r) => [sids[i], friendly[i], baseName(file.name)].includes(r)));
  return index === -1 ? 0 : index;
}

export const twilioStudio: Importer = {
  id: 'twilio-studio',
  title: TITLE,
  detect(files) {
    const text = files[0]?.text.slice(0, 200_000) ?? '';
    const encoded = /"definition"\s*:\s*"/.test(text) && text.includes('\\"states\\"');
    if (!/^\s*\{/.test(text) || !(text.includes('"states"') || encoded)) return 0;
    let score = 0.5;
    if (text.includes('"initial_state"') || text.includes('\\"initial_state\\"')) score += 0.3;
    if (/\\?"type\\?"\s*:\s*\\?"(trigger|gather-input-on-call|say-play|split-based-on)\\?"/.test(text)) score += 0.2;
    return score;
  },
  import: importTwilioStudio,
  pickEntry,
};
