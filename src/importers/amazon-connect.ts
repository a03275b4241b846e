/**
 * Amazon Connect contact flows → ivr-menu/1 (research/formats.md §2): the
 * flow language (`{Version, StartAction, Actions}`), the legacy console
 * export (`{modules, start}`, normalised to actions first), and either one
 * wrapped by DescribeContactFlow with `Content` as a JSON string.
 * `TransferToFlow` continues in a companion file of the bundle, `Loop`
 * counters are unrolled, and a stored-input block whose `Timeout` value a
 * `Compare` sends somewhere keeps that as the no-input route, because on this
 * platform silence is a successful answer. How a stored entry ends (cancel
 * key, terminator, the wait for each further digit) is in
 * `amazon-connect-entry.ts`.
 */
import { IvrError, KEYS, issue, type Condition, type Key, type Prompt } from '../model/index.js';
import type { Importer, ImportOptions, ImportResult, SourceFile, SourceLocation } from './importer.js';
import { BundleFiles } from './bundle-files.js';
import { MenuBuilder, audioPrompt, message, spokenPrompt, type DraftNode, type Fill } from './build-menu.js';
import { asArray, asNumber, asObject, asText, isObject, parseUntrustedJson, type JsonObject, type JsonValue } from './safe-json.js';
import { buildStoredEntry, readStoredEntry, warnStoredEntry, type EntryRoutes } from './amazon-connect-entry.js';

const TITLE = 'Amazon Connect contact flow JSON';
/** The call state `UpdateContactTargetQueue` sets and `TransferContactToQueue` reads, across flows of a bundle. */
const TARGET_QUEUE = 'targetQueue';
/** What an agent node says when no block on the way set the queue. */
const UNKNOWN_QUEUE = 'target queue';

/** Blocks that change nothing a caller hears or does: the call goes on to `NextAction`. */
const PASS_THROUGH: ReadonlySet<string> = new Set([
  'UpdateContactAttributes', 'UpdateFlowAttributes', 'UpdateFlowLoggingBehavior', 'UpdateContactRecordingBehavior',
  'UpdateContactRecordingAndAnalyticsBehavior', 'UpdateContactTextToSpeechVoice', 'UpdateContactEventHooks',
  'UpdateContactMediaStreamingBehavior', 'UpdateContactRoutingBehavior',
  'UpdateContactCallbackNumber', 'UpdateContactData', 'UpdateContactCallbackNumber', 'CreateTask', 'TagContact',
  'UnTagContact', 'UpdateRoutingProficiency',
]);

/** Legacy module types that map onto an action type of the flow language. */
const LEGACY_TYPES: Record<string, string> = {
  PlayPrompt: 'MessageParticipant', PlayAudio: 'MessageParticipant', GetUserInput: 'GetParticipantInput',
  StoreUserInput: 'GetParticipantInput', StoreCustomerInput: 'GetParticipantInput', SetQueue: 'UpdateContactTargetQueue',
  CheckHoursOfOperation: 'CheckHoursOfOperation', CheckAttribute: 'Compare', Disconnect: 'DisconnectParticipant',
  InvokeExternalResource: 'InvokeLambdaFunction', SetVoice: 'UpdateContactTextToSpeechVoice',
  SetAttributes: 'UpdateContactAttributes', SetLoggingBehavior: 'UpdateFlowLoggingBehavior',
  SetRecordingBehavior: 'UpdateContactRecordingBehavior', Loop: 'Loop', TransferToFlow: 'TransferToFlow',
};

interface ConditionEdge {
  operator: string;
  operands: string[];
  next: string;
}

interface Action {
  id: string;
  type: string;
  params: JsonObject;
  meta: JsonObject;
  next?: string;
  conditions: ConditionEdge[];
  errors: Map<string, string>;
  at: SourceLocation;
}

interface Flow {
  index: number;
  file: string;
  name: string;
  start: string;
  actions: Map<string, Action>;
}

function readActionTransitions(transitions: JsonObject): Pick<Action, 'next' | 'conditions' | 'errors'> {
  const errors = new Map<string, string>();
  for (const error of asArray(transitions.Errors).filter(isObject)) {
    const type = asText(error.ErrorType);
    const next = asText(error.NextAction);
    if (type !== undefined && next !== undefined && !errors.has(type)) errors.set(type, next);
  }
  const conditions = asArray(transitions.Conditions).filter(isObject).flatMap((c): ConditionEdge[] => {
    const condition = asObject(c.Condition);
    const next = asText(c.NextAction);
    if (next === undefined) return [];
    return [{ operator: asText(condition.Operator) ?? 'Equals', operands: asArray(condition.Operands).map((o) => asText(o) ?? ''), next }];
  });
  const next = asText(transitions.NextAction);
  return { ...(next !== undefined ? { next } : {}), conditions, errors };
}

/** A legacy `modules[]` entry as an action of the flow language. */
function legacyAction(module: JsonObject): { type: string; params: JsonObject; transitions: JsonObject } {
  const params: JsonObject = Object.create(null) as JsonObject;
  for (const p of asArray(module.parameters).filter(isObject)) {
    const name = asText(p.name);
    if (name !== undefined && !(name in params)) params[name] = p.value;
  }
  const sourceType = asText(module.type) ?? '';
  const target = asText(module.target) ?? '';
  let type = LEGACY_TYPES[sourceType] ?? sourceType;
  if (sourceType === 'Transfer') type = target === 'Flow' ? 'TransferToFlow' : target === 'PhoneNumber' ? 'TransferParticipantToThirdParty' : 'TransferContactToQueue';
  if (sourceType === 'GetUserInput') params.StoreInput = 'False';
  if (sourceType === 'StoreUserInput' || sourceType === 'StoreCustomerInput') params.StoreInput = 'True';
  if (params.Timeout !== undefined) params.InputTimeLimitSeconds = params.Timeout;
  if (params.MaxDigits !== undefined) params.InputValidation = { CustomValidation: { MaximumLength: params.MaxDigits } } as unknown as JsonValue;
  if (sourceType === 'CheckAttribute') params.ComparisonValue = `$.${asText(params.Namespace) ?? 'Attributes'}.${asText(params.Attribute) ?? ''}`;
  if (params.ContactFlow !== undefined && params.ContactFlowId === undefined) params.ContactFlowId = params.ContactFlow;
  if (params.AudioPrompt !== undefined && params.PromptId === undefined) params.PromptId = asText(params.AudioPrompt) ?? asText(asObject(params.AudioPrompt).id) ?? 'audio';
  if (asText(params.TextToSpeechType) === 'ssml' && params.SSML === undefined) params.SSML = params.Text;
  if (params.LoopCount === undefined && sourceType === 'Loop') params.LoopCount = params.Count;
  const errorOf: Record<string, string> = { Timeout: 'InputTimeLimitExceeded', NoMatch: 'NoMatchingCondition', Error: 'NoMatchingError', AtCapacity: 'QueueAtCapacity' };
  const loopOf: Record<string, string> = { Looping: 'ContinueLooping', Complete: 'DoneLooping' };
  const transitions = { Errors: [] as JsonValue[], Conditions: [] as JsonValue[] } as unknown as JsonObject & { Errors: JsonValue[]; Conditions: JsonValue[] };
  for (const branch of asArray(module.branches).filter(isObject)) {
    const condition = asText(branch.condition) ?? '';
    const next = asText(branch.transition);
    if (next === undefined) continue;
    if (condition === 'Success') transitions.NextAction = next;
    else if (condition === 'Evaluate') transitions.Conditions.push({ NextAction: next, Condition: { Operator: asText(branch.conditionType) ?? 'Equals', Operands: [asText(branch.conditionValue) ?? ''] } } as unknown as JsonValue);
    else if (condition === 'True' || condition === 'False') transitions.Conditions.push({ NextAction: next, Condition: { Operator: 'Equals', Operands: [condition] } } as unknown as JsonValue);
    else if (loopOf[condition] !== undefined) transitions.Conditions.push({ NextAction: next, Condition: { Operator: 'Equals', Operands: [loopOf[condition]] } } as unknown as JsonValue);
    else transitions.Errors.push({ NextAction: next, ErrorType: errorOf[condition] ?? condition } as unknown as JsonValue);
  }
  return { type, params, transitions };
}

/** The flow object inside the accepted shapes, and its name. */
function unwrap(file: SourceFile, maxBytes: number | undefined): { root: JsonObject; name?: string; locate?: (path: (string | number)[]) => { line: number; column: number } | undefined; encoded: boolean } {
  const parsed = parseUntrustedJson(file.name, file.text, maxBytes);
  let root = asObject(parsed.value);
  const wrapper = isObject(root.ContactFlow) ? root.ContactFlow : root;
  const name = asText(wrapper.Name) ?? asText(asObject(root.Metadata).name) ?? asText(root.name);
  const content = wrapper.Content;
  if (typeof content === 'string') {
    root = asObject(parseUntrustedJson(file.name, content, maxBytes).value);
    return { root, ...(name ? { name } : { name: asText(asObject(root.Metadata).name) }), encoded: true } as never;
  }
  if (isObject(content)) return { root: content, ...(name ? { name } : {}), encoded: false };
  return { root, ...(name ? { name } : {}), locate: (path) => parsed.locate(path), encoded: false };
}

function readFlow(file: SourceFile, index: number, maxBytes: number | undefined): Flow {
  const { root, name, locate } = unwrap(file, maxBytes);
  const actions = new Map<string, Action>();
  const baseName = file.name.replace(/^.*[\\/]/, '').replace(/\.json$/i, '');
  if (Array.isArray(root.Actions)) {
    const metadata = asObject(asObject(root.Metadata).ActionMetadata);
    root.Actions.filter(isObject).forEach((action, position) => {
      const id = asText(action.Identifier) ?? `action-${position}`;
      if (actions.has(id)) return;
      actions.set(id, {
        id,
        type: asText(action.Type) ?? '',
        params: asObject(action.Parameters),
        meta: asObject(metadata[id]),
        ...readActionTransitions(asObject(action.Transitions)),
        at: { file: file.name, element: `${asText(action.Type) ?? 'action'} ${id}`, ...locate?.(['Actions', position]) },
      });
    });
    return { index, file: file.name, name: name ?? baseName, start: asText(root.StartAction) ?? '', actions };
  }
  if (Array.isArray(root.modules)) {
    root.modules.filter(isObject).forEach((module, position) => {
      const id = asText(module.id) ?? `module-${position}`;
      const { type, params, transitions } = legacyAction(module);
      if (actions.has(id)) return;
      actions.set(id, {
        id, type, params, meta: asObject(module.metadata), ...readActionTransitions(transitions),
        at: { file: file.name, element: `${asText(module.type) ?? 'module'} ${id}`, ...locate?.(['modules', position]) },
      });
    });
    return { index, file: file.name, name: name ?? baseName, start: asText(root.start) ?? '', actions };
  }
  throw new IvrError([issue('not_connect', [], message(
    'This is JSON but not an Amazon Connect flow: it has neither "Actions" (flow language) nor "modules" (legacy export).',
    '这是 JSON,但不是 Amazon Connect 流程:既没有 "Actions"(流程语言)也没有 "modules"(旧版导出)。'))], { file: file.name });
}

/** `${var.contact_flows_map["_0x_dial_extension"]}` → `_0x_dial_extension`; an ARN → its flow id. */
function flowReference(value: string): string {
  const terraform = /contact_flows_map\[\\?"([^"\\]+)\\?"\]/.exec(value) ?? /aws_connect_contact_flow\.([A-Za-z0-9_-]+)\./.exec(value);
  if (terraform) return terraform[1] as string;
  return value.replace(/^.*\/contact-flow\//, '');
}

/** A resource name from an ARN or a Terraform map reference. */
function resourceName(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const terraform = /_map\[\\?"([^"\\]+)\\?"\]/.exec(value);
  if (terraform) return terraform[1];
  return value.replace(/^.*[:/]/, '') || undefined;
}

function isKey(value: string): value is Key {
  return (KEYS as readonly string[]).includes(value);
}

class ConnectBundle {
  readonly builder = new MenuBuilder('amazon-connect', TITLE);
  private readonly flows: BundleFiles<Flow>;

  constructor(
    private readonly files: readonly SourceFile[],
    maxBytes: number | undefined,
  ) {
    this.flows = new BundleFiles(files, (file, index) => readFlow(file, index, maxBytes), (flow) => {
      for (const action of flow.actions.values()) this.mapAction(flow, action);
    });
  }

  /** Draft key of an action: the file index keeps flows of a bundle apart. */
  private key(flow: Flow, id: string): string {
    return `${flow.index}:${id}`;
  }

  private nodeName(flow: Flow, action: Action): string {
    // A UUID is shortened to its first block; a hand-written identifier is kept.
    const short = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(action.id) ? action.id.slice(0, 8) : action.id;
    const prefix = flow.index === 0 ? '' : `${flow.name.replace(/^.*contact_flows_+/, '')}.`;
    return `${prefix}${action.type}-${short}`;
  }

  load(index: number): Flow | undefined {
    return this.flows.get(index);
  }

  /** The file of the bundle a `TransferToFlow` names, matched by file name, flow name or id. */
  findFlow(reference: string, label: string | undefined): number | undefined {
    const wanted = [reference, label].filter((v): v is string => v !== undefined && v !== '').map((v) => v.toLowerCase());
    for (let i = 0; i < this.files.length; i++) {
      const base = (this.files[i]?.name ?? '').replace(/^.*[\\/]/, '').replace(/\.json$/i, '').toLowerCase();
      if (wanted.some((w) => base === w || base.endsWith(`_${w}`) || base.endsWith(w))) return i;
    }
    return undefined;
  }

  private target(flow: Flow, action: Action, next: string | undefined, what: string): string {
    if (next !== undefined && next !== '') return this.key(flow, next);
    return this.builder.ending(`${this.key(flow, action.id)}#${what}`, `${this.nodeName(flow, action)}.end`, `${action.type} has no ${what} branch, so the call ends`, action.at);
  }

  private prompt(flow: Flow, action: Action): Prompt {
    const p = action.params;
    const text = asText(p.Text);
    const ssml = asText(p.SSML);
    if (text !== undefined || ssml !== undefined) {
      const { prompt, templated } = spokenPrompt(text ?? ssml ?? '');
      if (templated || /^\$\./.test(text ?? '')) {
        this.builder.warn(this.key(flow, action.id), 'templated_prompt', action.at, message(
          'The prompt text comes from attributes at run time: its length is unknown.', '提示文本在运行时由属性决定:时长未知。'));
        return /^\$\./.test(text ?? '') ? {} : prompt;
      }
      return prompt;
    }
    const audio = asText(action.meta.promptName) ?? resourceName(asText(p.PromptId)) ?? resourceName(asText(asObject(p.Media).Uri));
    return audio !== undefined ? audioPrompt(audio) : {};
  }

  private mapAction(flow: Flow, action: Action): void {
    const key = this.key(flow, action.id);
    const name = this.nodeName(flow, action);
    const { builder } = this;
    const next = action.next ?? action.errors.get('NoMatchingError');
    if (PASS_THROUGH.has(action.type)) {
      builder.pass(key, this.target(flow, action, next, 'next'), action.at);
      return;
    }
    switch (action.type) {
      case 'UpdateContactTargetQueue':
        builder.assign(key, TARGET_QUEUE, this.targetQueueOf(action), this.target(flow, action, next, 'next'), action.at);
        return;
      case 'MessageParticipant':
        builder.node(key, name, { type: 'say', prompt: this.prompt(flow, action), next: this.target(flow, action, next, 'next') }, action.at);
        return;
      case 'GetParticipantInput':
      case 'ConnectParticipantWithLexBot':
        this.mapInput(flow, action);
        return;
      case 'Compare':
      case 'CheckMetricData':
      case 'GetMetricData':
      case 'DistributeByPercentage':
        builder.node(key, name, this.factBranch(flow, action, asText(action.params.ComparisonValue) ?? asText(action.params.MetricType) ?? action.type), action.at);
        return;
      case 'CheckHoursOfOperation':
        this.mapHours(flow, action);
        return;
      case 'InvokeLambdaFunction': {
        const lambda = resourceName(asText(action.params.LambdaFunctionARN)) ?? 'lambda';
        builder.node(key, name, {
          type: 'branch',
          cases: [{ when: { fact: `lambda ${lambda} fails` }, next: this.target(flow, action, action.errors.get('NoMatchingError'), 'error') }],
          otherwise: this.target(flow, action, action.next, 'success'),
        }, action.at);
        return;
      }
      case 'Loop': {
        const count = Math.max(0, Math.min(100, Math.floor(asNumber(action.params.LoopCount) ?? 0)));
        const edge = (operand: string) => action.conditions.find((c) => c.operands.includes(operand))?.next;
        builder.counter(key, name, count, this.target(flow, action, edge('ContinueLooping'), 'ContinueLooping'), this.target(flow, action, edge('DoneLooping') ?? action.next, 'DoneLooping'), action.at);
        return;
      }
      case 'TransferToFlow':
      case 'TransferToFlowModule':
        this.mapTransferToFlow(flow, action);
        return;
      case 'InvokeFlowModule':
        builder.node(key, name, { type: 'say', prompt: {}, next: this.target(flow, action, next, 'next') }, action.at);
        builder.warn(key, 'module_not_followed', action.at, message(
          'Invokes a flow module, which is not imported: taken as a step of unknown length that returns.',
          '调用流程模块,该模块未导入:按一段会返回、长度未知的步骤处理。'));
        return;
      case 'TransferContactToQueue':
      case 'DequeueContactAndTransferToQueue': {
        const own = this.queueName(action);
        // Without a queue of its own, the queue is the one set earlier in the call, maybe in another flow.
        const fill: Fill | undefined = own === undefined ? { reads: TARGET_QUEUE, make: (queue) => ({ type: 'agent', queue: queue ?? UNKNOWN_QUEUE }) } : undefined;
        builder.node(key, name, { type: 'agent', queue: own ?? UNKNOWN_QUEUE }, action.at, fill);
        return;
      }
      case 'TransferParticipantToThirdParty': {
        const number = asText(action.params.ThirdPartyPhoneNumber) ?? 'an outside number';
        builder.node(key, name, { type: 'agent', queue: `third party ${number}` }, action.at);
        builder.warn(key, 'external_transfer', action.at, message(
          `Transfers the call to ${number}: imported as a person, but whoever answers there is outside this flow.`,
          `把来电转接到 ${number}:按人工导入,但接听方不在此流程内。`));
        return;
      }
      case 'MessageParticipantIteratively':
        builder.node(key, name, { type: 'agent', queue: 'customer queue' }, action.at);
        builder.warn(key, 'queue_flow', action.at, message(
          'Plays hold messages in a loop: this is a customer-queue flow, so the caller is waiting for an agent here.',
          '循环播放等待提示:这是排队流程,来电者在此等待人工。'));
        return;
      case 'CreateCallbackContact':
        builder.node(key, name, { type: 'agent', queue: 'callback', callback: true }, action.at);
        return;
      case 'DisconnectParticipant':
        builder.node(key, name, { type: 'hangup', reason: 'DisconnectParticipant' }, action.at);
        return;
      case 'EndFlowExecution':
      case 'EndFlowModuleExecution':
        builder.node(key, name, { type: 'hangup', reason: `${action.type}: the flow ends here` }, action.at);
        return;
      default:
        this.mapUnknown(flow, action);
    }
  }

  /** The queue a transfer block names itself (its metadata or a static ARN), if any. */
  private queueName(action: Action): string | undefined {
    const fromMeta = asText(asObject(action.meta.queue).text);
    const id = asText(action.params.QueueId) ?? asText(action.params.Queue);
    return fromMeta ?? (id === undefined || id.startsWith('$.') ? undefined : resourceName(id));
  }

  /**
   * What `UpdateContactTargetQueue` sets: the queue's name from the metadata,
   * the tail of a static ARN, or where a computed one comes from
   * (`queue from $.Attributes.QueueARN`, `agent $.Attributes.ConnectUser`).
   */
  private targetQueueOf(action: Action): string {
    const id = asText(action.params.QueueId) ?? asText(action.params.Queue);
    const agent = asText(action.params.AgentId);
    const named = this.queueName(action);
    if (named !== undefined) return named;
    if (id !== undefined) return `queue from ${id}`;
    return agent !== undefined ? `agent ${agent}` : UNKNOWN_QUEUE;
  }

  /** Conditions on anything but the caller's keys are world facts: "$.External.HolidayStatus Equals True". */
  private factBranch(flow: Flow, action: Action, subject: string): DraftNode {
    return {
      type: 'branch',
      cases: action.conditions.map((c) => ({ when: { fact: `${subject} ${c.operator} ${c.operands.join(' ')}`.trim() }, next: this.key(flow, c.next) })),
      otherwise: this.target(flow, action, action.errors.get('NoMatchingCondition') ?? action.next, 'no-match'),
    };
  }

  /**
   * Opening hours are a separate resource, not in the export: the branch asks
   * the world. The fact is worded for the closed side, so that with no facts
   * given a route goes on "if the hours check says open" (Connect's True
   * branch), and `--fact "the hours check says closed (…)"` shows the rest.
   */
  private mapHours(flow: Flow, action: Action): void {
    const key = this.key(flow, action.id);
    const hours = asText(asObject(action.meta.Hours).text) ?? resourceName(asText(action.params.HoursOfOperationId)) ?? "the queue's hours";
    const when = (value: string) => action.conditions.find((c) => c.operands.includes(value))?.next;
    const closed: Condition = { fact: `the hours check says closed (${hours})` };
    this.builder.node(key, this.nodeName(flow, action), {
      type: 'branch',
      cases: [{ when: closed, next: this.target(flow, action, when('False'), 'False') }],
      otherwise: this.target(flow, action, when('True'), 'True'),
    }, action.at);
    this.builder.warn(key, 'hours_unknown', action.at, message(
      `Checks the hours of operation "${hours}", which are not in the flow: routes go on if the hours check says open; give --fact "${closed.fact}" for the closed branch.`,
      `检查营业时间 "${hours}",但流程中没有该时间表:路线按营业时间检查为"营业"继续;用 --fact "${closed.fact}" 查看休息时的分支。`));
  }

  private mapTransferToFlow(flow: Flow, action: Action): void {
    const key = this.key(flow, action.id);
    const reference = flowReference(asText(action.params.ContactFlowId) ?? asText(action.params.FlowModuleId) ?? '');
    const label = asText(asObject(action.meta.ContactFlow).text);
    const index = this.findFlow(reference, undefined);
    const target = index === undefined ? undefined : this.load(index);
    if (target !== undefined && target.actions.has(target.start)) {
      this.builder.pass(key, this.key(target, target.start), action.at);
      return;
    }
    const shown = label ?? reference;
    const problem = index === undefined ? undefined : this.flows.problem(index);
    if (index !== undefined && problem !== undefined) {
      const file = this.files[index]?.name ?? '';
      this.builder.ending(key, this.nodeName(flow, action), `continues in flow "${shown}", whose file cannot be read`, action.at);
      // Located in the companion, where the problem is; the message names the transfer.
      this.builder.warn(key, 'flow_unreadable', { file, ...(problem.line !== undefined ? { line: problem.line } : {}), ...(problem.column !== undefined ? { column: problem.column } : {}) }, message(
        `This file cannot be read (${problem.message.en}), so the TransferToFlow ${action.id} in ${flow.file} that leads to it is imported as the end of the call.`,
        `此文件无法读取(${problem.message['zh-CN']}),因此 ${flow.file} 中转到它的 TransferToFlow ${action.id} 按通话结束导入。`));
      return;
    }
    this.builder.ending(key, this.nodeName(flow, action), `continues in flow "${shown}", which was not imported`, action.at);
    const advice = this.files.length > 1
      ? { en: `none of the ${this.files.length} imported files is named after it`, zh: `导入的 ${this.files.length} 个文件中没有以它命名的文件` }
      : { en: 'only one file was imported: import the folder, or pass its file too, to follow it', zh: '只导入了一个文件:导入整个文件夹或一并给出该文件即可跟随' };
    this.builder.warn(key, 'flow_not_supplied', action.at, message(
      `Transfers to the flow "${shown}", which is not among the imported files (${advice.en}): imported as the end of the call.`,
      `转到流程 "${shown}",但该流程不在导入的文件中(${advice.zh}):按通话结束导入。`));
  }

  private mapUnknown(flow: Flow, action: Action): void {
    const key = this.key(flow, action.id);
    const otherwise = action.next ?? action.conditions[0]?.next ?? [...action.errors.values()][0];
    const node: DraftNode = action.conditions.length > 0
      ? { ...(this.factBranch(flow, action, action.type) as Extract<DraftNode, { type: 'branch' }>), otherwise: this.target(flow, action, otherwise, 'next') }
      : otherwise !== undefined
        ? { type: 'branch', cases: [], otherwise: this.key(flow, otherwise) }
        : { type: 'hangup', reason: `${action.type} has no way on` };
    this.builder.node(key, this.nodeName(flow, action), node, action.at);
    this.builder.warn(key, 'unknown_action', action.at, message(
      `Action type "${action.type}" is not mapped exactly: its conditions are world facts and it otherwise goes on to its next action.`,
      `动作类型 "${action.type}" 无法精确映射:其条件作为外部事实处理,否则继续下一个动作。`));
  }

  /** The `Compare` on `$.StoredCustomerInput` that a stored-input block leads to, through pass-throughs. */
  private storedInputCompare(flow: Flow, from: string | undefined): Action | undefined {
    let id = from;
    for (let hops = 0; id !== undefined && hops < 20; hops++) {
      const action = flow.actions.get(id);
      if (action === undefined) return undefined;
      if (action.type === 'Compare') return asText(action.params.ComparisonValue) === '$.StoredCustomerInput' ? action : undefined;
      if (!PASS_THROUGH.has(action.type)) return undefined;
      id = action.next;
    }
    return undefined;
  }

  private mapInput(flow: Flow, action: Action): void {
    const key = this.key(flow, action.id);
    const p = action.params;
    const timeout = asNumber(p.InputTimeLimitSeconds) ?? 5;
    const prompt = this.prompt(flow, action);
    const stored = asText(p.StoreInput)?.toLowerCase() === 'true';
    if (!stored) {
      const lex = action.type === 'ConnectParticipantWithLexBot' || isObject(p.LexV2Bot) || isObject(p.LexBot);
      const options = this.options(flow, action, action.conditions, lex);
      const noInput = action.errors.get('InputTimeLimitExceeded');
      const invalid = action.errors.get('NoMatchingCondition');
      this.builder.node(key, this.nodeName(flow, action), {
        type: 'menu', prompt, options, timeout,
        invalid: { retries: 0, ...(invalid ? { then: this.key(flow, invalid) } : {}) },
        noInput: { retries: 0, ...(noInput ? { then: this.key(flow, noInput) } : {}) },
      }, action.at);
      if (lex) {
        this.builder.warn(key, 'lex_intents', action.at, message(
          'A Lex bot answers here: its utterances are in the bot, not the flow, so each intent name is imported as the phrase to say.',
          '此处由 Lex 机器人应答:话术在机器人中而不在流程中,因此以意图名作为要说的短语导入。'));
      }
      return;
    }
    const read = readStoredEntry(p);
    const routes: EntryRoutes = { key, name: this.nodeName(flow, action), prompt, at: action.at, ...this.storedInputRoutes(flow, action) };
    buildStoredEntry(this.builder, read.entry, routes);
    warnStoredEntry(this.builder, read.entry, routes, read);
  }

  /**
   * Where a stored entry goes: the `Compare` on `$.StoredCustomerInput` after
   * the block names one-key values and "Timeout"; without one, every entry
   * (silence too) goes on to the next block.
   */
  private storedInputRoutes(flow: Flow, action: Action): Pick<EntryRoutes, 'values' | 'silence' | 'otherwise'> {
    const key = this.key(flow, action.id);
    const compare = this.storedInputCompare(flow, action.next);
    if (compare === undefined) {
      const next = this.target(flow, action, action.next, 'next');
      this.warnTimeoutIsInput(key, action, 'goes on like an answer');
      return { values: [], silence: next, otherwise: next };
    }
    const timeoutEdge = compare.conditions.find((c) => c.operands.includes('Timeout'));
    const otherwise = this.target(flow, compare, compare.errors.get('NoMatchingCondition') ?? compare.next, 'no-match');
    const values = this.options(flow, compare, compare.conditions.filter((c) => c !== timeoutEdge), false)
      .flatMap((o) => (o.key !== undefined ? [{ key: o.key, next: o.next, contains: this.containsKey(compare, o.key) }] : []));
    this.warnTimeoutIsInput(key, action, timeoutEdge ? 'is compared as the value "Timeout"' : 'matches no condition of the Compare');
    return { values, silence: timeoutEdge ? this.key(flow, timeoutEdge.next) : otherwise, otherwise };
  }

  /** Whether the Compare's first condition naming `key` is `TextContains` (true for any entry holding the key). */
  private containsKey(compare: Action, key: Key): boolean {
    return compare.conditions.find((c) => c.operands.includes(key))?.operator === 'TextContains';
  }

  private warnTimeoutIsInput(key: string, action: Action, how: string): void {
    this.builder.warn(key, 'timeout_is_input', action.at, message(
      `Stored customer input: when the caller stays silent Connect takes the success branch with the value "Timeout", which ${how}; imported as this node's no-input route.`,
      `存储客户输入:来电者不输入时 Connect 走成功分支,值为 "Timeout";已作为本节点的无输入路线导入。`));
  }

  /** Menu options from `Equals` conditions on one key (or, for Lex, on an intent name). */
  private options(flow: Flow, action: Action, conditions: ConditionEdge[], lex: boolean): Extract<DraftNode, { type: 'menu' }>['options'] {
    const options: Extract<DraftNode, { type: 'menu' }>['options'] = [];
    const taken = new Set<string>();
    for (const condition of conditions) {
      for (const operand of condition.operands) {
        if (lex && operand.trim() !== '') {
          options.push({ phrases: [operand.trim()], label: operand.trim(), next: this.key(flow, condition.next) });
        } else if ((condition.operator === 'Equals' || condition.operator === 'TextContains') && isKey(operand)) {
          if (taken.has(operand)) continue;
          taken.add(operand);
          options.push({ key: operand, next: this.key(flow, condition.next) });
        } else {
          this.builder.warn(this.key(flow, action.id), 'condition_not_mapped', action.at, message(
            `The condition "${condition.operator} ${operand}" on the caller's entry is not one key: left out (such entries go where a non-match goes).`,
            `对来电者输入的条件 "${condition.operator} ${operand}" 不是单个按键:已略去(此类输入按不匹配处理)。`));
        }
      }
    }
    return options;
  }
}

export function importAmazonConnect(files: readonly SourceFile[], options: ImportOptions = {}): ImportResult {
  const bundle = new ConnectBundle(files, options.maxBytes);
  const entry = bundle.load(0);
  if (entry === undefined) throw new IvrError([issue('no_files', [], message('No file to import.', '没有要导入的文件。'))]);
  if (!entry.actions.has(entry.start)) {
    bundle.builder.warn(undefined, 'no_start', { file: entry.file }, message(
      `The start action "${entry.start}" is not in the flow: the call ends at once.`,
      `起始动作 "${entry.start}" 不在流程中:通话立即结束。`));
  }
  return bundle.builder.build({ start: `0:${entry.start}`, name: entry.name || 'Amazon Connect flow', file: entry.file });
}

/** Flow files no other file of the folder transfers to; the first of them is where calls start. */
function pickEntry(files: readonly SourceFile[]): number {
  const referenced = new Set<number>();
  const bundle = new ConnectBundle(files, undefined);
  files.forEach((file) => {
    for (const match of file.text.matchAll(/contact_flows_map\[\\"([^"\\]+)\\"\]/g)) {
      const index = bundle.findFlow(match[1] as string, undefined);
      if (index !== undefined && files[index] !== file) referenced.add(index);
    }
  });
  const index = files.findIndex((file, i) => !referenced.has(i) && connectScore(file) > 0);
  return index === -1 ? 0 : index;
}

function connectScore(file: SourceFile): number {
  const text = file.text.slice(0, 200_000);
  if (!/^\s*\{/.test(text)) return 0;
  if (text.includes('"StartAction"') && text.includes('"Actions"')) return 1;
  if (/\\"StartAction\\"/.test(text) && text.includes('"Content"')) return 0.95;
  if (text.includes('"modules"') && text.includes('"start"') && /"type"\s*:\s*"(PlayPrompt|GetUserInput|Disconnect|Transfer|SetQueue|contactFlow)"/.test(text)) return 0.9;
  return 0;
}

export const amazonConnect: Importer = {
  id: 'amazon-connect',
  title: TITLE,
  detect: (files) => (files[0] ? connectScore(files[0]) : 0),
  import: importAmazonConnect,
  pickEntry,
};
