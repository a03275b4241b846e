/**
 * ivr-escape as a library: load and check menus; more (machine, routes,
 * audit, importers) is exported as each part lands.
 */

/** Menus: the file format, loading and checking. */
export { loadMenu, loadMenuValue, checkMenu, IvrError, formatPath } from './model/index.js';
export type { Menu, MenuInput, MenuNodeUnion, Issue, Result, Severity } from './model/index.js';

/** Time: the shared time model. */
export { promptLength, promptMicros, phraseMicros, keyMicros, toSeconds, toMicros } from './model/index.js';
export type { Micros, Seconds } from './model/index.js';

/** Conditions: moments, callers and facts. */
export { parseMoment, situation, holds, isOpen } from './model/index.js';
export type { Moment, Situation } from './model/index.js';

/** Machine: a menu as an XState v5 machine, calls on a simulated clock, headless scripts. */
export { machineConfig, buildMachine, startCall, parseScript, runScript } from './machine/index.js';
export type { CallEvent, CallSession, CallView, CallOutcome, CallLogEntry, ScriptToken, Transcript } from './machine/index.js';
