import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMachine } from 'xstate';
import { fastestRoute } from '../../src/analysis/index.js';
import { machineConfig } from '../../src/machine/index.js';
import { loadMenu } from '../../src/model/index.js';
import { exportXState } from '../../src/report/export-xstate.js';
import { ivrOutput } from '../cli/audit-context.js';
import { at } from '../machine/helpers.js';

const example = 'tests/fixtures/menus/worked-example.json';
const tuesday = at('tue 10:00');

const ivr = (argv: string[]) => ivrOutput(argv, { locale: 'en' });

const loaded = loadMenu(readFileSync(example, 'utf8'));
if (!loaded.ok) throw new Error('fixture invalid');
const menu = loaded.value;

describe('XState export', () => {
  it('is the machine config as JSON, one state per node plus the end, and XState accepts it', () => {
    const config = JSON.parse(exportXState(menu, tuesday)) as { initial: string; states: Record<string, unknown> };
    expect(config).toEqual(machineConfig(menu, tuesday));
    expect(config.initial).toBe('welcome');
    expect(Object.keys(config.states)).toEqual(expect.arrayContaining(Object.keys(menu.nodes)));
    expect(() => createMachine(config as never)).not.toThrow();
  });
});

describe('ivr export', () => {
  it('--format xstate prints the config, labelled with --at', async () => {
    const run = await ivr(['export', example, '--format', 'xstate', '--at', 'tue 10:00']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.out).description).toContain('tue 10:00');
  });

  it('--format vxml -o writes a file that ivr import reads back to the same fastest route', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ivr-export-'));
    const vxml = join(folder, 'example.vxml');
    const back = join(folder, 'back.json');
    expect((await ivr(['export', example, '--format', 'vxml', '-o', vxml])).code).toBe(0);
    const imported = await ivr(['import', vxml, '--from', 'vxml', '-o', back]);
    expect(imported.code).toBe(0);
    const reread = loadMenu(readFileSync(back, 'utf8'));
    if (!reread.ok) throw new Error('re-imported menu invalid');
    const before = fastestRoute(menu, { situation: tuesday });
    const after = fastestRoute(reread.value, { situation: tuesday });
    // The worked example of menu-format.md: 4.9 s of menu time, 45 s hold, key 3.
    expect(after.reachable && [after.menuMicros, after.holdMicros, after.steps.map((s) => s.key ?? s.do)])
      .toEqual(before.reachable && [4_900_000, 45_000_000, before.steps.map((s) => s.key ?? s.do)]);
  });

  it('an invalid menu exits 2 and writes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ivr-export-'));
    const target = join(folder, 'out.vxml');
    const run = await ivr(['export', 'tests/fixtures/broken/unknown-field.json', '--format', 'vxml', '-o', target]);
    expect(run.code).toBe(2);
    expect(existsSync(target)).toBe(false);
  });

  it('--format is required', async () => {
    expect((await ivr(['export', example])).code).toBe(2);
  });
});
