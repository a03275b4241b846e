/**
 * A progress bar with its words: on one line when both fit (the bar as wide
 * as the room left, up to 30 cells), else the bar on a line of its own, so
 * the words never wrap mid-phrase on a narrow terminal.
 */
import { Box, Text } from 'ink';
import { displayWidth } from '../report/diagram.js';
import { progressBar, wrapToWidth } from './format.js';
import type { Palette } from './palette.js';

const BAR_MAX = 30;
const BAR_MIN = 8;

export interface ProgressLineProps {
  /** 0..1 */
  done: number;
  text: string;
  /** the bar before the words (a prompt playing) or after them (the hold) */
  barFirst?: boolean;
  width: number;
  palette: Palette;
}

export function ProgressLine({ done, text, barFirst = true, width, palette }: ProgressLineProps) {
  const room = width - 1 - displayWidth(text);
  const fits = room >= BAR_MIN;
  const bar = <Text color={palette.accent}>{progressBar(done, Math.min(BAR_MAX, fits ? room : width - 1))}</Text>;
  if (fits) return barFirst ? <Text>{bar} {text}</Text> : <Text>{text} {bar}</Text>;
  return (
    <Box flexDirection="column">
      {barFirst && bar}
      <Text>{wrapToWidth(text, width)}</Text>
      {!barFirst && bar}
    </Box>
  );
}
