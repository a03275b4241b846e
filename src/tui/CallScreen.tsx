/**
 * The live call: header with the simulated call clock, the prompt playing
 * with its progress bar, the silence and error counters, the keypad, the
 * speech line, the trail and the coach. Presentation only: it renders what
 * the hook and the screen model give it.
 */
import { Box, Text } from 'ink';
import type { Menu } from '../model/index.js';
import type { CallState } from './use-call.js';
import { Keypad } from './Keypad.js';
import { ProgressLine } from './ProgressLine.js';
import { Coach, type CoachShown } from './Coach.js';
import { callClock, headerParts, wrapToWidth } from './format.js';
import { countersLine, phaseLine, trailLine, type Trail } from './screen-model.js';
import type { Palette } from './palette.js';

export interface SpeechLine {
  open: boolean;
  text: string;
}

export interface CallScreenProps {
  menu: Menu;
  /** the simulated moment, `tue 10:00` (describeMoment) */
  moment: string;
  state: CallState;
  speed: number;
  trail: Trail;
  speech: SpeechLine;
  coach?: CoachShown;
  width: number;
  palette: Palette;
}

/** The keys, as items that wrap whole on a narrow terminal ("q hang up" never split). */
const FOOTER = ['keys 0-9 * #', '/ speak', 'h coach', 'space skip ahead', 'q hang up'];

/** Below this many columns the keypad goes under the prompt instead of beside the trail. */
const WIDE = 60;

export function Header({ menu, moment, clock, speed, width, palette }: { menu: Menu; moment: string; clock: string; speed: number; width: number; palette: Palette }) {
  return (
    <Box flexDirection="column">
      <Text bold color={palette.accent} wrap="truncate-end">{menu.name}</Text>
      {/* Sibling texts, each measured (and cached by Ink) on its own: see headerParts. */}
      <Box flexWrap="wrap">
        {headerParts(menu, moment, clock, speed).map((part, index) => (part === '' ? null : <Text key={index}>{part}</Text>))}
      </Box>
      <Text dimColor={palette.dim}>{'─'.repeat(Math.max(10, width - 1))}</Text>
    </Box>
  );
}

function PromptPanel({ menu, state, width, palette }: Pick<CallScreenProps, 'menu' | 'state' | 'width' | 'palette'>) {
  const { view, now } = state;
  const phase = phaseLine(menu, view, now);
  const counters = countersLine(view);
  const failure = view.phase === 'failure';
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>{view.node}</Text>
        <Text dimColor={palette.dim}> · {view.nodeType}</Text>
        {view.digits !== undefined && view.digits !== '' ? <Text> · digits {view.digits}</Text> : null}
      </Text>
      <Text color={failure ? palette.warn : undefined}>{view.promptText === '' ? '(silence)' : wrapToWidth(`“${view.promptText}”`, width)}</Text>
      {phase.progress !== undefined ? <ProgressLine done={phase.progress} text={phase.text} width={width} palette={palette} /> : <Text>{phase.text}</Text>}
      {counters !== '' && <Text color={view.noInputCount + view.invalidCount > 0 ? palette.warn : undefined}>{counters}</Text>}
      {state.feedback.notice !== undefined && <Text color={palette.bad}>{state.feedback.notice}</Text>}
    </Box>
  );
}

function TrailPanel({ trail, width, palette }: { trail: Trail; width: number; palette: Palette }) {
  return (
    <Box flexDirection="column" flexShrink={1}>
      <Text dimColor={palette.dim}>Trail</Text>
      <Text wrap="truncate-start">{trailLine(trail, width)}</Text>
      <Text>invalid entries {trail.invalidEntries} · timeouts {trail.timeouts}{trail.ignored > 0 ? ` · ignored ${trail.ignored}` : ''}</Text>
    </Box>
  );
}

/** What the line listens for now, on the line where the speech prompt opens. */
function listeningWords(view: CallState['view']): string {
  if (view.phase === 'failure') return 'keys and speech wait for this message to end';
  return `/ or s: speak${view.acceptsSpeech ? '' : ' (this step does not listen now)'}`;
}

function SpeechPanel({ speech, view, width, palette }: { speech: SpeechLine; view: CallState['view']; width: number; palette: Palette }) {
  if (!speech.open) return <Text dimColor={palette.dim}>{wrapToWidth(listeningWords(view), width)}</Text>;
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold color={palette.accent}>you say: </Text>
        <Text>{speech.text}</Text>
        <Text inverse>{' '}</Text>
      </Text>
      <Text dimColor={palette.dim}>Enter says it · Esc closes</Text>
    </Box>
  );
}

export function CallScreen({ menu, moment, state, speed, trail, speech, coach, width, palette }: CallScreenProps) {
  const wide = width >= WIDE;
  const trailWidth = wide ? width - 16 : width;
  const keypad = <Keypad lit={state.feedback.lastKey} palette={palette} />;
  return (
    <Box flexDirection="column" width={width}>
      <Header menu={menu} moment={moment} clock={callClock(state.now)} speed={speed} width={width} palette={palette} />
      <PromptPanel menu={menu} state={state} width={width} palette={palette} />
      <Box marginTop={1} flexDirection={wide ? 'row' : 'column'}>
        <Box marginRight={wide ? 4 : 0}>{keypad}</Box>
        <TrailPanel trail={trail} width={trailWidth} palette={palette} />
      </Box>
      <SpeechPanel speech={speech} view={state.view} width={width} palette={palette} />
      {coach !== undefined && <Coach shown={coach} width={width} palette={palette} />}
      <Box flexWrap="wrap">
        {FOOTER.map((item, index) => (
          <Text key={item} dimColor={palette.dim}>{index < FOOTER.length - 1 ? `${item} · ` : item}</Text>
        ))}
      </Box>
    </Box>
  );
}
