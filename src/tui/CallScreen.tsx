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
import { Coach, type CoachShown } from './Coach.js';
import { callClock, headerLine, progressBar } from './format.js';
import { countersLine, phaseLine, trailLine, type Trail } from './screen-model.js';
import type { Palette } from './palette.js';

export interface SpeechLine {
  open: boolean;
  text: string;
}

export interface CallScreenProps {
  menu: Menu;
  state: CallState;
  speed: number;
  trail: Trail;
  speech: SpeechLine;
  coach?: CoachShown;
  width: number;
  palette: Palette;
}

/** Below this many columns the keypad goes under the prompt instead of beside the trail. */
const WIDE = 60;

export function Header({ menu, clock, speed, width, palette }: { menu: Menu; clock: string; speed: number; width: number; palette: Palette }) {
  return (
    <Box flexDirection="column">
      <Text bold color={palette.accent} wrap="truncate-end">{menu.name}</Text>
      <Text>{headerLine(menu, clock, speed)}</Text>
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
      <Text color={failure ? palette.warn : undefined}>{view.promptText === '' ? '(silence)' : `“${view.promptText}”`}</Text>
      {phase.progress !== undefined ? (
        <Text>
          <Text color={palette.accent}>{progressBar(phase.progress, Math.max(8, Math.min(30, width - 34)))}</Text> {phase.text}
        </Text>
      ) : (
        <Text>{phase.text}</Text>
      )}
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

function SpeechPanel({ speech, accepts, palette }: { speech: SpeechLine; accepts: boolean; palette: Palette }) {
  if (!speech.open) return <Text dimColor={palette.dim}>/ or s: speak{accepts ? '' : ' (this step does not listen now)'}</Text>;
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

export function CallScreen({ menu, state, speed, trail, speech, coach, width, palette }: CallScreenProps) {
  const wide = width >= WIDE;
  const trailWidth = wide ? width - 16 : width;
  const keypad = <Keypad lit={state.feedback.lastKey} palette={palette} />;
  return (
    <Box flexDirection="column" width={width}>
      <Header menu={menu} clock={callClock(state.now)} speed={speed} width={width} palette={palette} />
      <PromptPanel menu={menu} state={state} width={width} palette={palette} />
      <Box marginTop={1} flexDirection={wide ? 'row' : 'column'}>
        <Box marginRight={wide ? 4 : 0}>{keypad}</Box>
        <TrailPanel trail={trail} width={trailWidth} palette={palette} />
      </Box>
      <SpeechPanel speech={speech} accepts={state.view.acceptsSpeech} palette={palette} />
      {coach !== undefined && <Coach shown={coach} palette={palette} />}
      <Text dimColor={palette.dim} wrap="wrap">keys 0-9 * # · / speak · h coach · space skip ahead · q hang up</Text>
    </Box>
  );
}
