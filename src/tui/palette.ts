/**
 * Colours of the call screen, or none: with `NO_COLOR` set (no-color.org)
 * every colour prop is dropped and the screen relies on brackets and words.
 */
export interface Palette {
  accent?: string;
  dim: boolean;
  good?: string;
  warn?: string;
  bad?: string;
  lit?: string;
}

export function paletteFor(color: boolean): Palette {
  return color
    ? { accent: 'cyan', dim: true, good: 'green', warn: 'yellow', bad: 'red', lit: 'black' }
    : { dim: false };
}

/** True when the environment asks for no colour: `NO_COLOR` set to anything but the empty string. */
export function colorWanted(env: Readonly<Record<string, string | undefined>>): boolean {
  return env.NO_COLOR === undefined || env.NO_COLOR === '';
}
