import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { fastestRoute } from '../../src/analysis/index.js';
import { asteriskImporter, importDialplan, patternMatches, scheduleFromTimeSpec, stripComments } from '../../src/importers/asterisk.js';
import { IvrError, parseMoment, situation } from '../../src/model/index.js';
import { runIvr } from '../cli/audit-context.js';
import { FIXTURES, fixture, tuesdayMorning, importFixtures, detectedWithSnapshot } from './helpers.js';

describe('Asterisk importer: small-office.conf (mirrors configs/basic-pbx [Main-IVR])', () => {
  const source = fixture('asterisk/small-office.conf');
  const { menu, valid, codes } = importFixtures(importDialplan, [source]);

  detectedWithSnapshot(asteriskImporter, source, menu.nodes, 0.8);

  test('Background + WaitExten(8) is a menu over the context\'s extensions; i is the invalid handler', () => {
    const main = valid.nodes[valid.start];
    expect(main).toMatchObject({ type: 'menu', prompt: { audio: 'office-welcome' }, timeout: 8, invalid: { retries: 0, then: 'Office-IVR.i' } });
    if (main?.type !== 'menu') return;
    expect(main.options.map((o) => o.key)).toEqual(['1', '2', '3', '4', '0']);
    expect(valid.nodes['Queues.5000']).toEqual({ type: 'agent', queue: 'sales' });
    // 0 → Goto(Users,2001,1) → the pattern _20XX → Dial: a person.
    expect(valid.nodes[main.options[4]?.next ?? '']?.type).toBe('agent');
    expect(valid.nodes[main.options[2]?.next ?? '']).toMatchObject({ type: 'hangup', reason: 'Directory()' });
  });

  test('the platform, not the author: t is dead behind the next priority, silence hears the menu again and hangs up', () => {
    expect(codes).toContain('18:asterisk_dead_t');
    const main = valid.nodes[valid.start];
    const again = main?.type === 'menu' ? valid.nodes[main.noInput?.then ?? ''] : undefined;
    expect(again).toMatchObject({ type: 'menu', timeout: 0, prompt: { audio: 'office-welcome' } });
    expect(again?.type === 'menu' ? valid.nodes[again.noInput?.then ?? ''] : undefined).toMatchObject({ type: 'hangup', reason: 'Hangup()' });
  });

  test('2 starts the longer 21: the PBX waits the digit timeout (5 s) before taking 2', () => {
    expect(codes).toContain('25:asterisk_prefix_wait');
    const main = valid.nodes[valid.start];
    const dialling = main?.type === 'menu' ? valid.nodes[main.options[1]?.next ?? ''] : undefined;
    expect(dialling).toMatchObject({ type: 'menu', timeout: 5, noInput: { retries: 0, then: 'Queues.5001' } });
    const route = fastestRoute(valid, { situation: tuesdayMorning() });
    expect(route.reachable && route.outcome).toBe('Queues.5000');
  });

  test('block comments are dropped, broken Goto targets are located warnings', () => {
    expect(Object.keys(valid.nodes).some((id) => id.includes('9999'))).toBe(false);
    expect(codes).toContain('29:asterisk_broken_goto');
  });

  test('fastest route by hand: the prompt can be interrupted, so press 1 (0.5 s) to the sales queue', () => {
    const route = fastestRoute(valid, { situation: tuesdayMorning() });
    expect(route.reachable && [route.menuMicros, route.steps.map((s) => s.key ?? s.do)]).toEqual([500_000, ['1']]);
  });
});

describe('Asterisk importer: hours.conf (dialect noise, GotoIfTime, Read)', () => {
  const source = fixture('asterisk/hours.conf');

  test('without --context the first context that waits for keys is chosen, and said', () => {
    const { warnings } = importDialplan([source]);
    expect(warnings.find((w) => w.code === 'asterisk_context_chosen')?.message.en).toContain('[menu]');
  });

  const { warnings, valid } = importFixtures(importDialplan, [source], { context: 'from-trunk' });

  test('GotoIfTime becomes a branch on a compiled schedule; a date rule becomes a fact', () => {
    expect(valid.hours?.['time_08_00-17_59_mon-fri']).toEqual({
      timezone: 'America/Sao_Paulo', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '18:00' }],
    });
    const branches = Object.values(valid.nodes).filter((n) => n.type === 'branch').map((n) => (n.type === 'branch' ? n.cases[0]?.when : undefined));
    expect(branches).toContainEqual({ open: 'time_08_00-17_59_mon-fri' });
    expect(branches).toContainEqual({ fact: 'time *,*,25,dec' });
  });

  test('upper-case EXTEN/SAME with "=" are read; a malformed line and an empty Goto() are warnings, not refusals', () => {
    const codes = warnings.map((w) => `${w.at.line}:${w.code}`);
    expect(codes).toEqual(expect.arrayContaining(['20:asterisk_unreadable_line', '19:asterisk_broken_goto']));
  });

  test('open on Tuesday 10:00 in São Paulo: the menu is reached; closed at 22:00: the call ends', () => {
    const open = fastestRoute(valid, { situation: situation(parseMoment('2026-12-01T10:00:00-03:00') as never) });
    expect(open.reachable).toBe(true);
    const closed = fastestRoute(valid, { situation: situation(parseMoment('2026-12-01T22:00:00-03:00') as never) });
    expect(closed.reachable).toBe(false);
  });

  test('Read(ACCOUNT,enter-account,6) is a six-digit input whose result the dialplan decides', () => {
    expect(Object.values(valid.nodes).find((n) => n.type === 'input')).toMatchObject({ length: 6, prompt: { audio: 'enter-account' } });
  });
});

describe('Asterisk syntax helpers', () => {
  test('comments: ; to the end of a line, \\; escaped, ;-- --; blocks keep the line count', () => {
    expect(stripComments('a;b\nc\\;d\n;-- x\ny --;z')).toEqual(['a', 'c;d', '     ', '     z']);
  });
  test('patterns', () => {
    expect(patternMatches('_20XX', '2001')).toBe(true);
    expect(patternMatches('_20XX', '201')).toBe(false);
    expect(patternMatches('_[2-5]N.', '3299')).toBe(true);
    expect(patternMatches('_[2-5]N.', '31')).toBe(false);
  });
  test('time specs: inclusive end minute, wrapping day ranges', () => {
    expect(scheduleFromTimeSpec('*', 'fri-mon')).toEqual([{ days: ['fri', 'sat', 'sun', 'mon'], from: '00:00', to: '24:00' }]);
    expect(scheduleFromTimeSpec('9:00-12:29', 'sat')).toEqual([{ days: ['sat'], from: '09:00', to: '12:30' }]);
  });
  test('a dialplan of comments only is refused with a reason', () => {
    expect(() => importDialplan([{ name: 'x.conf', text: ';-- all\n[ctx]\nexten => s,1,Answer() --;' }])).toThrow(IvrError);
  });
});

describe('ivr import --context (CLI)', () => {
  const hours = join(FIXTURES, 'asterisk/hours.conf');

  test('--context starts the call in the named context: the schedule check of [from-trunk] comes first', async () => {
    const context = await runIvr(['import', hours, '--context', 'from-trunk', '--json']);
    expect(context.exitCode()).toBe(0);
    const report = JSON.parse(context.stdout()) as { menu: { start: string; nodes: Record<string, { type: string }> }; warnings: { code: string }[] };
    expect(report.menu.nodes[report.menu.start]?.type).toBe('branch');
    expect(report.warnings.map((w) => w.code)).not.toContain('asterisk_context_chosen');
  });

  test('an unknown context exits 2 with one line naming the contexts, and writes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ivr-context-'));
    const context = await runIvr(['import', hours, '--context', 'main', '-o', join(folder, 'menu.json')]);
    expect(context.exitCode()).toBe(2);
    const message = context.stderr().split('\n').filter((line) => line.includes('[main]'));
    expect(message).toHaveLength(1);
    expect(message[0]).toContain('Contexts that wait for keys: menu; others: from-trunk.');
    expect(readdirSync(folder)).toEqual([]);
  });

  test('--context on a format without contexts is a usage error', async () => {
    const context = await runIvr(['import', join(FIXTURES, 'twilio-studio/support-line.json'), '--context', 'menu']);
    expect(context.exitCode()).toBe(2);
    expect(context.stderr()).toContain('--context names a dialplan context');
  });
});
