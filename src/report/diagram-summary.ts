/**
 * The summarised diagram of a very large menu. Even with far links cut short
 * (diagram-links.ts) Graphviz's layout grows faster than linearly with the
 * number of boxes (measured: 1,200 boxes about 1 s, 3,000 boxes 5–9 s,
 * 6,000 boxes about 55 s, and its recursion can overflow the stack), so a
 * diagram of more than `MAX_DRAWN_BOXES` boxes is cut down: the fastest
 * route's boxes first, then the others nearest the start (breadth-first),
 * while the kept boxes plus their outgoing links fit the budget. A link
 * to a box left out ends at a reference box "→ id", and a note box at the
 * top says how many boxes are not drawn.
 */
import { boxDepths, referenceBox, referenceId } from './diagram-links.js';
import type { Box, Diagram, Link } from './diagram.js';

/** Above this many boxes a diagram is summarised (see the module header). */
export const MAX_DRAWN_BOXES = 1500;

/** The boxes to keep: route first, then breadth-first, while boxes + their links fit `budget`. */
function keptBoxes(diagram: Diagram, start: string, budget: number): Set<string> {
  const outCount = new Map<string, number>();
  for (const link of diagram.links) outCount.set(link.from, (outCount.get(link.from) ?? 0) + 1);
  const order = [
    ...diagram.boxes.filter((box) => box.onRoute).map((box) => box.id),
    ...boxDepths(diagram.boxes, diagram.links, start).keys(),
  ];
  const kept = new Set<string>();
  let used = 0;
  for (const id of order) {
    if (kept.has(id)) continue;
    const cost = 1 + (outCount.get(id) ?? 0);
    if (used + cost > budget) break;
    kept.add(id);
    used += cost;
  }
  return kept;
}

function noteBox(drawn: number, total: number): Box {
  return {
    id: '#summary',
    kind: 'note',
    label: `Summarised: ${total - drawn} of ${total} boxes not drawn\n(drawn: the fastest route and the boxes nearest the start;\nlinks to the others end at → boxes)`,
    onRoute: false,
    doomLoop: false,
    deadEnd: false,
  };
}

/**
 * The summary of `diagram` in at most `maxBoxes` boxes, also once its far
 * links are cut short: each kept box's links are counted in the budget, and
 * each link ends at one box at most.
 */
export function summarisedDiagram(diagram: Diagram, start: string, maxBoxes = MAX_DRAWN_BOXES): Diagram {
  // One place is kept for the note box.
  const kept = keptBoxes(diagram, start, maxBoxes - 1);
  const byId = new Map(diagram.boxes.map((box) => [box.id, box]));
  const references = new Map<string, Box>();
  const links: Link[] = [];
  for (const link of diagram.links) {
    if (!kept.has(link.from)) continue;
    const target = byId.get(link.to);
    if (kept.has(link.to) || target === undefined) {
      links.push(link);
      continue;
    }
    const reference = references.get(referenceId(link)) ?? referenceBox(link, target);
    references.set(reference.id, reference);
    links.push({ ...link, to: reference.id });
  }
  const boxes = diagram.boxes.filter((box) => kept.has(box.id));
  return { boxes: [noteBox(boxes.length, diagram.boxes.length), ...boxes, ...references.values()], links };
}
