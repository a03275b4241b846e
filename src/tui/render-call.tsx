/**
 * Mounts the call app on the streams the CLI hands over (the real terminal
 * at the edge). Ink is imported here and nowhere else the CLI loads eagerly,
 * so other commands start without it.
 */
import { render, type Instance } from 'ink';
import { App, type AppProps } from './App.js';

export interface CallStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

/**
 * Ink throttles its frames to `maxFps`, and a throttled frame waits for the
 * end of the slot: at 60 fps a key pressed just after a clock tick was drawn
 * up to 17 ms late (bench/call.mjs). The screen is already paced by the
 * ticker (about 30 frames a second) and by the caller's keys, so Ink's own
 * throttle is set to its 1 ms minimum: a key press is drawn at once.
 */
const MAX_FPS = 1000;

export function renderCall(props: AppProps, streams: CallStreams): Instance {
  return render(<App {...props} />, { ...streams, exitOnCtrlC: false, patchConsole: false, maxFps: MAX_FPS });
}
