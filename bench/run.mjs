/**
 * `npm run bench`: our configuration graph and route search against
 * `getShortestPaths` of @xstate/graph on the same XState machines, then
 * `ivr escape` timed as a whole process. Not a test: it prints a table, the
 * speed-up ratios against the targets of issue 3, and one JSON line per
 * size. Method and recorded results: docs/performance.md.
 *
 * Every measurement runs in a fresh child process (bench/child.mjs), so
 * peak memory belongs to one case. Runs are interleaved (ours, xstate,
 * ours, ours) with fixed counts, and the minimum is kept.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { FAMILIES, generateMenu, menusFor } from './generators.mjs';
import { DIST, ROOT } from './paths.mjs';
import { printXmlRefusal, xmlRefusalFigures } from './xml-refusal.mjs';
import { diagramFigures, printDiagram } from './diagram.mjs';

const CHILD = join(ROOT, 'bench', 'child.mjs');
const CLI = join(DIST, 'cli', 'main.js');

const XSTATE_CAP_MS = 60_000;
const OURS_RUNS = 3;
const PROCESS_RUNS = 5;
const BIG_FILE_RUNS = 3;
/** Sizes in configurations of our graph (BENCH_SIZES=1000,10000 for a quick look). */
const LADDER = process.env.BENCH_SIZES?.split(',').map(Number) ?? [1_000, 10_000, 100_000, 1_000_000];
/** Sizes in @xstate/graph's own distinct configurations: the issue's 5-way tree figures. */
const XSTATE_ANCHORS = [{ label: 'xs~15.6k', states: 15_625 }, { label: 'xs~78k', states: 78_125 }];
/** Distinct @xstate/graph configurations per deep-tree menu, measured: 85.7 per menu + 14. */
const XSTATE_PER_DEEP_MENU = 85.7;
const BIG_FILE_CONFIGURATIONS = 1_200_000;
const BUNDLED_MENU = join('menus', 'demo-bank.json');
const AT = ['--at', 'tue 10:00'];

const TARGETS = {
  speedupAt15k: 200,
  speedupAt78k: 1_000,
  millionMs: 2_000,
  millionMB: 600,
  bundledMs: 300,
  bigFileMs: 5_000,
};

/** Runs one child measurement; resolves to its JSON line, or `{ killed }` after the cap. */
function measure(request, capMs = Infinity) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', CHILD, JSON.stringify(request)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killed = false;
    const timer = Number.isFinite(capMs) ? setTimeout(() => { killed = true; child.kill('SIGKILL'); }, capMs) : undefined;
    child.stdout.on('data', (chunk) => { out += chunk; });
    child.stderr.on('data', (chunk) => { err += chunk; });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (killed) resolve({ ...request, killed: true });
      else if (code !== 0) reject(new Error(`bench child failed (${JSON.stringify(request)}):\n${err}`));
      else resolve(JSON.parse(out.trim().split('\n').pop()));
    });
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Repeated runs of ours in one row: the per-field minimum of times and memory
 * (the table), and the medians the verdicts use (ours, peak memory).
 */
function summaryOf(runs) {
  const best = { ...runs[0] };
  for (const run of runs.slice(1)) {
    for (const [field, value] of Object.entries(run)) {
      if (typeof value === 'number' && /Ms$|MB$/.test(field)) best[field] = Math.min(best[field], value);
    }
  }
  best.oursMs = Math.min(...runs.map((run) => run.buildMs + run.searchMs));
  best.oursMedianMs = median(runs.map((run) => run.buildMs + run.searchMs));
  best.peakMedianMB = median(runs.map((run) => run.peakMB));
  best.oursCpuMs = Math.min(...runs.map((run) => run.buildCpuMs + run.searchCpuMs));
  const warm = runs.map((run) => run.warmMs).filter((value) => value !== null);
  best.warmMs = warm.length === 0 ? null : Math.min(...warm);
  return best;
}

/**
 * Should @xstate/graph run on this case? Its time grows at least linearly
 * with its own configuration count, so a case is skipped when a run with
 * fewer XState configurations was killed at the cap, or when the time per
 * configuration of the family's last finished run, times the predicted
 * count, already exceeds the cap.
 */
function xstatePlan(knowledge, family, predictedStates) {
  const killedAt = knowledge.killedStates;
  if (predictedStates >= killedAt) return { run: false, why: `≈ ${Math.round(predictedStates)} XState configurations; a run with ≈ ${Math.round(killedAt)} was killed at ${XSTATE_CAP_MS / 1000} s` };
  const last = knowledge.lastRun[family];
  if (last === undefined) return { run: true };
  const predictedMs = (last.searchMs / last.states) * predictedStates;
  if (predictedMs > XSTATE_CAP_MS) return { run: false, why: `linear extrapolation ≈ ${Math.round(predictedMs / 1000)} s > ${XSTATE_CAP_MS / 1000} s cap` };
  return { run: true };
}

async function runCase(label, family, menus, knowledge, predictedStates) {
  const ours = [await measure({ engine: 'ours', family, menus })];
  const states = predictedStates ?? ours[0].configurations * (knowledge.ratio[family] ?? 1);
  const plan = xstatePlan(knowledge, family, states);
  const xstate = plan.run ? await measure({ engine: 'xstate', family, menus }, XSTATE_CAP_MS) : undefined;
  if (xstate?.killed) knowledge.killedStates = Math.min(knowledge.killedStates, states);
  else if (xstate !== undefined) {
    knowledge.lastRun[family] = { searchMs: xstate.searchMs, states: xstate.configurations };
    knowledge.ratio[family] ??= xstate.configurations / ours[0].configurations;
  }
  for (let run = 1; run < OURS_RUNS; run++) ours.push(await measure({ engine: 'ours', family, menus }));
  const best = summaryOf(ours);
  process.stderr.write(`  ${label} ${family}: ${best.configurations} configurations, ours ${best.oursMs.toFixed(1)} ms`
    + `${xstate === undefined ? ` (xstate skipped: ${plan.why})` : xstate.killed ? ', xstate killed at the cap' : `, xstate ${xstate.searchMs.toFixed(0)} ms`}\n`);
  return { label, family, ours: best, xstate, xstateSkipped: plan.run ? undefined : plan.why };
}

function xstateMs(row) {
  return row.xstate === undefined || row.xstate.killed ? null : row.xstate.searchMs;
}

/** @xstate/graph's time over ours: first call in a fresh process (`cold`) or warm repetitions. */
function speedupOf(row, warm = false) {
  const theirs = xstateMs(row);
  const mine = warm ? row.ours.warmMs : row.ours.oursMs;
  return theirs === null || mine === null ? null : theirs / mine;
}

const round = (value, digits = 1) => (value === null || value === undefined ? null : Number(value.toFixed(digits)));
const ms = (value) => (value >= 100 ? value.toFixed(0) : value.toFixed(1));

function xstateCell(row) {
  if (row.xstate === undefined) return 'skipped';
  if (row.xstate.killed) return `> ${XSTATE_CAP_MS / 1000} s (killed)`;
  return `${ms(row.xstate.searchMs)}`;
}

function printTable(rows) {
  const header = ['case', 'family', 'configs (ours)', 'edges', 'configs (xstate)', 'load ms', 'build ms', 'search ms', 'ours ms', 'ours CPU ms', 'warm ms',
    'peak MB', 'B/config', 'xstate ms', 'xstate MB', 'speed-up', 'warm speed-up'];
  const lines = rows.map((row) => [
    row.label, row.family, String(row.ours.configurations), String(row.ours.edges),
    row.xstate?.configurations === undefined ? '–' : String(row.xstate.configurations),
    ms(row.ours.loadMs), ms(row.ours.buildMs), ms(row.ours.searchMs), ms(row.ours.oursMs), ms(row.ours.oursCpuMs), row.ours.warmMs === null ? '–' : ms(row.ours.warmMs),
    row.ours.peakMB.toFixed(0), row.ours.bytesPerConfiguration.toFixed(0),
    xstateCell(row), row.xstate?.peakMB === undefined ? '–' : row.xstate.peakMB.toFixed(0),
    speedupOf(row) === null ? '–' : `${speedupOf(row).toFixed(0)}×`,
    speedupOf(row, true) === null ? '–' : `${speedupOf(row, true).toFixed(0)}×`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log(format(header));
  console.log(`|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`);
  for (const line of lines) console.log(format(line));
  for (const row of rows.filter((candidate) => candidate.xstateSkipped !== undefined)) {
    console.log(`  xstate skipped for ${row.label} ${row.family}: ${row.xstateSkipped}`);
  }
}

const verdict = (met) => (met ? 'met' : 'MISSED');

/** A speed-up as text; after a killed run, the cap gives a lower bound. */
function speedupText(row, warm) {
  const mine = warm ? row.ours.warmMs : row.ours.oursMs;
  if (mine === null) return '–';
  const speedup = speedupOf(row, warm);
  return speedup === null ? `≥ ${(XSTATE_CAP_MS / mine).toFixed(0)}×` : `${speedup.toFixed(0)}×`;
}

function speedupValue(row, warm) {
  const mine = warm ? row.ours.warmMs : row.ours.oursMs;
  if (mine === null) return null;
  return speedupOf(row, warm) ?? (row.xstate?.killed ? XSTATE_CAP_MS / mine : null);
}

function printRatios(rows) {
  console.log('\nSpeed-up on the same machines (xstate getShortestPaths ÷ our build + search; first call in a fresh process / warm):');
  for (const row of rows.filter((candidate) => candidate.xstate !== undefined)) {
    const killed = row.xstate.killed ? ` (xstate killed at ${XSTATE_CAP_MS / 1000} s)` : '';
    console.log(`  ${row.label.padEnd(9)} ${row.family.padEnd(10)} xstate ${String(row.xstate.configurations ?? '?').padStart(6)} configs, ours ${String(row.ours.configurations).padStart(6)}: ${speedupText(row, false)} / warm ${speedupText(row, true)}${killed}`);
  }
}

/**
 * Runs `ivr` as a whole process `runs` times. Each run preloads
 * bench/exit-rss.mjs (a few lines) to report its peak memory and CPU time:
 * on a shared machine CPU time says what the process itself cost, wall time
 * what a user waited.
 */
function timeProcess(args, runs) {
  const walls = [];
  const cpus = [];
  let peakKb = 0;
  let output = '';
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const result = spawnSync(process.execPath, ['--import', join(ROOT, 'bench', 'exit-rss.mjs'), CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
    walls.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`ivr ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    peakKb = Math.max(peakKb, Number(/bench-peak-rss-kb (\d+)/.exec(result.stderr)?.[1]));
    cpus.push(Number(/bench-cpu-us (\d+)/.exec(result.stderr)?.[1]) / 1000);
    output = result.stdout;
  }
  const sorted = [...walls].sort((a, b) => a - b);
  return { minMs: sorted[0], medianMs: sorted[Math.floor(sorted.length / 2)], minCpuMs: Math.min(...cpus), peakMB: peakKb / 1024, output };
}

function wholeProcess() {
  const bundled = timeProcess(['escape', BUNDLED_MENU, ...AT], PROCESS_RUNS);
  const directory = mkdtempSync(join(tmpdir(), 'ivr-bench-'));
  try {
    const file = join(directory, 'big-deep-tree.json');
    const menus = menusFor('deep-tree', BIG_FILE_CONFIGURATIONS);
    const text = JSON.stringify(generateMenu('deep-tree', menus));
    writeFileSync(file, text);
    const big = timeProcess(['escape', file, ...AT, '--json'], BIG_FILE_RUNS);
    const route = JSON.parse(big.output);
    return { bundled, big: { ...big, menus, megabytes: text.length / 1e6, outcome: route.outcome, totalSeconds: route.totalSeconds } };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

async function main() {
  const started = performance.now();
  console.log(`ivr-escape benchmark · Node ${process.version} · ${process.platform}/${process.arch} · ${cpus().length} cores · load average ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  const rows = [];
  const knowledge = { killedStates: Infinity, lastRun: {}, ratio: {} };
  process.stderr.write('configuration graph vs @xstate/graph (fresh process per run):\n');
  for (const anchor of XSTATE_ANCHORS) {
    const menus = Math.round((anchor.states - 14) / XSTATE_PER_DEEP_MENU);
    rows.push(await runCase(anchor.label, 'deep-tree', menus, knowledge, anchor.states));
  }
  for (const family of Object.keys(FAMILIES)) {
    for (const size of LADDER) {
      rows.push(await runCase(`~${size >= 1e6 ? `${size / 1e6}M` : `${size / 1e3}k`}`, family, menusFor(family, size), knowledge));
    }
  }
  printTable(rows);
  printRatios(rows);

  process.stderr.write('whole process: ivr escape …\n');
  const { bundled, big } = wholeProcess();
  console.log(`\nivr escape ${BUNDLED_MENU} (whole process, ${PROCESS_RUNS} runs): min ${ms(bundled.minMs)} ms, median ${ms(bundled.medianMs)} ms, min CPU ${ms(bundled.minCpuMs)} ms, peak ${bundled.peakMB.toFixed(0)} MB`);
  console.log(`ivr escape on a generated ${big.megabytes.toFixed(1)} MB file (${big.menus} menus, ${BIG_FILE_RUNS} runs): min ${ms(big.minMs)} ms, median ${ms(big.medianMs)} ms, min CPU ${ms(big.minCpuMs)} ms, peak ${big.peakMB.toFixed(0)} MB → ${big.outcome}, ${big.totalSeconds} s`);

  const million = rows.filter((row) => row.ours.configurations >= 900_000);
  const anchorRow = (label) => rows.find((row) => row.label === label);
  console.log('\nTargets:');
  for (const [{ label }, target] of [[XSTATE_ANCHORS[0], TARGETS.speedupAt15k], [XSTATE_ANCHORS[1], TARGETS.speedupAt78k]]) {
    const row = anchorRow(label);
    const cold = speedupValue(row, false);
    const warm = speedupValue(row, true);
    console.log(`  ≥ ${target}× at ${label.slice(3)} xstate configurations: first call ${speedupText(row, false)} — ${verdict(cold !== null && cold >= target)}; warm ${speedupText(row, true)} — ${verdict(warm !== null && warm >= target)}`);
  }
  for (const row of million) {
    console.log(`  1M configurations (${row.family}) < ${TARGETS.millionMs} ms and < ${TARGETS.millionMB} MB: median ${ms(row.ours.oursMedianMs)} ms (min ${ms(row.ours.oursMs)}), median ${row.ours.peakMedianMB.toFixed(0)} MB — ${verdict(row.ours.oursMedianMs < TARGETS.millionMs && row.ours.peakMedianMB < TARGETS.millionMB)}`);
  }
  // Verdicts on the median: the fastest run is a best case.
  console.log(`  ivr escape on a bundled menu < ${TARGETS.bundledMs} ms: median ${ms(bundled.medianMs)} ms (min ${ms(bundled.minMs)}) — ${verdict(bundled.medianMs < TARGETS.bundledMs)}`);
  console.log(`  ivr escape on a 40 MB file < ${TARGETS.bigFileMs} ms: median ${ms(big.medianMs)} ms (min ${ms(big.minMs)}) — ${verdict(big.medianMs < TARGETS.bigFileMs)}`);
  printXmlRefusal(await xmlRefusalFigures());
  printDiagram(await diagramFigures());
  console.log(`load average at the end ${loadavg().map((load) => load.toFixed(1)).join(' ')}`);
  console.log(`\nbench finished in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  for (const row of rows) {
    console.log(JSON.stringify({
      configurations: row.ours.configurations,
      oursMs: round(row.ours.oursMs),
      xstateGraphMs: round(xstateMs(row), 0),
      speedup: round(speedupOf(row), 0),
      oursWarmMs: round(row.ours.warmMs),
      speedupWarm: round(speedupOf(row, true), 0),
      peakMB: round(row.ours.peakMB, 0),
      family: row.family,
      xstateConfigurations: row.xstate?.configurations ?? null,
    }));
  }
}

await main();
