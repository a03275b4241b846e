/**
 * Text → validated Menu. Parsing is the fast built-in JSON.parse; the slower
 * position-aware parse (jsonc-parser) runs only when there is a problem to
 * locate, so a 40 MB file loads in about the time JSON.parse takes.
 * Every problem comes back as data with its JSON path, line and column.
 */
import * as z from 'zod';
import { findNodeAtLocation, parseTree, printParseErrorCode, parse as parseLoose, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { checkMenu } from './check.js';
import { issue, isError, type Issue, type JsonPath, type Result } from './issues.js';
import { messages } from './messages.js';
import { Menu } from './schema.js';

export const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const FORBIDDEN_KEYS = ['__proto__'];

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
  const root = parseTree(text, [], { allowTrailingComma: false, disallowComments: true });
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
    const node = findNodeAtLocation(root, path.slice(0, length) as (string | number)[]);
    if (node === undefined) continue;
    // For an object key, point at the key itself rather than its value.
    if (length === path.length && node.parent?.type === 'property' && length > 0 && typeof path[length - 1] === 'string') {
      return node.parent.children?.[0] ?? node;
    }
    return node;
  }
  return root;
}

function syntaxIssues(text: string): Issue[] {
  const errors: ParseError[] = [];
  parseLoose(text, errors, { allowTrailingComma: false, disallowComments: true, allowEmptyContent: false });
  const lines = new LineIndex(text);
  const first = errors[0];
  const detail = first ? printParseErrorCode(first.error).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase() : 'unexpected content';
  const at = lines.position(first?.offset ?? 0);
  return [{ ...issue('invalid_json', [], messages.invalid_json(detail)), ...at }];
}

/** Finds forbidden keys (`__proto__`) anywhere, before any object is built from them. */
function forbiddenKeyIssues(text: string): Issue[] {
  if (!FORBIDDEN_KEYS.some((key) => text.includes(key))) return [];
  const found: Issue[] = [];
  const root = parseTree(text);
  const walk = (node: JsonNode | undefined, path: JsonPath): void => {
    if (node === undefined) return;
    if (node.type === 'object') {
      for (const property of node.children ?? []) {
        const [keyNode, valueNode] = property.children ?? [];
        const key = String(keyNode?.value);
        if (FORBIDDEN_KEYS.includes(key)) found.push(issue('reserved_key', [...path, key], messages.reserved_key(key)));
        else walk(valueNode, [...path, key]);
      }
    } else if (node.type === 'array') {
      node.children?.forEach((child, index) => walk(child, [...path, index]));
    }
  };
  walk(root, []);
  return found;
}

const ZOD_ZH: Record<string, string> = {
  invalid_type: '类型错误',
  invalid_value: '取值无效',
  invalid_format: '格式无效',
  invalid_union: '不符合任何允许的形式',
  unrecognized_keys: '有未知字段',
  too_small: '值太小或太短',
  too_big: '值太大或太长',
  custom: '不符合要求',
};

function valueAt(data: unknown, path: JsonPath): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

/** One of our issues per zod issue; unknown keys point at each key, missing fields say so. */
function schemaIssues(error: z.ZodError, data: unknown): Issue[] {
  return error.issues.flatMap((zodIssue): Issue[] => {
    const path = zodIssue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const field = path[path.length - 1];
    if (zodIssue.code === 'unrecognized_keys') {
      return zodIssue.keys.map((key) => issue('unknown_field', [...path, key], messages.schema(
        `Unknown field "${key}": check its spelling against docs/menu-format.md.`,
        `未知字段 "${key}":请对照 docs/menu-format.md 检查拼写。`)));
    }
    if (valueAt(data, path) === undefined && path.length > 0) {
      return [issue('missing_field', path, messages.schema(
        `Missing required field "${String(field)}".`,
        `缺少必填字段 "${String(field)}"。`))];
    }
    if (path[0] === 'nodes' && path.length === 3 && field === 'type') {
      return [issue('unknown_node_type', path, messages.schema(
        `Unknown node type ${JSON.stringify(valueAt(data, path))}: use one of say, menu, input, branch, agent, hangup.`,
        `未知节点类型 ${JSON.stringify(valueAt(data, path))}:请使用 say、menu、input、branch、agent、hangup 之一。`))];
    }
    const zh = ZOD_ZH[zodIssue.code] ?? '不符合格式';
    const en = zodIssue.code === 'invalid_union' ? 'Invalid value: it matches none of the allowed forms (see docs/menu-format.md)' : zodIssue.message;
    return [issue('schema', path, messages.schema(`${en}.`, `${zh}(${en})。`))];
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
  if (text.trim() === '') return { ok: false, issues: [issue('empty_file', [], messages.empty_file())] };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, issues: syntaxIssues(text) };
  }
  const forbidden = forbiddenKeyIssues(text);
  if (forbidden.length > 0) return { ok: false, issues: locateIssues(text, forbidden) };
  return loadMenuValue(data, text);
}

/**
 * Validates a value already parsed (an importer's output, a test's object).
 * `text`, when given, is used to locate problems.
 */
export function loadMenuValue(data: unknown, text?: string): Result<Menu> {
  const parsed = Menu.safeParse(data);
  const found = parsed.success ? checkMenu(parsed.data) : schemaIssues(parsed.error, data);
  const located = text === undefined || found.length === 0 ? found : locateIssues(text, found);
  const errors = located.filter(isError);
  if (!parsed.success || errors.length > 0) return { ok: false, issues: located };
  return { ok: true, value: parsed.data, warnings: located };
}
