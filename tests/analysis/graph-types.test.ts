/**
 * The graph stores edge times in 32 bits while every move fits, and falls
 * back to 64-bit floats when one does not (a prompt of more than 71
 * minutes): the route's figures are the same either way.
 */
import { describe, expect, it } from 'vitest';
import { buildGraph, fastestRoute } from '../../src/analysis/index.js';
import { loadMenuValue, parseMoment, situation, type Menu } from '../../src/model/index.js';

function menuWithWelcome(seconds: number): Menu {
  const loaded = loadMenuValue({
    format: 'ivr-menu/1', id: 'long-welcome', name: 'Long welcome', start: 'welcome',
    nodes: {
      welcome: { type: 'say', prompt: { seconds }, next: 'main' },
      main: { type: 'menu', prompt: 'Press 1 for a person.', options: [{ key: '1', next: 'desk' }] },
      desk: { type: 'agent', wait: { medianSeconds: 60 } },
    },
  });
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.value;
}

const moment = parseMoment('tue 10:00');
if (moment === undefined) throw new Error('bad moment');
const now = situation(moment);

describe('edge time storage', () => {
  it('uses 32-bit integers for ordinary menus', () => {
    const graph = buildGraph(menuWithWelcome(12), now);
    expect(graph.edgeMicros).toBeInstanceOf(Uint32Array);
    expect(graph.edgeMove).toBeInstanceOf(Uint16Array);
  });

  it('falls back to 64-bit floats past 2^32 µs, with the same exact figures', () => {
    const seconds = 5000; // 5,000,000,000 µs > 4,294,967,295
    const graph = buildGraph(menuWithWelcome(seconds), now);
    expect(graph.edgeMicros).toBeInstanceOf(Float64Array);
    const route = fastestRoute(menuWithWelcome(seconds), { situation: now, graph });
    // listen 5,000 s, then press 1 (0.5 s) with barge-in on
    expect(route.reachable && route.menuMicros).toBe(5_000_500_000);
  });
});
