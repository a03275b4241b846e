/**
 * The menu diagram as a Mermaid flowchart (GitHub renders it in Markdown):
 * the fastest route as thick links on amber boxes, unannounced options
 * dashed, hang-ups red, doom loops dark red with a dashed border, far links
 * ending at flag-shaped "→ target" boxes.
 */
import { standsFor, type Box, type Diagram, type Link } from './diagram.js';

/** Mermaid ids must be plain: number the boxes. */
function idMap(diagram: Diagram): Map<string, string> {
  return new Map(diagram.boxes.map((box, index) => [box.id, `n${index}`]));
}

function text(label: string): string {
  return label.replace(/"/g, '#quot;').replace(/\n/g, '<br/>');
}

function shape(box: Box, id: string): string {
  const label = `"${text(box.label)}"`;
  switch (box.kind) {
    case 'agent':
      return `${id}([${label}])`;
    case 'branch':
      return `${id}{${label}}`;
    case 'hangup':
    case 'disconnect':
      return `${id}[[${label}]]`;
    case 'reference':
      return `${id}>${label}]`;
    case 'note':
      return `${id}[/${label}/]`;
    case 'say':
    case 'menu':
    case 'input':
      return `${id}[${label}]`;
  }
}

function arrow(link: Link): string {
  const label = link.label === '' ? '' : `|"${text(link.label)}"|`;
  if (link.onRoute) return `==>${label}`;
  if (link.unannounced) return `-.->${label}`;
  return `-->${label}`;
}

export function toMermaid(diagram: Diagram): string {
  const ids = idMap(diagram);
  const lines = ['flowchart TD'];
  for (const box of diagram.boxes) lines.push(`  ${shape(box, ids.get(box.id) as string)}`);
  for (const link of diagram.links) {
    const from = ids.get(link.from);
    const to = ids.get(link.to);
    if (from !== undefined && to !== undefined) lines.push(`  ${from} ${arrow(link)} ${to}`);
  }
  lines.push(
    '  classDef person fill:#dcfce7,stroke:#15803d',
    '  classDef hangup fill:#fee2e2,stroke:#b91c1c',
    '  classDef loop fill:#fecaca,stroke:#7f1d1d,stroke-width:2px,stroke-dasharray:4 3',
    '  classDef route fill:#fde68a,stroke:#b45309,stroke-width:3px',
  );
  if (diagram.boxes.some((box) => box.kind === 'reference')) lines.push('  classDef reference fill:#f8fafc,stroke:#64748b,stroke-dasharray:3 3');
  const classed = (name: string, test: (box: Box) => boolean) => {
    const members = diagram.boxes.filter(test).map((box) => ids.get(box.id));
    if (members.length > 0) lines.push(`  class ${members.join(',')} ${name}`);
  };
  const person = (box: Box) => standsFor(box) === 'agent' && !box.onRoute;
  const hangup = (box: Box) => (standsFor(box) === 'hangup' || standsFor(box) === 'disconnect' || box.deadEnd) && !box.doomLoop && !box.onRoute;
  classed('person', person);
  classed('hangup', hangup);
  classed('loop', (box) => box.doomLoop);
  classed('route', (box) => box.onRoute);
  classed('reference', (box) => box.kind === 'reference' && !person(box) && !hangup(box) && !box.doomLoop);
  return lines.join('\n');
}
