/**
 * One pass over the text of a JSON document, without recursion, for what
 * JSON.parse does not report: a key repeated in one object (JSON.parse keeps
 * the last and drops the others without a word, so a second node with the
 * same id would replace the first), and how deep the document nests (the
 * schema check, the position parser and the checks recurse, and a document
 * nested thousands of levels deep would exhaust the stack).
 *
 * The text is expected to be valid JSON (JSON.parse has accepted it); on
 * other text the answers are approximate but the scan never throws.
 */
import type { JsonPath } from './issues.js';

export interface RepeatedKey {
  key: string;
  /** the path of the repeated key (its object's path, then the key) */
  path: JsonPath;
  /** offset of the repeat's opening quote */
  offset: number;
}

export interface JsonScan {
  repeatedKeys: RepeatedKey[];
  /** the first opening bracket past `depthLimit`, or -1 */
  tooDeepAt: number;
}

interface Frame {
  /** keys seen so far in an object; undefined for an array */
  keys: Set<string> | undefined;
  /** the current key (object) or index (array): where the next value goes */
  at: string | number;
  /** true in an object between `{` or `,` and the next key */
  expectingKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

/** The offset just past the string that opens at `start`. */
function stringEnd(text: string, start: number): number {
  let quote = text.indexOf('"', start + 1);
  while (quote !== -1) {
    // Escaped when an odd number of backslashes stands before it.
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote + 1;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

/** A key's value: escapes decoded only where there are any. */
function keyOf(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return raw;
  }
}

function pathOf(frames: readonly Frame[]): JsonPath {
  return frames.map((frame) => frame.at);
}

export function scanJson(text: string, depthLimit: number): JsonScan {
  const frames: Frame[] = [];
  const repeatedKeys: RepeatedKey[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const top = frames[frames.length - 1];
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (top?.keys !== undefined && top.expectingKey) {
        const key = keyOf(text, i, end);
        top.at = key;
        top.expectingKey = false;
        if (top.keys.has(key)) repeatedKeys.push({ key, path: pathOf(frames), offset: i });
        else top.keys.add(key);
      }
      i = end - 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      if (frames.length >= depthLimit) return { repeatedKeys, tooDeepAt: i };
      frames.push(c === OPEN_BRACE ? { keys: new Set(), at: '', expectingKey: true } : { keys: undefined, at: 0, expectingKey: false });
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      frames.pop();
    } else if (c === COMMA && top !== undefined) {
      if (top.keys === undefined) top.at = (top.at as number) + 1;
      else top.expectingKey = true;
    }
  }
  return { repeatedKeys, tooDeepAt: -1 };
}

/** True for the error V8 throws when recursion exhausts the stack. */
export function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError && /call stack/i.test(error.message);
}
