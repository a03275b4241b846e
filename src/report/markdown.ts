/** The audit as Markdown for a pull request or a wiki: tables, and the diagram as a Mermaid block GitHub renders. */
import type { AuditReport } from '../analysis/audit.js';
import { hoursLine, points, routeLine, scoreLine } from './audit-text.js';
import { formatSeconds } from '../analysis/evidence.js';

/** Escapes a table cell. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

export function auditMarkdown(report: AuditReport, mermaid: string): string {
  const m = report.metrics;
  const lines = [
    `# Friction audit: ${report.name}`,
    '',
    `**${scoreLine(report)}**`,
    '',
    `Menu \`${report.menu}\`; routes computed for ${m.moment}.`,
    '',
    '| | |',
    '|---|---|',
    `| Fastest route | ${cell(routeLine(m.fastestRoute))} |`,
    `| Announced route | ${cell(routeLine(m.announcedRoute))} |`,
    `| Hidden-shortcut gain | ${m.hiddenShortcutGainSeconds === null ? 'n/a' : formatSeconds(m.hiddenShortcutGainSeconds)} |`,
    `| Hours with a person | ${hoursLine(report)} |`,
    '',
  ];
  if (m.fastestRoute) lines.push('Fastest route, step by step:', '', ...m.fastestRoute.steps.map((step, i) => `${i + 1}. \`${step}\``), '');
  if (report.flags.length > 0) {
    lines.push('## Hard fails', '', ...report.flags.map((f) => `- **${f.id}** ${f.name}: ${f.evidence.text}`), '');
  }
  lines.push('## Score breakdown', '', '| id | component | points | max | evidence |', '|---|---|---:|---:|---|');
  for (const c of report.components) lines.push(`| ${c.id} | ${cell(c.name)} | ${points(c.points)} | ${c.max} | ${cell(c.evidence.text)} |`);
  lines.push('');
  if (report.rules.length > 0) {
    lines.push('## Rules', '', '| profile | rule | result | evidence | source |', '|---|---|---|---|---|');
    for (const r of report.rules) lines.push(`| ${r.profile} | ${r.id}: ${cell(r.title)} | ${r.result} | ${cell(r.evidence.text)} | ${cell(r.source.name)} |`);
    lines.push('');
  }
  lines.push('## Diagram', '', 'Thick links: the fastest route. Dashed: options the prompts do not announce. Red: hang-ups and dead ends.', '', '```mermaid', mermaid, '```', '');
  return lines.join('\n');
}
