/** The phone keypad, 1-9 * 0 #, with the key just pressed lit: brackets always, colour when allowed. */
import { Box, Text } from 'ink';
import type { Key } from '../model/index.js';
import type { Palette } from './palette.js';

const ROWS: readonly (readonly Key[])[] = [['1', '2', '3'], ['4', '5', '6'], ['7', '8', '9'], ['*', '0', '#']];

export function Keypad({ lit, palette }: { lit?: Key; palette: Palette }) {
  return (
    <Box flexDirection="column">
      {ROWS.map((row) => (
        <Text key={row.join('')}>
          {row.map((key) => {
            const on = key === lit;
            return (
              <Text key={key} bold={on} color={on ? palette.lit : undefined} backgroundColor={on ? palette.warn : undefined}>
                {on ? `[${key}]` : ` ${key} `}
              </Text>
            );
          })}
        </Text>
      ))}
    </Box>
  );
}
