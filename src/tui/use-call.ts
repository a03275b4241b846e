/**
 * The thin hook between a call session and the screen: it moves simulated
 * time on each tick of the injected ticker (real milliseconds × `speed`),
 * re-renders when the call changes, and turns the caller's intents into the
 * session's events, remembering what the screen must say about them (the
 * key just pressed, an ignored key). The hold countdown after a person
 * answers runs on the same ticks.
 */
import { useEffect, useReducer, useRef } from 'react';
import type { Key, Micros } from '../model/index.js';
import type { CallSession, CallView, SendResult } from '../machine/index.js';
import { simulatedMicros, type Ticker } from './ticker.js';

export interface Feedback {
  /** the key just pressed, lit on the keypad */
  lastKey?: Key;
  /** when it was pressed (simulated) */
  lastKeyAt?: Micros;
  /** one line about the last thing the caller did that did not work */
  notice?: string;
  /** the call's visit when the notice was given: it is stale once the call moves on... */
  noticeVisit?: number;
  /** ...but not before it has been seen: a key ignored just before the call moved on still says so for a moment */
  noticeAt?: Micros;
}

/**
 * How long a pressed key stays lit, in REAL milliseconds: a light measured in
 * simulated time would last 20 ms at --speed 100, shorter than a frame, and
 * the press would never be seen.
 */
const KEY_LIGHT_MS = 500;

/** The key light in simulated time at `speed`. */
function keyLightMicros(speed: number): Micros {
  return simulatedMicros(KEY_LIGHT_MS, speed);
}

/** The feedback still worth showing at this moment of the call. */
function currentFeedback(feedback: Feedback, view: CallView, now: Micros, lightMicros: Micros): Feedback {
  const shown: Feedback = {};
  if (feedback.lastKey !== undefined && feedback.lastKeyAt !== undefined && now - feedback.lastKeyAt < lightMicros) {
    shown.lastKey = feedback.lastKey;
    shown.lastKeyAt = feedback.lastKeyAt;
  }
  const fresh = feedback.noticeAt !== undefined && now - feedback.noticeAt < lightMicros;
  if (feedback.notice !== undefined && (feedback.noticeVisit === view.visit || fresh)) shown.notice = feedback.notice;
  return shown;
}

export interface CallState {
  view: CallView;
  now: Micros;
  /** simulated time since the call ended (the hold countdown) */
  sinceEnd: Micros;
  feedback: Feedback;
}

export interface CallControls {
  press(key: Key): SendResult;
  say(phrase: string): SendResult;
  hangUp(): void;
  skipAhead(): void;
  /** shows a line of feedback (e.g. an empty speech line) */
  notify(notice: string): void;
}

/** How long after a person answers the screen keeps counting: the hold, capped so an idle screen stops ticking. */
function countdownMicros(holdMicros: Micros): Micros {
  return Math.min(holdMicros, 3 * 60 * 60 * 1_000_000);
}

function ignoredNotice(view: CallView, speech: boolean): string {
  if (view.nodeType === 'agent' || view.nodeType === 'hangup') return 'ignored: this message takes no input';
  if (view.phase === 'prompt' && (speech ? view.nodeType === 'menu' : true)) return 'ignored: wait for the prompt to finish';
  if (speech && view.nodeType === 'input') return 'ignored: this step takes digits, not speech';
  if (view.phase === 'pressing') return 'ignored: the line is still taking your last input';
  if (view.phase === 'failure') return 'ignored: wait for the message to finish';
  return speech ? 'ignored: this step does not listen for speech' : 'ignored: this step does not take keys';
}

/**
 * Moves the call to `target`, pressing each typed-ahead key the moment the
 * previous press has been taken (the phase after `pressing`), so fast typing
 * ("12345" into an account number) loses no digit.
 */
function advanceDelivering(session: CallSession, target: Micros, typedAhead: Key[]): void {
  while (typedAhead.length > 0) {
    if (session.view().phase !== 'pressing') {
      const key = typedAhead.shift() as Key;
      if (session.send({ type: 'KEY', key }) !== 'accepted') typedAhead.length = 0;
      continue;
    }
    const next = session.nextChangeAt();
    if (next === undefined || next > target) break;
    session.advanceToNextChange();
  }
  if (target > session.now()) session.advanceBy(target - session.now());
}

export function useCall(session: CallSession, ticker: Ticker, speed: number, holdMicros: (view: CallView) => Micros): [CallState, CallControls] {
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  /** keys typed while the line was still taking the previous one, like a phone's DTMF buffer */
  const typedAhead = useRef<Key[]>([]);
  const feedback = useRef<Feedback>({});

  useEffect(() => session.subscribe(redraw), [session]);

  useEffect(() => {
    let stop: (() => void) | undefined;
    stop = ticker.start((elapsedMs) => {
      const micros = simulatedMicros(elapsedMs, speed);
      if (typedAhead.current.length > 0) advanceDelivering(session, session.now() + micros, typedAhead.current);
      if (typedAhead.current.length === 0) session.advanceBy(micros);
      // The clock runs on after the end: the hold countdown is time since the call ended.
      const view = session.view();
      if (view.outcome !== undefined && session.now() - view.outcome.menuMicros >= countdownMicros(holdMicros(view))) {
        stop?.();
        stop = undefined;
      }
      redraw();
    });
    return () => stop?.();
  }, [session, ticker, speed, holdMicros]);

  const view = session.view();
  const now = session.now();
  const sinceEnd = view.outcome === undefined ? 0 : now - view.outcome.menuMicros;
  const state: CallState = { view, now, sinceEnd, feedback: currentFeedback(feedback.current, view, now, keyLightMicros(speed)) };

  const tell = (notice: string | undefined): void => {
    feedback.current = { ...feedback.current, notice, noticeVisit: session.view().visit, noticeAt: session.now() };
  };
  /** `what`: the key or the words, named in the notice ("key 3 ignored: …") so it still makes sense after the call moved on. */
  const after = (result: SendResult, what: string, speech: boolean, before: CallView): SendResult => {
    tell(result === 'ignored' ? `${what} ${ignoredNotice(before, speech)}` : result === 'ended' ? 'the call has ended: q to leave' : undefined);
    redraw();
    return result;
  };

  const controls: CallControls = {
    press(key) {
      const before = session.view();
      feedback.current = { lastKey: key, lastKeyAt: session.now() };
      if (before.phase === 'pressing' || typedAhead.current.length > 0) {
        typedAhead.current.push(key);
        redraw();
        return 'accepted';
      }
      return after(session.send({ type: 'KEY', key }), `key ${key}`, false, before);
    },
    say(phrase) {
      const before = session.view();
      return after(session.send({ type: 'SAY', phrase }), `"${phrase}"`, true, before);
    },
    hangUp() {
      session.send({ type: 'HANGUP' });
      redraw();
    },
    skipAhead() {
      session.advanceToNextChange();
      redraw();
    },
    notify(notice) {
      tell(notice);
      redraw();
    },
  };
  return [state, controls];
}
