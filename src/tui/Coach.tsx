/** The coach panel: the fastest way to a person from where the caller is now. */
import { Box, Text } from 'ink';
import { adviceLine, type Advice } from './coach-advice.js';
import { wrapToWidth } from './format.js';
import type { Palette } from './palette.js';

export type CoachShown =
  | { kind: 'advice'; advice: Advice }
  | { kind: 'ending' }
  | { kind: 'thinking' }
  /** an input in flight: the advice is recomputed once the line has acted on it */
  | { kind: 'taken'; input: string };

/** Columns the border and padding take from the coach's text. */
const FRAME = 4;

export function Coach({ shown, width, palette }: { shown: CoachShown; width: number; palette: Palette }) {
  const fit = (text: string) => wrapToWidth(text, width - FRAME);
  return (
    <Box flexDirection="column" borderStyle="single" borderColor={palette.good} paddingX={1}>
      <Text bold color={palette.good}>Coach</Text>
      {shown.kind === 'ending' && <Text>{fit('This call is ending: the menu gives up after this message. Hang up and call again.')}</Text>}
      {shown.kind === 'thinking' && <Text>…</Text>}
      {shown.kind === 'taken' && <Text>{fit(`Taken: ${shown.input} — wait for the line…`)}</Text>}
      {shown.kind === 'advice' && <Text>{fit(adviceLine(shown.advice))}</Text>}
      {shown.kind === 'advice' && shown.advice.reachable && shown.advice.then.length > 0 && (
        <Text dimColor={palette.dim}>{fit(`then ${shown.advice.then.join(', then ')}`)}</Text>
      )}
    </Box>
  );
}
