/**
 * One benchmark measurement in a fresh process (run by bench/run.mjs), so
 * that peak memory (`process.resourceUsage().maxRSS`) belongs to this case
 * alone. Prints one JSON line on stdout.
 *
 *   node --expose-gc bench/child.mjs '{"engine":"ours","family":"deep-tree","menus":1000}'
 *
 * - `ours`: loadMenuValue (timed apart as `loadMs`), buildGraph, fastestRoute.
 * - `xstate`: loadMenuValue, buildMachine (timed apart as `machineMs`), then
 *   `getShortestPaths` of @xstate/graph on that machine (`searchMs`).
 */
import { performance } from 'node:perf_hooks';
import { getShortestPaths } from '@xstate/graph';
import { __unsafe_getAllOwnEventDescriptors as eventTypesOf } from 'xstate';
import { generateMenu } from './generators.mjs';
import { fromDist } from './paths.mjs';

const { loadMenuValue, movesAt, parseMoment, situation: makeSituation } = await fromDist('model/index.js');
const { buildGraph, fastestRoute } = await fromDist('analysis/index.js');
const { buildMachine } = await fromDist('machine/index.js');

/** A weekday inside the generated opening hours, so the agents are open. */
export const BENCH_MOMENT = 'tue 10:00';

const peakMB = () => process.resourceUsage().maxRSS / 1024;

/** Wall time, and the process's CPU time (user + system, all threads), of one call. */
function timed(work) {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = work();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { value, ms, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function loadGenerated(family, menus) {
  const loaded = timed(() => loadMenuValue(generateMenu(family, menus)));
  if (!loaded.value.ok) throw new Error(`generated menu is invalid: ${JSON.stringify(loaded.value.issues.slice(0, 3))}`);
  globalThis.gc?.();
  return { menu: loaded.value.value, loadMs: loaded.ms };
}

function graphBytes(graph) {
  return Object.values(graph).reduce((bytes, value) => (ArrayBuffer.isView(value) ? bytes + value.byteLength : bytes), 0);
}

/** Warm repetitions (same process, after the first call) by size: fixed counts, the minimum is kept. */
function warmRunsFor(configurations) {
  if (configurations <= 20_000) return 10;
  return configurations <= 200_000 ? 3 : 0;
}

function buildAndSearch(menu, situation) {
  const built = timed(() => buildGraph(menu, situation));
  const searched = timed(() => fastestRoute(menu, { situation, graph: built.value }));
  return { graph: built.value, route: searched.value, built, searched };
}

/**
 * The first build and search in a fresh process (what `ivr escape` pays,
 * JIT warm-up included), then warm repetitions: the steady state of the
 * algorithm, comparable with @xstate/graph's seconds-long single run.
 */
function runOurs(menu, situation) {
  const first = buildAndSearch(menu, situation);
  const { graph, route } = first;
  let warmMs = Infinity;
  // No gc() between repetitions: a forced full collection shrinks the young
  // generation and leaves the next build to regrow it (measured: 8k
  // configurations, minimum of 12, 7-11 ms without it, 9-36 ms with it). The
  // garbage of our own earlier repetitions is part of the steady state.
  for (let run = 0; run < warmRunsFor(graph.configCount); run++) {
    const again = buildAndSearch(menu, situation);
    warmMs = Math.min(warmMs, again.built.ms + again.searched.ms);
  }
  return {
    configurations: graph.configCount,
    edges: graph.edgeTarget.length,
    buildMs: first.built.ms,
    searchMs: first.searched.ms,
    buildCpuMs: first.built.cpuMs,
    searchCpuMs: first.searched.cpuMs,
    warmMs: Number.isFinite(warmMs) ? warmMs : null,
    bytesPerConfiguration: graphBytes(graph) / graph.configCount,
    route: route.reachable ? { outcome: route.outcome, totalSeconds: route.totalSeconds, actions: route.actions } : { reachable: false },
  };
}

/**
 * The events @xstate/graph sends in a snapshot, built the way its default
 * does (every event type the active states listen to, `after` timers
 * included) but with the payloads our move table offers at the current
 * node (movesAt): the same keys and phrases our search considers. Passing
 * `events` replaces the default list, so the timers are added here.
 */
function callerEvents(menu) {
  const cache = new Map();
  const payloadsAt = (id) => {
    let events = cache.get(id);
    if (events === undefined) {
      events = [];
      for (const move of movesAt(menu.nodes[id], menu.timing)) {
        if (move.do === 'press') events.push({ type: 'KEY', key: move.key });
        else if (move.do === 'say') events.push({ type: 'SAY', phrase: move.phrase });
        else if (move.do === 'enter') events.push({ type: 'KEY', key: '1' });
      }
      if (menu.nodes[id]?.type === 'input') events.push({ type: 'KEY', key: '*' });
      cache.set(id, events);
    }
    return events;
  };
  return (snapshot) => {
    const payloads = payloadsAt(snapshot.context.node);
    return eventTypesOf(snapshot).flatMap((type) => {
      if (type === 'KEY' || type === 'SAY') return payloads.filter((event) => event.type === type);
      // A caller hanging up is no move of ours (and never reaches a human).
      return type === 'HANGUP' ? [] : [{ type }];
    });
  };
}

/**
 * A machine configuration without the call's history: the state value and
 * the context fields that decide what happens next. Left out: `entries` (a
 * count of node entries: with it every loop of a menu would be an endless
 * graph), `pressMicros` (follows from the key or phrase) and, at a menu,
 * the pending key or phrase itself (only the option it selects, `choice`,
 * decides the next state; at an input the key does).
 */
function serializeConfiguration(menu) {
  return (snapshot) => {
    const c = snapshot.context;
    const pending = menu.nodes[c.node]?.type === 'input' ? c.pending : null;
    return JSON.stringify([snapshot.value, c.invalidCount, c.noInputCount, c.digits, pending, c.choice, c.outcome?.node ?? null]);
  };
}

function runXState(menu, situation) {
  const machine = timed(() => buildMachine(menu, situation));
  const searched = timed(() => getShortestPaths(machine.value, { events: callerEvents(menu), serializeState: serializeConfiguration(menu) }));
  const paths = searched.value;
  const toAgent = paths.filter((path) => path.state.context.outcome?.type === 'agent').map((path) => path.weight);
  return {
    configurations: paths.length,
    machineMs: machine.ms,
    searchMs: searched.ms,
    searchCpuMs: searched.cpuMs,
    hopsToAgent: toAgent.length === 0 ? null : Math.min(...toAgent),
  };
}

const request = JSON.parse(process.argv[2] ?? '{}');
const situation = makeSituation(parseMoment(BENCH_MOMENT));
const { menu, loadMs } = loadGenerated(request.family, request.menus);
const result = request.engine === 'xstate' ? runXState(menu, situation) : runOurs(menu, situation);
process.stdout.write(`${JSON.stringify({ ...request, loadMs, ...result, peakMB: peakMB() })}\n`);
