/** The diagram of a menu document as `ivr graph` builds it (default weights, whole week). */
import { readFileSync } from 'node:fs';
import { computeMetrics } from '../../src/analysis/metrics.js';
import { parseWeights } from '../../src/analysis/score.js';
import { loadMenuValue, type Menu } from '../../src/model/index.js';
import { auditDiagram, type Diagram } from '../../src/report/diagram.js';

const weights = parseWeights(JSON.parse(readFileSync(new URL('../../rules/friction-weights.json', import.meta.url), 'utf8')));

export function menuOf(document: unknown): Menu {
  const loaded = loadMenuValue(document);
  if (!loaded.ok) throw new Error(`invalid menu: ${JSON.stringify(loaded.issues[0])}`);
  return loaded.value;
}

export function diagramOf(menu: Menu): Diagram {
  return auditDiagram(menu, computeMetrics(menu, weights));
}
