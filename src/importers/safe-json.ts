/**
 * Untrusted JSON for importers: a size limit checked before any parsing,
 * one-line located syntax errors, and a copy of the parsed value in which
 * every object has a null prototype and keys that could alter prototypes
 * (`__proto__`, `constructor`, `prototype`) are dropped and reported. Nothing
 * in the text is ever evaluated: templates stay strings.
 */
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';
import { DEFAULT_MAX_BYTES, IvrError, issue, loadMenu, messages, type JsonPath } from '../model/index.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** An object from untrusted JSON: null prototype, no dangerous keys. */
export type JsonObject = { [key: string]: JsonValue | undefined };

const DANGEROUS_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

export interface Position {
  line: number;
  column: number;
}

export interface ParsedJson {
  value: JsonValue;
  /** JSON paths of keys that were dropped because they could alter prototypes */
  dropped: JsonPath[];
  /** line and column of the value at a path (or of its nearest existing parent) */
  locate(path: JsonPath): Position | undefined;
}

function positionOf(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/** Refuses a text over the limit, before anything looks inside it. */
export function checkSize(file: string, text: string, maxBytes: number = DEFAULT_MAX_BYTES): void {
  if (text.length > maxBytes) {
    throw new IvrError([issue('too_large', [], messages.too_large(text.length / 2 ** 20, maxBytes / 2 ** 20))], { file });
  }
}

function sanitise(value: unknown, path: JsonPath, dropped: JsonPath[]): JsonValue {
  if (Array.isArray(value)) return value.map((item, index) => sanitise(item, [...path, index], dropped));
  if (value !== null && typeof value === 'object') {
    const copy: JsonObject = Object.create(null) as JsonObject;
    for (const key of Object.keys(value)) {
      if (DANGEROUS_KEYS.includes(key)) {
        dropped.push([...path, key]);
        continue;
      }
      copy[key] = sanitise((value as Record<string, unknown>)[key], [...path, key], dropped);
    }
    return copy;
  }
  return value as JsonValue;
}

/**
 * Parses untrusted JSON. Throws IvrError (exit 2) with line and column for a
 * syntax error, or when the text is over `maxBytes`.
 */
export function parseUntrustedJson(file: string, text: string, maxBytes?: number): ParsedJson {
  checkSize(file, text, maxBytes);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    // The menu loader already words JSON syntax errors with line and column: reuse it.
    const result = loadMenu(text, { maxBytes: Number.MAX_SAFE_INTEGER });
    const found = result.ok ? [] : result.issues.filter((i) => i.code === 'invalid_json' || i.code === 'empty_file');
    throw new IvrError(found.length > 0 ? found : [issue('invalid_json', [], { en: 'This is not valid JSON.', 'zh-CN': '不是有效的 JSON。' })], { file });
  }
  const dropped: JsonPath[] = [];
  const value = sanitise(raw, [], dropped);
  let tree: JsonNode | undefined;
  let treeBuilt = false;
  return {
    value,
    dropped,
    locate(path) {
      if (!treeBuilt) {
        tree = parseTree(text);
        treeBuilt = true;
      }
      if (tree === undefined) return undefined;
      for (let length = path.length; length >= 0; length--) {
        const node = findNodeAtLocation(tree, path.slice(0, length) as (string | number)[]);
        if (node !== undefined) return positionOf(text, node.offset);
      }
      return undefined;
    },
  };
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function asArray(value: JsonValue | undefined): JsonValue[] {
  return Array.isArray(value) ? value : [];
}

export function asObject(value: JsonValue | undefined): JsonObject {
  return isObject(value) ? value : (Object.create(null) as JsonObject);
}

/** A string field; numbers and booleans are written as text (Connect stores every parameter as a string). */
export function asText(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** A finite number from a number or a numeric string. */
export function asNumber(value: JsonValue | undefined): number | undefined {
  const text = asText(value);
  if (text === undefined || text.trim() === '') return undefined;
  const number = Number(text);
  return Number.isFinite(number) ? number : undefined;
}
