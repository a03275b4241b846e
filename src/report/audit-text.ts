/** The audit for a terminal: score line, routes, hard fails, the breakdown with evidence, rule results. */
import type { AuditReport } from '../analysis/audit.js';
import { formatSeconds } from '../analysis/evidence.js';
import { judgedWith } from '../analysis/measures.js';
import type { RouteFacts } from '../analysis/route-facts.js';

export function points(value: number | null): string {
  return value === null ? 'n/a' : (Math.round(value * 10) / 10).toFixed(1);
}

/** `2.0/3`, or `n/a of 3` for a component that could not be assessed (not `n/a/3`). */
function pointsOfMax(value: number | null, max: number): string {
  return value === null ? `n/a of ${max}` : `${points(value)}/${max}`;
}

export function routeLine(route: RouteFacts | null): string {
  if (route === null) return 'none';
  const actions = `${route.actions} action${route.actions === 1 ? '' : 's'}`;
  return `${formatSeconds(route.menuSeconds)} menu + ${formatSeconds(route.holdSeconds)} hold = ${formatSeconds(route.totalSeconds)}, ${actions}`;
}

export function scoreLine(report: AuditReport): string {
  const fails = report.hardFails.length > 0 ? ` (hard fail ${report.hardFails.join(', ')})` : '';
  return `Menu Friction Index ${report.score.toFixed(1)} / 100 (higher is worse), grade ${report.grade}${fails}, ${report.coverage} % of points assessable`;
}

export function hoursLine(report: AuditReport): string {
  const h = report.metrics.hoursCoverage;
  // Exact to the minute, so hours may have a fraction (41.75 h): two decimals at most.
  const hours = `${Math.round(h.openHours * 100) / 100} of ${h.hours} hours (${Math.round(h.share * 100)} %)`;
  // Facts and caller flags change the answer only when the menu's branches test them; then say which were assumed.
  const { facts, callerFlags, menuTestsFacts, menuTestsCallerFlags } = h.judgedWith;
  const conditional = menuTestsFacts || menuTestsCallerFlags || facts.length > 0 || callerFlags.length > 0;
  return conditional ? `${hours} with ${judgedWith(report.metrics)}` : hours;
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function auditText(report: AuditReport): string {
  const m = report.metrics;
  const lines = [
    `${report.menu}: ${report.name}`,
    scoreLine(report),
    `Routes computed for ${m.moment} (the hour of the week where the announced route is fastest, unless --at is given); hang-ups and traps at the worst hour, each named`,
    '',
    `Fastest route:    ${routeLine(m.fastestRoute)}`,
    ...(m.fastestRoute ? [`  ${m.fastestRoute.steps.join(' → ')}`] : []),
    `Announced route:  ${routeLine(m.announcedRoute)}`,
    ...(m.announcedRoute ? [`  ${m.announcedRoute.steps.join(' → ')}`] : []),
    `Hidden-shortcut gain: ${m.hiddenShortcutGainSeconds === null ? 'n/a' : formatSeconds(m.hiddenShortcutGainSeconds)}`,
    `Hours with a person: ${hoursLine(report)}`,
  ];
  if (report.flags.length > 0) {
    lines.push('', 'Hard fails (grade forced to F):');
    for (const flag of report.flags) lines.push(`  ${flag.id}  ${flag.name}: ${flag.evidence.text}`);
  }
  lines.push('', 'Breakdown (points / max, evidence):');
  for (const c of report.components) {
    lines.push(`  ${c.id}  ${pad(pointsOfMax(c.points, c.max), 9)} ${c.name}`, `               ${c.evidence.text}`);
  }
  if (report.rules.length > 0) {
    lines.push('', 'Rules:');
    for (const rule of report.rules) {
      lines.push(`  ${pad(rule.result, 14)} ${rule.profile} ${rule.id}: ${rule.title}`, `                 ${rule.evidence.text} [${rule.source.name}]`);
    }
  }
  return lines.join('\n');
}
