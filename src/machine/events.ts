/** The events a caller sends to a call: a key, a spoken phrase, or hanging up. */
import type { Key } from '../model/index.js';

export type CallEvent = { type: 'KEY'; key: Key } | { type: 'SAY'; phrase: string } | { type: 'HANGUP' };

export const keyEvent = (key: Key): CallEvent => ({ type: 'KEY', key });
export const sayEvent = (phrase: string): CallEvent => ({ type: 'SAY', phrase });
export const hangupEvent = (): CallEvent => ({ type: 'HANGUP' });
