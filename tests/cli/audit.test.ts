/** `ivr audit` in-process: the JSON shape, formats, thresholds and exit codes, bad input. */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIvr } from './audit-context.js';

const TOY = 'tests/fixtures/audit/toy.json';

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

  it('-o writes the report', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ivr-audit-')), 'toy.md');
    await run('audit', TOY, '--format', 'md', '-o', out);
    expect(readFileSync(out, 'utf8')).toContain('# Friction audit: Toy Telecom');
  });
});
