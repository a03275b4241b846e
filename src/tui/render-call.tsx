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

/** 60 redraws a second at most: a key press is drawn within one 16 ms frame. */
const MAX_FPS = 60;

export function renderCall(props: AppProps, streams: CallStreams): Instance {
  return render(<App {...props} />, { ...streams, exitOnCtrlC: false, patchConsole: false, maxFps: MAX_FPS });
}
