/**
 * Text → validated Menu. Parsing is the fast built-in JSON.parse; the slower
 * position-aware parse (jsonc-parser) runs only when there is a problem to
 * locate, so a 40 MB file loads in about the time JSON.parse takes.
 * Every problem comes back as data with its JSON path, line and column.
 */
import * as z from 'zod';
import { createRequire } from 'node:module';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { checkMenu, suggest } from './check.js';
import { issue, isError, type Issue, type JsonPath, type Message, type Result } from './issues.js';
import { isStackOverflow, scanJson } from './json-scan.js';
import { menuFieldNames } from './json-schema.js';
import { DOUBLE_COMMA, JSON_SYNTAX, SCHEMA_MESSAGES_ZH, TRAILING_COMMA, messages } from './messages.js';
import { Menu, NODE_TYPES } from './schema.js';

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const FORBIDDEN_KEYS = ['__proto__'];
/** Deeper documents are refused: the checks recurse, and no menu needs a fraction of this. */
const MAX_NESTING = 200;
/**
 * Texts up to this length (4 Mi characters) are scanned for repeated keys and
 * nesting before they are checked. Larger files are machine-written, by
 * serialisers that cannot repeat a key, and the scan would cost half a second
 * on 40 MB; a too-deep one is still caught, when the checks run out of stack.
 */
const SCAN_MAX_CHARS = 4 * 2 ** 20;

/**
 * The position-aware parser, loaded on first use: only a file with a problem
 * to locate needs it, and `ivr escape` on a valid menu starts without it.
 */
let positionParser: typeof import('jsonc-parser') | undefined;
function jsonc(): typeof import('jsonc-parser') {
  positionParser ??= createRequire(import.meta.url)('jsonc-parser') as typeof import('jsonc-parser');
  return positionParser;
}
// Some Windows editors start UTF-8 files with one; JSON.parse refuses it.
const BYTE_ORDER_MARK = '\uFEFF';

export interface LoadOptions {
  maxBytes?: number;
}

/** Line starts of a text, to turn offsets into 1-based line and column. */
class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (this.starts[low] as number) + 1 };
  }
}

/** Adds line and column to issues, from the document's syntax tree. */
export function locateIssues(text: string, issues: Issue[]): Issue[] {
  if (issues.every((i) => i.line !== undefined)) return issues;
  const root = jsonc().parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
  const lines = new LineIndex(text);
  return issues.map((problem) => {
    if (problem.line !== undefined || root === undefined) return problem;
    const node = nearestNode(root, problem.path);
    return { ...problem, ...lines.position(node.offset) };
  });
}

/** The node at a path, or its deepest existing ancestor (a missing field points at its object). */
function nearestNode(root: JsonNode, path: JsonPath): JsonNode {
  for (let length = path.length; length >= 0; length--) {
    const node = jsonc().findNodeAtLocation(root, path.slice(0, length) as (string | number)[]);
    if (node === undefined) continue;
    // For an object key, point at the key itself rather than its value.
    if (length === path.length && node.parent?.type === 'property' && length > 0 && typeof path[length - 1] === 'string') {
      return node.parent.children?.[0] ?? node;
    }
    return node;
  }
  return root;
}

const UNEXPECTED: Message = { en: 'unexpected content', 'zh-CN': '意外的内容' };

/** What went wrong at a syntax error, with the usual cause named (a trailing comma). */
function syntaxDetail(text: string, error: ParseError | undefined): Message {
  if (error === undefined) return UNEXPECTED;
  const expected = jsonc().printParseErrorCode(error.error);
  if ((expected === 'PropertyNameExpected' || expected === 'ValueExpected') && /,\s*$/.test(text.slice(0, error.offset))) {
    // After a comma: a closing bracket next means one comma too many at the end; another comma, two in a row.
    return /^\s*,/.test(text.slice(error.offset)) ? DOUBLE_COMMA : TRAILING_COMMA;
  }
  return JSON_SYNTAX[expected] ?? UNEXPECTED;
}

function syntaxIssues(text: string): Issue[] {
  const errors: ParseError[] = [];
  jsonc().parse(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const first = errors[0];
  const at = new LineIndex(text).position(first?.offset ?? 0);
  return [{ ...issue('invalid_json', [], messages.invalid_json(syntaxDetail(text, first))), ...at }];
}

/**
 * Finds forbidden keys (`__proto__`) anywhere in a parsed value, before zod
 * copies it: JSON.parse makes them own keys (escaped spellings included),
 * and copying one would swap an object's prototype instead of adding a field.
 */
function forbiddenKeyIssues(data: unknown): Issue[] {
  const found: Issue[] = [];
  const path: (string | number)[] = [];
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((child, index) => {
        path.push(index);
        walk(child);
        path.pop();
      });
      return;
    }
    for (const key of Object.keys(value)) {
      path.push(key);
      if (FORBIDDEN_KEYS.includes(key)) found.push(issue('reserved_key', [...path], messages.reserved_key(key)));
      else walk((value as Record<string, unknown>)[key]);
      path.pop();
    }
  };
  walk(data);
  return found;
}

let zodChinese: ReturnType<typeof z.locales.zhCN> | undefined;

/** zod's own Chinese wording; the final issue has no input, so it is given back for "received …". */
function chineseOf(zodIssue: z.core.$ZodIssue, input: unknown): string {
  const ours = SCHEMA_MESSAGES_ZH[zodIssue.message];
  if (ours !== undefined) return ours;
  zodChinese ??= z.locales.zhCN();
  const worded = zodChinese.localeError?.({ ...zodIssue, input } as z.core.$ZodRawIssue);
  return (typeof worded === 'string' ? worded : worded?.message) ?? '不符合格式';
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The message of a zod issue that none of our specific cases covers. */
function schemaMessage(zodIssue: z.core.$ZodIssue, path: JsonPath, input: unknown): Message {
  if (zodIssue.code === 'invalid_union') return path.includes('when') ? messages.not_a_condition() : messages.not_a_prompt();
  if (zodIssue.code === 'invalid_type' && zodIssue.expected === 'int' && typeof input !== 'string') return messages.not_whole_number();
  // A number written in quotes: say so, with the fix.
  if (zodIssue.code === 'invalid_type' && (zodIssue.expected === 'number' || zodIssue.expected === 'int') && typeof input === 'string' && input.trim() !== '' && Number.isFinite(Number(input))) {
    return messages.quoted_number(input);
  }
  return messages.schema(`${capitalised(zodIssue.message)}.`, `${chineseOf(zodIssue, input)}。`);
}

function valueAt(data: unknown, path: JsonPath): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/** One of our issues per zod issue; unknown keys point at each key, missing fields say so. */
/**
 * A JSON object with no "format" and fields of its own is some other kind of
 * document (a platform's flow export, a package.json): one clear issue says
 * so, instead of a dozen missing and unknown fields.
 */
function isForeignDocument(error: z.ZodError, data: unknown): boolean {
  if (data === null || typeof data !== 'object' || Array.isArray(data) || Object.hasOwn(data, 'format')) return false;
  return error.issues.some((zodIssue) => zodIssue.code === 'unrecognized_keys' && zodIssue.path.length === 0);
}

function schemaIssues(error: z.ZodError, data: unknown): Issue[] {
  if (isForeignDocument(error, data)) return [issue('not_a_menu', [], messages.not_a_menu())];
  return error.issues.flatMap((zodIssue): Issue[] => {
    const path = zodIssue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = path[path.length - 1];
    if (zodIssue.code === 'unrecognized_keys') {
      return zodIssue.keys.map((key) => issue('unknown_field', [...path, key], messages.unknown_field(key, suggest(key, menuFieldNames()))));
    }
    const input = valueAt(data, path);
    if (path[0] === 'nodes' && path.length === 3 && field === 'type') {
      const meant = typeof input === 'string' ? suggest(input, NODE_TYPES) : undefined;
      return [issue(input === undefined ? 'missing_field' : 'unknown_node_type', path, messages.unknown_node_type(input, meant))];
    }
    if (input === undefined && path.length > 0) return [issue('missing_field', path, messages.missing_field(String(field)))];
    return [issue('schema', path, schemaMessage(zodIssue, path, input))];
  });
}

/**
 * Parses and checks a menu document. Errors make the result fail; warnings
 * (unreachable nodes, no agent) come back beside a valid menu.
 */
export function loadMenu(text: string, options: LoadOptions = {}): Result<Menu> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (text.length > maxBytes) {
    return { ok: false, issues: [issue('too_large', [], messages.too_large(text.length / 2 ** 20, maxBytes / 2 ** 20))] };
  }
  if (text.startsWith(BYTE_ORDER_MARK)) return loadMenu(text.slice(1), options);
  if (text.trim() === '') return { ok: false, issues: [{ ...issue('empty_file', [], messages.empty_file()), line: 1, column: 1 }] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return withStackGuard(text, () => ({ ok: false, issues: syntaxIssues(text) }));
  }
  const structural = text.length <= SCAN_MAX_CHARS ? structuralIssues(text) : [];
  if (structural.length > 0) return { ok: false, issues: structural };
  // Skip the walk for `__proto__` when the text cannot spell it (a full walk of a 40 MB menu costs 0.2 s).
  return withStackGuard(text, () => validate(data, text, FORBIDDEN_KEYS.some((key) => text.includes(key)) || text.includes('\\u')));
}

/** Repeated keys and too deep a nesting, located (see json-scan.ts). */
function structuralIssues(text: string): Issue[] {
  const scan = scanJson(text, MAX_NESTING);
  if (scan.tooDeepAt < 0 && scan.repeatedKeys.length === 0) return [];
  const lines = new LineIndex(text);
  if (scan.tooDeepAt >= 0) return [{ ...issue('too_deep', [], messages.too_deep(MAX_NESTING)), ...lines.position(scan.tooDeepAt) }];
  return scan.repeatedKeys.map((repeat) => ({ ...issue('repeated_key', repeat.path, messages.repeated_key(repeat.key)), ...lines.position(repeat.offset) }));
}

/**
 * Runs a check that recurses into the document; if the document nests so
 * deep that the stack runs out, one located `too_deep` problem instead.
 */
function withStackGuard(text: string | undefined, check: () => Result<Menu>): Result<Menu> {
  try {
    return check();
  } catch (error) {
    if (!isStackOverflow(error)) throw error;
    const at = text === undefined ? -1 : scanJson(text, MAX_NESTING).tooDeepAt;
    const problem = issue('too_deep', [], messages.too_deep(MAX_NESTING));
    return { ok: false, issues: [at < 0 || text === undefined ? problem : { ...problem, ...new LineIndex(text).position(at) }] };
  }
}

/**
 * Validates a value already parsed (an importer's output, a test's object).
 * `text`, when given, is used to locate problems.
 */
export function loadMenuValue(data: unknown, text?: string): Result<Menu> {
  return withStackGuard(text, () => validate(data, text, true));
}

/** Validates a parsed value; `mayHoldForbiddenKeys` false when its text was shown to hold none. */
function validate(data: unknown, text: string | undefined, mayHoldForbiddenKeys: boolean): Result<Menu> {
  const forbidden = mayHoldForbiddenKeys ? forbiddenKeyIssues(data) : [];
  if (forbidden.length > 0) return { ok: false, issues: text === undefined ? forbidden : locateIssues(text, forbidden) };
  const parsed = Menu.safeParse(data);
  const found = parsed.success ? checkMenu(parsed.data) : schemaIssues(parsed.error, data);
  if (!parsed.success || found.some(isError)) {
    return { ok: false, issues: text === undefined || found.length === 0 ? found : locateIssues(text, found) };
  }
  return validResult(parsed.data, found, text);
}

/** Warnings with their positions, or without if the position parser runs out of stack. */
function locatedOrAsTheyAre(text: string, warnings: Issue[]): Issue[] {
  try {
    return locateIssues(text, warnings);
  } catch (error) {
    if (isStackOverflow(error)) return warnings;
    throw error;
  }
}

/**
 * A valid menu whose warnings are located on first read: locating parses
 * the whole text again with positions (seconds and a gigabyte for a 40 MB
 * file), which commands that never print warnings (`ivr escape`) skip.
 */
function validResult(menu: Menu, warnings: Issue[], text: string | undefined): Result<Menu> {
  if (text === undefined || warnings.length === 0) return { ok: true, value: menu, warnings };
  let located: Issue[] | undefined;
  return {
    ok: true,
    value: menu,
    get warnings() {
      located ??= locatedOrAsTheyAre(text, warnings);
      return located;
    },
  };
}
