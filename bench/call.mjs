/**
 * `npm run bench:call`: the targets of issue 4 for `ivr call`, measured, not
 * asserted (speed does not belong in tests).
 *
 * 1. First frame: the built CLI started in tmux (80×24); time until the
 *    line's name is on the screen. Target < 500 ms.
 * 2. Key redraw: the app rendered by Ink (60 fps cap, as the CLI does) on
 *    fake streams; time from a key written to stdin until a frame shows it
 *    lit. Target: within one 16 ms frame, at any --speed.
 * 3. Memory over a 1-hour simulated call: a line that never lets go (silence
 *    loops forever), driven tick by tick by a hand ticker at 33 ms × speed 4;
 *    heap after GC every 10 simulated minutes. Target: flat (no growth per step).
 *
 * Note for the benchmark engineer: this file is owned by the call screen
 * (issue 4); bench/run.mjs does not run it. Run it after `npm run build`
 * with `node --expose-gc bench/call.mjs` (the npm script does both).
 */
import { EventEmitter } from 'node:events';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

// As `ivr call` does: React's development build keeps data per update, memory would grow all call long.
process.env.NODE_ENV ??= 'production';
const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const dist = (path) => import(join(ROOT, 'dist', path));
const { loadMenu, loadMenuValue, parseMoment, situation } = await dist('model/index.js');
const { startCall } = await dist('machine/index.js');
const { renderCall } = await dist('tui/render-call.js');

const tuesday = situation(parseMoment('tue 10:00'));
const demo = loadMenu(readFileSync(join(ROOT, 'menus', 'demo-bank.json'), 'utf8')).value;

function firstFrame(runs = 5) {
  if (spawnSync('tmux', ['-V']).status !== 0) return { skipped: 'tmux not installed' };
  const times = [];
  for (let run = 0; run < runs; run++) {
    const name = `ivr-bench-${process.pid}-${run}`;
    const started = performance.now();
    execFileSync('tmux', ['new-session', '-d', '-s', name, '-x', '80', '-y', '24', `node ${join(ROOT, 'dist/cli/main.js')} call --at "tue 10:00"; sleep 5`]);
    let shown = '';
    while (!shown.includes('Northwind Savings Bank') && performance.now() - started < 10_000) {
      shown = execFileSync('tmux', ['capture-pane', '-p', '-t', name], { encoding: 'utf8' });
    }
    times.push(performance.now() - started);
    spawnSync('tmux', ['kill-session', '-t', name]);
  }
  return { ms: times.map(Math.round), best: Math.round(Math.min(...times)), median: Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]) };
}

class FakeStdout extends EventEmitter {
  columns = 80;
  rows = 24;
  isTTY = true;
  onWrite = () => {};
  write = (text) => {
    this.onWrite(String(text));
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  data = null;
  write(data) {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

function handTicker() {
  const listeners = new Set();
  return { start: (onTick) => (listeners.add(onTick), () => listeners.delete(onTick)), advance: (ms) => listeners.forEach((l) => l(ms)) };
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function keyRedraw(speed, presses = 30) {
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const ticker = handTicker();
  const session = startCall(demo, tuesday);
  const app = renderCall({ menu: demo, situation: tuesday, session, ticker, speed, color: false }, { stdin, stdout, stderr: new FakeStdout() });
  await sleep(300);
  ticker.advance(6000 / speed); // past the welcome: keys are taken at the main menu (and then by the account number)
  await sleep(50);
  const delays = [];
  for (let press = 0; press < presses; press++) {
    const key = String(press % 2 === 0 ? 1 : 2);
    const seen = new Promise((resolve) => {
      const missed = setTimeout(() => resolve(Number.NaN), 1000);
      stdout.onWrite = (text) => text.includes(`[${key}]`) && (clearTimeout(missed), resolve(performance.now()));
    });
    const sent = performance.now();
    stdin.write(key);
    delays.push((await seen) - sent);
    stdout.onWrite = () => {};
    await sleep(40);
    ticker.advance(600 / speed);
  }
  app.unmount();
  const missed = delays.filter(Number.isNaN).length;
  delays.splice(0, delays.length, ...delays.filter((delay) => !Number.isNaN(delay)).sort((a, b) => a - b));
  return { speed, missed, medianMs: +delays[Math.floor(delays.length / 2)].toFixed(2), maxMs: +delays[delays.length - 1].toFixed(2) };
}

/** A line that never ends by itself: silence at `main` goes to `again`, which comes back. */
const endless = loadMenuValue({
  format: 'ivr-menu/1', id: 'endless', name: 'Endless line', start: 'main',
  nodes: {
    main: { type: 'menu', prompt: 'Please say or press the reason for your call.', options: [{ key: '1', next: 'desk' }], noInput: { retries: 2, then: 'again' } },
    again: { type: 'say', prompt: 'Let us try that again.', next: 'main' },
    desk: { type: 'agent', wait: { medianSeconds: 60 } },
  },
}).value;

async function memoryOverAnHour() {
  const stdout = new FakeStdout();
  const ticker = handTicker();
  const session = startCall(endless, tuesday);
  const app = renderCall({ menu: endless, situation: tuesday, session, ticker, speed: 4, color: false, coach: process.env.COACH !== "0" }, { stdin: new FakeStdin(), stdout, stderr: new FakeStdout() });
  await sleep(20);
  const samples = [];
  const tickMs = 33;
  const ticksPerMinute = Math.round(60_000 / (tickMs * 4));
  for (let minute = 1; minute <= 60; minute++) {
    for (let tick = 0; tick < ticksPerMinute; tick++) {
      ticker.advance(tickMs);
      if (tick % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    if (minute % 10 === 0) {
      await sleep(30);
      globalThis.gc?.();
      samples.push({ minute, heapKB: Math.round(process.memoryUsage().heapUsed / 1024), logEntries: session.log().length });
    }
  }
  app.unmount();
  const growth = samples[samples.length - 1].heapKB - samples[0].heapKB;
  return { samples, growthKBFrom10To60Min: growth, simulatedMinutes: Math.round(session.now() / 60e6) };
}

if (globalThis.gc === undefined) console.warn('run with node --expose-gc for stable memory figures');
const results = {
  firstFrame: process.env.SKIP_FRAME ? {} : firstFrame(),
  keyRedraw: process.env.SKIP_FRAME ? [] : [await keyRedraw(1), await keyRedraw(4), await keyRedraw(100)],
  memory: await memoryOverAnHour(),
};
console.log(`first frame (tmux, 80×24): best ${results.firstFrame.best} ms, median ${results.firstFrame.median} ms (target < 500 ms)`);
for (const redraw of results.keyRedraw) console.log(`key redraw at --speed ${redraw.speed}: median ${redraw.medianMs} ms, max ${redraw.maxMs} ms (target ≤ 16 ms)${redraw.missed ? `, ${redraw.missed} presses never drawn` : ''}`);
for (const sample of results.memory.samples) console.log(`memory at ${sample.minute} simulated min: heap ${sample.heapKB} KB, ${sample.logEntries} log entries`);
console.log(`memory growth 10 → 60 min: ${results.memory.growthKBFrom10To60Min} KB (target: flat)`);
console.log(JSON.stringify(results));
process.exit(0);
