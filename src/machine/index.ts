/**
 * The machine of a menu: a plain-JSON XState v5 config, the machine built
 * from it with named implementations, calls on a simulated microsecond clock,
 * and headless scripts. See docs/machine.md.
 */
export type { CallEvent } from './events.js';
export { keyEvent, sayEvent, hangupEvent } from './events.js';
export { machineConfig, stateIdOf, MACHINE_ID, ENDED_STATE } from './config.js';
export { buildMachine, implementationsFor } from './build.js';
export type { CallContext } from './implementations.js';
export { referencedNames, missingNames, type ReferencedNames } from './names.js';
export { inputStep, type InputStep } from './input.js';
export { MicrosClock } from './clock.js';
export {
  startCall,
  type CallSession, type CallView, type CallOutcome, type CallPhase, type CallLogEntry, type CallLogKind, type SendResult,
} from './session.js';
export {
  parseScript, runScript, transcriptOf, formatToken, DEFAULT_MAX_MICROS,
  type ScriptToken, type Transcript, type TranscriptEvent,
} from './script.js';
