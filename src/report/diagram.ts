/**
 * The menu as a diagram model that Mermaid and DOT both render: one box per
 * node, one link per option, `next`, handler and branch case (keyed like
 * `RouteFacts.links`), with the marks the audit adds — the fastest route,
 * unannounced options (dashed), hang-ups, dead ends and doom loops. Parallel
 * links are merged and far links end at reference boxes (diagram-links.ts)
 * so the layout stays linear in the size of the menu.
 */
import { promptText, type Condition, type Menu, type MenuNodeUnion } from '../model/index.js';
import type { RouteFacts } from '../analysis/route-facts.js';
import { mergeParallelLinks, shortenFarLinks } from './diagram-links.js';
import { MAX_DRAWN_BOXES, summarisedDiagram } from './diagram-summary.js';

export type BoxKind = 'say' | 'menu' | 'input' | 'branch' | 'agent' | 'hangup' | 'disconnect' | 'reference' | 'note';

export interface Box {
  id: string;
  kind: BoxKind;
  label: string;
  onRoute: boolean;
  /** no route from here reaches a person, and the caller can go round forever */
  doomLoop: boolean;
  /** no route from here reaches a person */
  deadEnd: boolean;
  /** for a `reference` box (a far link's end, see diagram-links.ts): the kind of the box it stands for */
  refersTo?: BoxKind;
}

/** The kind a box is drawn as: a reference box looks like the box it stands for. */
export function standsFor(box: Box): BoxKind {
  return box.refersTo ?? box.kind;
}

export interface Link {
  key: string;
  from: string;
  to: string;
  label: string;
  /** an option the prompts do not announce */
  unannounced: boolean;
  /** an error or silence handler */
  failure: boolean;
  onRoute: boolean;
  /** goes back up (or sideways) in the breadth-first ranks: not used to rank boxes */
  backward?: boolean;
}

export interface Diagram {
  boxes: Box[];
  links: Link[];
}

export interface DiagramMarks {
  route?: RouteFacts | null;
  deadEnds?: readonly string[];
  doomLoops?: readonly string[];
}

/** The synthetic box a handler without `then` leads to. */
const DISCONNECT = '#disconnect';

function conditionText(condition: Condition): string {
  if ('open' in condition) return `open ${condition.open}`;
  if ('caller' in condition) return `caller ${condition.caller}`;
  if ('fact' in condition) return `fact ${condition.fact}`;
  if ('not' in condition) return `not ${conditionText(condition.not)}`;
  if ('all' in condition) return condition.all.map(conditionText).join(' and ');
  return condition.any.map(conditionText).join(' or ');
}

const WIDE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\u3000-\u303f\uff00-\uffef]/u;

/** Display width: CJK and full-width characters take two columns. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}

export function shorten(text: string, max = 40): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (displayWidth(flat) <= max) return flat;
  let kept = '';
  for (const char of flat) {
    if (displayWidth(kept + char) > max - 1) break;
    kept += char;
  }
  return `${kept}…`;
}

function boxLabel(id: string, node: MenuNodeUnion): string {
  switch (node.type) {
    case 'say':
    case 'menu':
    case 'input':
      return `${id}\n${shorten(promptText(node.prompt))}`;
    case 'branch':
      return `${id}?`;
    case 'agent': {
      const wait = node.wait?.medianSeconds;
      return `${id}\nperson${wait === undefined ? '' : `, wait ${wait} s`}`;
    }
    case 'hangup':
      return `${id}\nhang-up`;
  }
}

function handlerLinks(id: string, node: Extract<MenuNodeUnion, { type: 'menu' | 'input' }>): Omit<Link, 'onRoute'>[] {
  return (['invalid', 'noInput'] as const).map((kind) => {
    const handler = node[kind] ?? { retries: 2 };
    const label = `${kind === 'invalid' ? 'invalid' : 'silence'} ×${handler.retries + 1}`;
    return { key: `${id}|${kind}`, from: id, to: handler.then ?? DISCONNECT, label, unannounced: false, failure: true };
  });
}

function nodeLinks(id: string, node: MenuNodeUnion): Omit<Link, 'onRoute'>[] {
  const link = (key: string, to: string, label: string, unannounced = false) => ({ key: `${id}|${key}`, from: id, to, label, unannounced, failure: false });
  switch (node.type) {
    case 'say':
      return [link('next', node.next, '')];
    case 'menu':
      return [
        ...node.options.map((option, index) => {
          const said = option.phrases?.[0] === undefined ? '' : `"${option.phrases[0]}"`;
          const label = [option.key, said].filter((part) => part !== undefined && part !== '').join(' / ');
          return link(`opt${index}`, option.next, shorten(option.label ? `${label} ${option.label}` : label, 30), !option.advertised);
        }),
        ...handlerLinks(id, node),
      ];
    case 'input':
      return [link('next', node.next, 'digits'), ...handlerLinks(id, node)];
    case 'branch':
      return [...node.cases.map((c, index) => link(`case${index}`, c.next, shorten(conditionText(c.when), 30))), link('otherwise', node.otherwise, 'otherwise')];
    case 'agent':
    case 'hangup':
      return [];
  }
}

function menuDiagram(menu: Menu, marks: DiagramMarks = {}): Diagram {
  const routeLinks = new Set(marks.route?.links ?? []);
  const routeNodes = new Set<string>();
  const links: Link[] = [];
  for (const [id, node] of Object.entries(menu.nodes)) {
    for (const link of nodeLinks(id, node)) {
      const onRoute = routeLinks.has(link.key);
      if (onRoute) routeNodes.add(link.from).add(link.to);
      links.push({ ...link, onRoute });
    }
  }
  if (marks.route) routeNodes.add(menu.start).add(marks.route.agent);
  const deadEnds = new Set(marks.deadEnds ?? []);
  const doomLoops = new Set(marks.doomLoops ?? []);
  const boxes: Box[] = Object.entries(menu.nodes).map(([id, node]) => ({
    id, kind: node.type, label: boxLabel(id, node),
    onRoute: routeNodes.has(id), doomLoop: doomLoops.has(id), deadEnd: deadEnds.has(id) && !doomLoops.has(id),
  }));
  if (links.some((link) => link.to === DISCONNECT)) {
    boxes.push({ id: DISCONNECT, kind: 'disconnect', label: 'disconnect\n(call ends)', onRoute: false, doomLoop: false, deadEnd: true });
  }
  return drawable({ boxes, links: mergeParallelLinks(links) }, menu.start);
}

/** Far links cut short; above `MAX_DRAWN_BOXES` boxes, the summary (diagram-summary.ts). */
function drawable(diagram: Diagram, start: string): Diagram {
  const whole = shortenFarLinks(diagram, start);
  return whole.boxes.length <= MAX_DRAWN_BOXES ? whole : shortenFarLinks(summarisedDiagram(diagram, start), start);
}

/** The diagram with an audit's marks: its fastest route, dead ends and doom loops. */
export function auditDiagram(menu: Menu, metrics: { fastestRoute: RouteFacts | null; traps: { deadEnds: readonly string[]; doomLoops: readonly string[] } }): Diagram {
  return menuDiagram(menu, { route: metrics.fastestRoute, deadEnds: metrics.traps.deadEnds, doomLoops: metrics.traps.doomLoops });
}
