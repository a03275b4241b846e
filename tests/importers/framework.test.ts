import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { MenuBuilder, menuIdFrom, nodeIdFrom, spokenPrompt, stripMarkup, stripTemplates } from '../../src/importers/build-menu.js';
import { detectFormat, importFiles } from '../../src/importers/registry.js';
import { voiceXmlImporter } from '../../src/importers/voicexml.js';
import { runIvr } from '../cli/audit-context.js';
import { NODE_ID_PATTERN, RESERVED_NODE_IDS } from '../../src/model/index.js';
import { FIXTURES, fixture, validMenu } from './helpers.js';

const SEED = 61_017;
fc.configureGlobal({ seed: SEED });

describe('build-menu helpers', () => {
  test(`node ids are always valid and never reserved (seed ${SEED})`, () => {
    fc.assert(fc.property(fc.string(), (name) => {
      const id = nodeIdFrom(name);
      expect(id).toMatch(NODE_ID_PATTERN);
      expect(RESERVED_NODE_IDS).not.toContain(id);
    }));
    expect(nodeIdFrom('__proto__')).toBe('proto__');
    expect(nodeIdFrom('constructor')).toBe('constructor_');
  });

  test(`menu ids are slugs (seed ${SEED})`, () => {
    fc.assert(fc.property(fc.string(), (name) => {
      expect(menuIdFrom(name)).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    }));
    expect(menuIdFrom('Acme Support Line.json')).toBe('acme-support-line');
  });

  test('SSML is stripped to words; templates are dropped, never run', () => {
    expect(stripMarkup('<speak>Press <say-as interpret-as="digits">1</say-as> &amp; wait.</speak>')).toBe('Press 1 & wait.');
    expect(stripTemplates('Hi {{flow.name}}{% if x %} there{% endif %} ${var.x}!')).toEqual({ text: 'Hi there !', templated: true });
    expect(spokenPrompt('{{widgets.x.body}}')).toEqual({ prompt: {}, templated: true });
    expect(spokenPrompt('Hello.', 2).prompt).toBe('Hello. Hello.');
  });

  test('a reference to a missing element becomes a located hang-up with a warning', () => {
    const builder = new MenuBuilder('twilio-studio', 'test');
    builder.node('a', 'a', { type: 'say', prompt: 'Hi.', next: 'ghost' }, { file: 'f.json', element: 'a' });
    const { menu, warnings } = builder.build({ start: 'a', name: 'T', file: 'f.json' });
    validMenu(menu);
    expect(warnings.map((w) => w.code)).toEqual(['broken_reference']);
    expect(Object.values(menu.nodes).map((n) => n.type).sort()).toEqual(['hangup', 'say']);
  });

  test('pass-throughs that loop forever become a hang-up; unreachable elements and their warnings are left out', () => {
    const builder = new MenuBuilder('amazon-connect', 'test');
    builder.pass('p1', 'p2', { file: 'f' });
    builder.pass('p2', 'p1', { file: 'f' });
    builder.node('island', 'island', { type: 'agent' }, { file: 'f' });
    builder.warn('island', 'x', { file: 'f' }, { en: 'x', 'zh-CN': 'x' });
    const { menu, warnings } = builder.build({ start: 'p1', name: 'T', file: 'f' });
    validMenu(menu);
    expect(Object.values(menu.nodes)).toEqual([{ type: 'hangup', reason: 'a loop of blocks that never waits for the caller' }]);
    expect(warnings.map((w) => w.code)).toEqual(['endless_loop']);
  });
});

describe('call state in the menu builder (Connect\'s target queue)', () => {
  /** A branch to two assignments of `queue` that meet again at a message, then `after`. */
  function twoQueues(after: 'agent' | 'hangup') {
    const builder = new MenuBuilder('amazon-connect', 'test');
    const at = { file: 'f' };
    builder.node('start', 'start', { type: 'branch', cases: [{ when: { fact: 'vip' }, next: 'set-gold' }], otherwise: 'set-basic' }, at);
    builder.assign('set-gold', 'queue', 'gold', 'hello', at);
    builder.assign('set-basic', 'queue', 'basic', 'hello', at);
    builder.node('hello', 'hello', { type: 'say', prompt: 'Hello.', next: after }, at);
    builder.node('agent', 'agent', { type: 'agent' }, at, { reads: 'queue', make: (queue) => ({ type: 'agent', queue: queue ?? 'unknown' }) });
    builder.node('hangup', 'hangup', { type: 'hangup' }, at);
    return validMenu(builder.build({ start: 'start', name: 'T', file: 'f' }).menu);
  }

  test('a node that reads the value is made once per value that reaches it, and the path to it too', () => {
    const menu = twoQueues('agent');
    expect(Object.values(menu.nodes).filter((n) => n.type === 'agent').map((n) => n.type === 'agent' && n.queue).sort()).toEqual(['basic', 'gold']);
    expect(Object.values(menu.nodes).filter((n) => n.type === 'say')).toHaveLength(2);
  });

  test('a value nobody reads any more does not copy the nodes after it', () => {
    const menu = twoQueues('hangup');
    expect(Object.values(menu.nodes).filter((n) => n.type === 'say')).toHaveLength(1);
  });
});

describe('format detection', () => {
  test('each fixture is detected as its format', () => {
    expect(detectFormat([fixture('twilio-studio/support-line.json')])).toMatchObject({ ok: true, importer: { id: 'twilio-studio' } });
    for (const file of ['retry-menu.json', 'legacy-menu.json', 'described-retry-menu.json']) {
      expect(detectFormat([fixture(`amazon-connect/${file}`)])).toMatchObject({ ok: true, importer: { id: 'amazon-connect' } });
    }
  });

  test.each([
    ['empty', '  \n', 'empty_file'],
    ['comments only', ';-- a block\ncomment --;\n; exten => s,1,Answer()\n', 'comments_only'],
    ['broken JSON', '{\n  "states": [\n    {"name": "a"\n    {"name": "b"}\n  ]\n}', 'invalid_json'],
    ['SCXML', '<?xml version="1.0"?>\n<scxml xmlns="http://www.w3.org/2005/07/scxml" initial="a"><state id="a"/></scxml>', 'scxml'],
    ['an include wrapper', '<include>\n  <X-PRE-PROCESS cmd="include" data="../ivr_menus/*.xml"/>\n</include>\n', 'include_wrapper'],
    ['unknown JSON', '{"hello": "world"}', 'unknown_format'],
    ['a menu already', '{"$schema": "x", "format": "ivr-menu/1", "id": "m"}', 'already_a_menu'],
  ])('%s gets a one-line reason', (_, text, code) => {
    const detection = detectFormat([{ name: 'f', text }]);
    expect(detection.ok).toBe(false);
    if (detection.ok) return;
    expect(detection.problem.code).toBe(code);
    expect(detection.problem.message.en).not.toContain('\n');
    if (code === 'invalid_json') expect([detection.problem.line, detection.problem.column]).toEqual([4, 5]);
  });
});

describe('a folder\'s entry', () => {
  const doc = (name: string, body: string) => ({ name: `f/${name}`, text: `<vxml version="2.1">${body}</vxml>` });

  test('VoiceXML: the one document whose start nobody links to; a link back to a later dialog does not count', () => {
    // a-cards links back to b-main's later dialog; c-root is b-main's application root; d-leaf is entered at its first dialog.
    const files = [
      doc('a-cards.vxml', '<form id="cards"><block><goto next="b-main.vxml#agents"/></block></form><form id="y"><block><goto next="d-leaf.vxml#leaf"/></block></form>'),
      { name: 'f/b-main.vxml', text: '<vxml version="2.1" application="c-root.vxml"><menu id="main"><choice dtmf="1" next="a-cards.vxml"/></menu><form id="agents"/></vxml>' },
      doc('c-root.vxml', '<form id="x"/>'),
      doc('d-leaf.vxml', '<form id="leaf"/>'),
    ];
    expect(voiceXmlImporter.pickEntry?.(files)).toBe(1);
  });

  test('VoiceXML: when no single document qualifies, the first file', () => {
    const files = [doc('a.vxml', '<form id="a"/>'), doc('b.vxml', '<form id="b"/>')];
    expect(voiceXmlImporter.pickEntry?.(files)).toBe(0);
  });

  test('importFiles puts the entry note first among the warnings and second in source.notes', () => {
    const note = { code: 'entry_chosen', at: { file: 'f/a.vxml' }, message: { en: 'Calls start at a.vxml.', 'zh-CN': '来电从 a.vxml 开始。' } };
    const result = importFiles([doc('a.vxml', '<form id="a"><block><disconnect/></block></form>')], { entryChoice: note });
    expect(result.warnings[0]).toBe(note);
    expect(result.menu.source?.notes?.split('\n')[1]).toBe('Calls start at a.vxml.');
  });
});

describe('ivr import (CLI)', () => {
  const source = join(FIXTURES, 'twilio-studio/support-line.json');

  test('writes a valid menu atomically with -o and prints located warnings to stderr, exit 0', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ivr-import-'));
    const context = await runIvr(['import', source, '-o', join(folder, 'menu.json')]);
    expect(context.exitCode()).toBe(0);
    expect(context.stdout()).toBe('');
    validMenu(JSON.parse(readFileSync(join(folder, 'menu.json'), 'utf8')));
    expect(context.stderr()).toMatch(/support-line\.json:\d+:\d+ {2}main_menu {2}warning: /);
  });

  test('a folder imports as one bundle starting at the flow nobody transfers to', async () => {
    const context = await runIvr(['import', join(FIXTURES, 'amazon-connect/patient-line'), '--json']);
    expect(context.exitCode()).toBe(0);
    const report = JSON.parse(context.stdout()) as { format: string; entry: string; menu: unknown };
    expect(report.format).toBe('amazon-connect');
    expect(report.entry).toContain('_00_patient_line_open.json');
    validMenu(report.menu);
  });

  test('a file that cannot be imported exits 2 and writes nothing', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'ivr-import-'));
    const context = await runIvr(['import', join(FIXTURES, 'amazon-connect/patient-line/_0x_voicemail.json'), '--from', 'twilio-studio', '-o', join(folder, 'menu.json')]);
    expect(context.exitCode()).toBe(2);
    expect(context.stderr()).toContain('not a Twilio Studio flow');
    expect(readdirSync(folder)).toEqual([]);
  });

  test('--from picks the importer; size limits apply before parsing', () => {
    expect(() => importFiles([{ name: 'big.json', text: `{"states": [${'1,'.repeat(1000)}1]}` }], { maxBytes: 100 })).toThrow(/over the/);
  });
});
