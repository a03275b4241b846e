/**
 * Problems found in a file, as data. Every problem has a stable code, a
 * severity, the JSON path it concerns, a line and column once the loader has
 * located it, and its wording in English and Chinese. Printing happens in
 * one place at the edge (`cli/`), never here.
 */

export type Severity = 'error' | 'warning';

/** A JSON path such as `['nodes', 'main', 'options', 3, 'next']`. */
export type JsonPath = readonly (string | number)[];

export interface Message {
  en: string;
  'zh-CN': string;
}

export interface Issue {
  /** snake_case, stable: tools may match on it. */
  code: string;
  severity: Severity;
  path: JsonPath;
  /** 1-based; absent when the problem has no place in the text (an empty file). */
  line?: number;
  column?: number;
  message: Message;
}

export type Result<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; issues: Issue[] };

export type Locale = 'en' | 'zh-CN';

/**
 * The one error type thrown by this program. It carries its issues and the
 * exit code the CLI uses (1: a finding the user asked to fail on; 2: bad
 * input or usage).
 */
export class IvrError extends Error {
  readonly issues: Issue[];
  readonly exitCode: 1 | 2;
  readonly file?: string;

  constructor(issues: Issue[], options: { exitCode?: 1 | 2; file?: string } = {}) {
    super(issues.map((issue) => issue.message.en).join('\n') || 'unknown problem');
    this.name = 'IvrError';
    this.issues = issues;
    this.exitCode = options.exitCode ?? 2;
    if (options.file !== undefined) this.file = options.file;
  }
}

/** Builds one issue; the loader adds line and column later. */
export function issue(code: string, path: JsonPath, message: Message, severity: Severity = 'error'): Issue {
  return { code, severity, path, message };
}

/** A usage or input error with no location (a missing file, a bad flag value). */
export function usageError(code: string, message: Message): IvrError {
  return new IvrError([issue(code, [], message)]);
}

/** `nodes.main.options[3].next`: how paths are written in messages. */
export function formatPath(path: JsonPath): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(part)) text += text === '' ? part : `.${part}`;
    else text += `[${JSON.stringify(part)}]`;
  }
  return text === '' ? '(document)' : text;
}

export function isError(problem: Issue): boolean {
  return problem.severity === 'error';
}
