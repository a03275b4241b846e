/**
 * Issue 5: chain menus whose every menu's handlers go to one agent (and a
 * hidden 0 back to the first menu) used to take minutes in Graphviz, and at
 * 400 nodes overflowed the stack. They now render to SVG, Mermaid and DOT in
 * the normal test timeout (speed is measured in bench/diagram.mjs, not here).
 */
import { describe, expect, it } from 'vitest';
import { chainMenu } from '../../bench/chain-menu.mjs';
import { MAX_DRAWN_BOXES } from '../../src/report/diagram-summary.js';
import { toDot } from '../../src/report/dot.js';
import { toMermaid } from '../../src/report/mermaid.js';
import { dotToSvg } from '../../src/report/svg.js';
import { diagramOf, menuOf } from './diagram-helpers.js';

const menuIds = (menus: number) => Array.from({ length: menus }, (_, index) => `m${index}`);

describe.each([100, 400])('a chain menu of %i nodes', (nodes) => {
  const menus = nodes - 2;
  const diagram = diagramOf(menuOf(chainMenu(nodes)));

  it('keeps every node and cuts the far links short: m4… back to m0, m5… to the agent', () => {
    const references = diagram.boxes.filter((box) => box.kind === 'reference');
    expect(references.filter((box) => box.label === '→ m0')).toHaveLength(menus - 4);
    expect(references.filter((box) => box.label === '→ agent')).toHaveLength(menus - 5);
    expect(diagram.boxes).toHaveLength(nodes + (menus - 4) + (menus - 5));
  });

  it('renders to DOT and Mermaid with every menu', () => {
    const dot = toDot(diagram, 'chain');
    const mermaid = toMermaid(diagram);
    for (const id of [...menuIds(menus), 'agent', 'goodbye']) {
      expect(dot).toContain(`[label="${id}\\n`);
      expect(mermaid).toMatch(new RegExp(`\\["${id}<br/>|\\(\\["${id}<br/>`));
    }
    expect(dot).not.toContain('Summarised');
  });

  it('renders to SVG with every menu', async () => {
    const svg = await dotToSvg(toDot(diagram, 'chain'));
    expect(svg.startsWith('<svg')).toBe(true);
    for (const id of [...menuIds(menus), 'agent', 'goodbye']) expect(svg).toContain(`>${id}</text>`);
  });
});

describe('a chain menu of 3,000 nodes', () => {
  const diagram = diagramOf(menuOf(chainMenu(3_000)));

  it(`is summarised in at most ${MAX_DRAWN_BOXES} boxes, says so, and still renders to SVG`, async () => {
    expect(diagram.boxes.length).toBeLessThanOrEqual(MAX_DRAWN_BOXES);
    const note = diagram.boxes.find((box) => box.kind === 'note');
    const drawn = diagram.boxes.filter((box) => box.kind !== 'note' && box.kind !== 'reference').length;
    expect(note?.label).toContain(`Summarised: ${3_000 - drawn} of 3000 boxes not drawn`);
    // The start and the route are always drawn.
    expect(diagram.boxes.filter((box) => box.onRoute).map((box) => box.id).sort()).toEqual(['agent', 'm0']);
    const svg = await dotToSvg(toDot(diagram, 'chain'));
    expect(svg).toContain('Summarised: ');
    expect(toMermaid(diagram)).toContain('Summarised: ');
  });
});
