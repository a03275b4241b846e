/** `ivr graph`: Mermaid, DOT and SVG with the route, unannounced options, hang-ups and doom loops marked. */
import { describe, expect, it } from 'vitest';
import { runIvr } from './audit-context.js';

async function graph(...argv: string[]) {
  const context = await runIvr(['graph', ...argv]);
  expect(context.exitCode() ?? 0).toBe(0);
  return context.stdout();
}

describe('ivr graph', () => {
  it('mermaid: route links thick, the unannounced 0 dashed, hang-ups classed', async () => {
    const text = await graph('tests/fixtures/audit/toy.json');
    // Boxes are numbered in file order: n2 main, n3 submenu, n6 sales, n5 service, n7 selfService.
    expect(text).toContain('n2 ==>|"5 Everything else"| n3');
    expect(text).toContain('n3 ==>|"1 New plans"| n6');
    expect(text).toContain('n3 -.->|"0 Operator"| n5');
    expect(text).toMatch(/class n7 hangup/);
    expect(text).toMatch(/class n0,n1,n2,n3,n6 route/);
  });

  it('dot marks a doom loop and the disconnect box', async () => {
    const dot = await graph('tests/fixtures/audit/loop.json', '--format', 'dot');
    expect(dot).toMatch(/n1 \[label="help\\n[^"]*", shape=box, style="rounded,filled,dashed", fillcolor="#fecaca"/);
    expect(dot).toContain('label="disconnect\\n(call ends)"');
  });

  it('svg is rendered offline by the WASM Graphviz', async () => {
    const svg = await graph('tests/fixtures/audit/toy.json', '--format', 'svg');
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('selfService');
  });
});
