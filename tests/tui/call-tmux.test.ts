/**
 * End to end in a real terminal: the built CLI runs inside tmux (80×24),
 * keys are sent, the screen is read back, and a person is reached. tmux is a
 * Debian package that `.ci/run` installs; without it this test fails and
 * says so, rather than being skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SESSION = `ivr-call-e2e-${process.pid}`;
const MAIN = 'dist/cli/main.js';

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

function tmux(...args: string[]): string {
  return execFileSync('tmux', args, { encoding: 'utf8' });
}

const screen = (session = SESSION) => tmux('capture-pane', '-p', '-t', session);

/** Polls the screen: generous, as a busy machine may take seconds to start Node, never a fixed sleep. */
async function waitFor(text: string, timeoutMs = 30_000, session = SESSION): Promise<string> {
  const started = Date.now();
  for (;;) {
    const shown = screen(session);
    if (shown.includes(text)) return shown;
    if (Date.now() - started > timeoutMs) throw new Error(`"${text}" did not appear within ${timeoutMs} ms; the screen was:\n${shown}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(() => {
  const found = spawnSync('tmux', ['-V'], { encoding: 'utf8' });
  if (found.error !== undefined || found.status !== 0) {
    throw new Error('tmux is not installed: this end-to-end test needs it (apt-get install tmux; .ci/run installs it).');
  }
  if (!existsSync(MAIN) || statSync(MAIN).mtimeMs < newestSource('src')) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
}, 120_000);

/** Sessions and folders of the interruption tests, each its own. */
const sessions: string[] = [SESSION];
const folders: string[] = [];

afterAll(() => {
  for (const session of sessions) spawnSync('tmux', ['kill-session', '-t', session]);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/**
 * Starts `ivr call` on the demo line in its own tmux session with
 * `--transcript`, through `sh -c 'echo $$ > pid; exec node …'`: the shell
 * writes its pid and is then replaced by node, so the pid is the ivr
 * process itself (tmux's pane pid would be the outer shell).
 */
async function interruptibleCall(name: string): Promise<{ session: string; transcript: string; pid: () => number }> {
  const session = `${SESSION}-${name}`;
  sessions.push(session);
  const folder = mkdtempSync(join(tmpdir(), 'ivr-call-interrupt-'));
  folders.push(folder);
  const transcript = join(folder, 'call.json');
  const pidFile = join(folder, 'pid');
  const inner = `echo $$ > ${pidFile}; exec node ${MAIN} call menus/demo-bank.json --at "tue 10:00" --speed 4 --transcript ${transcript}`;
  tmux('new-session', '-d', '-s', session, '-x', '80', '-y', '24', `sh -c '${inner}'; echo "call exited: $?"; sleep 60`);
  // The keypad's trail panel: Ink has drawn the screen, the signal handlers are in place.
  await waitFor('Trail', 30_000, session);
  return { session, transcript, pid: () => Number(readFileSync(pidFile, 'utf8').trim()) };
}

/** The saved transcript: parsed whole (a partial file would not parse). */
function savedTranscript(file: string): { menu: string; outcome: { node: string; type: string; reason?: string }; menuSeconds: number | null; events: { at: number; kind: string }[] } {
  return JSON.parse(readFileSync(file, 'utf8'));
}

describe('ivr call in a real terminal (tmux)', () => {
  // CI=true: Ink alone would then draw nothing until the call ends; the CLI must switch that off.
  it('shows the demo line, takes keys, coaches, and reaches a person, also with CI set', async () => {
    tmux('new-session', '-d', '-s', SESSION, '-x', '80', '-y', '24', `CI=true node ${MAIN} call menus/demo-bank.json --at "tue 10:00" --speed 20; echo "call exited: $?"; sleep 60`);
    // The header is written first, as plain text; the keypad's trail panel means Ink has drawn the screen.
    await waitFor('Northwind Savings Bank customer line');
    await waitFor('Trail');
    tmux('send-keys', '-t', SESSION, 'h');
    await waitFor('Press 3 now');
    tmux('send-keys', '-t', SESSION, '3');
    const end = await waitFor('A person answers: salesQueue');
    expect(end).toContain('Fastest from the start: press 3');
    tmux('send-keys', '-t', SESSION, 'q');
    await waitFor('call exited: 0');
  }, 120_000);

  it('kill -TERM during a call: the transcript is still written, complete, the call hung up by the caller; exit 143', async () => {
    const { session, transcript, pid } = await interruptibleCall('term');
    await waitFor('main · menu', 30_000, session);
    process.kill(pid(), 'SIGTERM');
    await waitFor('call exited: 143', 30_000, session);
    const saved = savedTranscript(transcript);
    expect(saved.menu).toBe('demo-bank');
    expect(saved.outcome).toEqual({ node: 'main', type: 'hangup', reason: 'caller hung up' });
    expect(saved.events[0]).toMatchObject({ at: 0, kind: 'enter' });
    expect(saved.events.map((event) => event.kind).slice(-2)).toEqual(['hangup', 'end']);
    // hung up once the main menu had begun (5.6 s in)
    expect(saved.menuSeconds).toBeGreaterThanOrEqual(5.6);
    expect(readdirSync(join(transcript, '..')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 120_000);

  it('Ctrl-C during a call: hangs up, draws the end screen, writes the transcript, exit 0', async () => {
    const { session, transcript } = await interruptibleCall('ctrl-c');
    tmux('send-keys', '-t', session, 'C-c');
    const end = await waitFor('call exited: 0', 30_000, session);
    expect(end).toContain('The call ended without a person: you hung up.');
    const saved = savedTranscript(transcript);
    expect(saved.outcome).toMatchObject({ type: 'hangup', reason: 'caller hung up' });
    expect(saved.events.at(-1)).toMatchObject({ kind: 'end' });
  }, 120_000);
});
