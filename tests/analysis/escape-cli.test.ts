/** `ivr escape` run in-process with a fake context: human and JSON output, findings, errors and exit codes. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ivrOutput, workedExamplePath } from './helpers.js';

const escape = (...args: string[]) => ivrOutput(['escape', ...args]);

function tempMenu(name: string, text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'ivr-escape-')), name);
  writeFileSync(file, text);
  return file;
}

describe('ivr escape', () => {
  it('prints numbered steps, the figures, strategies and the dial string', async () => {
    const { out, code } = await escape(workedExamplePath, '--at', 'tue 10:00');
    expect(code).toBe(0);
    expect(out).toBe([
      'Example Bank credit-card line · tue 10:00 · objective total',
      '  1. Listen 4.4 s (welcome)',
      '  2. Press 3 (Lost card) 0.5 s',
      '  3. Hold ≈ 45 s (lostCardQueue)',
      'Menu time 4.9 s · hold ≈ 45 s · total ≈ 49.9 s',
      'Actions: 1 · reaches lostCardQueue (queue fraud)',
      'Strategies: advertised, department-choice',
      'Dial: +18005550100,,,3',
    ].join('\n'));
  });

  it('--json prints the route of menu-format.md, with the alternatives and the verification', async () => {
    const { out, code } = await escape(workedExamplePath, '--at', 'tue 10:00', '--json', '--alternatives', '2', '--verify');
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json).toMatchObject({ menu: 'example-card-line', reachable: true, totalSeconds: 49.9, dial: '+18005550100,,,3', verified: true });
    expect(json.alternatives).toHaveLength(1);
    expect(json.alternatives[0]).toMatchObject({ outcome: 'agentQueue', totalSeconds: 304.9, strategies: ['hidden-key'], script: 'wait,0' });
  });

  it('--objective keys and --advertised-only change the route and report the hidden-shortcut gain', async () => {
    const keys = JSON.parse((await escape(workedExamplePath, '--at', 'tue 10:00', '--json', '--objective', 'keys')).out);
    expect([keys.objective, keys.actions, keys.totalSeconds]).toEqual(['keys', 0, 339.8]);
    const advertised = await escape(workedExamplePath, '--at', 'tue 10:00', '--advertised-only');
    expect(advertised.out).toContain('Hidden-shortcut gain: 0 s');
  });

  it('--verify says the route was replayed', async () => {
    const { out } = await escape(workedExamplePath, '--at', 'tue 10:00', '--verify');
    expect(out.split('\n').at(-1)).toBe('Verified by replay through the call machine.');
  });

  it('an unreachable human is a finding: reason printed, exit 0', async () => {
    const file = tempMenu('closed.json', JSON.stringify({
      format: 'ivr-menu/1', id: 'closed', name: 'Closed line', start: 'main',
      nodes: { main: { type: 'say', prompt: 'We are closed', next: 'bye' }, bye: { type: 'hangup' } },
    }));
    const human = await escape(file, '--at', 'tue 10:00');
    expect([human.code, human.out.split('\n')[1]]).toEqual([0, 'No route to a human: The menu has no agent node: no route reaches a human.']);
    const json = JSON.parse((await escape(file, '--at', 'tue 10:00', '--json')).out);
    expect(json).toMatchObject({ reachable: false, reason: 'no_agent' });
  });

  it('--advertised-only where only unannounced options reach a person: says so, with no "other times" or fact hints', async () => {
    // jingxuan at tue 10:00: the service schedule is open, but the queue is behind the unannounced 0
    const advertised = await escape('menus/ecommerce-jingxuan.json', '--at', 'tue 10:00', '--advertised-only');
    const lines = advertised.out.split('\n');
    expect(lines[2]).toBe('A person is reachable now, but not through announced options alone (run without --advertised-only for the steps):');
    expect(lines[3]).toMatch(/^With hidden options, invalid entries or silence: total [\d.]+ s \[hidden-key\]  script: wait,0$/);
    expect(advertised.out).not.toContain('at other times');
    expect(advertised.out).not.toContain('--fact');
    const json = JSON.parse((await escape('menus/ecommerce-jingxuan.json', '--at', 'tue 10:00', '--advertised-only', '--json')).out);
    expect(json).toMatchObject({ reachable: false, reason: 'not_advertised' });
    expect(json.unlockedBy).toBeUndefined();
  });

  it('--advertised-only: hours and facts are offered only when they open an announced route', async () => {
    // The queue opens in office hours or in a storm, but only behind the unannounced 0.
    const file = tempMenu('hidden-queue.json', JSON.stringify({
      format: 'ivr-menu/1', id: 'hidden-queue', name: 'Hidden queue', start: 'main',
      hours: { office: { timezone: 'UTC', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }] } },
      nodes: {
        main: { type: 'menu', prompt: 'For opening times press 1.', options: [
          { key: '1', label: 'Opening times', next: 'bye' },
          { key: '0', next: 'gate', advertised: false },
        ] },
        gate: { type: 'branch', cases: [{ when: { open: 'office' }, next: 'queue' }, { when: { fact: 'storm' }, next: 'queue' }], otherwise: 'bye' },
        queue: { type: 'agent', wait: { medianSeconds: 60 } },
        bye: { type: 'hangup' },
      },
    }));
    const everything = await escape(file, '--at', 'sun 23:00');
    expect(everything.out).toContain('A person is reachable at other times (each schedule\'s local time): mon 09:00–17:00;');
    expect(everything.out).toContain('A person would be reachable now if "storm" held (--fact).');
    const advertised = await escape(file, '--at', 'sun 23:00', '--advertised-only');
    expect(advertised.out.split('\n').slice(1)).toEqual([expect.stringMatching(/^No route to a human: /)]);
    const json = JSON.parse((await escape(file, '--at', 'sun 23:00', '--advertised-only', '--json')).out);
    expect(json.unlockedBy).toEqual({ hours: [], facts: [], callerFlags: [] });
  });

  it('a broken menu exits 2 with file:line:column, path and message, and prints no route', async () => {
    const file = tempMenu('broken.json', '{\n  "format": "ivr-menu/1", "id": "b", "name": "B", "start": "main",\n  "nodes": {\n    "main": { "type": "say", "prompt": "Hi", "next": "nowhere" }\n  }\n}\n');
    const { out, err, code } = await escape(file);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toMatch(/broken\.json:4:\d+ {2}nodes\.main\.next {2}.*nowhere/);
  });

  it('bad options exit 2', async () => {
    expect((await escape(workedExamplePath, '--alternatives', 'many')).code).toBe(2);
    expect((await escape(workedExamplePath, '--objective', 'fastest')).code).toBe(2);
    expect((await escape(workedExamplePath, '--at', 'someday')).code).toBe(2);
    expect((await escape(join(tmpdir(), 'no-such-menu.json'))).code).toBe(2);
  });

  it('--alternatives beyond 65,536 configurations: restricted searches, and the output says the list is approximate', async () => {
    // Seven menus with 100 retries of each handler: 7 × 101 × 101 = 71,407 configurations.
    const nodes: Record<string, unknown> = { desk: { type: 'agent', wait: { medianSeconds: 60 } } };
    for (let i = 0; i < 7; i++) {
      nodes[`m${i}`] = { type: 'menu', prompt: 'Press 1', options: [{ key: '1', next: i === 6 ? 'desk' : `m${i + 1}` }],
        invalid: { retries: 100 }, noInput: { retries: 100 } };
    }
    const file = tempMenu('large.json', JSON.stringify({ format: 'ivr-menu/1', id: 'large', name: 'Large', start: 'm0', nodes }));
    const text = await escape(file, '--alternatives', '3');
    expect(text.code).toBe(0);
    expect(text.out).toContain('(approximate: the menu is too large for the exact search of every strategy set;');
    expect(text.out).not.toContain('(none: no other agent');
    const json = JSON.parse((await escape(file, '--alternatives', '3', '--json')).out);
    expect(json.alternativesExact).toBe(false);
    const small = JSON.parse((await escape(workedExamplePath, '--at', 'tue 10:00', '--alternatives', '3', '--json')).out);
    expect(small.alternativesExact).toBeUndefined();
  });

  it('with no route to a human, --alternatives lists nothing beside it and --verify claims nothing', async () => {
    const file = tempMenu('no-agent.json', JSON.stringify({ format: 'ivr-menu/1', id: 'no-agent', name: 'No agent', start: 'bye', nodes: { bye: { type: 'hangup' } } }));
    const { out, code } = await escape(file, '--alternatives', '3', '--verify');
    expect(out).toContain('No route to a human');
    expect(code).toBe(0);
    expect(out).not.toContain('Alternatives:');
    expect(out).not.toContain('Verified');
    const json = JSON.parse((await escape(file, '--json', '--verify')).out);
    expect(json.reachable).toBe(false);
    expect(json).not.toHaveProperty('verified');
  });

  it('--fact and --caller names that no branch reads are warned about on stderr; the route is unchanged and the exit 0', async () => {
    // The worked example has no branch on a fact or a caller flag.
    const plain = await escape(workedExamplePath, '--at', 'tue 10:00');
    const typo = await escape(workedExamplePath, '--at', 'tue 10:00', '--fact', 'holdiay', '--caller', 'bad flag');
    expect([typo.code, typo.out]).toEqual([0, plain.out]);
    expect(typo.err.split('\n')).toEqual([
      'warning: --fact "holdiay" is not a fact this menu reads, so it changes nothing. The menu reads no facts.',
      'warning: --caller "bad flag" is not a caller flag this menu reads, so it changes nothing. The menu reads no caller flags.',
    ]);
    const file = tempMenu('facts.json', JSON.stringify({ format: 'ivr-menu/1', id: 'facts', name: 'Facts', start: 'check', nodes: {
      check: { type: 'branch', cases: [{ when: { any: [{ fact: 'queueFull' }, { fact: 'holiday' }, { caller: 'elderly' }] }, next: 'bye' }], otherwise: 'desk' },
      desk: { type: 'agent' }, bye: { type: 'hangup' },
    } }));
    const named = await escape(file, '--at', 'tue 10:00', '--fact', 'queueFull,holdiay', '--caller', 'elderly');
    expect([named.code, named.err]).toEqual([0, 'warning: --fact "holdiay" is not a fact this menu reads, so it changes nothing. The menu reads: holiday, queueFull.']);
    expect(plain.err).toBe('');
  });
});
