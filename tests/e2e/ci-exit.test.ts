/**
 * `ivr audit` as an IVR team's CI step runs it: the built binary in a child
 * process, its exit code deciding the build. 0 passes, 1 is the threshold
 * the user asked to fail on, 2 a broken input. `compare` over a folder with
 * a broken file still exits 0 and lists the broken file in its row.
 * Needs `npm run build` (npm ci runs it through `prepare`).
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = 'dist/cli/main.js';

function ivr(...args: string[]) {
  const run = spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', IVR_LANG: '', LC_ALL: '', LC_MESSAGES: '' } });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('the built ivr binary in a CI step', () => {
  it('is built', () => {
    expect(existsSync(MAIN), 'run npm run build first').toBe(true);
  });

  // insurance-es-alameda scores 24.7 (grade B); demo-bank 24.6 but F by its hang-ups (F2).
  it.each([
    [['menus/insurance-es-alameda.json', '--fail-on', 'C'], 0],
    [['menus/insurance-es-alameda.json', '--fail-above', '24.7'], 0],
    [['menus/insurance-es-alameda.json', '--fail-above', '24'], 1],
    [['menus/insurance-es-alameda.json', '--fail-on', 'B'], 1],
    [['menus/demo-bank.json', '--fail-above', '30'], 0],
    [['menus/demo-bank.json', '--fail-on', 'D'], 1],
    [['menus/demo-bank.json', '--fail-on', 'G'], 2],
    [['menus/no-such-menu.json', '--fail-on', 'D'], 2],
  ])('audit %j exits %i', (args, code) => {
    const run = ivr('audit', ...args, '--format', 'json');
    expect(run.code, run.stderr).toBe(code);
    if (code === 2) {
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } else {
      expect(JSON.parse(run.stdout)).toMatchObject({ menu: args[0]?.replace(/^menus\/|\.json$/g, '') });
    }
  });

  it('compare: a broken file gets its row, the others are ranked, exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ivr-ci-'));
    copyFileSync('menus/demo-bank.json', join(dir, 'a-demo-bank.json'));
    copyFileSync('menus/insurance-es-alameda.json', join(dir, 'b-alameda.json'));
    writeFileSync(join(dir, 'c-broken.json'), '{ "format": "ivr-menu/1", ');
    const run = ivr('compare', dir, '--format', 'csv');
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.trim().split(/\r?\n/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^1,.*b-alameda\.json,insurance-es-alameda,/);
    expect(lines[2]).toMatch(/^2,.*a-demo-bank\.json,demo-bank,/);
    // The broken row: no rank, the file, empty figures, then its located problem (line 1, column 27).
    expect(lines[3]).toMatch(/^,\S*c-broken\.json,,.*,"1:27 {2}\(document\) {2}This is not valid JSON/);
  });
});
