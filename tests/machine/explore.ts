/**
 * Test helper: which nodes a caller can enter, found by driving a real call
 * session. Breadth-first over settled call states; each step is either one
 * caller event followed by the press it starts, or letting the next timer
 * fire. A state is re-created by replaying its steps from a fresh call.
 */
import { freeKeys, holds, inputDigits, type Key, referencesOf, UNRECOGNISED_WORD, type Menu, type MenuNodeUnion, type NodeId, type Situation } from '../../src/model/index.js';
import { startCall, type CallEvent, type CallSession } from '../../src/machine/index.js';

/** One step: caller events in turn, each followed by the press it starts; or letting the next timer fire. */
type Step = CallEvent[] | 'advance';

const key = (k: Key): CallEvent => ({ type: 'KEY', key: k });

/**
 * A few steps that stand for all the others at a node: every option, one
 * invalid key and one unknown word at a menu; at an input (before any digit)
 * a whole valid entry, one lone digit (left to time out) and `*`.
 */
function candidateSteps(node: MenuNodeUnion | undefined, digitsCollected: number): CallEvent[][] {
  switch (node?.type) {
    case 'say':
      return [[key('#')]];
    case 'menu': {
      const events: CallEvent[] = node.options.flatMap((option) => [
        ...(option.key === undefined ? [] : [key(option.key)]),
        ...(option.phrases === undefined ? [] : [{ type: 'SAY' as const, phrase: option.phrases[0] ?? '' }]),
      ]);
      const free = freeKeys(node)[0];
      if (free !== undefined) events.push(key(free));
      events.push({ type: 'SAY', phrase: UNRECOGNISED_WORD });
      return events.map((event) => [event]);
    }
    case 'input': {
      if (digitsCollected > 0) return [];
      const { digits, terminator } = inputDigits(node);
      const entry = [...Array.from({ length: digits }, () => key('1')), ...(terminator === undefined ? [] : [key(terminator)])];
      return [entry, [key('1')], [key('*')]];
    }
    default:
      return [];
  }
}

function stateKey(call: CallSession): string {
  const view = call.view();
  return [view.node, view.phase, view.failure, view.invalidCount, view.noInputCount, view.digits?.length, view.outcome?.type].join('|');
}

function apply(call: CallSession, step: Step): boolean {
  if (step === 'advance') return call.advanceToNextChange();
  for (const event of step) {
    if (call.send(event) !== 'accepted') return false;
    call.advanceToNextChange(); // the press or phrase runs to its end
  }
  return true;
}

/**
 * Nodes entered by some event sequence, within `maxStates` distinct call
 * states; the search stops early once every node of `wanted` is entered.
 */
export function enteredNodes(menu: Menu, situation: Situation, wanted?: ReadonlySet<NodeId>, maxStates = 4000): Set<NodeId> {
  const entered = new Set<NodeId>();
  const seen = new Set<string>();
  const queue: Step[][] = [[]];
  for (let head = 0; head < queue.length && seen.size < maxStates; head++) {
    const path = queue[head] as Step[];
    const call = startCall(menu, situation);
    if (!path.every((step) => apply(call, step))) continue;
    for (const entry of call.log()) if (entry.kind === 'enter') entered.add(entry.node);
    if (wanted !== undefined && [...wanted].every((id) => entered.has(id))) break;
    const key = stateKey(call);
    if (seen.has(key)) continue;
    seen.add(key);
    if (call.view().phase === 'ended') continue;
    const view = call.view();
    for (const step of [...candidateSteps(menu.nodes[view.node], view.digits?.length ?? 0), 'advance' as const]) queue.push([...path, step]);
  }
  return entered;
}

/** Nodes the menu's references reach when each branch goes where the situation sends it. */
export function expectedNodes(menu: Menu, situation: Situation): Set<NodeId> {
  const seen = new Set<NodeId>([menu.start]);
  const queue = [menu.start];
  for (let head = 0; head < queue.length; head++) {
    const id = queue[head] as NodeId;
    const node = menu.nodes[id];
    if (node === undefined) continue;
    const targets = node.type === 'branch'
      ? [node.cases.find((branchCase) => holds(branchCase.when, menu.hours, situation))?.next ?? node.otherwise]
      : referencesOf(id, node).map((ref) => ref.target);
    for (const next of targets) {
      if (!seen.has(next) && Object.hasOwn(menu.nodes, next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}
