/**
 * docs/friction.md shows the ranking of the bundled menus as a real run of
 * `ivr compare menus/ --format md`. This runs it again: when the score, a
 * menu or a rule changes, the copy in the doc must be replaced by the
 * table this test prints.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runIvr } from '../cli/audit-context.js';

const DOC = new URL('../../docs/friction.md', import.meta.url);

/** The markdown table rows (lines starting with `|`) of a text, from the first one on, until the first line that is not one. */
function tableRows(text: string): string[] {
  const lines = text.split('\n');
  const first = lines.findIndex((line) => line.startsWith('| # | menu |'));
  if (first < 0) return [];
  const end = lines.findIndex((line, index) => index > first && !line.startsWith('|'));
  return lines.slice(first, end < 0 ? undefined : end);
}

describe('docs/friction.md', () => {
  it('ranks the bundled menus exactly as `ivr compare menus/ --format md` does now', async () => {
    const context = await runIvr(['compare', 'menus/', '--format', 'md']);
    expect(context.exitCode()).toBe(0);
    const real = tableRows(context.stdout());
    expect(real.length).toBeGreaterThan(10);
    const documented = tableRows(readFileSync(DOC, 'utf8').split('## The bundled menus, ranked')[1] ?? '');
    expect(documented, `paste this table into docs/friction.md:\n${real.join('\n')}`).toEqual(real);
  });

  it('calls no bundled menu a doom loop unless its audit finds one', async () => {
    const text = readFileSync(DOC, 'utf8');
    for (const file of readdirSync('menus').filter((name) => name.endsWith('.json'))) {
      const context = await runIvr(['audit', `menus/${file}`, '--format', 'json', '--rules', '']);
      const report = JSON.parse(context.stdout()) as { menu: string; metrics: { traps: { doomLoops: string[] } } };
      if (report.metrics.traps.doomLoops.length > 0) continue;
      // The review found "card-jinqiao, the doom loop" beside an audit saying "Doom loops: none".
      expect(text).not.toMatch(new RegExp(`${report.menu}\`?,? (is )?the doom loop`));
    }
  });
});
