/** `ivr compare`: ranking, formats, broken files in their row, worker threads give the same rows. */
import { mkdtempSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIvr } from './audit-context.js';
import { checkHelpExamples } from './help-examples.js';

/** A folder with the toy (34.3, C), the help loop, the worked example (F2) and two broken files. */
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ivr-compare-'));
  copyFileSync('tests/fixtures/audit/toy.json', join(dir, 'toy.json'));
  copyFileSync('tests/fixtures/audit/loop.json', join(dir, 'loop.json'));
  copyFileSync('tests/fixtures/menus/worked-example.json', join(dir, 'worked.json'));
  writeFileSync(join(dir, 'broken.json'), '{ "format": "ivr-menu/1"');
  writeFileSync(join(dir, 'dangling.json'), JSON.stringify({ format: 'ivr-menu/1', id: 'x', name: 'x', start: 'a', nodes: { a: { type: 'say', prompt: 'hi', next: 'nowhere' } } }));
  writeFileSync(join(dir, 'notes.txt'), 'not a menu');
  return dir;
}

const compare = (...argv: string[]) => runIvr(['compare', ...argv]);

describe('ivr compare', () => {
  it('ranks by grade then score, lists broken files last with their problem, exits 0', async () => {
    const context = await compare(corpus(), '--format', 'json', '--rules', 'es-ley-10-2025');
    expect(context.exitCode()).toBe(0);
    const rows = JSON.parse(context.stdout());
    expect(rows.map((r: { menu: string | null; grade: string | null }) => `${r.menu} ${r.grade}`)).toEqual([
      'toy-telecom C', 'example-card-line F', 'help-loop F', 'null null', 'null null',
    ]);
    // Both F rows hard-fail (F2); between them the lower score ranks first.
    expect(rows[1].score).toBeLessThan(rows[2].score);
    expect(rows[0]).toMatchObject({ score: 34.3, fastestSeconds: 41, announcedSeconds: 41, hoursCoverage: 1 });
    expect(rows[0].rules['es-ley-10-2025/ES-Menu']).toBe('fail');
    expect(rows[3].error).toMatch(/^1:\d+/);
    expect(rows[4].error).toContain('nowhere');
  });

  it('csv has one column per rule and quotes commas', async () => {
    const context = await compare(corpus(), '--format', 'csv', '--rules', 'cn-elderly');
    const lines = context.stdout().split('\r\n');
    expect(lines[0]).toBe('rank,file,menu,name,score,grade,coverage,hard_fails,fastest_seconds,announced_seconds,hours_coverage,cn-elderly/CN-Elder,cn-elderly/CN-MIIT-Exists,cn-elderly/CN-MIIT-Connects,error');
    expect(lines[1]).toContain(',toy-telecom,Toy Telecom (after the research\'s worked example),34.3,C,100,,41,41,1,fail,pass,pass,');
    expect(lines.some((line) => line.includes('"'))).toBe(true);
  });

  it('table, md and html render the same ranking', async () => {
    const dir = corpus();
    const table = (await compare(dir)).stdout();
    expect(table.split('\n')[1]).toMatch(/^1 {2}toy-telecom +C +34\.3 +41\.0 s +41\.0 s +100 %/);
    expect((await compare(dir, '--format', 'md')).stdout()).toContain('| 1 | toy-telecom | C | 34.3 |');
    const html = (await compare(dir, '--format', 'html')).stdout();
    expect(html).toContain('<span class="grade-chip grade-C">C</span>');
    expect(html).not.toMatch(/<script|<link/i);
  });

  it('worker threads give the same rows as the main thread', async () => {
    const dir = corpus();
    const here = (await compare(dir, '--format', 'json', '--workers', '0')).stdout();
    const threads = (await compare(dir, '--format', 'json', '--workers', '2')).stdout();
    expect(threads).toBe(here);
  });

  it('when no file at all can be audited, the rows are printed and the exit code is 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ivr-compare-'));
    writeFileSync(join(dir, 'empty.json'), '');
    writeFileSync(join(dir, 'broken.json'), '{ "format": "ivr-menu/1"');
    writeFileSync(join(dir, 'other.json'), JSON.stringify({ hello: 'world' }));
    for (const paths of [[join(dir, 'missing.json')], [join(dir, 'empty.json')], [join(dir, 'other.json')], [dir]]) {
      const context = await compare(...paths, '--format', 'json');
      expect(context.exitCode(), paths.join(' ')).toBe(2);
      const rows = JSON.parse(context.stdout());
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row.error).toEqual(expect.any(String));
      expect(context.stderr()).toMatch(/^[^\n]*No menu could be audited \(\d+ files?, each with its problem in its row\)\.$/);
    }
    // One good file among broken ones is a ranking: exit 0.
    expect((await compare(dir, 'tests/fixtures/audit/toy.json')).exitCode()).toBe(0);
  });

  it('the --help example prints what its run prints', async () => {
    expect(await checkHelpExamples('compare')).toBe(1);
  });

  it('a missing path is a row, a bad option exits 2', async () => {
    const context = await compare('tests/fixtures/audit/toy.json', 'missing.json', '--format', 'json');
    expect(JSON.parse(context.stdout())[1]).toMatchObject({ file: 'missing.json', error: 'No such file: check the path.' });
    expect((await compare('tests/fixtures/audit/toy.json', '--workers', 'many')).exitCode()).toBe(2);
    expect((await compare('tests/fixtures/audit/toy.json', '--format', 'xls')).exitCode()).toBe(2);
  });
});
