/**
 * Where problems are printed: one format for every command.
 * `file:line:col  path  message`, errors first, then warnings.
 */
import { formatPath, type Issue, type Locale } from '../model/index.js';

export function formatIssue(issue: Issue, file: string | undefined, locale: Locale = 'en'): string {
  const where = [file ?? '', issue.line, issue.column].filter((part) => part !== undefined && part !== '').join(':');
  // A problem inside the file always has three columns (`(document)` for the file as a whole);
  // a file that cannot be read (missing, too large) or a bad flag has no place and no path.
  const path = issue.line !== undefined || issue.path.length > 0 ? formatPath(issue.path) : '';
  const label = issue.severity === 'warning' ? 'warning: ' : '';
  return [where, path, `${label}${issue.message[locale]}`].filter((part) => part !== '').join('  ');
}

function byPosition(a: Issue, b: Issue): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0);
}

/** Errors, then warnings, each in file order, one per line. */
export function formatIssues(issues: readonly Issue[], file: string | undefined, locale: Locale = 'en'): string {
  const ofSeverity = (severity: Issue['severity']) => issues.filter((i) => i.severity === severity).sort(byPosition);
  const ordered = [...ofSeverity('error'), ...ofSeverity('warning')];
  return ordered.map((issue) => formatIssue(issue, file, locale)).join('\n');
}

/** `--lang zh-CN`, IVR_LANG, or the locale of messages (LC_ALL, LC_MESSAGES, LANG, in POSIX order) = zh… selects Chinese. */
export function localeFrom(option: string | undefined, env: NodeJS.ProcessEnv): Locale {
  // As in POSIX locale lookup, an empty variable counts as unset.
  const wanted = [option, env.IVR_LANG, env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value !== '') ?? '';
  return /^zh/i.test(wanted) ? 'zh-CN' : 'en';
}
