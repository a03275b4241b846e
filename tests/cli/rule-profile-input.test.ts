/**
 * Bad input to the audit commands exits 2 with one located line per problem:
 * a rule profile file whose params are wrong, and a folder with no menus.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIvr } from './audit-context.js';

const TOY = 'tests/fixtures/audit/toy.json';

/** Line 6 holds the first rule; a problem is placed at its field's key, as in menu files. */
const BAD_PROFILE = `{
  "profile": "bad",
  "title": "Bad",
  "jurisdiction": "test",
  "rules": [
    { "id": "A", "title": "a", "check": "answerWithin", "params": { "seconds": "ten", "statistc": "p90" }, "source": { "name": "x" } }
  ]
}
`;

describe('a rule profile file with bad params', () => {
  it.each(['audit', 'compare'])('ivr %s exits 2 with file:line:col path message for each problem, and prints no report', async (command) => {
    const folder = mkdtempSync(join(tmpdir(), 'ivr-profile-'));
    const file = join(folder, 'bad.json');
    writeFileSync(file, BAD_PROFILE);
    const context = await runIvr([command, TOY, '--rules', file]);
    expect(context.exitCode()).toBe(2);
    expect(context.stdout()).toBe('');
    const line = BAD_PROFILE.split('\n')[5] as string;
    expect(context.stderr().split('\n')).toEqual([
      `${file}:6:${line.indexOf('"seconds"') + 1}  rules[0].params.seconds  Invalid input: expected number, received string.`,
      `${file}:6:${line.indexOf('"statistc"') + 1}  rules[0].params.statistc  Unknown field "statistc". Did you mean "statistic"?`,
    ]);
  });

  it('the same profile with the fields right is accepted and its limit used', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ivr-profile-'));
    const file = join(folder, 'good.json');
    writeFileSync(file, BAD_PROFILE.replace('"ten"', '10').replace('statistc', 'statistic'));
    const context = await runIvr(['audit', TOY, '--rules', file, '--format', 'json']);
    expect(context.exitCode()).toBe(0);
    // The toy's sales queue: p90 40 s against the profile's 10 s.
    expect(JSON.parse(context.stdout()).rules[0].evidence.text).toBe('Queue sales: p90 wait 40 s (limit 10 s).');
  });
});

describe('ivr compare on a folder without menus', () => {
  it('exits 2 with one line naming the folder, and prints no table', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ivr-empty-'));
    mkdirSync(join(folder, 'notes'));
    writeFileSync(join(folder, 'notes', 'readme.txt'), 'not a menu');
    const context = await runIvr(['compare', folder]);
    expect(context.exitCode()).toBe(2);
    expect(context.stdout()).toBe('');
    expect(context.stderr()).toBe(`${folder}: no menu files found (.json, in this folder or below).`);
  });

  it('an empty folder beside real menus is still refused (it is a mistake in the arguments)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ivr-empty-'));
    const context = await runIvr(['compare', TOY, folder]);
    expect(context.exitCode()).toBe(2);
    expect(context.stderr()).toContain('no menu files found');
  });
});
