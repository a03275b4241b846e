/**
 * End to end in a real terminal: the built CLI runs inside tmux (80×24),
 * keys are sent, the screen is read back, and a person is reached. tmux is a
 * Debian package that `.ci/run` installs; without it this test fails and
 * says so, rather than being skipped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
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

const screen = () => tmux('capture-pane', '-p', '-t', SESSION);

/** Polls the screen: generous, as a busy machine may take seconds to start Node, never a fixed sleep. */
async function waitFor(text: string, timeoutMs = 30_000): Promise<string> {
  const started = Date.now();
  for (;;) {
    const shown = screen();
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

afterAll(() => {
  spawnSync('tmux', ['kill-session', '-t', SESSION]);
});

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
});
