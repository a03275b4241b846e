/**
 * Diagram links (issue 5): parallel links merged, far backward links ending
 * at "→ target" boxes, the summary of very large diagrams. Hand-checked on
 * small menus; a property over random menus (seed in the title).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chainMenu } from '../../bench/chain-menu.mjs';
import { boxDepths, MAX_CLIMB, mergeParallelLinks } from '../../src/report/diagram-links.js';
import { summarisedDiagram } from '../../src/report/diagram-summary.js';
import type { Diagram, Link } from '../../src/report/diagram.js';
import { arbitraryMenu } from '../helpers/arbitrary-menu.js';
import { diagramOf, menuOf } from './diagram-helpers.js';

const SEED = 20_505;

/** "from → to: label" for every link, with reference boxes shown as "[→ x]". */
function linkLines(diagram: Diagram): string[] {
  const labels = new Map(diagram.boxes.map((box) => [box.id, box.kind === 'reference' ? `[${box.label}]` : box.id]));
  return diagram.links.map((link) => `${link.from} → ${labels.get(link.to)}: ${link.label}${link.onRoute ? ' (route)' : ''}${link.backward ? ' (backward)' : ''}`);
}

describe('diagram links', () => {
  it('chain of 6 menus: handlers merged, back links up to 3 ranks drawn, farther ones end at → boxes (worked by hand)', () => {
    // Depths from m0: m0 0, m1 and agent 1, m2 2, … m5 5, goodbye 6.
    const diagram = diagramOf(menuOf(chainMenu(8)));
    expect(linkLines(diagram)).toEqual([
      'm0 → m1: 1 go on',
      'm0 → m0: 0 (backward)',
      // The route leaves by the invalid handler, so silence is not merged with it.
      'm0 → agent: invalid ×3 (route)',
      'm0 → agent: silence ×2',
      'm1 → m2: 1 go on',
      'm1 → m0: 0 (backward)',
      'm1 → agent: invalid ×3, silence ×2 (backward)',
      'm2 → m3: 1 go on',
      'm2 → m0: 0 (backward)',
      'm2 → agent: invalid ×3, silence ×2 (backward)',
      'm3 → m4: 1 go on',
      'm3 → m0: 0 (backward)',
      'm3 → agent: invalid ×3, silence ×2 (backward)',
      'm4 → m5: 1 go on',
      'm4 → [→ m0]: 0',
      'm4 → agent: invalid ×3, silence ×2 (backward)',
      'm5 → goodbye: 1 go on',
      'm5 → [→ m0]: 0',
      'm5 → [→ agent]: invalid ×3, silence ×2',
    ]);
    const references = diagram.boxes.filter((box) => box.kind === 'reference');
    expect(references.map((box) => [box.label, box.refersTo])).toEqual([['→ m0', 'menu'], ['→ m0', 'menu'], ['→ agent', 'agent']]);
    expect(diagram.boxes).toHaveLength(8 + 3);
  });

  it('ten keys to one box are one link; the label keeps what fits in 30 columns and counts the rest', () => {
    const link = (label: string): Link => ({ key: label, from: 'a', to: 'b', label, unannounced: false, failure: false, onRoute: false });
    const keys = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'].map((key) => link(`${key} transfer`));
    const merged = mergeParallelLinks([...keys, { ...link('invalid ×1'), failure: true }]);
    expect(merged.map((one) => one.label)).toEqual(['1 transfer, 2 transfer (+8)', 'invalid ×1']);
    expect(mergeParallelLinks(['1', '2', '3'].map(link)).map((one) => one.label)).toEqual(['1, 2, 3']);
  });

  it('the summary keeps route boxes first, then breadth-first while boxes + their links fit (worked by hand)', () => {
    const box = (id: string, onRoute = false) => ({ id, kind: 'menu' as const, label: id, onRoute, doomLoop: false, deadEnd: false });
    const link = (from: string, to: string, onRoute = false): Link => ({ key: `${from}|${to}`, from, to, label: to, unannounced: false, failure: false, onRoute });
    // start → a → b → c, start → d (route), d → a.
    const whole: Diagram = {
      boxes: [box('a'), box('b'), box('c'), box('d', true), box('start', true)],
      links: [link('start', 'a'), link('start', 'd', true), link('a', 'b'), link('b', 'c'), link('d', 'a')],
    };
    // Budget 6 - 1 for the note: d (route, 1 link) 2, start (route, 2 links) 3, then a (1 link) would make 7.
    const summary = summarisedDiagram(whole, 'start', 6);
    expect(summary.boxes.map((one) => one.label.split('\n')[0])).toEqual(['Summarised: 3 of 5 boxes not drawn', 'd', 'start', '→ a', '→ a']);
    expect(linkLines(summary)).toEqual(['start → [→ a]: a', 'start → d: d (route)', 'd → [→ a]: a']);
    // Each kept box's links counted in the budget: one box per link at most.
    expect(summary.boxes.length).toBeLessThanOrEqual(6);
  });

  it(`over random menus no drawn link climbs more than ${MAX_CLIMB} ranks but the route's, and every node is drawn once (seed ${SEED})`, () => {
    fc.assert(fc.property(arbitraryMenu({ maxNodes: 12 }), (menu) => {
      const diagram = diagramOf(menu);
      const depth = boxDepths(diagram.boxes, diagram.links, menu.start);
      for (const link of diagram.links) {
        const climb = (depth.get(link.from) as number) - (depth.get(link.to) as number);
        if (!link.onRoute) expect(climb).toBeLessThanOrEqual(MAX_CLIMB);
        expect(link.backward).toBe(climb >= 0);
      }
      const drawn = diagram.boxes.filter((box) => box.kind !== 'reference' && box.kind !== 'disconnect').map((box) => box.id);
      expect(drawn.sort()).toEqual(Object.keys(menu.nodes).sort());
      const ids = new Set(diagram.boxes.map((box) => box.id));
      for (const box of diagram.boxes.filter((one) => one.kind === 'reference')) {
        // One reference box per source and target: every link into it comes from one box.
        const sources = new Set(diagram.links.filter((link) => link.to === box.id).map((link) => link.from));
        expect(sources.size).toBe(1);
        expect(ids.has(box.label.slice(2)) || box.label === '→ #disconnect').toBe(true);
      }
    }), { seed: SEED, numRuns: 150 });
  });
});
