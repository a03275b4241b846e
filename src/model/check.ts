/**
 * The semantic checks of menu-format.md ("Checking") on a schema-valid menu:
 * errors for what makes a menu meaningless (dangling ids, duplicate keys,
 * unknown schedules or zones, loops without action or time, reserved ids);
 * warnings for what auditors still need to load (unreachable nodes, no way to
 * an agent). Every issue carries its JSON path; the loader adds positions.
 */
import { issue, type Issue, type JsonPath, type Message } from './issues.js';
import { messages } from './messages.js';
import { handlerOf, movesAt, type NodeId } from './moves.js';
import type { Condition, Menu, MenuNodeUnion, Option } from './schema.js';
import { NODE_ID_PATTERN, RESERVED_NODE_IDS } from './schema.js';
import { isKnownTimezone } from './conditions.js';
import { promptMicros } from './timing.js';

interface Reference {
  target: NodeId;
  path: JsonPath;
  /** who names the target, in both languages: `Option 0 of "main" leads to` */
  what: Message;
}

/**
 * Calls `visit` with every node id a node names, in the order of its fields,
 * and the index of the naming field among them: no path or message is built,
 * which on a file of 100,000 menus is most of the checking time.
 */
function forEachTarget(node: MenuNodeUnion, visit: (target: NodeId, field: number) => void): void {
  let field = 0;
  switch (node.type) {
    case 'say':
    case 'input':
      visit(node.next, field++);
      break;
    case 'menu':
      for (const option of node.options) visit(option.next, field++);
      break;
    case 'branch':
      for (const branchCase of node.cases) visit(branchCase.next, field++);
      visit(node.otherwise, field++);
      break;
    case 'agent':
    case 'hangup':
      return;
  }
  if (node.type !== 'menu' && node.type !== 'input') return;
  if (node.invalid?.then !== undefined) visit(node.invalid.then, field++);
  if (node.noInput?.then !== undefined) visit(node.noInput.then, field);
}

/** Every node id a node names, with the path of the naming field. */
export function referencesOf(id: NodeId, node: MenuNodeUnion): Reference[] {
  const base: JsonPath = ['nodes', id];
  const refs: Reference[] = [];
  const handlerRefs = (kind: 'invalid' | 'noInput') => {
    const then = node.type === 'menu' || node.type === 'input' ? node[kind]?.then : undefined;
    if (then !== undefined) refs.push({ target: then, path: [...base, kind, 'then'], what: { en: `The ${kind} handler of "${id}" goes to`, 'zh-CN': `节点 "${id}" 的 ${kind} 处理器指向` } });
  };
  switch (node.type) {
    case 'say':
    case 'input':
      refs.push({ target: node.next, path: [...base, 'next'], what: { en: `Node "${id}" goes next to`, 'zh-CN': `节点 "${id}" 的下一步指向` } });
      break;
    case 'menu':
      node.options.forEach((option, index) =>
        refs.push({ target: option.next, path: [...base, 'options', index, 'next'], what: { en: `Option ${index} of "${id}" leads to`, 'zh-CN': `节点 "${id}" 的第 ${index} 个选项指向` } }));
      break;
    case 'branch':
      node.cases.forEach((branchCase, index) =>
        refs.push({ target: branchCase.next, path: [...base, 'cases', index, 'next'], what: { en: `Case ${index} of "${id}" leads to`, 'zh-CN': `节点 "${id}" 的第 ${index} 个分支指向` } }));
      refs.push({ target: node.otherwise, path: [...base, 'otherwise'], what: { en: `The "otherwise" of "${id}" leads to`, 'zh-CN': `节点 "${id}" 的 "otherwise" 指向` } });
      break;
    case 'agent':
    case 'hangup':
      break;
  }
  handlerRefs('invalid');
  handlerRefs('noInput');
  return refs;
}

function hasNode(menu: Menu, id: string): boolean {
  return Object.hasOwn(menu.nodes, id);
}

/** The closest id by edit distance, when it is close enough to be a likely typo. */
export function suggest(target: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(target.length / 3)) + 1;
  let checked = 0;
  for (const candidate of candidates) {
    if (++checked > 5000) break; // a suggestion is a courtesy, not worth quadratic time on huge files
    const distance = editDistance(target.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function checkIds(ids: readonly NodeId[], out: Issue[]): void {
  for (const id of ids) {
    if (!NODE_ID_PATTERN.test(id) || RESERVED_NODE_IDS.includes(id)) out.push(issue('invalid_node_id', ['nodes', id], messages.invalid_node_id(id)));
  }
}

function checkReferences(menu: Menu, ids: readonly NodeId[], out: Issue[]): void {
  if (!hasNode(menu, menu.start)) {
    out.push(issue('unknown_node', ['start'], messages.unknown_node({ en: '"start" names', 'zh-CN': '"start" 指向' }, menu.start, suggest(menu.start, ids))));
  }
  for (const id of ids) {
    const node = menu.nodes[id] as MenuNodeUnion;
    // The reference (path and message) is built only for a target that is missing.
    forEachTarget(node, (target, field) => {
      if (hasNode(menu, target)) return;
      const ref = referencesOf(id, node)[field] as Reference;
      out.push(issue('unknown_node', ref.path, messages.unknown_node(ref.what, ref.target, suggest(ref.target, ids))));
    });
  }
}

/** The index of the first option before `index` with the same key, or -1 (a menu has a dozen options at most in practice). */
function earlierKey(options: readonly Option[], index: number): number {
  const key = (options[index] as Option).key;
  for (let earlier = 0; earlier < index; earlier++) if ((options[earlier] as Option).key === key) return earlier;
  return -1;
}

/** An input with `length` and also `minLength`/`maxLength`: `length` fixes the entry, the others are ignored. */
function checkInputLengths(menu: Menu, ids: readonly NodeId[], out: Issue[]): void {
  for (const id of ids) {
    const node = menu.nodes[id] as MenuNodeUnion;
    if (node.type !== 'input' || node.length === undefined) continue;
    for (const field of ['minLength', 'maxLength'] as const) {
      const value = node[field];
      if (value !== undefined) out.push(issue('ignored_length', ['nodes', id, field], messages.ignored_length(field, value, node.length), 'warning'));
    }
  }
}

function checkOptions(menu: Menu, ids: readonly NodeId[], out: Issue[]): void {
  for (const id of ids) {
    const node = menu.nodes[id] as MenuNodeUnion;
    if (node.type !== 'menu') continue;
    let phrases: Map<string, number> | undefined;
    node.options.forEach((option, index) => {
      const first = option.key === undefined ? -1 : earlierKey(node.options, index);
      if (option.key !== undefined && first >= 0) out.push(issue('duplicate_key', ['nodes', id, 'options', index, 'key'], messages.duplicate_key(option.key, first)));
      if (option.phrases !== undefined) phrases ??= new Map();
      option.phrases?.forEach((phrase, phraseIndex) => {
        if (phrases === undefined) return;
        const normal = phrase.trim().toLowerCase();
        const first = phrases.get(normal);
        if (first === undefined) phrases.set(normal, index);
        else if (first !== index) {
          out.push(issue('duplicate_phrase', ['nodes', id, 'options', index, 'phrases', phraseIndex], messages.duplicate_phrase(phrase, first), 'warning'));
        }
      });
    });
  }
}

function schedulesIn(condition: Condition, path: JsonPath, found: { name: string; path: JsonPath }[]): void {
  if ('open' in condition) found.push({ name: condition.open, path: [...path, 'open'] });
  else if ('not' in condition) schedulesIn(condition.not, [...path, 'not'], found);
  else if ('all' in condition) condition.all.forEach((c, i) => schedulesIn(c, [...path, 'all', i], found));
  else if ('any' in condition) condition.any.forEach((c, i) => schedulesIn(c, [...path, 'any', i], found));
}

let canonicalZones: ReadonlySet<string> | undefined;

/**
 * True when Node knows a time zone. The canonical list answers most names in
 * about a millisecond; building a formatter (isKnownTimezone, for aliases
 * such as UTC) loads the zone data, some 15 ms of `ivr escape`'s start.
 */
function timezoneKnown(timezone: string): boolean {
  canonicalZones ??= new Set(Intl.supportedValuesOf('timeZone'));
  return canonicalZones.has(timezone) || isKnownTimezone(timezone);
}

function checkSchedules(menu: Menu, ids: readonly NodeId[], out: Issue[]): void {
  const known = Object.keys(menu.hours ?? {});
  for (const [name, schedule] of Object.entries(menu.hours ?? {})) {
    if (!timezoneKnown(schedule.timezone)) out.push(issue('unknown_timezone', ['hours', name, 'timezone'], messages.unknown_timezone(schedule.timezone)));
    schedule.open.forEach((interval, index) => {
      if (interval.from === interval.to) out.push(issue('empty_interval', ['hours', name, 'open', index], messages.empty_interval()));
    });
  }
  for (const id of ids) {
    const node = menu.nodes[id] as MenuNodeUnion;
    if (node.type !== 'branch') continue;
    const used: { name: string; path: JsonPath }[] = [];
    node.cases.forEach((branchCase, index) => schedulesIn(branchCase.when, ['nodes', id, 'cases', index, 'when'], used));
    for (const { name, path } of used) {
      if (!Object.hasOwn(menu.hours ?? {}, name)) out.push(issue('unknown_schedule', path, messages.unknown_schedule(name, known)));
    }
  }
}

/**
 * Edges that take no time and no caller action, whatever the moment: a
 * branch to any of its targets, a silent `say`, and a no-input `then` that
 * fires with no prompt and no timeout. A cycle of them would spin forever.
 */
function silentSuccessors(menu: Menu, node: MenuNodeUnion): NodeId[] {
  switch (node.type) {
    case 'branch':
      return [...node.cases.map((c) => c.next), node.otherwise];
    case 'say':
      return promptMicros(node.prompt, menu.timing) === 0 ? [node.next] : [];
    case 'menu':
    case 'input': {
      // Without a `then` there is no silent edge, whatever the wait costs: the moves are not needed.
      const then = handlerOf(node, 'noInput').then;
      if (then === undefined) return [];
      const wait = movesAt(node, menu.timing).find((move) => move.do === 'wait');
      return wait !== undefined && wait.micros === 0 ? [then] : [];
    }
    case 'agent':
    case 'hangup':
      return [];
  }
}

function checkSilentLoops(menu: Menu, ids: readonly NodeId[], out: Issue[]): void {
  // Iterative depth-first search: a long chain of branches must not overflow the call stack.
  const state = new Map<NodeId, 'open' | 'done'>();
  for (const root of ids) {
    if (state.has(root)) continue;
    const successors = silentSuccessorsOf(menu, root);
    // Most nodes have no silent edge at all: no search to start, nothing to
    // remember (a search that reaches one later finds it has no successors).
    if (successors.length === 0) continue;
    const path: NodeId[] = [root];
    const pending: NodeId[][] = [successors];
    state.set(root, 'open');
    while (path.length > 0) {
      const next = (pending[pending.length - 1] as NodeId[]).pop();
      if (next === undefined) {
        state.set(path.pop() as NodeId, 'done');
        pending.pop();
      } else if (state.get(next) === 'open') {
        out.push(issue('silent_loop', ['nodes', next], messages.silent_loop([...path.slice(path.indexOf(next)), next])));
      } else if (!state.has(next)) {
        state.set(next, 'open');
        path.push(next);
        pending.push(silentSuccessorsOf(menu, next));
      }
    }
  }
}

function silentSuccessorsOf(menu: Menu, id: NodeId): NodeId[] {
  const node = menu.nodes[id];
  return node === undefined ? [] : silentSuccessors(menu, node).filter((next) => hasNode(menu, next));
}

/** Nodes reachable from start by any option, handler or branch, whatever the moment. */
export function reachableNodes(menu: Menu): Set<NodeId> {
  const seen = new Set<NodeId>();
  if (!hasNode(menu, menu.start)) return seen;
  const queue: NodeId[] = [menu.start];
  seen.add(menu.start);
  for (let head = 0; head < queue.length; head++) {
    const node = menu.nodes[queue[head] as NodeId];
    if (node === undefined) continue;
    forEachTarget(node, (target) => {
      if (!seen.has(target) && hasNode(menu, target)) {
        seen.add(target);
        queue.push(target);
      }
    });
  }
  return seen;
}

function checkReachability(menu: Menu, ids: readonly NodeId[], out: Issue[]): void {
  const reachable = reachableNodes(menu);
  if (reachable.size === 0) return;
  let agentReachable = false;
  for (const id of ids) {
    if (!reachable.has(id)) out.push(issue('unreachable_node', ['nodes', id], messages.unreachable_node(id), 'warning'));
    else if ((menu.nodes[id] as MenuNodeUnion).type === 'agent') agentReachable = true;
  }
  if (!agentReachable) out.push(issue('no_agent', ['nodes'], messages.no_agent(), 'warning'));
}

/** All semantic problems of a schema-valid menu, errors and warnings. */
export function checkMenu(menu: Menu): Issue[] {
  const out: Issue[] = [];
  const ids = Object.keys(menu.nodes);
  checkIds(ids, out);
  checkReferences(menu, ids, out);
  checkOptions(menu, ids, out);
  checkInputLengths(menu, ids, out);
  checkSchedules(menu, ids, out);
  checkSilentLoops(menu, ids, out);
  // With a dangling reference, "unreachable" and "no agent" are echoes of that error, not news.
  if (!out.some((problem) => problem.code === 'unknown_node')) checkReachability(menu, ids, out);
  return out;
}
