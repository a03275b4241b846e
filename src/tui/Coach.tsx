/** The coach panel: the fastest way to a person from where the caller is now. */
import { Box, Text } from 'ink';
import { adviceLine, type Advice } from './coach-advice.js';
import type { Palette } from './palette.js';

export type CoachShown = { kind: 'advice'; advice: Advice } | { kind: 'ending' } | { kind: 'thinking' };

export function Coach({ shown, palette }: { shown: CoachShown; palette: Palette }) {
  return (
    <Box flexDirection="column" borderStyle="single" borderColor={palette.good} paddingX={1}>
      <Text bold color={palette.good}>Coach</Text>
      {shown.kind === 'ending' && <Text>This call is ending: the menu gives up after this message. Hang up and call again.</Text>}
      {shown.kind === 'thinking' && <Text>…</Text>}
      {shown.kind === 'advice' && <Text>{adviceLine(shown.advice)}</Text>}
      {shown.kind === 'advice' && shown.advice.reachable && shown.advice.then.length > 0 && (
        <Text dimColor={palette.dim}>then {shown.advice.then.join(', then ')}</Text>
      )}
    </Box>
  );
}
