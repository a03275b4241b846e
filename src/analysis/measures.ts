/**
 * From metrics to what the score reads: one measure per MFI component and
 * the hard-fail flags, each with the evidence (node, route, configuration)
 * that earned its points. Band edges stay in the weights file; this module
 * only decides which metric feeds which component and when it cannot be
 * assessed.
 */
import { evidence, formatSeconds } from './evidence.js';
import type { Metrics } from './metrics.js';
import { componentParameter, type ComponentMeasure, type FrictionWeights, type HardFail } from './score.js';

function list(items: readonly string[], max = 6): string {
  if (items.length === 0) return 'none';
  return items.length > max ? `${items.slice(0, max).join(', ')} … (${items.length} in all)` : items.join(', ');
}

function routeEvidence(text: string, m: Metrics) {
  return evidence(text, { route: m.announcedRoute?.steps, nodes: m.announcedRoute?.decisionNodes, moment: m.moment });
}

/** When nobody is reachable: at no hour of the week, or at the moment the figures were computed for (the week has open hours elsewhere, or `--at` was given). */
function noPersonWhen(m: Metrics): string {
  return m.hoursCoverage.openHours === 0 ? 'at any hour of the week' : `at ${m.moment}`;
}

/** `the facts given (none)`, and the caller flags when the menu tests any or some were given: what the week was judged with. */
export function judgedWith(m: Metrics): string {
  const { facts, callerFlags, menuTestsFacts, menuTestsCallerFlags } = m.hoursCoverage.judgedWith;
  const parts = [`the facts given (${facts.length === 0 ? 'none' : facts.join(', ')})`];
  if (menuTestsCallerFlags || callerFlags.length > 0) parts.push(`caller flags (${callerFlags.length === 0 ? 'none' : callerFlags.join(', ')})`);
  return parts.join(' and ');
}

/** F1's evidence: nobody at any hour, with what was judged, and what single fact or caller flag would change that. */
function noPersonEvidence(m: Metrics): string {
  const unlocked = m.hoursCoverage.unlockedBy ?? { facts: [], callerFlags: [] };
  const ways = [
    ...unlocked.facts.map((fact) => `with the fact "${fact}" (--fact)`),
    ...unlocked.callerFlags.map((flag) => `for a caller flagged ${flag} (--caller)`),
  ];
  const then = ways.length > 0
    ? `; ${ways.join(' or ')}, one is.`
    : '; no single fact or caller flag the menu tests changes that.';
  return `No person is reachable at any hour of the week with ${judgedWith(m)}${then}`;
}

/** Where no announced route exists, the points are earned by the route a caller must find instead: the fastest (a shortcut). */
function noAnnouncedRoute(m: Metrics, what: string): ComponentMeasure {
  const text = m.fastestRoute === null
    ? `No route reaches a person ${noPersonWhen(m)}${what}.`
    : `No route reaches a person through announced options alone${what}; only the shortcut route: ${m.fastestRoute.steps.join(' → ')}.`;
  return { kind: 'level', level: 'noAnnouncedRoute', evidence: evidence(text, { route: m.fastestRoute?.steps, nodes: m.fastestRoute?.decisionNodes, moment: m.moment }) };
}

/** `main.invalid at sun 00:00`: a handler with the moment it hangs up at. */
function handlerAt(h: Metrics['disconnectOnError'][number]): string {
  return `${h.node}.${h.handler} at ${h.moment}`;
}

function pathMeasures(m: Metrics): Record<string, ComponentMeasure> {
  const announced = m.announcedRoute;
  const measures: Record<string, ComponentMeasure> = {};
  measures.A1 = announced === null
    ? noAnnouncedRoute(m, '')
    : { kind: 'value', value: announced.decisionNodes.length, evidence: routeEvidence(`${announced.decisionNodes.length} decision point(s) on the announced route: ${list(announced.decisionNodes)}.`, m) };
  measures.A2 = m.escapeCoverage.share === null
    ? { kind: 'share', share: 1, evidence: evidence('No decision point: nothing to escape from.') }
    : {
        kind: 'share', share: m.escapeCoverage.share,
        evidence: evidence(`0 or an agent phrase reaches a person at ${m.escapeCoverage.covered.length} of ${m.escapeCoverage.covered.length + m.escapeCoverage.uncovered.length} decision points${m.escapeCoverage.uncovered.length > 0 ? `; not at: ${list(m.escapeCoverage.uncovered)}` : ''}.`, { nodes: m.escapeCoverage.uncovered }),
      };
  measures.A3 = m.gatekeeping.level === null
    ? { kind: 'notAssessable', evidence: evidence('No person is reachable, so there is no gate to measure.') }
    : {
        kind: 'level', level: m.gatekeeping.level,
        evidence: evidence({
          none: `A person is reachable without data entry or a bot turn before a human option, and the announced route passes none${m.gatekeeping.exempt.length > 0 ? `; no gate: ${list(m.gatekeeping.exempt)} (a bot turn that offers a person itself)` : ''}.`,
          optional: `The announced route passes ${list(m.gatekeeping.gates)}, but another route avoids it.`,
          mandatory: `Every route to a person passes data entry or a bot turn: ${list(m.gatekeeping.gates)}.`,
        }[m.gatekeeping.level], { nodes: m.gatekeeping.level === 'none' ? m.gatekeeping.exempt : m.gatekeeping.gates, moment: m.moment }),
      };
  measures.A4 = announced === null
    ? noAnnouncedRoute(m, '')
    : { kind: 'value', value: announced.actions, evidence: routeEvidence(`${announced.actions} key press(es) or phrase(s) on the announced route.`, m) };
  return measures;
}

function timeMeasures(m: Metrics): Record<string, ComponentMeasure> {
  const measures: Record<string, ComponentMeasure> = {};
  measures.B1 = m.announcedRoute === null
    ? noAnnouncedRoute(m, ' (the pre-queue time is unbounded for a caller who follows the prompts)')
    : { kind: 'value', value: m.announcedRoute.menuSeconds, evidence: routeEvidence(`${formatSeconds(m.announcedRoute.menuSeconds)} of menu time on the announced route to ${m.announcedRoute.agent}.`, m) };
  const wait = m.queueWait;
  const waitSeconds = wait?.p90Seconds ?? wait?.medianSeconds ?? null;
  if (m.fastestRoute === null) {
    measures.B2 = { kind: 'level', level: 'never', evidence: evidence(`No person is reached ${noPersonWhen(m)}: no queue wait to score.`, { moment: m.moment }) };
  } else if (wait === null || waitSeconds === null) {
    measures.B2 = { kind: 'notAssessable', evidence: evidence(`The queue ${wait?.agent ?? ''} gives no wait (wait.medianSeconds / p90Seconds).`, { nodes: wait ? [wait.agent] : [] }) };
  } else {
    const which = wait.p90Seconds !== null ? 'p90' : 'median (no p90 given)';
    measures.B2 = { kind: 'value', value: waitSeconds, evidence: evidence(`Queue ${wait.agent}: ${which} wait ${formatSeconds(waitSeconds)}.`, { nodes: [wait.agent] }) };
  }
  return measures;
}

function robustnessMeasures(m: Metrics): Record<string, ComponentMeasure> {
  const measures: Record<string, ComponentMeasure> = {};
  const traps = m.traps;
  // Only the kinds of trap found are named: "Doom loops: none." reads as if some were.
  const trapText = [
    ...(traps.deadEnds.length > 0 ? [`Dead ends: ${list(traps.deadEnds)}.`] : []),
    ...(traps.doomLoops.length > 0 ? [`Doom loops: ${list(traps.doomLoops)}.`] : []),
  ].join(' ') || 'No dead end or doom loop.';
  if (m.disconnectOnError.length > 0) {
    const where = m.disconnectOnError.map((h) => `${h.node} (${h.handler} after ${h.tries}, at ${h.moment})`);
    const first = m.disconnectOnError[0]?.moment;
    measures.C1 = { kind: 'level', level: 'disconnects', evidence: evidence(`The menu hangs up on caller errors at ${list(where)}. At ${traps.moment}: ${trapText}`, { nodes: m.disconnectOnError.map((h) => h.node), ...(first ? { moment: first } : {}) }) };
  } else if (traps.onMainPath.length > 0) {
    measures.C1 = { kind: 'level', level: 'onMainPath', evidence: evidence(`At ${traps.moment}, one move from the announced route, no person can be reached any more: ${list(traps.onMainPath)}. ${trapText}`, { configurations: traps.onMainPath, moment: traps.moment }) };
  } else if (traps.configurations > 0) {
    measures.C1 = { kind: 'level', level: 'offMainPath', evidence: evidence(`At ${traps.moment}, traps off the announced route. ${trapText}`, { nodes: [...traps.deadEnds, ...traps.doomLoops], moment: traps.moment }) };
  } else {
    measures.C1 = { kind: 'level', level: 'none', evidence: evidence('At every hour with a person, every reachable configuration can still reach a person.') };
  }
  const escalating = m.retries.handlers.filter((h) => h.outcome === 'escalates');
  const redirecting = m.retries.handlers.filter((h) => h.outcome === 'redirects');
  if (m.retries.worstEscalationTries !== null) {
    const worst = escalating.filter((h) => h.tries === m.retries.worstEscalationTries).map((h) => `${h.node}.${h.handler}`);
    measures.C2 = { kind: 'value', value: m.retries.worstEscalationTries, evidence: evidence(`At worst ${m.retries.worstEscalationTries} failures before a person: ${list(worst)}.`, { nodes: worst.map((w) => w.split('.')[0] as string), moment: m.retries.moment }) };
  } else if (redirecting.length > 0) {
    const where = redirecting.map((h) => `${h.node}.${h.handler}`);
    measures.C2 = { kind: 'level', level: 'neverEscalates', evidence: evidence(`At ${m.retries.moment}, no error handler escalates to a person; these send the caller elsewhere: ${list(where)}.`, { nodes: redirecting.map((h) => h.node), moment: m.retries.moment }) };
  } else {
    measures.C2 = { kind: 'level', level: 'nothingToEscalate', evidence: evidence(m.disconnectOnError.length > 0 ? 'Error handlers only hang up: scored under C1.' : 'No error handler to score.') };
  }
  measures.C3 = m.bargeIn.share === null
    ? { kind: 'share', share: 1, evidence: evidence('No prompt to interrupt.') }
    : { kind: 'share', share: m.bargeIn.share, evidence: evidence(`${m.bargeIn.interruptible.length} of ${m.bargeIn.interruptible.length + m.bargeIn.forced.length} prompts can be interrupted${m.bargeIn.forced.length > 0 ? `; forced: ${list(m.bargeIn.forced)}` : ''}.`, { nodes: m.bargeIn.forced }) };
  return measures;
}

function supportMeasures(m: Metrics, weights: FrictionWeights): Record<string, ComponentMeasure> {
  const measures: Record<string, ComponentMeasure> = {};
  const agent = m.queueWait?.agent;
  const nodes = agent === undefined ? [] : [agent];
  const t = m.queueTransparency;
  if (agent === undefined) {
    measures.D1 = { kind: 'notAssessable', evidence: evidence('No person is reached: no queue to judge.', { moment: m.moment }) };
  } else if (t === null) {
    measures.D1 = { kind: 'notAssessable', evidence: evidence(`The queue ${agent} does not say whether the wait is announced (wait.announced, wait.updateSeconds).`, { nodes }) };
  } else {
    const updates = t.updateSeconds !== null && t.updateSeconds <= componentParameter(weights, 'D1', 'maxUpdateSeconds');
    const met = (t.announced === true ? 1 : 0) + (updates ? 1 : 0);
    const level = met === 2 ? 'both' : met === 1 ? 'one' : 'none';
    measures.D1 = { kind: 'level', level, evidence: evidence(`Queue ${agent}: wait ${t.announced ? 'announced' : 'not announced'}; ${t.updateSeconds === null ? 'no update interval given' : `updated every ${formatSeconds(t.updateSeconds)}`}.`, { nodes }) };
  }
  const threshold = componentParameter(weights, 'D2', 'thresholdSeconds');
  const cb = m.callback;
  if (cb === null) {
    measures.D2 = { kind: 'notAssessable', evidence: evidence('No person is reached: no queue to judge.') };
  } else if (cb.offered === true) {
    measures.D2 = { kind: 'level', level: 'offered', evidence: evidence(`Queue ${agent} offers a callback.`, { nodes }) };
  } else if (cb.waitSeconds !== null && cb.waitSeconds <= threshold) {
    measures.D2 = { kind: 'level', level: 'notNeeded', evidence: evidence(`Queue ${agent}: median wait ${formatSeconds(cb.waitSeconds)}, within ${threshold} s, so no callback is needed.`, { nodes }) };
  } else if (cb.offered === false) {
    measures.D2 = { kind: 'level', level: 'none', evidence: evidence(`Queue ${agent} offers no callback${cb.waitSeconds === null ? '' : ` for a median wait of ${formatSeconds(cb.waitSeconds)}`}.`, { nodes }) };
  } else {
    measures.D2 = { kind: 'notAssessable', evidence: evidence(`Queue ${agent} does not say whether it offers a callback (callback) and its wait is not known to be short.`, { nodes }) };
  }
  measures.D3 = elderlyMeasure(m, componentParameter(weights, 'D3', 'maxDecisions'));
  const p = m.parity;
  measures.D4 = p === null
    ? { kind: 'notAssessable', evidence: evidence('Parity needs both a service and a sales queue (agent.kind).') }
    : {
        kind: 'value', value: p.ratio,
        evidence: evidence(
          `Service queue ${p.serviceAgent} ${formatSeconds(p.serviceSeconds)} vs sales queue ${p.salesAgent} ${formatSeconds(p.salesSeconds)} (fastest route to each): ratio ${p.ratio.toFixed(2)}.`,
          { nodes: [p.serviceAgent, p.salesAgent], routes: [p.serviceRoute, p.salesRoute], moment: m.moment },
        ),
      };
  const fullAfter = componentParameter(weights, 'D5', 'maxSecondsBeforeFull');
  const audio = m.forcedAudio;
  // Over the time limit counts as "2 or more" (full points), whatever the count.
  const value = audio.seconds > fullAfter ? Math.max(2, audio.count) : audio.count;
  measures.D5 = { kind: 'value', value, evidence: evidence(`${audio.count} forced non-actionable message(s) before the first choice (${formatSeconds(audio.seconds)})${audio.nodes.length > 0 ? `: ${list(audio.nodes)}` : ''}.`, { nodes: audio.nodes }) };
  return measures;
}

/** D3: a person within `maxDecisions` on announced routes; otherwise cite the route an elderly caller must take instead. */
function elderlyMeasure(m: Metrics, maxDecisions: number): ComponentMeasure {
  const elderly = m.elderlyFastLane;
  if (elderly.decisions !== null && elderly.decisions <= maxDecisions) {
    return { kind: 'level', level: 'fastLane', evidence: evidence(`A caller flagged elderly reaches a person after ${elderly.decisions} decision(s).`, { route: elderly.route, moment: m.moment }) };
  }
  let text: string;
  if (elderly.decisions !== null) text = `A caller flagged elderly needs ${elderly.decisions} decisions (at most ${maxDecisions} for a fast lane).`;
  else if (elderly.anyRoute.length > 0) text = `A caller flagged elderly reaches no person through announced options; only the shortcut route: ${elderly.anyRoute.join(' → ')}.`;
  else text = `A caller flagged elderly reaches no person at ${m.moment}.`;
  return { kind: 'level', level: 'none', evidence: evidence(text, { route: elderly.anyRoute, moment: m.moment }) };
}

export function componentMeasures(m: Metrics, weights: FrictionWeights): Record<string, ComponentMeasure> {
  return { ...pathMeasures(m), ...timeMeasures(m), ...robustnessMeasures(m), ...supportMeasures(m, weights) };
}

export function hardFails(m: Metrics, weights: FrictionWeights): HardFail[] {
  const name = (id: string) => weights.hardFails.find((f) => f.id === id)?.name ?? id;
  const fails: HardFail[] = [];
  if (m.hoursCoverage.openHours === 0) {
    fails.push({ id: 'F1', name: name('F1'), evidence: evidence(noPersonEvidence(m), { moment: m.moment }) });
  }
  if (m.disconnectOnError.length > 0) {
    const first = m.disconnectOnError[0]?.moment;
    fails.push({ id: 'F2', name: name('F2'), evidence: evidence(`after the last retry of ${list(m.disconnectOnError.map(handlerAt))}.`, { nodes: m.disconnectOnError.map((h) => h.node), ...(first ? { moment: first } : {}) }) });
  }
  if (m.shortcutOnly !== null) {
    const { moment, route } = m.shortcutOnly;
    fails.push({ id: 'F3', name: name('F3'), evidence: evidence(`At ${moment}, a person is reachable only through shortcuts: ${route.join(' → ')}.`, { route, moment }) });
  }
  return fails;
}
