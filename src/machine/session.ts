/**
 * A call in progress: the XState actor of a menu on a simulated microsecond
 * clock, with a view for screens and a log of what happened. The session
 * adds no semantics of its own: acceptance is `snapshot.can(event)`, every
 * transition is the machine's; the session only moves time and watches.
 *
 * Time rule: timers due at the current moment fire before an event sent at
 * that moment is considered, so a key sent just as a prompt ends meets the
 * phase after the prompt. The one exception is the no-input timeout: a key
 * sent at the very moment it falls due counts (the clock is held whenever
 * the call starts waiting for the caller), so a timeout of 0 s still lets
 * the caller act, as the configuration graph assumes.
 */
import { createActor, type AnyActorRef, type AnyMachineSnapshot, type InspectionEvent } from 'xstate';
import {
  handlerOf, promptText,
  type FailureKind, type Menu, type MenuNodeUnion, type Micros, type NodeId, type NodeType, type Situation,
} from '../model/index.js';
import { buildMachine } from './build.js';
import { MicrosClock } from './clock.js';
import type { CallEvent } from './events.js';
import type { CallContext } from './implementations.js';

export type CallPhase = 'prompt' | 'waiting' | 'pressing' | 'failure' | 'ended';

export interface CallOutcome {
  type: 'agent' | 'hangup';
  node: NodeId;
  reason?: string;
  /** when the call ended: for an agent, the menu time (its prompt included) */
  menuMicros: Micros;
}

export interface CallView {
  node: NodeId;
  nodeType: NodeType;
  phase: CallPhase;
  /** in the `failure` phase: which handler is playing */
  failure?: FailureKind;
  /** the words playing now: the node's prompt, or the handler's prompt in a failure */
  promptText: string;
  phaseStartedAt: Micros;
  /** when the phase's timer fires; absent once the call has ended */
  phaseEndsAt?: Micros;
  invalidCount: number;
  noInputCount: number;
  /** the retries of the node's handlers (0 at nodes without handlers) */
  invalidRetries: number;
  noInputRetries: number;
  acceptsKeys: boolean;
  acceptsSpeech: boolean;
  /** digits collected so far, at an `input` */
  digits?: string;
  /** grows by one at every node entry and every replay of a node */
  visit: number;
  outcome?: CallOutcome;
}

export type CallLogKind = 'enter' | 'key' | 'say' | 'hangup' | 'ignored' | 'invalid' | 'noInput' | 'replay' | 'end';

export interface CallLogEntry {
  at: Micros;
  node: NodeId;
  kind: CallLogKind;
  key?: string;
  phrase?: string;
  /** at `end`: the outcome */
  outcome?: CallOutcome;
}

export type SendResult = 'accepted' | 'ignored' | 'ended';

export interface CallSession {
  /** simulated time since the call started */
  now(): Micros;
  view(): CallView;
  send(event: CallEvent): SendResult;
  /** moves time on, firing due timers in order */
  advanceBy(micros: Micros): void;
  /** when the next timer fires; undefined once the call has ended */
  nextChangeAt(): Micros | undefined;
  /** moves time to the next timer; false when the call has ended */
  advanceToNextChange(): boolean;
  subscribe(listener: () => void): () => void;
  log(): CallLogEntry[];
}

type Snapshot = AnyMachineSnapshot & { context: CallContext };

const PHASES: Record<string, CallPhase> = { prompt: 'prompt', waiting: 'waiting', pressing: 'pressing', invalid: 'failure', noInput: 'failure' };

/** The child state (phase key) of the node being played, or undefined at a branch or the end. */
function phaseKey(snapshot: Snapshot): string | undefined {
  const value: unknown = snapshot.value;
  if (typeof value !== 'object' || value === null) return undefined;
  const phase = Object.values(value)[0];
  return typeof phase === 'string' ? phase : undefined;
}

function nodePrompt(node: MenuNodeUnion | undefined): string {
  return node !== undefined && 'prompt' in node ? promptText(node.prompt) : '';
}

class Session implements CallSession {
  private readonly clock = new MicrosClock();
  private readonly actor: AnyActorRef;
  private readonly entries: CallLogEntry[] = [];
  private phaseStartedAt: Micros = 0;
  private visit = 0;
  private lastSeen = { entries: 0, phase: '', invalid: 0, noInput: 0, digits: 0 };
  private endedAt: Micros | undefined;

  constructor(private readonly menu: Menu, situation: Situation) {
    const machine = buildMachine(menu, situation);
    // The entry into the start node is no microstep of XState's: record it here.
    this.entries.push({ at: 0, node: menu.start, kind: 'enter' });
    this.lastSeen = { ...this.lastSeen, entries: 1, phase: 'prompt' };
    this.visit = 1;
    this.actor = createActor(machine, { clock: this.clock, inspect: (event) => this.watch(event) });
    this.actor.start();
    this.settle();
  }

  now(): Micros {
    return this.clock.nowInMicros();
  }

  private snapshot(): Snapshot {
    return this.actor.getSnapshot() as Snapshot;
  }

  private done(): boolean {
    return this.snapshot().status !== 'active';
  }

  /** Fires the timers due now (zero-length prompts, a key sent just as a prompt ends). */
  private settle(): void {
    this.clock.advanceTo(this.clock.nowInMicros());
  }

  private record(kind: CallLogKind, extra: Partial<CallLogEntry> = {}, node?: NodeId): void {
    this.entries.push({ at: this.now(), node: node ?? this.snapshot().context.node, kind, ...extra });
  }

  /** Turns each microstep of the machine into log entries and phase times. */
  private watch(event: InspectionEvent): void {
    // Microsteps of the one actor of the call; the first ones may arrive before createActor returns.
    if (event.type !== '@xstate.microstep') return;
    const snapshot = event.snapshot as Snapshot;
    const { context } = snapshot;
    const phase = snapshot.status === 'done' ? 'ended' : phaseKey(snapshot) ?? '';
    const seen = { entries: context.entries, phase, invalid: context.invalidCount, noInput: context.noInputCount, digits: context.digits.length };
    const last = this.lastSeen;
    if (seen.entries !== last.entries) {
      this.visit++;
      this.entries.push({ at: this.now(), node: context.node, kind: 'enter' });
    } else if (phase === 'prompt' && (last.phase === 'invalid' || last.phase === 'noInput')) {
      this.visit++;
      this.entries.push({ at: this.now(), node: context.node, kind: 'replay' });
    }
    if ((phase === 'invalid' || phase === 'noInput') && (phase !== last.phase || seen.entries !== last.entries)) {
      this.entries.push({ at: this.now(), node: context.node, kind: phase });
    }
    if (phase === 'ended' && last.phase !== 'ended' && context.outcome !== null) {
      this.endedAt = this.now();
      this.entries.push({ at: this.now(), node: context.outcome.node, kind: 'end', outcome: { ...context.outcome, menuMicros: this.now() } });
    }
    if (JSON.stringify(seen) !== JSON.stringify(last)) this.phaseStartedAt = this.now();
    if (phase === 'waiting') this.clock.hold();
    this.lastSeen = seen;
  }

  view(): CallView {
    const snapshot = this.snapshot();
    const { context } = snapshot;
    const ended = this.done();
    const node = ended && context.outcome !== null ? context.outcome.node : context.node;
    const menuNode = this.menu.nodes[node];
    const key = phaseKey(snapshot);
    const failure = key === 'invalid' || key === 'noInput' ? key : undefined;
    const handlers = menuNode?.type === 'menu' || menuNode?.type === 'input' ? menuNode : undefined;
    const view: CallView = {
      node,
      nodeType: menuNode?.type ?? 'hangup',
      phase: ended ? 'ended' : PHASES[key ?? ''] ?? 'prompt',
      promptText: failure !== undefined && handlers !== undefined ? promptText(handlerOf(handlers, failure).prompt) : nodePrompt(menuNode),
      phaseStartedAt: this.phaseStartedAt,
      invalidCount: context.invalidCount,
      noInputCount: context.noInputCount,
      invalidRetries: handlers === undefined ? 0 : handlerOf(handlers, 'invalid').retries,
      noInputRetries: handlers === undefined ? 0 : handlerOf(handlers, 'noInput').retries,
      acceptsKeys: !ended && snapshot.can({ type: 'KEY', key: '1' }),
      acceptsSpeech: !ended && snapshot.can({ type: 'SAY', phrase: '' }),
      visit: this.visit,
    };
    if (failure !== undefined) view.failure = failure;
    const endsAt = this.nextChangeAt();
    if (endsAt !== undefined) view.phaseEndsAt = endsAt;
    if (menuNode?.type === 'input') view.digits = context.digits;
    if (ended && context.outcome !== null) view.outcome = { ...context.outcome, menuMicros: this.endedAt ?? this.now() };
    return view;
  }

  send(event: CallEvent): SendResult {
    this.settle();
    if (this.done()) return 'ended';
    if (!this.snapshot().can(event)) {
      this.record('ignored', event.type === 'KEY' ? { key: event.key } : event.type === 'SAY' ? { phrase: event.phrase } : {});
      return 'ignored';
    }
    if (event.type === 'KEY') this.record('key', { key: event.key });
    else if (event.type === 'SAY') this.record('say', { phrase: event.phrase });
    else this.record('hangup');
    this.clock.release();
    this.actor.send(event);
    this.settle();
    return 'accepted';
  }

  advanceBy(micros: Micros): void {
    this.clock.advanceTo(this.now() + Math.max(0, Math.round(micros)));
  }

  nextChangeAt(): Micros | undefined {
    return this.done() ? undefined : this.clock.nextDeadline();
  }

  advanceToNextChange(): boolean {
    const next = this.nextChangeAt();
    if (next === undefined) return false;
    // The caller lets the moment pass: a timeout held at this moment fires now.
    this.clock.release();
    this.clock.advanceTo(next);
    return true;
  }

  subscribe(listener: () => void): () => void {
    const subscription = this.actor.subscribe({ next: listener, complete: listener });
    return () => subscription.unsubscribe();
  }

  log(): CallLogEntry[] {
    return [...this.entries];
  }
}

/** Starts a call at the menu's start node, time 0, under one situation. */
export function startCall(menu: Menu, situation: Situation): CallSession {
  return new Session(menu, situation);
}
