/**
 * `ivr validate` run in-process through runCli with a fake context, plus one
 * real process to show that a bad file never prints a stack trace.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { localeFrom } from '../../src/cli/output.js';
import type { Locale } from '../../src/model/index.js';
import { ivrOutput } from './audit-context.js';

const root = join(import.meta.dirname, '..', '..');
const good = 'tests/fixtures/menus/worked-example.json';
const broken = (name: string) => `tests/fixtures/broken/${name}`;

const ivr = (argv: string[], locale: Locale = 'en') => ivrOutput(argv, { locale });

describe('ivr validate', () => {
  it('prints OK per valid file and exits 0', async () => {
    const run = await ivr(['validate', good, broken('warning-unreachable.json')]);
    expect(run.out.split('\n')[0]).toBe(`${good}: OK`);
    expect(run.code).toBe(0);
  });

  it('prints every problem as file:line:col  path  message and exits 2', async () => {
    const run = await ivr(['validate', broken('unknown-field.json')]);
    expect(run.err.split('\n')).toEqual([
      `${broken('unknown-field.json')}:7:13  nodes.main.prompt  Missing required field "prompt".`,
      `${broken('unknown-field.json')}:9:7  nodes.main.promt  Unknown field "promt". Did you mean "prompt"?`,
    ]);
    expect(run.out).toBe('');
    expect(run.code).toBe(2);
  });

  it('keeps warnings apart: the file is OK, the warning is labelled, exit 0', async () => {
    const run = await ivr(['validate', broken('warning-unreachable.json')]);
    expect(run.out.split('\n')).toEqual([
      `${broken('warning-unreachable.json')}: OK (1 warning)`,
      `${broken('warning-unreachable.json')}:9:5  nodes.oldMenu  warning: Node "oldMenu" cannot be reached from "start": no option, handler or branch leads to it.`,
    ]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
  });

  it('checks every file and exits 2 when any one is bad', async () => {
    const run = await ivr(['validate', good, broken('duplicate-key.json')]);
    expect(run.out).toBe(`${good}: OK`);
    expect(run.err).toMatch(/^tests\/fixtures\/broken\/duplicate-key\.json:12:11  nodes\.main\.options\[1\]\.key  Key "1" is already taken/);
    expect(run.code).toBe(2);
  });

  it('--json prints one report per file', async () => {
    const run = await ivr(['validate', '--json', good, broken('silent-loop.json'), broken('warning-no-agent.json')]);
    const reports = JSON.parse(run.out) as { file: string; ok: boolean; errors: { code: string; line: number; column: number }[]; warnings: { code: string }[] }[];
    expect(reports.map((r) => [r.file, r.ok, r.errors.map((e) => `${e.code}@${e.line}:${e.column}`), r.warnings.map((w) => w.code)])).toEqual([
      [good, true, [], []],
      [broken('silent-loop.json'), false, ['silent_loop@7:5'], []],
      [broken('warning-no-agent.json'), true, [], ['no_agent']],
    ]);
    expect(run.code).toBe(2);
  });

  it('--json exits 0 when every file is valid', async () => {
    const run = await ivr(['validate', '--json', good]);
    expect(run.code).toBe(0);
  });

  it.each([
    ['an empty file', broken('empty.json'), 'The file is empty'],
    ['a file that is not JSON', broken('not-json.json'), 'This is not valid JSON'],
    ['a directory', 'tests/fixtures/broken', 'This is a directory, not a file'],
    ['a missing file', 'tests/fixtures/no-such-menu.json', 'No such file'],
  ])('gives %s a one-line error and exit 2', async (_what, file, words) => {
    const run = await ivr(['validate', file]);
    expect(run.err.split('\n')).toHaveLength(1);
    expect(run.err.startsWith(file)).toBe(true);
    expect(run.err).toContain(words);
    expect(run.code).toBe(2);
  });

  it('refuses a file over --max-mb before reading it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ivr-validate-'));
    const big = join(dir, 'big.json');
    writeFileSync(big, JSON.stringify({ padding: 'x'.repeat(4000) }));
    const run = await ivr(['validate', '--max-mb', '0.001', big]);
    expect(run.err).toBe(`${big}  The file is 3.9 KB, over the 1 KB limit: raise it with --max-mb if you trust the file.`);
    expect(run.code).toBe(2);
  });

  it('refuses a --max-mb that is not a positive number', async () => {
    const run = await ivr(['validate', '--max-mb', 'lots', good]);
    expect(run.err).toBe('--max-mb "lots" must be a positive number of megabytes.');
    expect(run.code).toBe(2);
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const run = await ivr(['--lang', 'zh-CN', 'validate', broken('unknown-node.json'), broken('empty.json')], 'zh-CN');
    expect(run.err.split('\n')).toEqual([
      `${broken('unknown-node.json')}:11:34  nodes.main.options[0].next  节点 "main" 的第 0 个选项指向 "agnet",但菜单中没有该节点。是否想写 "agent"?`,
      `${broken('empty.json')}:1:1  (document)  文件为空:请写入 ivr-menu/1 JSON 文档(见 docs/menu-format.md)。`,
    ]);
  });

  it('gives every broken fixture exit 2 and located lines (file:line:col  path  message)', async () => {
    const files = readdirSync(join(root, 'tests/fixtures/broken')).filter((name) => !name.startsWith('warning-')).sort();
    expect(files.length).toBeGreaterThanOrEqual(15);
    for (const name of files) {
      const run = await ivr(['validate', broken(name)]);
      expect(run.code, name).toBe(2);
      for (const line of run.err.split('\n')) {
        // three columns always: a problem of the whole document has the path (document)
        expect(line, name).toMatch(/^\S+:\d+:\d+  \S+  \S/);
      }
    }
  });

  it('exits 2 without files', async () => {
    const run = await ivr(['validate']);
    expect(run.err).toContain("missing required argument 'files'");
    expect(run.code).toBe(2);
  });
});

describe('the language of messages', () => {
  it('follows --lang, then IVR_LANG, then LC_ALL, LC_MESSAGES and LANG in POSIX order; empty counts as unset', () => {
    expect(localeFrom('zh-CN', { LANG: 'C' })).toBe('zh-CN');
    expect(localeFrom(undefined, { IVR_LANG: 'en', LC_ALL: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFrom(undefined, { LC_ALL: 'zh_CN.UTF-8', LANG: 'C' })).toBe('zh-CN');
    expect(localeFrom(undefined, { LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(localeFrom(undefined, { LC_ALL: '', LC_MESSAGES: 'C', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(localeFrom(undefined, {})).toBe('en');
  });
});

describe('ivr validate as a real process', () => {
  // Whatever the machine's locale and colour settings: English through LANG, and no FORCE_COLOR
  // (Node warns on stderr when it meets NO_COLOR beside it).
  const ENGLISH = { LANG: 'C', IVR_LANG: '', LC_ALL: '', LC_MESSAGES: '', FORCE_COLOR: undefined };
  const tsx = join(root, 'node_modules', '.bin', 'tsx');

  it('prints a located one-line message for a bad file, no stack trace, exit 2', () => {
    const child = spawnSync(tsx, ['src/cli/main.ts', 'validate', broken('not-json.json')], { cwd: root, encoding: 'utf8', env: { ...process.env, ...ENGLISH } });
    expect(child.status).toBe(2);
    expect(child.stdout).toBe('');
    expect(child.stderr).toBe(`${broken('not-json.json')}:8:3  (document)  This is not valid JSON: JSON allows no "," after the last item of an object or list. Fix the syntax at this position.\n`);
    expect(child.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads the language from LANG', () => {
    const child = spawnSync(tsx, ['src/cli/main.ts', 'validate', broken('empty.json')], { cwd: root, encoding: 'utf8', env: { ...process.env, ...ENGLISH, LANG: 'zh_CN.UTF-8' } });
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('文件为空');
  });
});
