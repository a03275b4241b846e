import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS, type Key, type Menu, type Situation } from '../../src/model/index.js';
import { startCall, type CallSession } from '../../src/machine/index.js';
import { arbitraryMenu, arbitrarySituation } from '../helpers/arbitrary-menu.js';
import { runIvr } from './audit-context.js';

const SEED = 4_2026;
const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ivr-call-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const run = runIvr;

describe('ivr call --script (headless)', () => {
  it('prints the transcript of the demo line and reaches the sales queue with 3', async () => {
    const context = await run(['call', 'menus/demo-bank.json', '--at', 'tue 10:00', '--script', '3']);
    expect(context.exitCode() ?? 0).toBe(0);
    expect(context.stdout()).toContain('5.6 s  main           press 3');
    expect(context.stdout()).toContain('Outcome: a person answers at salesQueue after 6.1 s of menu time');
  });

  it('opens the bundled demo line when no menu is named', async () => {
    const context = await run(['call', '--at', 'tue 10:00', '--script', '3', '--json']);
    expect(JSON.parse(context.stdout())).toMatchObject({ menu: 'demo-bank', outcome: { node: 'salesQueue', type: 'agent' }, menuSeconds: 6.1 });
  });

  it('saves the transcript atomically with --transcript and leaves no temporary file', async () => {
    const dir = tempDir();
    const file = join(dir, 'call.json');
    await run(['call', 'menus/demo-bank.json', '--at', 'tue 23:00', '--script', '0', '--transcript', file]);
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    expect(saved.outcome).toEqual({ node: 'closed', type: 'hangup', reason: 'after hours' });
    expect(saved.events[0]).toEqual({ at: 0, node: 'welcome', kind: 'enter' });
    expect(readdirSync(dir)).toEqual(['call.json']);
  });

  it('without a terminal and without a script, explains the script mode and exits 2', async () => {
    const context = await run(['call', 'menus/demo-bank.json']);
    expect(context.exitCode()).toBe(2);
    expect(context.stderr()).toContain('--script');
    expect(context.stdout()).toBe('');
  });

  it('names a missing file before the missing terminal: one line, exit 2', async () => {
    const context = await run(['call', 'no-such-menu.json']);
    expect(context.exitCode()).toBe(2);
    expect(context.stderr()).toContain('no-such-menu.json');
    expect(context.stderr()).not.toContain('--script');
    expect(context.stderr().trim().split('\n')).toHaveLength(1);
  });

  it('refuses a bad token, a bad speed and a broken menu with exit 2 and one located line', async () => {
    const token = await run(['call', 'menus/demo-bank.json', '--script', '1,x']);
    expect(token.exitCode()).toBe(2);
    expect(token.stderr()).toContain('Script token 2 "x"');
    const speed = await run(['call', 'menus/demo-bank.json', '--speed', '0', '--script', '1']);
    expect(speed.exitCode()).toBe(2);
    expect(speed.stderr()).toContain('--speed "0"');
    const dir = tempDir();
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"format": "ivr-menu/1", "id": "x", "name": "x", "start": "nowhere", "nodes": {}}');
    const bad = await run(['call', broken, '--script', '1', '--transcript', join(dir, 'out.json')]);
    expect(bad.exitCode()).toBe(2);
    expect(existsSync(join(dir, 'out.json'))).toBe(false);
  });
});

type Token = { key: Key } | { phrase: string } | 'wait';

/** The oracle: plays the documented script rules straight on a session, step by step. */
function replay(menu: Menu, at: Situation, tokens: Token[]): { node: string; type: string; micros: number | null } {
  const session: CallSession = startCall(menu, at);
  const limit = 30 * 60 * 1e6;
  const step = () => {
    const next = session.nextChangeAt();
    return next !== undefined && next <= limit && session.advanceToNextChange();
  };
  let live = true;
  for (const token of tokens) {
    if (!live) break;
    if (token === 'wait') {
      const visit = session.view().visit;
      while (live && session.view().visit === visit && session.view().phase !== 'ended') live = step();
      continue;
    }
    const speech = 'phrase' in token;
    while (live && !(speech ? session.view().acceptsSpeech : session.view().acceptsKeys)) live = step();
    if (live) live = session.send(speech ? { type: 'SAY', phrase: token.phrase } : { type: 'KEY', key: token.key }) === 'accepted';
  }
  while (step());
  const outcome = session.view().outcome;
  return outcome === undefined ? { node: session.view().node, type: 'unfinished', micros: null } : { node: outcome.node, type: outcome.type, micros: outcome.menuMicros };
}

const token: fc.Arbitrary<Token> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...KEYS).map((key) => ({ key })) },
  { weight: 2, arbitrary: fc.constantFrom('agent', '人工', 'billing', 'mumble').map((phrase) => ({ phrase })) },
  { weight: 2, arbitrary: fc.constant('wait' as const) },
);
const text = (t: Token) => (t === 'wait' ? 'wait' : 'key' in t ? t.key : `say:${t.phrase}`);

describe(`headless transcript = direct replay through the machine (fast-check seed ${SEED})`, () => {
  it('has the same outcome node, type and menu time for random menus and scripts', async () => {
    const dir = tempDir();
    await fc.assert(
      fc.asyncProperty(arbitraryMenu(), arbitrarySituation(), fc.array(token, { maxLength: 8 }), async (menu, at, tokens) => {
        const file = join(dir, 'menu.json');
        writeFileSync(file, JSON.stringify(menu));
        const moment = at.moment.kind === 'wall' ? `${at.moment.day} ${String(Math.floor(at.moment.minutes / 60)).padStart(2, '0')}:${String(at.moment.minutes % 60).padStart(2, '0')}` : '';
        const argv = ['call', file, '--json', '--at', moment, '--script', tokens.map(text).join(',')];
        if (at.caller.size > 0) argv.push('--caller', [...at.caller].join(','));
        if (at.facts.size > 0) argv.push('--fact', [...at.facts].join(','));
        const context = await run(argv);
        expect(context.exitCode() ?? 0).toBe(0);
        const transcript = JSON.parse(context.stdout());
        const expected = replay(menu, at, tokens);
        expect({ node: transcript.outcome.node, type: transcript.outcome.type, micros: transcript.menuSeconds === null ? null : Math.round(transcript.menuSeconds * 1e6) })
          .toEqual(expected);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
