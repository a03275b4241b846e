/** `ivr audit` in-process: the JSON shape, formats, thresholds and exit codes, bad input. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIvr } from './audit-context.js';
import { checkHelpExamples } from './help-examples.js';

const TOY = 'tests/fixtures/audit/toy.json';
/** The only agent is behind a branch on the fact "check_schedule fail"; a later branch on the caller flag vip goes to the agent either way. */
const FACT_GATED = 'tests/fixtures/audit/fact-gated.json';

const run = (...argv: string[]) => runIvr(argv);

describe('ivr audit', () => {
  it('--format json has the documented shape; the toy scores 34.3, grade C (worked out in tests/analysis/metrics.test.ts)', async () => {
    const context = await run('audit', TOY, '--format', 'json', '--rules', 'es-ley-10-2025');
    expect(context.exitCode()).toBe(0);
    const report = JSON.parse(context.stdout());
    expect(Object.keys(report)).toEqual(expect.arrayContaining(['menu', 'score', 'grade', 'coverage', 'hardFails', 'components', 'metrics', 'rules']));
    expect(report).toMatchObject({ menu: 'toy-telecom', score: 34.3, grade: 'C', coverage: 100, hardFails: [] });
    expect(report.components).toHaveLength(14);
    for (const component of report.components) {
      expect(Object.keys(component)).toEqual(expect.arrayContaining(['id', 'points', 'max', 'evidence']));
      expect(component.evidence.text.length).toBeGreaterThan(5);
    }
    expect(report.components.find((c: { id: string }) => c.id === 'C1').evidence.configurations).toEqual(['selfService']);
    const results = Object.fromEntries(report.rules.map((r: { id: string; result: string }) => [r.id, r.result]));
    expect(results).toMatchObject({ 'ES-Menu': 'fail', 'ES-3min': 'pass', 'ES-NoCut': 'pass', 'ES-NotOnlyAutomated': 'pass' });
    expect(report.rules[0].source.name).toContain('Ley 10/2025');
  });

  it('--fail-above and --fail-on exit 1 only when crossed', async () => {
    expect((await run('audit', TOY, '--fail-above', '34')).exitCode()).toBe(1);
    expect((await run('audit', TOY, '--fail-above', '35')).exitCode()).toBe(0);
    expect((await run('audit', TOY, '--fail-on', 'C')).exitCode()).toBe(1);
    expect((await run('audit', TOY, '--fail-on', 'd')).exitCode()).toBe(0);
  });

  it('a hard fail (default handlers hang up) forces F and trips --fail-on F', async () => {
    const context = await run('audit', 'tests/fixtures/menus/worked-example.json', '--fail-on', 'F', '--rules', '');
    expect(context.exitCode()).toBe(1);
    expect(context.stdout()).toContain('grade F (hard fail F2)');
  });

  it('text and Markdown show the breakdown; Markdown embeds a Mermaid diagram with the route', async () => {
    const text = await run('audit', TOY, '--rules', 'cn-elderly');
    expect(text.stdout()).toContain('Menu Friction Index 34.3 / 100');
    expect(text.stdout()).toContain('CN-Elder');
    const md = (await run('audit', TOY, '--format', 'md')).stdout();
    expect(md).toContain('```mermaid\nflowchart TD');
    expect(md).toMatch(/==>\|"5 Everything else"\|/);
    expect(md).toContain('| A1 | Depth to a human on the announced route | 5.0 | 15 |');
  });

  it('without --at, hang-ups on errors at any hour count: health-renhe hangs up outside the desk hours (F2, ES-NoCut fails); at an open --at it does not', async () => {
    // menus/health-renhe.json: errors and silence go to the nurses' desk (Mon–Fri 07:30–17:30, Sat 08:00–12:00), else to a hang-up.
    const week = JSON.parse((await run('audit', 'menus/health-renhe.json', '--json', '--rules', 'es-ley-10-2025')).stdout());
    expect(week.hardFails).toEqual(['F2']);
    expect(week.grade).toBe('F');
    expect(week.flags[0].evidence.moment).toBe('mon 00:00');
    expect(week.metrics.moment).toBe('mon 07:30');
    expect(week.rules.find((r: { id: string }) => r.id === 'ES-NoCut').result).toBe('fail');
    const open = JSON.parse((await run('audit', 'menus/health-renhe.json', '--json', '--rules', 'es-ley-10-2025', '--at', 'tue 10:00')).stdout());
    expect(open.hardFails).toEqual([]);
    expect(open.rules.find((r: { id: string }) => r.id === 'ES-NoCut').result).toBe('pass');
  });

  it('--at changes the moment of the route figures', async () => {
    const context = await run('audit', TOY, '--json', '--at', 'wed 14:00');
    expect(JSON.parse(context.stdout()).metrics.moment).toBe('wed 14:00');
  });

  it('bad input exits 2 with a one-line message and writes no file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ivr-audit-'));
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{ "format": "ivr-menu/1", ');
    const out = join(dir, 'report.html');
    const context = await run('audit', broken, '--format', 'html', '-o', out);
    expect(context.exitCode()).toBe(2);
    expect(context.stderr()).toMatch(/broken\.json:1:\d+/);
    expect(existsSync(out)).toBe(false);
    expect((await run('audit', TOY, '--format', 'pdf')).exitCode()).toBe(2);
    expect((await run('audit', TOY, '--rules', 'nowhere')).stderr()).toContain('known: cn-elderly');
    expect((await run('audit', TOY, '--fail-above', 'lots')).exitCode()).toBe(2);
    expect((await run('audit', TOY, '--fail-on', 'G')).exitCode()).toBe(2);
    expect((await run('audit', TOY, '--at', 'someday')).exitCode()).toBe(2);
  });

  it('F1 says which facts were judged and names the fact that opens a person; with that fact given, F1 is gone', async () => {
    const none = await run('audit', FACT_GATED, '--rules', '');
    const text = none.stdout();
    expect(text).toContain('Hours with a person: 0 of 168 hours (0 %) with the facts given (none) and caller flags (none)');
    expect(text).toContain('F1  No person reachable at any hour of the week, by any route: No person is reachable at any hour of the week with the facts given (none) and caller flags (none); with the fact "check_schedule fail" (--fact), one is.');
    // The vip branch leads to the agent either way: a flag that changes nothing is not offered.
    expect(text).not.toContain('flagged vip');
    expect(text).not.toContain('at this moment');
    const json = JSON.parse((await run('audit', FACT_GATED, '--json', '--rules', '')).stdout());
    expect(json.metrics.hoursCoverage.unlockedBy).toEqual({ facts: ['check_schedule fail'], callerFlags: [] });
    expect(json.metrics.hoursCoverage.judgedWith).toEqual({ facts: [], callerFlags: [], menuTestsFacts: true, menuTestsCallerFlags: true });
    const given = JSON.parse((await run('audit', FACT_GATED, '--json', '--rules', '', '--fact', 'check_schedule fail')).stdout());
    expect(given.hardFails).toEqual([]);
    expect(given.metrics.hoursCoverage).toMatchObject({ openHours: 168, unlockedBy: null, judgedWith: { facts: ['check_schedule fail'] } });
  });

  it('F1 on a menu no fact or flag can open says so', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ivr-audit-'));
    const closed = join(dir, 'closed.json');
    writeFileSync(closed, JSON.stringify({ format: 'ivr-menu/1', id: 'closed', name: 'Closed', locale: 'en-US', start: 'bye', nodes: { bye: { type: 'hangup', prompt: 'Goodbye.' } } }));
    const flag = JSON.parse((await run('audit', closed, '--json', '--rules', '')).stdout()).flags[0];
    expect(flag.id).toBe('F1');
    expect(flag.evidence.text).toBe('No person is reachable at any hour of the week with the facts given (none); no single fact or caller flag the menu tests changes that.');
  });

  it('text formatting: "n/a of 3", no empty "not at:" clause, one F2 sentence, "% of points assessable"', async () => {
    const gated = (await run('audit', FACT_GATED, '--rules', '')).stdout();
    expect(gated).toMatch(/D1 {2}n\/a of 3 /);
    expect(gated).not.toContain('n/a/');
    expect(gated).toMatch(/grade F \(hard fail F1\), \d+ % of points assessable/);
    const worked = (await run('audit', 'tests/fixtures/menus/worked-example.json', '--rules', '')).stdout();
    const f2 = worked.split('\n').find((line) => line.includes('F2  ')) ?? '';
    expect(f2).toMatch(/^ {2}F2 {2}The menu hangs up on a caller who pressed a wrong key or said nothing: after the last retry of main\.invalid at /);
    expect(f2.match(/[Hh]angs up/g)).toHaveLength(1);
    const toy = JSON.parse((await run('audit', TOY, '--json', '--rules', '')).stdout());
    for (const component of toy.components) expect(component.evidence.text, component.id).not.toMatch(/: none\.$/);
    const loop = (await run('audit', 'tests/fixtures/audit/loop.json', '--rules', '')).stdout();
    expect(loop).not.toContain('not at: none');
  });

  it('every --help example prints what its run prints (audit, graph)', async () => {
    expect(await checkHelpExamples('audit')).toBe(3);
    expect(await checkHelpExamples('graph')).toBe(2);
  });

  it('-o writes the report', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ivr-audit-')), 'toy.md');
    await run('audit', TOY, '--format', 'md', '-o', out);
    expect(readFileSync(out, 'utf8')).toContain('# Friction audit: Toy Telecom');
  });
});
