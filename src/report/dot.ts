/**
 * The menu diagram as Graphviz DOT: the fastest route in bold amber,
 * unannounced options dashed, error handlers grey, people green, hang-ups
 * red, doom loops dark red and dashed, far links ending at small dashed
 * "→ target" boxes.
 */
import { displayWidth, standsFor, type Box, type Diagram, type Link } from './diagram.js';

function quote(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

const SHAPES: Record<Box['kind'], string> = {
  say: 'box', menu: 'box', input: 'box', branch: 'diamond', agent: 'oval', hangup: 'octagon', disconnect: 'octagon', reference: 'box', note: 'note',
};

/**
 * A minimum box width in inches. Graphviz measures text with Latin font
 * metrics and under-measures CJK, so labels would overflow their boxes:
 * estimate 0.55 em per column at 10 pt, two columns per CJK character.
 */
function minimumWidth(label: string): string {
  const columns = Math.max(...label.split('\n').map(displayWidth));
  return ((columns * 0.55 * 10) / 72 + 0.35).toFixed(2);
}

/** A far link's end ("→ agent"): small, dashed, coloured like the box it stands for. */
function referenceAttributes(box: Box): string {
  let [fill, color] = ['#f8fafc', '#64748b'];
  if (standsFor(box) === 'agent') [fill, color] = ['#dcfce7', '#15803d'];
  if (standsFor(box) === 'hangup' || standsFor(box) === 'disconnect' || box.deadEnd) [fill, color] = ['#fee2e2', '#b91c1c'];
  if (box.doomLoop) [fill, color] = ['#fecaca', '#7f1d1d'];
  return `shape=box, style="rounded,filled,dashed", fillcolor=${quote(fill)}, color=${quote(color)}, fontsize=9, height=0.25, margin="0.06,0.02"`;
}

function boxAttributes(box: Box): string {
  if (box.kind === 'reference') return referenceAttributes(box);
  if (box.kind === 'note') return 'shape=note, style="filled", fillcolor="#fef9c3", color="#a16207"';
  let fill = '#ffffff';
  let color = '#475569';
  let style = box.kind === 'branch' ? 'filled' : 'rounded,filled';
  if (box.kind === 'agent') [fill, color] = ['#dcfce7', '#15803d'];
  if (box.kind === 'hangup' || box.kind === 'disconnect' || box.deadEnd) [fill, color] = ['#fee2e2', '#b91c1c'];
  if (box.doomLoop) {
    [fill, color] = ['#fecaca', '#7f1d1d'];
    style += ',dashed';
  }
  const width = box.onRoute ? 3 : 1;
  if (box.onRoute && box.kind !== 'agent') fill = '#fde68a';
  if (box.onRoute) color = '#b45309';
  if (box.kind === 'hangup' || box.kind === 'disconnect') style = style.replace('rounded,', '');
  return `shape=${SHAPES[box.kind]}, style=${quote(style)}, fillcolor=${quote(fill)}, color=${quote(color)}, penwidth=${width}, width=${minimumWidth(box.label)}`;
}

function linkAttributes(link: Link): string {
  const parts = [`label=${quote(link.label)}`];
  if (link.onRoute) parts.push('color="#b45309"', 'penwidth=3', 'fontcolor="#92400e"');
  else if (link.failure) parts.push('color="#94a3b8"', 'fontcolor="#64748b"');
  if (link.unannounced) parts.push('style=dashed');
  // Ranks come from forward links only: they are then the breadth-first depths (see diagram-links.ts).
  if (link.backward) parts.push('constraint=false');
  return parts.join(', ');
}

export function toDot(diagram: Diagram, title = 'menu'): string {
  const ids = new Map(diagram.boxes.map((box, index) => [box.id, `n${index}`]));
  const lines = [
    `digraph ${quote(title)} {`,
    '  rankdir=TB;',
    '  graph [fontname="Helvetica", nodesep=0.3, ranksep=0.45];',
    '  node [fontname="Helvetica", fontsize=10, margin="0.12,0.05"];',
    '  edge [fontname="Helvetica", fontsize=9, arrowsize=0.7];',
  ];
  for (const box of diagram.boxes) lines.push(`  ${ids.get(box.id)} [label=${quote(box.label)}, ${boxAttributes(box)}];`);
  for (const link of diagram.links) {
    const from = ids.get(link.from);
    const to = ids.get(link.to);
    if (from !== undefined && to !== undefined) lines.push(`  ${from} -> ${to} [${linkAttributes(link)}];`);
  }
  lines.push('}');
  return lines.join('\n');
}
