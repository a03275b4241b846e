/**
 * Diagram time (issue 5): `ivr graph --format svg` on the chain menus of
 * bench/chain-menu.mjs (every menu's handlers to one agent, a hidden 0 back
 * to the first menu) — metrics, diagram, DOT and Graphviz — against
 * Graphviz alone on the same DOT. The ratio shows how much of the time is
 * ours. Part of `npm run bench`; alone: `node bench/diagram.mjs` after the
 * bench build (or IVR_BENCH_DIST=dist after `npm run build`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { chainMenu } from './chain-menu.mjs';
import { ROOT, fromDist } from './paths.mjs';

const SIZES = [100, 400];
const ROUNDS = 3;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function timed(work) {
  const started = performance.now();
  return work().then((result) => ({ ms: performance.now() - started, result }));
}

export async function diagramFigures() {
  const { loadMenuValue } = await fromDist('model/index.js');
  const { computeMetrics } = await fromDist('analysis/metrics.js');
  const { parseWeights } = await fromDist('analysis/score.js');
  const { auditDiagram } = await fromDist('report/diagram.js');
  const { toDot } = await fromDist('report/dot.js');
  const { dotToSvg } = await fromDist('report/svg.js');
  const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
  const graphviz = await Graphviz.load();
  const weights = parseWeights(JSON.parse(readFileSync(join(ROOT, 'rules', 'friction-weights.json'), 'utf8')));
  await dotToSvg('digraph { a -> b }'); // loads our copy of the WASM module outside the timings
  const rows = [];
  for (const nodes of SIZES) {
    const loaded = loadMenuValue(chainMenu(nodes));
    if (!loaded.ok) throw new Error(`chain menu ${nodes} is invalid`);
    const menu = loaded.value;
    const ours = [];
    const alone = [];
    let dot = '';
    let boxes = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const run = await timed(async () => {
        const diagram = auditDiagram(menu, computeMetrics(menu, weights));
        boxes = diagram.boxes.length;
        dot = toDot(diagram, menu.id);
        return dotToSvg(dot);
      });
      ours.push(run.ms);
      alone.push((await timed(async () => graphviz.layout(dot, 'svg', 'dot'))).ms);
    }
    rows.push({ nodes, boxes, svgMs: median(ours), graphvizMs: median(alone) });
  }
  return rows;
}

/** One line per size for the Targets list of bench/run.mjs. */
export function printDiagram(rows) {
  for (const { nodes, boxes, svgMs, graphvizMs } of rows) {
    console.log(`  diagram SVG of a ${nodes}-node chain menu (${boxes} boxes): ${svgMs.toFixed(0)} ms, Graphviz alone on its DOT ${graphvizMs.toFixed(0)} ms`
      + ` (ours / Graphviz ${(svgMs / graphvizMs).toFixed(2)}×; median of ${ROUNDS})`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  printDiagram(await diagramFigures());
}
