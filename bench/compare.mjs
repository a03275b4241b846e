/**
 * Benchmarks of the audit (targets of issue 5, not tests):
 *   - `ivr compare` over 1,000 generated menus: under 10 s on 2 cores;
 *   - one `ivr audit` of a bundled menu: under 500 ms (whole process).
 * Run after `npm run build`: node bench/compare.mjs [menuCount]
 * Menus are generated with a seeded PRNG: 6 to 24 nodes, menus with 2 to 6
 * options (some hidden, some spoken), inputs, office-hours branches, agents
 * with waits and kinds, hang-ups, and handlers with and without `then`.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, availableParallelism } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from './random.mjs';

const count = Number(process.argv[2] ?? 1000);
const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;


function generateMenu(index, random) {
  const size = 6 + Math.floor(random() * 19);
  const pick = (n) => Math.floor(random() * n);
  const later = (i) => `n${Math.min(size - 1, i + 1 + pick(Math.max(1, size - i - 1)))}`;
  const anyNode = () => `n${pick(size)}`;
  const nodes = {};
  for (let i = 0; i < size; i++) {
    const roll = random();
    const handler = () => (random() < 0.5 ? { retries: pick(4) } : { retries: pick(4), then: anyNode() });
    if (i === 0) {
      nodes.n0 = { type: 'say', prompt: { text: 'Thank you for calling. Calls are recorded.', purpose: random() < 0.3 ? 'marketing' : 'legal' }, next: 'n1' };
    } else if (i === size - 1 || roll < 0.15) {
      nodes[`n${i}`] = { type: 'agent', kind: ['service', 'sales', 'other'][pick(3)], wait: { medianSeconds: 10 + pick(900), p90Seconds: 60 + pick(1800) }, callback: random() < 0.3 };
    } else if (roll < 0.22) {
      nodes[`n${i}`] = { type: 'hangup', prompt: 'Goodbye.' };
    } else if (roll < 0.3) {
      nodes[`n${i}`] = { type: 'input', prompt: 'Please enter your account number.', length: 4 + pick(8), next: later(i), invalid: handler(), noInput: handler() };
    } else if (roll < 0.36) {
      nodes[`n${i}`] = { type: 'branch', cases: [{ when: { open: 'office' }, next: later(i) }], otherwise: later(i) };
    } else {
      const keys = ['1', '2', '3', '4', '5', '6', '0'];
      const options = Array.from({ length: 2 + pick(5) }, (_, k) => ({ key: keys[k], next: random() < 0.7 ? later(i) : anyNode() }));
      if (random() < 0.3) options.push({ phrases: ['agent'], next: later(i), advertised: false });
      if (random() < 0.3) options[options.length - 1].advertised = false;
      nodes[`n${i}`] = { type: 'menu', prompt: 'For billing press 1, for your account press 2, for anything else press 3.', bargeIn: random() < 0.8, options, invalid: handler(), noInput: handler() };
    }
  }
  return {
    format: 'ivr-menu/1', id: `generated-${index}`, name: `Generated menu ${index}`,
    hours: { office: { timezone: 'Europe/Madrid', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '18:00' }] } },
    start: 'n0', nodes,
  };
}

function time(label, args, target) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const ms = performance.now() - started;
  const verdict = ms <= target ? 'OK' : 'OVER TARGET';
  console.log(`${label}: ${ms.toFixed(0)} ms (target ${target} ms) ${verdict}, exit ${result.status}`);
  return result;
}

const dir = mkdtempSync(join(tmpdir(), 'ivr-bench-compare-'));
try {
  const random = seededRandom(5);
  for (let i = 0; i < count; i++) writeFileSync(join(dir, `menu-${String(i).padStart(4, '0')}.json`), JSON.stringify(generateMenu(i, random)));
  console.log(`${count} generated menus in ${dir}; ${availableParallelism()} cores`);
  const result = time(`ivr compare ${count} menus (csv)`, ['compare', dir, '--format', 'csv'], 10_000);
  const rows = result.stdout.trim().split('\r\n').length - 1;
  const broken = result.stdout.split('\r\n').filter((line) => /,[^,]+$/.test(line) && !line.endsWith(',')).length;
  console.log(`  ${rows} rows, ${broken} with a problem (generated menus may be refused, e.g. silent loops)`);
  time('ivr audit menus/demo-bank.json', ['audit', new URL('../menus/demo-bank.json', import.meta.url).pathname], 500);
  time('ivr audit menus/government-benefits.json --format json', ['audit', new URL('../menus/government-benefits.json', import.meta.url).pathname, '--format', 'json'], 500);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
