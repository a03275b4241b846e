/**
 * What every importer needs to assemble an `ivr-menu/1` document: a draft
 * graph keyed by source elements (widget names, action ids, form items),
 * turned into nodes with unique slug ids; pass-through elements that cost the
 * caller nothing; platform loop counters unrolled into copies of the nodes
 * they guard (so the menu counts the way the platform does); call state
 * that a later node reads (Connect's target queue) carried the same way;
 * prompts with
 * markup and templates stripped to words; provenance in `source.notes`.
 * Only elements reachable from the start become nodes, and only their
 * warnings are reported.
 */
import { FORMAT_ID, NODE_ID_PATTERN, RESERVED_NODE_IDS, type MenuInput, type Prompt } from '../model/index.js';
import type { FormatId, ImportResult, ImportWarning, SourceLocation } from './importer.js';

/** A node as written in a menu file, whose references name draft keys instead of node ids. */
export type DraftNode = MenuInput['nodes'][string];
type Message = ImportWarning['message'];

/** A node made from one variable of the call state (Connect's target queue), set by `assign` on the way. */
export interface Fill {
  reads: string;
  make: (value: string | undefined) => DraftNode;
}

type Draft =
  | { kind: 'node'; name: string; node: DraftNode; at: SourceLocation; fill?: Fill }
  | { kind: 'pass'; next: string; at: SourceLocation }
  | { kind: 'assign'; variable: string; value: string; next: string; at: SourceLocation }
  | { kind: 'counter'; name: string; limit: number; again: string; done: string; at: SourceLocation };

/** Beyond this many unrolled nodes, loop counters are no longer unrolled (the loop is taken as done). */
const MAX_UNROLLED_NODES = 4000;

/** Calls `rewrite` on every node reference of a draft node; exhaustive over node types. */
function mapReferences(node: DraftNode, rewrite: (ref: string) => string): DraftNode {
  const handler = <H extends { then?: string | undefined } | undefined>(h: H): H =>
    h === undefined || h.then === undefined ? h : { ...h, then: rewrite(h.then) };
  switch (node.type) {
    case 'say':
      return { ...node, next: rewrite(node.next) };
    case 'input':
      return { ...node, next: rewrite(node.next), invalid: handler(node.invalid), noInput: handler(node.noInput) };
    case 'menu':
      return {
        ...node,
        options: node.options.map((option) => ({ ...option, next: rewrite(option.next) })),
        invalid: handler(node.invalid),
        noInput: handler(node.noInput),
      };
    case 'branch':
      return { ...node, cases: node.cases.map((c) => ({ ...c, next: rewrite(c.next) })), otherwise: rewrite(node.otherwise) };
    case 'agent':
    case 'hangup':
      return node;
  }
}

/** A node id made from a source name: letters, digits, `_ . -`, never reserved. */
export function nodeIdFrom(name: string): string {
  let id = name.normalize('NFKD').replace(/[^A-Za-z0-9_.-]+/g, '_').replace(/^_+(?=.)/, '');
  if (!/^[A-Za-z_]/.test(id)) id = `n${id}`;
  if (RESERVED_NODE_IDS.includes(id)) id = `${id}_`;
  return NODE_ID_PATTERN.test(id) ? id : 'node';
}

/** A menu id (`^[a-z0-9][a-z0-9-]*$`) from a flow or file name. */
export function menuIdFrom(name: string): string {
  const slug = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\.[a-z0-9]+$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'imported-menu' : slug.slice(0, 80).replace(/-+$/, '');
}

/** Removes everything from `open` to the matching `close` (templates are never evaluated, only dropped). */
function removeBetween(text: string, open: string, close: string): { text: string; found: boolean } {
  let out = '';
  let from = 0;
  let found = false;
  for (;;) {
    const start = text.indexOf(open, from);
    if (start === -1) break;
    const end = text.indexOf(close, start + open.length);
    if (end === -1) break;
    out += `${text.slice(from, start)} `;
    from = end + close.length;
    found = true;
  }
  return { text: out + text.slice(from), found };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** SSML or other markup to the words a caller hears. */
export function stripMarkup(text: string): string {
  return removeBetween(text, '<', '>')
    .text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => XML_ENTITIES[name] ?? '')
    .replace(/\s+/g, ' ')
    .replace(/ ([.,;:!?])/g, '$1')
    .trim();
}

/** Drops Liquid (`{{ }}`, `{% %}`) and Terraform/Connect (`${ }`) templates; says whether any was found. */
export function stripTemplates(text: string): { text: string; templated: boolean } {
  let found = false;
  let current = text;
  for (const [open, close] of [['{{', '}}'], ['{%', '%}'], ['${', '}']] as const) {
    const result = removeBetween(current, open, close);
    current = result.text;
    found ||= result.found;
  }
  return { text: current.replace(/\s+/g, ' ').trim(), templated: found };
}

/**
 * A spoken prompt from source text (SSML and templates stripped). Text that
 * was only a template becomes a prompt of unknown length (`{}`), so figures
 * that depend on it are marked estimated.
 */
export function spokenPrompt(source: string, repeat = 1): { prompt: Prompt; templated: boolean } {
  const { text, templated } = stripTemplates(stripMarkup(source));
  if (text === '') return { prompt: {}, templated };
  const times = Math.max(1, Math.min(10, Math.floor(repeat)));
  return { prompt: Array.from({ length: times }, () => text).join(' '), templated };
}

/** An audio prompt: its file name, and its length when the source gives one. */
export function audioPrompt(audio: string, seconds?: number): Prompt {
  return seconds === undefined ? { audio } : { audio, seconds };
}

export function message(en: string, zh: string): Message {
  return { en, 'zh-CN': zh };
}

function formatLocation(at: SourceLocation): string {
  const where = [at.file, at.line, at.column].filter((part) => part !== undefined).join(':');
  return at.element === undefined ? where : `${where}  ${at.element}`;
}

export interface BuildOptions {
  start: string;
  /** the flow's human name (or the file name) */
  name: string;
  /** the entry file */
  file: string;
  locale?: string;
}

/**
 * Collects drafts keyed by source element, then builds the menu from the
 * start: references to missing elements become located hang-ups, loop
 * counters are unrolled, and every node gets a unique readable id.
 */
export class MenuBuilder {
  private readonly drafts = new Map<string, Draft>();
  private readonly warningsOf = new Map<string, ImportWarning[]>();
  private readonly general: ImportWarning[] = [];

  constructor(
    readonly format: FormatId,
    readonly title: string,
  ) {}

  has(key: string): boolean {
    return this.drafts.has(key);
  }

  /**
   * A node for a source element; its references name other draft keys.
   * With `fill`, the node is made from the variable's value on the way there
   * (one copy per value that reaches it).
   */
  node(key: string, name: string, node: DraftNode, at: SourceLocation, fill?: Fill): string {
    return this.add(key, { kind: 'node', name, node, at, ...(fill !== undefined ? { fill } : {}) });
  }

  /** An element that sets call state (Connect's `UpdateContactTargetQueue`) and goes on to `next`. */
  assign(key: string, variable: string, value: string, next: string, at: SourceLocation): string {
    return this.add(key, { kind: 'assign', variable, value, next, at });
  }

  /** An element that changes nothing the caller hears or does (logging, attributes, voice). */
  pass(key: string, next: string, at: SourceLocation): string {
    return this.add(key, { kind: 'pass', next, at });
  }

  /**
   * A platform loop counter: the first `limit` arrivals go to `again`, the
   * next goes to `done` and resets it (Connect `Loop`, VoiceXML counts).
   */
  counter(key: string, name: string, limit: number, again: string, done: string, at: SourceLocation): string {
    return this.add(key, { kind: 'counter', name, limit, again, done, at });
  }

  /**
   * A key stands for one element: drafting it again the same way is
   * harmless (FreeSWITCH drafts a terminal app once per menu pass), but a
   * different draft under the same key would silently send every reference
   * to whichever came last, an importer bug rather than a property of the input.
   */
  private add(key: string, draft: Draft): string {
    const earlier = this.drafts.get(key);
    if (earlier !== undefined && JSON.stringify(earlier) !== JSON.stringify(draft)) {
      throw new Error(`internal error: the importer drafted "${key}" twice, differently`);
    }
    this.drafts.set(key, draft);
    return key;
  }

  /** A hang-up node for an edge that leads nowhere; made once per key. */
  ending(key: string, name: string, reason: string, at: SourceLocation): string {
    if (!this.drafts.has(key)) this.node(key, name, { type: 'hangup', reason }, at);
    return key;
  }

  /** A warning about an element; reported only if the element is reachable. Without a key, always reported. */
  warn(key: string | undefined, code: string, at: SourceLocation, text: Message): void {
    const warning: ImportWarning = { code, message: text, at };
    if (key === undefined) {
      this.general.push(warning);
      return;
    }
    const list = this.warningsOf.get(key) ?? [];
    list.push(warning);
    this.warningsOf.set(key, list);
  }

  build(options: BuildOptions): ImportResult {
    const materialised = new Materialiser(this.drafts, (key, code, at, text) => this.warn(key, code, at, text)).run(options.start);
    const warnings = [...this.general];
    for (const key of materialised.reachedKeys) warnings.push(...(this.warningsOf.get(key) ?? []));
    const menu: MenuInput = {
      format: FORMAT_ID,
      id: menuIdFrom(options.name),
      name: options.name,
      locale: options.locale ?? 'en-US',
      source: { notes: this.notes(options, warnings, this.filesOf(materialised.reachedKeys)) },
      start: materialised.start,
      nodes: materialised.nodes,
    };
    return { menu, warnings };
  }

  /** The source files of the elements a call can reach: what the menu was built from. */
  private filesOf(keys: ReadonlySet<string>): string[] {
    const files = new Set<string>();
    for (const key of keys) {
      const file = this.drafts.get(key)?.at.file;
      if (file !== undefined && file !== '') files.add(file);
    }
    return [...files];
  }

  private notes(options: BuildOptions, warnings: ImportWarning[], files: readonly string[]): string {
    const others = files.filter((file) => file !== options.file);
    const from = others.length === 0 ? `file ${options.file}` : `files ${options.file} (entry), ${others.join(', ')}`;
    const lines = [`Imported by ivr import from ${this.title} (${this.format}): ${from}, flow "${options.name}".`];
    if (warnings.length === 0) lines.push('No warnings.');
    else lines.push(`${warnings.length} warning${warnings.length > 1 ? 's' : ''}:`, ...warnings.map((w) => `${formatLocation(w.at)}  ${w.message.en}`));
    return lines.join('\n');
  }
}

type Counters = readonly (readonly [string, number])[];
/** Where the walk is: loop counters and the call state, both sorted by name so equal states compare equal. */
interface WalkState {
  counters: Counters;
  values: readonly (readonly [string, string])[];
}
const byName = <T extends readonly [string, unknown]>([a]: T, [b]: T): number => (a < b ? -1 : a > b ? 1 : 0);
type Warn = (key: string | undefined, code: string, at: SourceLocation, text: Message) => void;

/** The draft keys a draft leads to. */
function successors(draft: Draft): string[] {
  switch (draft.kind) {
    case 'node': {
      const refs: string[] = [];
      mapReferences(draft.node, (ref) => {
        refs.push(ref);
        return ref;
      });
      return refs;
    }
    case 'pass':
    case 'assign':
      return [draft.next];
    case 'counter':
      return [draft.again, draft.done];
  }
}

/**
 * For each variable some node reads, the draft keys where its value still
 * matters: the readers, and every key that leads to one without passing an
 * `assign` of that variable (a backward walk from the readers).
 */
function liveVariables(drafts: ReadonlyMap<string, Draft>): Map<string, Set<string>> {
  const predecessors = new Map<string, string[]>();
  for (const [key, draft] of drafts) {
    for (const next of successors(draft)) predecessors.set(next, [...(predecessors.get(next) ?? []), key]);
  }
  const live = new Map<string, Set<string>>();
  for (const [key, draft] of drafts) {
    if (draft.kind !== 'node' || draft.fill === undefined) continue;
    const variable = draft.fill.reads;
    const keys = live.get(variable) ?? new Set<string>();
    live.set(variable, keys);
    const pending = [key];
    for (let at = pending.pop(); at !== undefined; at = pending.pop()) {
      if (keys.has(at)) continue;
      keys.add(at);
      for (const before of predecessors.get(at) ?? []) {
        const previous = drafts.get(before);
        if (!(previous?.kind === 'assign' && previous.variable === variable)) pending.push(before);
      }
    }
  }
  return live;
}

/** Walks the drafts from the start; a state is a draft key plus the loop counters on the way there. */
class Materialiser {
  readonly nodes: Record<string, DraftNode> = {};
  readonly reachedKeys = new Set<string>();
  private readonly idOfState = new Map<string, string>();
  private readonly usedIds = new Set<string>();
  private readonly queue: { key: string; state: WalkState; id: string }[] = [];
  private capped = false;

  /** variable → the draft keys from which a node reading it can be reached before it is set again */
  private readonly live: ReadonlyMap<string, ReadonlySet<string>>;

  constructor(
    private readonly drafts: ReadonlyMap<string, Draft>,
    private readonly warn: Warn,
  ) {
    this.live = liveVariables(drafts);
  }

  run(startKey: string): { start: string; nodes: Record<string, DraftNode>; reachedKeys: Set<string> } {
    const start = this.reference(startKey, { counters: [], values: [] }, { file: '' });
    for (let item = this.queue.shift(); item !== undefined; item = this.queue.shift()) {
      const draft = this.drafts.get(item.key);
      if (draft?.kind !== 'node') continue;
      const state = item.state;
      const node = draft.fill === undefined ? draft.node : draft.fill.make(state.values.find(([name]) => name === draft.fill?.reads)?.[1]);
      this.nodes[item.id] = mapReferences(node, (ref) => this.reference(ref, state, draft.at));
    }
    return { start, nodes: this.nodes, reachedKeys: this.reachedKeys };
  }

  /** The node id a reference leads to, following pass-throughs and counters. */
  private reference(key: string, start: WalkState, from: SourceLocation): string {
    let current = key;
    let state = start;
    const seen = new Set<string>();
    for (;;) {
      const draft = this.drafts.get(current);
      // A value nobody reads any more is forgotten, so it does not split the nodes after it into copies.
      if (state.values.some(([name]) => this.live.get(name)?.has(current) !== true)) {
        state = { ...state, values: state.values.filter(([name]) => this.live.get(name)?.has(current) === true) };
      }
      const stateKey = `${current}\u0000${JSON.stringify(state)}`;
      if (draft === undefined) return this.missing(current, from);
      this.reachedKeys.add(current);
      if (seen.has(stateKey)) return this.stuck(current, draft.at);
      seen.add(stateKey);
      if (draft.kind === 'node') return this.idFor(current, state, draft.name, stateKey);
      if (draft.kind === 'pass') {
        current = draft.next;
        continue;
      }
      if (draft.kind === 'assign') {
        const values = [...state.values.filter(([name]) => name !== draft.variable), [draft.variable, draft.value] as const].sort(byName);
        state = { ...state, values };
        current = draft.next;
        continue;
      }
      const count = state.counters.find(([name]) => name === current)?.[1] ?? 0;
      const others = state.counters.filter(([name]) => name !== current);
      if (count < draft.limit && !this.capped) {
        state = { ...state, counters: [...others, [current, count + 1] as const].sort(byName) };
        current = draft.again;
      } else {
        state = { ...state, counters: others };
        current = draft.done;
      }
    }
  }

  private idFor(key: string, state: WalkState, name: string, stateKey: string): string {
    const known = this.idOfState.get(stateKey);
    if (known !== undefined) return known;
    const passes = state.counters.reduce((sum, [, n]) => sum + n, 0);
    const id = this.uniqueId(passes === 0 ? nodeIdFrom(name) : `${nodeIdFrom(name)}.again${passes}`);
    this.idOfState.set(stateKey, id);
    this.queue.push({ key, state, id });
    if (!this.capped && this.idOfState.size > MAX_UNROLLED_NODES) {
      this.capped = true;
      this.warn(undefined, 'unroll_limit', { file: '' }, message(
        `Loop counters would need more than ${MAX_UNROLLED_NODES} nodes; further loops are taken as done at once.`,
        `展开循环计数器需要超过 ${MAX_UNROLLED_NODES} 个节点;其余循环按立即结束处理。`));
    }
    return id;
  }

  private uniqueId(base: string): string {
    let id = base;
    for (let n = 2; this.usedIds.has(id); n++) id = `${base}-${n}`;
    this.usedIds.add(id);
    return id;
  }

  /** A reference to an element that does not exist: the call ends there, and the user is told. */
  private missing(key: string, from: SourceLocation): string {
    const stateKey = `missing\u0000${key}`;
    const known = this.idOfState.get(stateKey);
    if (known !== undefined) return known;
    const id = this.uniqueId(nodeIdFrom(`missing_${key}`));
    this.idOfState.set(stateKey, id);
    this.nodes[id] = { type: 'hangup', reason: `broken reference to "${key}"` };
    this.warn(undefined, 'broken_reference', from, message(
      `This leads to "${key}", which does not exist in the flow: imported as a hang-up.`,
      `此处指向流程中不存在的 "${key}":按挂断导入。`));
    return id;
  }

  /** Pass-throughs or counters that loop among themselves forever: the platform would stop the call. */
  private stuck(key: string, at: SourceLocation): string {
    const id = this.uniqueId(nodeIdFrom(`stuck_${key}`));
    this.nodes[id] = { type: 'hangup', reason: 'a loop of blocks that never waits for the caller' };
    this.warn(undefined, 'endless_loop', at, message(
      'These blocks loop forever without playing anything or waiting for the caller: imported as a hang-up.',
      '这些模块无限循环,既不播放也不等待来电者:按挂断导入。'));
    return id;
  }
}
