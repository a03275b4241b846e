/**
 * VoiceXML 2.x and 1.0 documents → `ivr-menu/1`.
 *
 * Dialogs (`<menu>`, `<form>`) become nodes; a form's items run in document
 * order (the Form Interpretation Algorithm without guard tricks): `<block>`
 * prompts become `say`, a `<field>` with single keys becomes a `menu` (its
 * `<option>`s, or every digit of a one-digit grammar, split by the `<filled>`
 * conditions), other digit grammars an `input`, `<transfer>` an `agent`,
 * `<disconnect>`/`<exit>`/the end of a form a `hangup`. `<if cond>` on data
 * becomes a `branch` on a `{ fact }` named after the expression (our own
 * export writes `ivr.open('x')`, `ivr.caller('x')`, `ivr.fact('x')`, read
 * back exactly).
 *
 * Retries: VoiceXML counts `noinput` and `nomatch` per form item and picks
 * the catch with the highest `count` not above the counter; without a catch
 * the platform re-prompts forever. Where that fits one `ivr-menu/1` handler
 * it is one; otherwise the item is unrolled into one copy per counter state
 * (bounded by `MAX_COUNT`, with a warning), and "forever" is a handler whose
 * `then` is the node itself.
 *
 * Our extension attributes (namespace `IVR_NAMESPACE`, prefix `ivr:`) carry
 * what VoiceXML cannot say: a measured prompt length, a queue's hold time,
 * an unadvertised option; `<meta name="ivr-menu">` carries the menu's own
 * metadata (id, hours, timing). A VoiceXML browser ignores both.
 */
import { IvrError, KEYS, issue, type Condition, type Key, type MenuInput, type Prompt } from '../model/index.js';
import { MenuBuilder, message, type DraftNode } from './build-menu.js';
import type { ImportOptions, ImportResult, Importer, SourceFile, SourceLocation } from './importer.js';
import { attribute, elementsOf, localName, parseXml, textContent, type XmlChild, type XmlElement } from './xml.js';

export const IVR_NAMESPACE = 'urn:ivr-escape:ivr-menu:1';
/** Beyond this many failures of one kind, the platform's counting is taken as stationary. */
const MAX_COUNT = 8;
/** "Forever" as an ivr-menu/1 handler: this many replays, then the node again (counters reset). */
const FOREVER_RETRIES = 100;
const DEFAULT_TIMEOUT_SECONDS = 5;

interface Doc {
  file: string;
  base: string;
  index: number;
  root: XmlElement;
  dialogs: Map<string, XmlElement>;
  appRoot?: Doc;
}

/** Where compiled content sits: its document, dialog and form item, for catches and `nextitem`. */
interface Scope {
  doc: Doc;
  dialog: XmlElement;
  dialogKey: string;
  /** the form item (field, menu) whose handlers are being compiled, innermost first */
  item?: XmlElement;
  itemKey?: string;
  items?: Map<string, string>;
  /** a field's name and the value assumed while compiling its `<filled>` */
  known?: { name: string; value: string };
}

type Step = { prompt?: Prompt; then?: string };
type FailureKind = 'noinput' | 'nomatch';

const SSML_OR_PROMPT = new Set(['prompt', 'audio', 'value', 'enumerate', 'break', 'emphasis', 'prosody', 'say-as', 's', 'p', 'sub', 'voice', 'mark', 'phoneme', 'speak', 'paragraph', 'sentence']);
const CATCH_TAGS = new Set(['catch', 'noinput', 'nomatch', 'help', 'error']);
const FORM_ITEMS = new Set(['block', 'field', 'record', 'transfer', 'subdialog', 'object', 'initial']);
const NOT_ITEMS = new Set(['var', 'property', 'grammar', 'filled', 'link', 'script', 'data', 'meta', 'metadata', ...CATCH_TAGS]);

function baseName(name: string): string {
  return name.replace(/[?#].*$/, '').split(/[\\/]/).pop() ?? name;
}

/** `30s`, `500ms`, `5` → seconds. */
function timeSeconds(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s)?\s*$/i.exec(text);
  if (match === null) return undefined;
  const value = Number(match[1]);
  return match[2]?.toLowerCase() === 'ms' ? value / 1000 : value;
}

function isKey(text: string | undefined): text is Key {
  return text !== undefined && (KEYS as readonly string[]).includes(text);
}

/** A tiny reader of the condition expressions our exporter writes; anything else is a named fact. */
export function conditionFromExpression(expression: string): Condition {
  const parsed = new ConditionParser(expression).parse();
  return parsed ?? { fact: expression.trim() || 'unknown' };
}

class ConditionParser {
  private at = 0;
  constructor(private readonly text: string) {}

  parse(): Condition | undefined {
    try {
      const condition = this.or();
      this.space();
      return this.at === this.text.length ? condition : undefined;
    } catch {
      return undefined;
    }
  }

  private space(): void {
    while (/\s/.test(this.text[this.at] ?? '')) this.at++;
  }

  private eat(token: string): boolean {
    this.space();
    if (!this.text.startsWith(token, this.at)) return false;
    this.at += token.length;
    return true;
  }

  private or(): Condition {
    const parts = [this.and()];
    while (this.eat('||')) parts.push(this.and());
    return parts.length === 1 ? (parts[0] as Condition) : { any: parts };
  }

  private and(): Condition {
    const parts = [this.unary()];
    while (this.eat('&&')) parts.push(this.unary());
    return parts.length === 1 ? (parts[0] as Condition) : { all: parts };
  }

  private unary(): Condition {
    if (this.eat('!')) return { not: this.unary() };
    if (this.eat('(')) {
      const inner = this.or();
      if (!this.eat(')')) throw new Error('expected )');
      return inner;
    }
    for (const kind of ['open', 'caller', 'fact'] as const) {
      if (this.eat(`ivr.${kind}(`)) {
        const name = this.string();
        if (!this.eat(')')) throw new Error('expected )');
        return { [kind]: name } as Condition;
      }
    }
    throw new Error('unknown expression');
  }

  private string(): string {
    this.space();
    if (this.text[this.at] !== "'") throw new Error('expected a string');
    let value = '';
    for (this.at++; this.at < this.text.length; this.at++) {
      const char = this.text[this.at] as string;
      if (char === '\\') value += this.text[++this.at] ?? '';
      else if (char === "'") {
        this.at++;
        return value;
      } else value += char;
    }
    throw new Error('unterminated string');
  }
}

/** Decides `name == 'literal'` (either side, `==` or `===`) for a known field value; undefined when it is not that shape. */
function decideForValue(cond: string, known: { name: string; value: string } | undefined): boolean | undefined {
  if (known === undefined) return undefined;
  const literal = String.raw`(?:'([^']*)'|"([^"]*)"|(-?\d+(?:\.\d+)?))`;
  const name = known.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const left = new RegExp(`^\\s*${name}\\s*===?\\s*${literal}\\s*$`).exec(cond);
  const right = new RegExp(`^\\s*${literal}\\s*===?\\s*${name}\\s*$`).exec(cond);
  const match = left ?? right;
  if (match === null) return undefined;
  const value = match[1] ?? match[2] ?? match[3];
  return value === known.value;
}

/** Literal values a field's `<filled>` compares it with (`x == '1'`), in document order. */
function literalsComparedWith(name: string, filled: readonly XmlElement[]): string[] {
  const found: string[] = [];
  for (const element of filled.flatMap((f) => [f, ...allBelow(f)])) {
    const cond = attribute(element, 'cond');
    if (cond === undefined) continue;
    for (const value of ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '#']) {
      if (decideForValue(cond, { name, value }) === true && !found.includes(value)) found.push(value);
    }
  }
  return found;
}

function allBelow(element: XmlElement): XmlElement[] {
  return elementsOf(element).flatMap((child) => [child, ...allBelow(child)]);
}

interface DigitSpec {
  length?: number;
  minLength?: number;
  maxLength?: number;
  terminator?: Key;
}

/** Digit grammars: `builtin:dtmf/digits?length=4`, field `type="digits?minlength=2;maxlength=8"`, OPAL's `X-OPAL/digits` text. */
function digitSpec(field: XmlElement): DigitSpec | undefined {
  const sources = [attribute(field, 'type'), ...elementsOf(field, 'grammar').map((g) => attribute(g, 'src'))].filter((s): s is string => s !== undefined);
  for (const source of sources) {
    const match = /(?:^|[/:])digits(?:\?(.*))?$/i.exec(source.trim());
    if (match === null) continue;
    const parameters = new Map((match[1] ?? '').split(/[;&]/).map((pair) => pair.split('=') as [string, string]).map(([k, v]) => [k.trim().toLowerCase(), Number(v)]));
    const length = parameters.get('length');
    if (length !== undefined && Number.isInteger(length) && length > 0) return { length };
    const minLength = parameters.get('minlength');
    const maxLength = parameters.get('maxlength');
    return {
      minLength: minLength !== undefined && minLength > 0 ? minLength : 1,
      ...(maxLength !== undefined && maxLength > 0 ? { maxLength } : {}),
    };
  }
  for (const grammar of elementsOf(field, 'grammar')) {
    if (!/digits/i.test(attribute(grammar, 'type') ?? '')) continue;
    const text = textContent(grammar);
    const min = /minDigits\s*=\s*(\d+)/i.exec(text)?.[1];
    const max = /maxDigits\s*=\s*(\d+)/i.exec(text)?.[1];
    const terminator = /terminators\s*=\s*([0-9*#])/i.exec(text)?.[1];
    return {
      minLength: Math.max(1, Number(min ?? 1)),
      ...(max === undefined ? {} : { maxLength: Math.max(1, Number(max)) }),
      ...(isKey(terminator) ? { terminator } : {}),
    };
  }
  return undefined;
}

/** Phrases of a choice: the items of its inline grammar, else its text. */
function choicePhrases(choice: XmlElement, voice: boolean): string[] {
  if (!voice) return [];
  const items = elementsOf(choice, 'grammar').flatMap((g) => allBelow(g)).filter((e) => localName(e.name) === 'item').map(textContent).filter((t) => t !== '');
  if (items.length > 0) return items;
  const text = choice.children.filter((c) => c.kind === 'text' || !['grammar'].includes(localName(c.name)));
  const words = text.map((c) => (c.kind === 'text' ? c.text : textContent(c))).join(' ').replace(/\s+/g, ' ').trim();
  return words === '' ? [] : [words];
}

class VoiceXmlReader {
  readonly builder = new MenuBuilder('vxml', 'VoiceXML');
  private readonly docs: Doc[] = [];
  private readonly elementIds = new WeakMap<XmlElement, number>();
  private readonly sequenceMemo = new Map<string, string>();
  private nextElementId = 0;

  constructor(files: readonly SourceFile[], maxBytes?: number) {
    for (const file of files) {
      const root = parseXml(file.name, file.text, maxBytes);
      if (localName(root.name) !== 'vxml') {
        if (this.docs.length === 0) {
          throw new IvrError([{ ...issue('not_voicexml', [], {
            en: `The root element is <${root.name}>, not <vxml>: this is not a VoiceXML document.`,
            'zh-CN': `根元素是 <${root.name}>,不是 <vxml>:这不是 VoiceXML 文档。`,
          }), line: root.line, column: root.column }], { file: file.name });
        }
        this.builder.warn(undefined, 'vxml_not_a_document', { file: file.name, line: root.line }, message(
          `Skipped: the root element is <${root.name}>, not <vxml>.`, `已跳过:根元素是 <${root.name}>,不是 <vxml>。`));
        continue;
      }
      const dialogs = new Map<string, XmlElement>();
      elementsOf(root).filter((e) => ['menu', 'form'].includes(localName(e.name))).forEach((dialog, index) => {
        dialogs.set(attribute(dialog, 'id') ?? `dialog${index + 1}`, dialog);
      });
      this.docs.push({ file: file.name, base: baseName(file.name), index: this.docs.length, root, dialogs });
    }
    for (const doc of this.docs) {
      const application = attribute(doc.root, 'application');
      if (application !== undefined) {
        const found = this.docs.find((other) => other.base === baseName(application));
        if (found !== undefined) doc.appRoot = found;
      }
    }
  }

  get firstDoc(): Doc {
    return this.docs[0] as Doc;
  }

  at(doc: Doc, element: XmlElement, what?: string): SourceLocation {
    return { file: doc.file, line: element.line, column: element.column, element: what ?? `<${localName(element.name)}>` };
  }

  dialogKey(doc: Doc, id: string): string {
    return `${doc.index}#${id}`;
  }

  private nodeName(doc: Doc, name: string): string {
    return doc.index === 0 ? name : `${doc.base.replace(/\.[^.]*$/, '')}.${name}`;
  }

  private keyOf(doc: Doc, element: XmlElement, role: string): string {
    return `${doc.index}@${element.line}:${element.column}/${role}`;
  }

  private elementId(element: XmlElement): number {
    let id = this.elementIds.get(element);
    if (id === undefined) {
      id = this.nextElementId++;
      this.elementIds.set(element, id);
    }
    return id;
  }

  /** Compiles every dialog of every document; the builder keeps only what the start reaches. */
  compileAll(): string {
    for (const doc of this.docs) {
      for (const [id, dialog] of doc.dialogs) {
        const scope: Scope = { doc, dialog, dialogKey: this.dialogKey(doc, id) };
        if (localName(dialog.name) === 'menu') this.menu(scope, id);
        else this.form(scope, id);
      }
    }
    const start = this.firstDoc.dialogs.keys().next().value;
    if (start === undefined) return this.builder.ending('no-dialog', 'empty', 'the document has no dialog', { file: this.firstDoc.file });
    return this.dialogKey(this.firstDoc, start);
  }

  // ── references ────────────────────────────────────────────────────────────

  /** `#id`, `doc.vxml#id`, `doc.vxml`: a dialog key; other documents not supplied end the call with a warning. */
  private resolveUri(scope: Scope, uri: string, element: XmlElement): string {
    const [path, fragment] = uri.includes('#') ? [uri.slice(0, uri.indexOf('#')), uri.slice(uri.indexOf('#') + 1)] : [uri, undefined];
    const doc = path === '' ? scope.doc : this.docs.find((d) => d.base === baseName(path));
    if (doc === undefined) {
      this.builder.warn(scope.dialogKey, 'vxml_document_missing', this.at(scope.doc, element), message(
        `This goes to "${uri}", a document not given to the import: imported as a hang-up (pass it as another file to follow it).`,
        `此处跳转到未提供的文档 "${uri}":按挂断导入(将其作为另一个文件传入即可跟随)。`));
      return this.builder.ending(`missing-doc:${uri}`, `missing_${baseName(path)}`, `document ${uri} not supplied`, this.at(scope.doc, element));
    }
    const id = fragment ?? doc.dialogs.keys().next().value;
    return id === undefined ? this.builder.ending(`empty-doc:${doc.index}`, 'empty_document', 'the document has no dialog', this.at(doc, doc.root)) : this.dialogKey(doc, id);
  }

  private dynamicTarget(scope: Scope, element: XmlElement, expression: string): string {
    this.builder.warn(scope.dialogKey, 'vxml_dynamic_target', this.at(scope.doc, element), message(
      `The target "${expression}" is computed at run time (or generated by a server) and cannot be followed: imported as a hang-up.`,
      `目标 "${expression}" 在运行时计算(或由服务器生成),无法跟随:按挂断导入。`));
    return this.builder.ending(this.keyOf(scope.doc, element, 'dynamic'), 'dynamic_target', `computed target ${expression}`, this.at(scope.doc, element));
  }

  private gotoTarget(scope: Scope, element: XmlElement): string {
    const next = attribute(element, 'next');
    if (next !== undefined) return this.resolveUri(scope, next, element);
    const nextItem = attribute(element, 'nextitem');
    if (nextItem !== undefined) {
      const item = scope.items?.get(nextItem);
      if (item !== undefined) return item;
      // OPAL writes nextitem for a dialog id.
      if (scope.doc.dialogs.has(nextItem)) return this.dialogKey(scope.doc, nextItem);
      return this.builder.ending(`missing-item:${scope.dialogKey}:${nextItem}`, `missing_${nextItem}`, `no item ${nextItem}`, this.at(scope.doc, element));
    }
    return this.dynamicTarget(scope, element, attribute(element, 'expr') ?? attribute(element, 'expritem') ?? '(none)');
  }

  // ── catches ───────────────────────────────────────────────────────────────

  /** Catches for an event, innermost scope first, in document order within a scope (VoiceXML 2.0 §5.2.4). */
  private catchesFor(scope: Scope, event: string): { element: XmlElement; count: number }[] {
    const scopes = [scope.item, scope.dialog, scope.doc.root, scope.doc.appRoot?.root].filter((s): s is XmlElement => s !== undefined);
    const found: { element: XmlElement; count: number }[] = [];
    for (const holder of scopes) {
      for (const element of elementsOf(holder)) {
        const tag = localName(element.name);
        if (!CATCH_TAGS.has(tag)) continue;
        const events = tag === 'catch' ? (attribute(element, 'event') ?? '').split(/\s+/).filter((e) => e !== '') : [tag];
        const matches = events.length === 0 || events.some((e) => e === event || event.startsWith(`${e}.`) || (e === 'telephone.disconnect' && event.startsWith('connection.disconnect')));
        if (matches) found.push({ element, count: Math.max(1, Number(attribute(element, 'count') ?? 1) || 1) });
      }
    }
    return found;
  }

  private catchFor(scope: Scope, event: string, counter: number): XmlElement | undefined {
    const eligible = this.catchesFor(scope, event).filter((c) => c.count <= counter);
    const best = Math.max(0, ...eligible.map((c) => c.count));
    return eligible.find((c) => c.count === best)?.element;
  }

  /** What the platform does on the n-th failure of a kind, n = 1…; the last step repeats forever. */
  private failureSteps(scope: Scope, kind: FailureKind, selfKey: string): Step[] {
    const catches = this.catchesFor(scope, kind);
    const highest = Math.max(1, ...catches.map((c) => c.count));
    if (highest > MAX_COUNT) {
      this.builder.warn(scope.dialogKey, 'vxml_count_bounded', this.at(scope.doc, scope.item ?? scope.dialog), message(
        `A <${kind}> count of ${highest} is unrolled only up to ${MAX_COUNT}: from the ${MAX_COUNT}th failure on, the handler for ${MAX_COUNT} is used.`,
        `<${kind}> 的计数 ${highest} 只展开到 ${MAX_COUNT}:从第 ${MAX_COUNT} 次失败起使用计数 ${MAX_COUNT} 的处理。`));
    }
    if (catches.length === 0) {
      this.builder.warn(scope.dialogKey, 'vxml_default_handler', this.at(scope.doc, scope.item ?? scope.dialog), message(
        `No <${kind}> handler: the platform's default re-prompts forever, so this is imported as endless retries.`,
        `没有 <${kind}> 处理:平台默认无限次重新提示,按无限重试导入。`));
    }
    const steps: Step[] = [];
    for (let n = 1; n <= Math.min(highest, MAX_COUNT); n++) {
      const handler = this.catchFor(scope, kind, n);
      steps.push(handler === undefined ? {} : this.handlerStep(scope, handler, selfKey));
    }
    return steps;
  }

  /** A catch handler's content: the words it plays, then where it goes (none: the item is visited again). */
  private handlerStep(scope: Scope, handler: XmlElement, selfKey: string): Step {
    const parts: XmlChild[] = [];
    for (const child of handler.children) {
      if (child.kind === 'text' || SSML_OR_PROMPT.has(localName(child.name))) {
        parts.push(child);
        continue;
      }
      const tag = localName(child.name);
      if (tag === 'reprompt') break;
      const prompt = this.promptOf(parts);
      const withPrompt = (then: string): Step => (prompt === undefined ? { then } : { prompt, then });
      if (tag === 'goto') return withPrompt(this.gotoTarget(scope, child));
      if (tag === 'submit') return withPrompt(this.dynamicTarget(scope, child, attribute(child, 'next') ?? attribute(child, 'expr') ?? 'submit'));
      if (['disconnect', 'exit', 'return'].includes(tag)) return withPrompt(this.hangupAt(scope, child, undefined));
      if (tag === 'if' || tag === 'throw') {
        // The rest runs as ordinary content; a plain end there visits this item again (fresh counters: close enough, and said).
        this.builder.warn(scope.dialogKey, 'vxml_handler_logic', this.at(scope.doc, child), message(
          'A retry handler with conditions or events: its re-prompt is imported as entering the item again, which resets its counters.',
          '重试处理中含条件或事件:其重新提示按重新进入该项导入,计数器会被重置。'));
        const rest = handler.children.slice(handler.children.indexOf(child));
        return withPrompt(this.sequence(scope, rest, selfKey, this.keyOf(scope.doc, child, 'handler')));
      }
    }
    const prompt = this.promptOf(parts);
    return prompt === undefined ? {} : { prompt };
  }

  // ── prompts ───────────────────────────────────────────────────────────────

  /** Words and audio of prompt content. Tapered prompts (`count` > 1) are skipped: the first attempt's words are kept. */
  private promptOf(parts: readonly XmlChild[], enumerate?: string): Prompt | undefined {
    const words: string[] = [];
    let audio: string | undefined;
    let seconds: number | undefined;
    let purpose: string | undefined;
    let recorded = false;
    const visit = (child: XmlChild): void => {
      if (child.kind === 'text') {
        words.push(child.text);
        return;
      }
      const tag = localName(child.name);
      if (tag === 'prompt') {
        if (Number(attribute(child, 'count') ?? 1) > 1) return;
        seconds = timeSeconds(child.attributes.get('ivr:seconds')) ?? seconds;
        purpose = child.attributes.get('ivr:purpose') ?? purpose;
        recorded ||= child.attributes.get('ivr:recorded') === 'true';
      }
      if (tag === 'audio') audio ??= attribute(child, 'src') ?? (attribute(child, 'expr') === undefined ? undefined : `expr:${attribute(child, 'expr')}`);
      if (tag === 'enumerate' && enumerate !== undefined && child.children.length === 0) words.push(enumerate);
      if (tag === 'value' || tag === 'grammar') return;
      words.push(' ');
      child.children.forEach(visit);
      words.push(' ');
    };
    parts.forEach(visit);
    const text = words.join('').replace(/\s+/g, ' ').trim();
    if (text === '' && audio === undefined && seconds === undefined && !recorded) return undefined;
    if (audio === undefined && seconds === undefined && purpose === undefined && !recorded) return text;
    const prompt: Exclude<Prompt, string> = {};
    if (text !== '') prompt.text = text;
    if (seconds !== undefined) prompt.seconds = seconds;
    if (audio !== undefined) prompt.audio = audio;
    if (purpose === 'information' || purpose === 'legal' || purpose === 'marketing' || purpose === 'wait' || purpose === 'menu') prompt.purpose = purpose;
    return prompt;
  }

  private bargeIn(parts: readonly XmlChild[], fallback: boolean): boolean {
    for (const child of parts) {
      if (child.kind !== 'element' || localName(child.name) !== 'prompt') continue;
      const value = attribute(child, 'bargein');
      if (value !== undefined) return value !== 'false';
    }
    return fallback;
  }

  /** A property (`timeout`, `termchar`, `inputmodes`) from the innermost scope that sets it. */
  private property(scope: Scope, name: string, holders: (XmlElement | undefined)[] = []): string | undefined {
    const chain = [...holders, scope.item, scope.dialog, scope.doc.root, scope.doc.appRoot?.root];
    for (const holder of chain) {
      if (holder === undefined) continue;
      const property = elementsOf(holder, 'property').find((p) => attribute(p, 'name') === name);
      if (property !== undefined) return attribute(property, 'value');
    }
    return undefined;
  }

  private timeout(scope: Scope, prompts: readonly XmlElement[]): number {
    const fromPrompt = prompts.map((p) => timeSeconds(attribute(p, 'timeout'))).find((t) => t !== undefined);
    return fromPrompt ?? timeSeconds(this.property(scope, 'timeout')) ?? DEFAULT_TIMEOUT_SECONDS;
  }

  // ── executable content ───────────────────────────────────────────────────

  private hangupAt(scope: Scope, element: XmlElement, prompt: Prompt | undefined, key = this.keyOf(scope.doc, element, 'hangup')): string {
    const reason = element.attributes.get('ivr:reason') ?? `<${localName(element.name)}>`;
    const node: DraftNode = prompt === undefined ? { type: 'hangup', reason } : { type: 'hangup', prompt, reason };
    const dialogId = attribute(scope.dialog, 'id') ?? 'dialog';
    const name = key === scope.dialogKey ? dialogId : `${dialogId}.hangup`;
    return this.builder.node(key, this.nodeName(scope.doc, name), node, this.at(scope.doc, element));
  }

  /** Executable content (a block, a filled, an event catch) as nodes; returns `key`, which leads to its first node. */
  sequence(scope: Scope, content: readonly XmlChild[], cont: string, key: string): string {
    const parts: XmlChild[] = [];
    const name = this.nodeName(scope.doc, attribute(scope.dialog, 'id') ?? 'dialog');
    const finish = (target: string, at: XmlElement): string => {
      const prompt = this.promptOf(parts);
      if (prompt === undefined) return this.builder.pass(key, target, this.at(scope.doc, at));
      return this.builder.node(key, name, { type: 'say', prompt, next: target, bargeIn: this.bargeIn(parts, false) }, this.at(scope.doc, at));
    };
    let cleared = false;
    for (let index = 0; index < content.length; index++) {
      const child = content[index] as XmlChild;
      if (child.kind === 'text' || SSML_OR_PROMPT.has(localName(child.name))) {
        parts.push(child);
        continue;
      }
      const tag = localName(child.name);
      switch (tag) {
        case 'goto':
          return finish(this.gotoTarget(scope, child), child);
        case 'submit':
          return finish(this.dynamicTarget(scope, child, attribute(child, 'next') ?? attribute(child, 'expr') ?? 'submit'), child);
        case 'disconnect':
        case 'exit':
          return this.hangupAt(scope, child, this.promptOf(parts), key);
        case 'transfer':
          // Non-standard (OPAL puts it in <filled>), but the platform runs it.
          return finish(this.transfer(scope, child, this.keyOf(scope.doc, child, 'transfer'), `${attribute(scope.dialog, 'id') ?? 'dialog'}.transfer`), child);
        case 'return':
          this.builder.warn(scope.dialogKey, 'vxml_subdialog', this.at(scope.doc, child), message(
            '<return> ends a subdialog, which this import does not follow: imported as a hang-up.',
            '<return> 结束子对话,本导入不跟随子对话:按挂断导入。'));
          return this.hangupAt(scope, child, this.promptOf(parts), key);
        case 'clear':
          cleared = true;
          break;
        case 'if': {
          const rest = content.slice(index + 1);
          const after = this.hasContent(rest) || cleared ? this.sequence(scope, rest, cleared ? (scope.itemKey ?? cont) : cont, this.keyOf(scope.doc, child, 'after')) : cont;
          return finish(this.ifChain(scope, child, after), child);
        }
        case 'throw': {
          const event = attribute(child, 'event') ?? 'error';
          const handler = this.catchFor(scope, event, 1);
          if (handler === undefined) {
            this.builder.warn(scope.dialogKey, 'vxml_uncaught_event', this.at(scope.doc, child), message(
              `The event "${event}" has no <catch>: the platform's default ends the call.`,
              `事件 "${event}" 没有 <catch>:平台默认结束通话。`));
            return this.hangupAt(scope, child, this.promptOf(parts), key);
          }
          return finish(this.sequence(scope, handler.children, cont, this.keyOf(scope.doc, child, 'thrown')), child);
        }
        default:
          // log, var, assign, script, reprompt in a block…: nothing the caller hears or does.
          break;
      }
    }
    const last = content.filter((c): c is XmlElement => c.kind === 'element').pop() ?? scope.dialog;
    return finish(cleared && scope.itemKey !== undefined ? scope.itemKey : cont, last);
  }

  private hasContent(content: readonly XmlChild[]): boolean {
    return content.some((c) => (c.kind === 'text' ? c.text.trim() !== '' : !['log', 'var', 'assign', 'script'].includes(localName(c.name))));
  }

  /** `<if cond>…<elseif cond/>…<else/>…</if>`: decided where the field's value is known, else a branch on facts. */
  private ifChain(scope: Scope, element: XmlElement, cont: string): string {
    const arms: { cond?: string; body: XmlChild[]; at: XmlElement }[] = [{ cond: attribute(element, 'cond') ?? 'false', body: [], at: element }];
    for (const child of element.children) {
      if (child.kind === 'element' && ['elseif', 'else'].includes(localName(child.name))) {
        arms.push({ ...(localName(child.name) === 'elseif' ? { cond: attribute(child, 'cond') ?? 'false' } : {}), body: [], at: child });
      } else (arms[arms.length - 1] as { body: XmlChild[] }).body.push(child);
    }
    const cases: { when: Condition; next: string }[] = [];
    let otherwise = cont;
    for (const arm of arms) {
      const decided = arm.cond === undefined ? true : decideForValue(arm.cond, scope.known);
      if (decided === false) continue;
      const next = this.sequence(scope, arm.body, cont, this.keyOf(scope.doc, arm.at, 'arm'));
      if (decided === true) {
        otherwise = next;
        break;
      }
      cases.push({ when: conditionFromExpression(arm.cond as string), next });
    }
    if (cases.length === 0) return otherwise;
    const name = this.nodeName(scope.doc, `${attribute(scope.dialog, 'id') ?? 'dialog'}.check`);
    return this.builder.node(this.keyOf(scope.doc, element, `if${scope.known?.value ?? ''}`), name, { type: 'branch', cases, otherwise }, this.at(scope.doc, element));
  }

  // ── dialogs ───────────────────────────────────────────────────────────────

  private menu(scope: Scope, id: string): void {
    const dialog = scope.dialog;
    const voice = !/^\s*dtmf\s*$/i.test(this.property(scope, 'inputmodes') ?? '');
    const choices = elementsOf(dialog, 'choice');
    const autoKeys = attribute(dialog, 'dtmf') === 'true';
    const options: Extract<DraftNode, { type: 'menu' }>['options'] = [];
    const taken = new Set<string>();
    let auto = 0;
    for (const choice of choices) {
      let key = attribute(choice, 'dtmf');
      if (key === undefined && autoKeys && auto < 9) key = String(++auto);
      if (key !== undefined && (!isKey(key) || taken.has(key))) {
        this.builder.warn(scope.dialogKey, 'vxml_choice_key', this.at(scope.doc, choice), message(
          `The key "${key}" cannot be chosen here (not a single phone key, or already used by an earlier choice): ignored.`,
          `按键 "${key}" 在此无法选择(不是单个电话按键,或已被前面的选项占用):已忽略。`));
        key = undefined;
      }
      const phrases = choicePhrases(choice, voice);
      if (key === undefined && phrases.length === 0) continue;
      if (key !== undefined) taken.add(key);
      const option: (typeof options)[number] = { next: this.choiceTarget(scope, choice) };
      if (key !== undefined) option.key = key as Key;
      if (phrases.length > 0) option.phrases = phrases;
      const label = choice.attributes.get('ivr:label');
      if (label !== undefined) option.label = label;
      if (choice.attributes.get('ivr:advertised') === 'false') option.advertised = false;
      options.push(option);
    }
    options.push(...this.linkOptions(scope, options, voice));
    const promptParts = dialog.children.filter((c) => c.kind === 'element' && localName(c.name) === 'prompt');
    const enumerate = choices.map((c) => textContent(c)).filter((t) => t !== '').join(', ');
    const base: DraftNode = {
      type: 'menu',
      prompt: this.promptOf(promptParts, enumerate) ?? '',
      options,
      bargeIn: this.bargeIn(promptParts, this.property(scope, 'bargein') !== 'false'),
      timeout: this.timeout(scope, promptParts as XmlElement[]),
    };
    this.withHandlers({ ...scope, item: dialog, itemKey: scope.dialogKey }, this.nodeName(scope.doc, id), base);
  }

  /**
   * `<link>` global commands in scope (the dialog, its document, the
   * application root) as extra options of a menu: active in every dialog,
   * so offered here too, unadvertised (the menu's own prompt does not say them).
   */
  private linkOptions(scope: Scope, existing: Extract<DraftNode, { type: 'menu' }>['options'], voice: boolean): Extract<DraftNode, { type: 'menu' }>['options'] {
    const holders = [scope.dialog, scope.doc.root, scope.doc.appRoot?.root].filter((h): h is XmlElement => h !== undefined);
    const options: Extract<DraftNode, { type: 'menu' }>['options'] = [];
    const used = new Set(existing.map((o) => o.key ?? ''));
    // The dialog's own grammars win over a link's: a word already taken stays with its option.
    const words = new Set(existing.flatMap((o) => o.phrases ?? []).map((p) => p.toLowerCase()));
    for (const link of holders.flatMap((holder) => elementsOf(holder, 'link'))) {
      const dtmf = attribute(link, 'dtmf');
      const key = isKey(dtmf) && !used.has(dtmf) ? dtmf : undefined;
      const phrases = voice ? elementsOf(link, 'grammar').flatMap((g) => allBelow(g)).filter((e) => localName(e.name) === 'item').map(textContent).filter((t) => t !== '' && !words.has(t.toLowerCase())) : [];
      phrases.forEach((p) => words.add(p.toLowerCase()));
      if (key === undefined && phrases.length === 0) continue;
      if (key !== undefined) used.add(key);
      options.push({ next: this.choiceTarget(scope, link), advertised: false, ...(key === undefined ? {} : { key }), ...(phrases.length === 0 ? {} : { phrases }) });
    }
    return options;
  }

  private choiceTarget(scope: Scope, choice: XmlElement): string {
    const next = attribute(choice, 'next');
    if (next !== undefined) return this.resolveUri(scope, next, choice);
    const event = attribute(choice, 'event');
    if (event !== undefined) {
      const handler = this.catchFor(scope, event, 1);
      if (handler !== undefined) return this.sequence(scope, handler.children, scope.dialogKey, this.keyOf(scope.doc, choice, 'event'));
      return this.hangupAt(scope, choice, undefined);
    }
    return this.dynamicTarget(scope, choice, attribute(choice, 'expr') ?? attribute(choice, 'eventexpr') ?? '(no target)');
  }

  private form(scope: Scope, id: string): void {
    const groups: XmlElement[][] = [];
    for (const child of scope.dialog.children) {
      if (child.kind !== 'element') continue;
      const tag = localName(child.name);
      if (NOT_ITEMS.has(tag)) continue;
      if (FORM_ITEMS.has(tag)) groups.push([child]);
      else {
        // Executable content right under <form> (OPAL): run it like a block.
        const last = groups[groups.length - 1];
        if (last !== undefined && last.length > 0 && !FORM_ITEMS.has(localName((last[0] as XmlElement).name))) last.push(child);
        else groups.push([child]);
      }
    }
    const items = new Map<string, string>();
    const keys = groups.map((group, index) => (index === 0 ? scope.dialogKey : this.keyOf(scope.doc, group[0] as XmlElement, 'item')));
    groups.forEach((group, index) => {
      const name = attribute(group[0] as XmlElement, 'name');
      if (name !== undefined) items.set(name, keys[index] as string);
    });
    const formScope: Scope = { ...scope, items };
    let cont = this.builder.ending(`${scope.dialogKey}/end`, this.nodeName(scope.doc, `${id}.end`), 'the form ends without a transition: the session exits', this.at(scope.doc, scope.dialog));
    if (groups.length === 0) {
      this.builder.pass(scope.dialogKey, cont, this.at(scope.doc, scope.dialog));
      return;
    }
    for (let index = groups.length - 1; index >= 0; index--) {
      cont = this.item(formScope, groups[index] as XmlElement[], cont, keys[index] as string, index === 0 ? id : `${id}.${attribute(groups[index]?.[0] as XmlElement, 'name') ?? localName((groups[index]?.[0] as XmlElement).name)}`);
    }
  }

  private item(scope: Scope, group: XmlElement[], cont: string, key: string, name: string): string {
    const first = group[0] as XmlElement;
    const tag = localName(first.name);
    const itemScope: Scope = { ...scope, item: first, itemKey: key };
    switch (tag) {
      case 'block':
        return this.sequence(itemScope, first.children, cont, key);
      case 'field':
        return this.field(itemScope, first, cont, key, this.nodeName(scope.doc, name));
      case 'transfer':
        return this.transfer(itemScope, first, key, name);
      case 'record': {
        this.builder.warn(scope.dialogKey, 'vxml_record', this.at(scope.doc, first), message(
          'A <record> (a message for nobody in particular) is imported as its prompt only: no person answers it.',
          '<record>(留言)只按其提示导入:没有人接听。'));
        const after = this.sequence(itemScope, elementsOf(first, 'filled').flatMap((f) => f.children), cont, this.keyOf(scope.doc, first, 'filled'));
        const prompt = this.promptOf(first.children.filter((c) => c.kind === 'element' && localName(c.name) === 'prompt'));
        return prompt === undefined ? this.builder.pass(key, after, this.at(scope.doc, first)) : this.builder.node(key, this.nodeName(scope.doc, name), { type: 'say', prompt, next: after }, this.at(scope.doc, first));
      }
      case 'subdialog':
      case 'object':
      case 'initial':
        this.builder.warn(scope.dialogKey, 'vxml_unsupported_item', this.at(scope.doc, first), message(
          `<${tag}> is not followed: the form goes on as if it returned at once.`,
          `不跟随 <${tag}>:表单按其立即返回继续。`));
        return this.builder.pass(key, cont, this.at(scope.doc, first));
      default:
        return this.sequence(itemScope, group, cont, key);
    }
  }

  private transfer(scope: Scope, element: XmlElement, key: string, name: string): string {
    const dest = attribute(element, 'dest');
    // Our own export marks its transfers (`ivr:agent`) and names the queue exactly.
    const ours = element.attributes.get('ivr:agent') === 'true';
    const queue = ours ? element.attributes.get('ivr:queue') : dest ?? attribute(element, 'destexpr');
    const node: Extract<DraftNode, { type: 'agent' }> = { type: 'agent' };
    const prompt = this.promptOf(element.children.filter((c) => c.kind === 'text' || SSML_OR_PROMPT.has(localName(c.name))));
    if (prompt !== undefined) node.prompt = prompt;
    if (queue !== undefined) node.queue = queue;
    const median = timeSeconds(element.attributes.get('ivr:medianSeconds'));
    const p90 = timeSeconds(element.attributes.get('ivr:p90Seconds'));
    if (median !== undefined || p90 !== undefined) node.wait = { ...(median === undefined ? {} : { medianSeconds: median }), ...(p90 === undefined ? {} : { p90Seconds: p90 }) };
    if (element.attributes.get('ivr:callback') === 'true') node.callback = true;
    const kind = element.attributes.get('ivr:kind');
    if (kind === 'service' || kind === 'sales' || kind === 'other') node.kind = kind;
    if (dest === undefined && !ours) {
      this.builder.warn(scope.dialogKey, 'vxml_transfer_computed', this.at(scope.doc, element), message(
        'The transfer destination is computed at run time: imported as reaching a person, which may be optimistic.',
        '转接目标在运行时计算:按接通人工导入,可能过于乐观。'));
    }
    return this.builder.node(key, this.nodeName(scope.doc, name), node, this.at(scope.doc, element));
  }

  private field(scope: Scope, field: XmlElement, cont: string, key: string, name: string): string {
    const fieldName = attribute(field, 'name') ?? 'value';
    const filled = [...elementsOf(field, 'filled'), ...elementsOf(scope.dialog, 'filled').filter((f) => {
      const names = attribute(f, 'namelist');
      return names === undefined || names.split(/\s+/).includes(fieldName);
    })];
    const promptParts = field.children.filter((c) => c.kind === 'element' && localName(c.name) === 'prompt');
    const common = {
      prompt: this.promptOf(promptParts) ?? '',
      bargeIn: this.bargeIn(promptParts, this.property(scope, 'bargein') !== 'false'),
      timeout: this.timeout(scope, promptParts as XmlElement[]),
    };
    const afterFor = (value: string | undefined): string => {
      const content = filled.flatMap((f) => f.children);
      const known = value === undefined ? undefined : { name: fieldName, value };
      const memo = `${key}\u0000${this.specialisedSignature(content, known)}`;
      const found = this.sequenceMemo.get(memo);
      if (found !== undefined) return found;
      const target = this.sequence({ ...scope, ...(known === undefined ? {} : { known }) }, content, cont, `${key}/filled/${value ?? ''}`);
      this.sequenceMemo.set(memo, target);
      return target;
    };
    const options = elementsOf(field, 'option');
    const type = attribute(field, 'type') ?? '';
    const spec = digitSpec(field);
    const voice = !/^\s*dtmf\s*$/i.test(this.property(scope, 'inputmodes') ?? '');
    let menuOptions: Extract<DraftNode, { type: 'menu' }>['options'] | undefined;
    if (options.length > 0) {
      menuOptions = options.flatMap((option) => {
        const dtmf = attribute(option, 'dtmf');
        const text = textContent(option);
        const value = attribute(option, 'value') ?? text;
        const phrases = voice && text !== '' ? [text] : [];
        if (!isKey(dtmf) && phrases.length === 0) return [];
        return [{ ...(isKey(dtmf) ? { key: dtmf } : {}), ...(phrases.length > 0 ? { phrases } : {}), next: afterFor(value) }];
      });
    } else if (/^boolean/.test(type)) {
      menuOptions = [{ key: '1', phrases: ['yes'], next: afterFor('true') }, { key: '2', phrases: ['no'], next: afterFor('false') }];
    } else if (spec !== undefined && (spec.length === 1 || (spec.length === undefined && spec.maxLength === 1)) && literalsComparedWith(fieldName, filled).length > 0) {
      // A one-key field whose <filled> tests the key: a menu, every digit valid (the grammar takes them all).
      const compared = literalsComparedWith(fieldName, filled);
      const digits: Key[] = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];
      menuOptions = digits.map((digit) => ({ key: digit, next: afterFor(digit), ...(compared.includes(digit) ? {} : { advertised: false }) }));
    }
    if (menuOptions !== undefined) {
      menuOptions.push(...this.linkOptions(scope, menuOptions, voice));
      return this.withHandlers({ ...scope, itemKey: key }, name, { type: 'menu', ...common, options: menuOptions }, key);
    }
    const input: Extract<DraftNode, { type: 'input' }> = { type: 'input', ...common, next: afterFor(undefined) };
    if (spec?.length !== undefined) input.length = spec.length;
    else {
      if (spec === undefined) {
        this.builder.warn(scope.dialogKey, 'vxml_grammar_unknown', this.at(scope.doc, field), message(
          'The grammar of this field is not a digit grammar this import understands (external or speech): any answer is taken, modelled as one digit and the terminator.',
          '该字段的语法不是本导入能理解的数字语法(外部或语音):接受任何回答,按一位数字加结束键建模。'));
      }
      input.minLength = spec?.minLength ?? 1;
      if (spec?.maxLength !== undefined && spec.maxLength >= input.minLength) input.maxLength = spec.maxLength;
      const termchar = spec?.terminator ?? this.property(scope, 'termchar');
      input.terminator = isKey(termchar) ? termchar : '#';
    }
    return this.withHandlers({ ...scope, itemKey: key }, name, input, key);
  }

  /** Which elements a `<filled>` runs for a known value: memo key so equal outcomes share nodes. */
  private specialisedSignature(content: readonly XmlChild[], known: { name: string; value: string } | undefined): string {
    const parts: string[] = [];
    const walk = (children: readonly XmlChild[]): void => {
      for (const child of children) {
        if (child.kind === 'text') continue;
        if (localName(child.name) !== 'if') {
          parts.push(String(this.elementId(child)));
          continue;
        }
        const arms: { cond?: string; body: XmlChild[] }[] = [{ cond: attribute(child, 'cond') ?? 'false', body: [] }];
        for (const c of child.children) {
          if (c.kind === 'element' && ['elseif', 'else'].includes(localName(c.name))) arms.push({ ...(localName(c.name) === 'elseif' ? { cond: attribute(c, 'cond') ?? 'false' } : {}), body: [] });
          else (arms[arms.length - 1] as { body: XmlChild[] }).body.push(c);
        }
        const undecided = arms.some((arm) => arm.cond !== undefined && decideForValue(arm.cond, known) === undefined);
        if (undecided) {
          parts.push(`if${this.elementId(child)}`);
          continue;
        }
        const chosen = arms.find((arm) => arm.cond === undefined || decideForValue(arm.cond, known) === true);
        parts.push('{');
        walk(chosen?.body ?? []);
        parts.push('}');
      }
    };
    walk(content);
    return parts.join(',');
  }

  /** Registers a menu or input with VoiceXML's retry counting: one node when a handler can say it, copies otherwise. */
  private withHandlers(scope: Scope, name: string, base: Extract<DraftNode, { type: 'menu' | 'input' }>, key = scope.dialogKey): string {
    const noInput = this.failureSteps(scope, 'noinput', key);
    const invalid = this.failureSteps(scope, 'nomatch', key);
    const at = this.at(scope.doc, scope.item ?? scope.dialog);
    const copyKey = (i: number, j: number): string => (i === 0 && j === 0 ? key : `${key}/try${i}.${j}`);
    const single = (steps: Step[]): boolean => steps.every((s) => JSON.stringify(s.prompt) === JSON.stringify(steps[0]?.prompt)) && steps.slice(0, -1).every((s) => s.then === undefined);
    if (single(noInput) && single(invalid)) {
      this.builder.node(key, name, { ...base, noInput: this.handler(noInput, noInput.length - 1, key, key), invalid: this.handler(invalid, invalid.length - 1, key, key) }, at);
      return key;
    }
    for (let i = 0; i < noInput.length; i++) {
      for (let j = 0; j < invalid.length; j++) {
        const here = copyKey(i, j);
        const noInputHandler = this.handler(noInput, i, here, copyKey(Math.min(i + 1, noInput.length - 1), j), true);
        const invalidHandler = this.handler(invalid, j, here, copyKey(i, Math.min(j + 1, invalid.length - 1)), true);
        this.builder.node(here, i === 0 && j === 0 ? name : `${name}.retry`, { ...base, noInput: noInputHandler, invalid: invalidHandler }, at);
      }
    }
    return key;
  }

  /**
   * The handler at step `index` of a schedule. One node (`unrolled` false):
   * `index` is the last step, reached after `index` replays. Unrolled copies:
   * the step happens at once, and a replay moves to the next copy.
   */
  private handler(steps: Step[], index: number, self: string, nextCopy: string, unrolled = false) {
    const step = steps[index] as Step;
    const stationary = index === steps.length - 1;
    const prompt = step.prompt === undefined ? {} : { prompt: step.prompt };
    if (step.then !== undefined) return { retries: unrolled ? 0 : index, ...prompt, then: step.then };
    if (stationary) return { retries: FOREVER_RETRIES, ...prompt, then: self };
    return { retries: 0, ...prompt, then: nextCopy };
  }
}

/** Reads our own `<meta name="ivr-menu">`: only known fields, validated later with the whole menu. */
function metadataOf(root: XmlElement): Partial<MenuInput> {
  const meta = elementsOf(root, 'meta').find((m) => attribute(m, 'name') === 'ivr-menu');
  const content = meta === undefined ? undefined : attribute(meta, 'content');
  if (content === undefined) return {};
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch {
    return {};
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return {};
  const picked: Record<string, unknown> = {};
  for (const field of ['id', 'name', 'organization', 'sector', 'phone', 'locale', 'timing', 'hours'] as const) {
    if (Object.hasOwn(data, field)) picked[field] = (data as Record<string, unknown>)[field];
  }
  return picked as Partial<MenuInput>;
}

/** The id of a document's first dialog (`<form>` or `<menu>`), where a link without `#dialog` enters it. */
function firstDialogId(text: string): string | undefined {
  return /<(?:form|menu)\b[^>]*\bid\s*=\s*["']([^"']+)["']/.exec(text)?.[1];
}

/**
 * Documents whose start another document links to, by base name: a `next`
 * or `src` without `#dialog` or to the first dialog, and every
 * `application` root. A link back to a later dialog (`main.vxml#agents`)
 * does not make `main.vxml` a place calls come from elsewhere.
 */
function documentsEnteredFromOthers(files: readonly SourceFile[]): Set<string> {
  const firstDialog = new Map(files.map((file) => [baseName(file.name), firstDialogId(file.text)] as const));
  const entered = new Set<string>();
  for (const file of files) {
    const own = baseName(file.name);
    for (const match of file.text.matchAll(/\b(next|application|src)\s*=\s*["']([^"'#]+)(?:#([^"']*))?["']/g)) {
      const target = baseName(match[2] as string);
      const dialog = match[3];
      const atStart = match[1] === 'application' || dialog === undefined || dialog === '' || dialog === firstDialog.get(target);
      if (target !== own && atStart) entered.add(target);
    }
  }
  return entered;
}

/** The entry of a folder: the one VoiceXML document whose start no other document links to, else the first file. */
function pickVoiceXmlEntry(files: readonly SourceFile[]): number {
  const entered = documentsEnteredFromOthers(files);
  const candidates = files.flatMap((file, index) => (/<vxml[\s>]/.test(file.text.slice(0, 4096)) && !entered.has(baseName(file.name)) ? [index] : []));
  return candidates.length === 1 ? (candidates[0] as number) : 0;
}

export const voiceXmlImporter: Importer = {
  id: 'vxml',
  title: 'VoiceXML 2.x / 1.0 documents',
  detect(files) {
    const text = files[0]?.text.slice(0, 4096) ?? '';
    return /<vxml[\s>]/.test(text) ? 0.95 : /\.vxml$/i.test(files[0]?.name ?? '') ? 0.5 : 0;
  },
  import(files, options?: ImportOptions): ImportResult {
    const reader = new VoiceXmlReader(files, options?.maxBytes);
    const start = reader.compileAll();
    const first = reader.firstDoc;
    const title = elementsOf(first.root, 'meta').find((m) => attribute(m, 'name') === 'title');
    const name = (title === undefined ? undefined : attribute(title, 'content')) ?? first.base;
    const lang = attribute(first.root, 'xml:lang') ?? attribute(first.root, 'lang');
    const result = reader.builder.build({ start, name, file: first.file, ...(lang !== undefined && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? { locale: lang } : {}) });
    return { ...result, menu: { ...result.menu, ...metadataOf(first.root) } };
  },
  pickEntry: pickVoiceXmlEntry,
};
