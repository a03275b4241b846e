import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KEYS, type Key, type Menu, type Situation } from '../../src/model/index.js';
import { startCall, type CallSession } from '../../src/machine/index.js';
import { arbitraryMenu, arbitrarySituation } from '../helpers/arbitrary-menu.js';
import { argvOf, docExamples } from '../helpers/doc-examples.js';
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
    expect(context.stdout()).toContain('Outcome: a person answers at salesQueue after 6.1 s of menu time, then a hold of ≈ 35 s (median)');
  });

  it('names the simulated moment on its first line, as ivr escape does: a wall time, or now in UTC to the minute', async () => {
    const wall = await run(['call', 'menus/demo-bank.json', '--at', 'tue 10:00', '--script', '3']);
    expect(wall.stdout().split('\n')[0]).toBe('Northwind Savings Bank customer line (demo) · tue 10:00 · script "3"');
    // the fake context's clock: 2026-12-01T15:00:00Z, a Tuesday
    const now = await run(['call', 'menus/demo-bank.json', '--script', '3']);
    expect(now.stdout().split('\n')[0]).toBe('Northwind Savings Bank customer line (demo) · tue 2026-12-01 15:00 UTC · script "3"');
  });

  it('carries the situation in --json and in a saved --transcript (moment, caller flags, facts)', async () => {
    const dir = tempDir();
    const file = join(dir, 'call.json');
    const argv = ['call', 'menus/telecom-tidewater-cable.json', '--at', 'wed 09:30', '--fact', 'areaOutage', '--script', '1'];
    const json = await run([...argv, '--json', '--transcript', file]);
    const expected = { moment: 'wed 09:30', caller: [], facts: ['areaOutage'] };
    expect(JSON.parse(json.stdout()).situation).toEqual(expected);
    expect(JSON.parse(readFileSync(file, 'utf8')).situation).toEqual(expected);
  });

  it('says the hold of the queue reached: its median (with minutes from 60 s on), or that it is unknown', async () => {
    const { holdWords } = await import('../../src/cli/transcript.js');
    const menu = JSON.parse(readFileSync('menus/demo-bank.json', 'utf8')) as Menu;
    expect(holdWords(menu, 'salesQueue')).toBe('then a hold of ≈ 35 s (median)');
    expect(holdWords(menu, 'serviceQueue')).toBe('then a hold of ≈ 540 s (median, 9 min)');
    const dir = tempDir();
    const file = join(dir, 'no-wait.json');
    const salesQueue = { ...menu.nodes.salesQueue, wait: undefined };
    writeFileSync(file, JSON.stringify({ ...menu, nodes: { ...menu.nodes, salesQueue } }));
    const context = await run(['call', file, '--at', 'tue 10:00', '--script', '3']);
    expect(context.stdout()).toContain('Outcome: a person answers at salesQueue after 6.1 s of menu time, hold unknown (the queue has no median wait)');
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

  it('prints times as ivr escape does: 22.25 s of menu time is "22.3 s" on the outcome line, as on the event lines', async () => {
    // bank-huaxin's fastest route at tue 10:00 (ivr escape: "Menu time 22.3 s"); it ends at 22.25 s exactly
    const script = ['wait', '1', ...Array<string>(25).fill('1'), '3'].join(',');
    const json = await run(['call', 'menus/bank-huaxin.json', '--at', 'tue 10:00', '--script', script, '--json']);
    expect(JSON.parse(json.stdout()).menuSeconds).toBe(22.25);
    const text = await run(['call', 'menus/bank-huaxin.json', '--at', 'tue 10:00', '--script', script]);
    expect(text.stdout()).toContain('22.3 s  wealthQueue  end');
    expect(text.stdout()).toContain('Outcome: a person answers at wealthQueue after 22.3 s of menu time');
    expect(text.stdout()).not.toContain('22.25');
  });

  it('rounds half a tenth up on event lines too (toFixed would print 1.4 for 1.45)', async () => {
    const { secondsText } = await import('../../src/cli/transcript.js');
    expect(secondsText(1.45)).toBe('1.5');
    expect(secondsText(22.25)).toBe('22.3');
    expect(secondsText(0)).toBe('0.0');
  });

  it('refuses an unwritable --transcript path before the call: exit 2, one line naming the path, nothing printed', async () => {
    const dir = tempDir();
    const file = join(dir, 'a-file');
    writeFileSync(file, 'x');
    const cases = [
      { path: join(dir, 'missing', 'call.json'), says: 'does not exist' },
      { path: join(file, 'call.json'), says: 'does not exist' },
      { path: dir, says: 'this is a folder' },
    ];
    for (const { path, says } of cases) {
      const context = await run(['call', 'menus/demo-bank.json', '--at', 'tue 10:00', '--script', '3', '--transcript', path]);
      expect(context.exitCode()).toBe(2);
      expect(context.stdout()).toBe('');
      const lines = context.stderr().trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toContain(path);
      expect(lines[0]).toContain(says);
    }
  });

  it('checks the --transcript path before a screen call too: exit 2 without a terminal being needed', async () => {
    const dir = tempDir();
    const context = await run(['call', 'menus/demo-bank.json', '--transcript', join(dir, 'missing', 'call.json')], { stdinIsTTY: true, stdoutIsTTY: true });
    expect(context.exitCode()).toBe(2);
    expect(context.stderr()).toContain('does not exist');
    expect(context.stdout()).toBe('');
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

describe('the examples of docs/call.md and of ivr call --help are real runs', () => {
  const examples = docExamples('docs/call.md', ['ivr call']);

  it('finds the examples of the page', () => {
    expect(examples.length).toBeGreaterThanOrEqual(2);
  });

  it.each(examples.map((example) => [example.command, example] as const))('%s', async (_command, example) => {
    const context = await run(argvOf(example.command));
    // An example of bad input shows its one line on stderr, and exits 2.
    const refused = context.exitCode() === 2;
    expect(refused ? context.stdout() : context.stderr()).toBe('');
    expect((refused ? context.stderr() : context.stdout()).trimEnd()).toBe(example.output);
  });

  it('the --help example prints what its run prints', async () => {
    const help = (await run(['call', '--help'])).stdout();
    const example = help.slice(help.indexOf('Example:\n') + 'Example:\n'.length).split('\n').map((line) => line.replace(/^ {2}/, ''));
    const command = (example[0] ?? '').replace(/^\$ /, '');
    expect(command).toMatch(/^ivr call /);
    const context = await run(argvOf(command));
    expect(context.stdout()).toBe(example.slice(1).join('\n').trimEnd());
  });
});

type Token = { key: Key } | { phrase: string } | 'wait';

/** The oracle: plays the documented script rules straight on a session, step by step. */
interface Replayed {
  node: string;
  type: string;
  micros: number | null;
  /** every log entry of the call: its time in µs, node, kind, key or words */
  events: { at: number; node: string; kind: string; key?: string; phrase?: string }[];
}

function replay(menu: Menu, at: Situation, tokens: Token[]): Replayed {
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
  const events = session.log().map(({ at: when, node, kind, key, phrase }) => ({ at: when, node, kind, ...(key !== undefined ? { key } : {}), ...(phrase !== undefined ? { phrase } : {}) }));
  return outcome === undefined
    ? { node: session.view().node, type: 'unfinished', micros: null, events }
    : { node: outcome.node, type: outcome.type, micros: outcome.menuMicros, events };
}

/** The transcript's events in the oracle's terms (µs, no reason), the tokens it did not play left out. */
function playedEvents(events: { at: number; node: string; kind: string; key?: string; phrase?: string }[]): Replayed['events'] {
  return events
    .filter((event) => event.kind !== 'unused')
    .map(({ at: when, node, kind, key, phrase }) => ({ at: Math.round(when * 1e6), node, kind, ...(key !== undefined ? { key } : {}), ...(phrase !== undefined ? { phrase } : {}) }));
}

const token: fc.Arbitrary<Token> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...KEYS).map((key) => ({ key })) },
  { weight: 2, arbitrary: fc.constantFrom('agent', '人工', 'billing', 'mumble').map((phrase) => ({ phrase })) },
  { weight: 2, arbitrary: fc.constant('wait' as const) },
);
const text = (t: Token) => (t === 'wait' ? 'wait' : 'key' in t ? t.key : `say:${t.phrase}`);

describe(`headless transcript = direct replay through the machine (fast-check seed ${SEED})`, () => {
  it('has the same outcome, menu time, and every event (time, node, kind, key, words) for random menus and scripts', async () => {
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
        expect({
          node: transcript.outcome.node,
          type: transcript.outcome.type,
          micros: transcript.menuSeconds === null ? null : Math.round(transcript.menuSeconds * 1e6),
          events: playedEvents(transcript.events),
        }).toEqual(expected);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});
