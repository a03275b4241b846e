/**
 * Keeps a diagram cheap to lay out. Graphviz's `dot` (and Mermaid's dagre)
 * draw a link that spans k ranks through k invisible points, so a link from
 * every menu of a chain back to one shared box (an agent all the error
 * handlers reach, the main menu a hidden `0` returns to, the disconnect box)
 * costs O(n²) points and the layout explodes (issue 5: 60 nodes took 35 s).
 * Three steps, all linear and iterative:
 *
 * - parallel links between the same two boxes with the same look become one
 *   link with the labels joined (ten keys to one agent: one arrow);
 * - every box gets a rank, its breadth-first depth from the start, and links
 *   that go back up (or sideways) are marked `backward` so the DOT leaves
 *   them out of ranking: the ranks are then exactly these depths;
 * - a backward link that climbs more than `MAX_CLIMB` ranks (and is not on
 *   the fastest route) ends at a small reference box "→ target" next to its
 *   source instead of crossing the picture.
 *
 * Forward links of a breadth-first layering go down exactly one rank, so no
 * link left spans more than `MAX_CLIMB` ranks: the layout's work is linear
 * in the number of links.
 */
import { displayWidth, shorten, type Box, type Diagram, type Link } from './diagram.js';

/** How many ranks a drawn link may climb back up before it ends at a reference box. */
export const MAX_CLIMB = 3;

/** Links with the same ends and look, merged into one; labels joined in order, empty ones dropped. */
export function mergeParallelLinks(links: readonly Link[]): Link[] {
  const merged = new Map<string, { link: Link; labels: string[] }>();
  for (const link of links) {
    const look = `${link.from}\u0000${link.to}\u0000${link.onRoute}|${link.failure}|${link.unannounced}`;
    const entry = merged.get(look);
    if (entry === undefined) merged.set(look, { link, labels: [link.label] });
    else entry.labels.push(link.label);
  }
  return [...merged.values()].map(({ link, labels }) => (labels.length === 1 ? link : { ...link, label: joinedLabel(labels) }));
}

/** "1, 2, 3 (+7)": as many labels as fit in 30 columns, then how many more there are. */
function joinedLabel(labels: readonly string[]): string {
  const shown = labels.filter((label) => label !== '');
  let text = '';
  let count = 0;
  for (const label of shown) {
    const next = count === 0 ? label : `${text}, ${label}`;
    if (count > 0 && displayWidth(next) > 30) break;
    text = next;
    count += 1;
  }
  return count < shown.length ? `${text} (+${shown.length - count})` : shorten(text, 30);
}

/**
 * Breadth-first depth of every box from `start` along the links; boxes the
 * start does not reach start a layering of their own (depth 0) in box order.
 */
export function boxDepths(boxes: readonly Box[], links: readonly Link[], start: string): Map<string, number> {
  const next = new Map<string, string[]>(boxes.map((box) => [box.id, []]));
  for (const link of links) next.get(link.from)?.push(link.to);
  const depth = new Map<string, number>();
  const roots = [start, ...boxes.map((box) => box.id)];
  for (const root of roots) {
    if (depth.has(root) || !next.has(root)) continue;
    depth.set(root, 0);
    const queue = [root];
    for (let head = 0; head < queue.length; head++) {
      const from = queue[head] as string;
      const fromDepth = depth.get(from) as number;
      for (const to of next.get(from) ?? []) {
        if (depth.has(to)) continue;
        depth.set(to, fromDepth + 1);
        queue.push(to);
      }
    }
  }
  return depth;
}

/** The id of the reference box a link from `from` to `to` ends at (one per pair). */
export function referenceId(link: Pick<Link, 'from' | 'to'>): string {
  return `${link.from}\u0000→${link.to}`;
}

/** A small box "→ target" standing for `target` at the end of `link`. */
export function referenceBox(link: Link, target: Box): Box {
  return {
    id: referenceId(link),
    kind: 'reference',
    label: `→ ${target.id}`,
    onRoute: false,
    doomLoop: target.doomLoop,
    deadEnd: target.deadEnd,
    refersTo: target.kind,
  };
}

/**
 * Marks backward links and sends the far ones to reference boxes (one per
 * source and target). The fastest route's links stay whole so it reads as
 * one path.
 */
export function shortenFarLinks(diagram: Diagram, start: string): Diagram {
  const depth = boxDepths(diagram.boxes, diagram.links, start);
  const byId = new Map(diagram.boxes.map((box) => [box.id, box]));
  const references = new Map<string, Box>();
  const links = diagram.links.map((link): Link => {
    const climb = (depth.get(link.from) ?? 0) - (depth.get(link.to) ?? 0);
    const target = byId.get(link.to);
    if (climb < 0 || target === undefined) return { ...link, backward: false };
    if (climb <= MAX_CLIMB || link.onRoute) return { ...link, backward: true };
    const reference = references.get(referenceId(link)) ?? referenceBox(link, target);
    references.set(reference.id, reference);
    return { ...link, to: reference.id, backward: false };
  });
  return { boxes: [...diagram.boxes, ...references.values()], links };
}
