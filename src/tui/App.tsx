/**
 * The call app: reads keys through the pure keymap, drives the call through
 * `useCall`, keeps the speech line and the coach, and switches to the end
 * screen when the call is over. `q` / Ctrl-C hang up, show the end screen
 * once, and exit, so the terminal is restored by Ink's own unmount.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { Box, Text, useApp, useInput, useStdin, useStdout } from 'ink';
import { describeMoment, type Menu, type Situation } from '../model/index.js';
import type { CallSession, CallView } from '../machine/index.js';
import { fastestRoute } from '../analysis/escape.js';
import type { RouteResult } from '../analysis/route.js';
import { intentsFor, type Intent, type InputMode } from './keymap.js';
import { useCall, type CallControls } from './use-call.js';
import { CallScreen, Header, type SpeechLine } from './CallScreen.js';
import { EndScreen, holdOf } from './EndScreen.js';
import type { CoachShown } from './Coach.js';
import { adviceFrom, fastestRouteFrom, type Configuration } from './coach-advice.js';
import { coachKey, coachTarget, lastInputOf, trailOf, type Trail } from './screen-model.js';
import { callClock, wrapToWidth } from './format.js';
import { paletteFor } from './palette.js';
import type { Ticker } from './ticker.js';

export interface AppProps {
  menu: Menu;
  situation: Situation;
  session: CallSession;
  ticker: Ticker;
  /** simulated seconds per real second */
  speed: number;
  color: boolean;
  /** terminal width; default: the output stream's columns */
  columns?: number;
  /** show the coach from the start */
  coach?: boolean;
}

/** Applies one intent to the speech line and the call. Returns true to leave the app. */
function applyIntent(intent: Intent, speech: { mode: InputMode; text: string }, controls: CallControls): { leave: boolean; toggleCoach: boolean } {
  const none = { leave: false, toggleCoach: false };
  switch (intent.type) {
    case 'press':
      controls.press(intent.key);
      return none;
    case 'openSpeech':
      speech.mode = 'speech';
      speech.text = '';
      return none;
    case 'type':
      speech.text += intent.text;
      return none;
    case 'erase':
      speech.text = Array.from(speech.text).slice(0, -1).join('');
      return none;
    case 'say': {
      const phrase = speech.text.trim();
      speech.mode = 'keys';
      speech.text = '';
      if (phrase === '') controls.notify('nothing said: type words after / then Enter');
      else controls.say(phrase);
      return none;
    }
    case 'closeSpeech':
      speech.mode = 'keys';
      speech.text = '';
      return none;
    case 'toggleCoach':
      return { leave: false, toggleCoach: true };
    case 'skipAhead':
      controls.skipAhead();
      return none;
    case 'hangUp':
      controls.hangUp();
      return { leave: true, toggleCoach: false };
  }
}

/**
 * The coach's panel content. The route search runs once per configuration,
 * AFTER the frame that shows the step (a timer set once React has committed
 * it), so a key press is drawn at once and the coach follows a moment later
 * ("…" meanwhile). Between searches the advice is adjusted every frame for
 * the time already spent.
 */
function useCoach(menu: Menu, situation: Situation, session: CallSession, now: number, shown: boolean): CoachShown | undefined {
  const aim = useRef<{ key: string; here?: Configuration; offset: number; taken?: string } | undefined>(undefined);
  const [found, setFound] = useState<{ key: string; result: RouteResult } | undefined>(undefined);
  if (shown) {
    const view = session.view();
    const target = coachTarget(menu, view, now, view.phase === 'pressing' ? lastInputOf(session.log()) : undefined);
    if (target.kind === 'from') aim.current = { key: coachKey(target), here: target.here, offset: target.offset };
    else if (target.kind === 'ending') aim.current = { key: 'ending', offset: 0 };
    else if (target.kind === 'taken') aim.current = { key: coachKey(target), offset: 0, taken: target.input };
  }
  const wanted = shown ? aim.current : undefined;
  const searchFor = wanted?.here !== undefined && found?.key !== wanted.key ? wanted : undefined;
  useEffect(() => {
    if (searchFor?.here === undefined) return undefined;
    const { key, here } = searchFor;
    const timer = setTimeout(() => setFound({ key, result: fastestRouteFrom(menu, situation, here) }), 0);
    return () => clearTimeout(timer);
    // Keyed on the configuration, not on the object: one search per step, not per frame.
  }, [searchFor?.key, menu, situation]);
  if (!shown) return undefined;
  if (wanted === undefined) return { kind: 'thinking' };
  if (wanted.key === 'ending') return { kind: 'ending' };
  if (wanted.taken !== undefined) return { kind: 'taken', input: wanted.taken };
  if (found?.key !== wanted.key) return { kind: 'thinking' };
  return { kind: 'advice', advice: adviceFrom(found.result, wanted.offset, session.view().digits?.length ?? 0) };
}

export function App({ menu, situation, session, ticker, speed, color, columns, coach = false }: AppProps) {
  const { exit } = useApp();
  const { isRawModeSupported } = useStdin();
  const { stdout } = useStdout();
  const width = Math.max(20, columns ?? stdout.columns ?? 80);
  const palette = paletteFor(color);
  const moment = describeMoment(situation.moment);
  const hold = useMemo(() => (view: CallView) => (view.outcome?.type === 'agent' ? holdOf(menu, view.outcome.node) : 0), [menu]);
  const [state, controls] = useCall(session, ticker, speed, hold);
  const speech = useRef<{ mode: InputMode; text: string }>({ mode: 'keys', text: '' });
  const [, redraw] = useReducer((n: number) => n + 1, 0);
  const [coachShown, setCoachShown] = useState(coach);
  const [leaving, setLeaving] = useState(false);
  const ended = state.view.phase === 'ended';
  // Only the end screen compares with the fastest route: no search before the first frame.
  const fastest = useMemo(() => (ended ? fastestRoute(menu, { situation }) : undefined), [ended, menu, situation]);
  const trailRef = useRef<{ key: string; trail: Trail } | undefined>(undefined);

  useInput(
    (input, key) => {
      let toggles = 0;
      let leave = false;
      for (const intent of intentsFor(input, key, speech.current.mode)) {
        const effect = applyIntent(intent, speech.current, controls);
        if (effect.toggleCoach) toggles++;
        if (effect.leave) {
          leave = true;
          break;
        }
      }
      if (toggles % 2 === 1) setCoachShown((shown) => !shown);
      if (leave) setLeaving(true);
      redraw();
    },
    { isActive: isRawModeSupported && !leaving },
  );

  // Leave after the end screen has been drawn once, so it stays on the terminal.
  useEffect(() => {
    if (leaving) exit();
  }, [leaving, exit]);

  const { view } = state;
  // The trail changes only when the call moves or a key is ignored; rebuilding it per frame would copy the log 30 times a second.
  const trailKey = `${view.visit}|${view.phase}|${state.feedback.notice}`;
  if (trailRef.current?.key !== trailKey) trailRef.current = { key: trailKey, trail: trailOf(session.log()) };
  const trail = trailRef.current?.trail ?? trailOf(session.log());
  const coachPanel = useCoach(menu, situation, session, state.now, coachShown && view.phase !== 'ended');

  if (view.phase === 'ended' && view.outcome !== undefined && fastest !== undefined) {
    return (
      <Box flexDirection="column" width={width}>
        <Header menu={menu} moment={moment} clock={callClock(view.outcome.menuMicros)} speed={speed} width={width} palette={palette} />
        <EndScreen menu={menu} outcome={view.outcome} fastest={fastest} sinceEnd={state.sinceEnd} width={width} palette={palette} />
        <Text>{wrapToWidth(`Trail: ${trail.steps.join(' → ')}`, width)}</Text>
        <Text>{wrapToWidth(`invalid entries ${trail.invalidEntries} · timeouts ${trail.timeouts}`, width)}</Text>
        {!leaving && <Text dimColor={palette.dim}>q to leave</Text>}
      </Box>
    );
  }
  const speechLine: SpeechLine = { open: speech.current.mode === 'speech', text: speech.current.text };
  return <CallScreen menu={menu} moment={moment} state={state} speed={speed} trail={trail} speech={speechLine} coach={coachPanel} width={width} palette={palette} />;
}
