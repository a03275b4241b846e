/**
 * Everything `ivr call` needs to put the call on screen, in one module: the
 * build bundles it with Ink, React and the machine into one file
 * (scripts/bundle-call.mjs), because loading ~200 separate modules was most
 * of the 2–3 s the first frame took.
 */
export { startCall, transcriptOf } from '../machine/index.js';
export { renderCall } from './render-call.js';
export { realTicker } from './ticker.js';
export { colorWanted } from './palette.js';
