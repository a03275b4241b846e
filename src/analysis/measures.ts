/**
 * From metrics to what the score reads: one measure per MFI component and
 * the hard-fail flags, each with the evidence (node, route, configuration)
 * that earned its points. Band edges stay in the weights file; this module
 * only decides which metric feeds which component and when it cannot be
 * assessed.
 */
import { evidence, formatSeconds } from './evidence.js';
import type { Metrics } from './metrics.js';
import type { ComponentMeasure, FrictionWeights, HardFail } from './score.js';

function list(items: readonly string[], max = 6): string {
  if (items.length === 0) return 'none';
  return items.length > max ? `${items.slice(0, max).join(', ')} … (${items.length} in all)` : items.join(', ');
}

function routeEvidence(text: string, m: Metrics) {
  return evidence(text, { route: m.announcedRoute?.steps, nodes: m.announcedRoute?.decisionNodes, moment: m.moment });
}

function pathMeasures(m: Metrics): Record<string, ComponentMeasure> {
  const announced = m.announcedRoute;
  const noRoute = m.fastestRoute === null
    ? 'No route reaches a person at this moment.'
    : 'No route reaches a person through announced options alone (only through shortcuts).';
  const measures: Record<string, ComponentMeasure> = {};
  measures.A1 = announced === null
    ? { kind: 'level', level: 'noAnnouncedRoute', evidence: evidence(noRoute, { moment: m.moment }) }
    : { kind: 'value', value: announced.decisionNodes.length, evidence: routeEvidence(`${announced.decisionNodes.length} decision point(s) on the announced route: ${list(announced.decisionNodes)}.`, m) };
  measures.A2 = m.escapeCoverage.share === null
    ? { kind: 'share', share: 1, evidence: evidence('No decision point: nothing to escape from.') }
    : {
        kind: 'share', share: m.escapeCoverage.share,
        evidence: evidence(`0 or an agent phrase reaches a person at ${m.escapeCoverage.covered.length} of ${m.escapeCoverage.covered.length + m.escapeCoverage.uncovered.length} decision points; not at: ${list(m.escapeCoverage.uncovered)}.`, { nodes: m.escapeCoverage.uncovered }),
      };
  measures.A3 = m.gatekeeping.level === null
    ? { kind: 'notAssessable', evidence: evidence('No person is reachable, so there is no gate to measure.') }
    : {
        kind: 'level', level: m.gatekeeping.level,
        evidence: evidence({
          none: 'A person is reachable without data entry or a bot turn, and the announced route passes none.',
          optional: `The announced route passes ${list(m.gatekeeping.gates)}, but another route avoids it.`,
          mandatory: `Every route to a person passes data entry or a bot turn: ${list(m.gatekeeping.gates)}.`,
        }[m.gatekeeping.level], { nodes: m.gatekeeping.gates }),
      };
  measures.A4 = announced === null
    ? { kind: 'level', level: 'noAnnouncedRoute', evidence: evidence(noRoute, { moment: m.moment }) }
    : { kind: 'value', value: announced.actions, evidence: routeEvidence(`${announced.actions} key press(es) or phrase(s) on the announced route.`, m) };
  return measures;
}

function timeMeasures(m: Metrics): Record<string, ComponentMeasure> {
  const measures: Record<string, ComponentMeasure> = {};
  measures.B1 = m.announcedRoute === null
    ? { kind: 'level', level: 'noAnnouncedRoute', evidence: evidence('No announced route: the pre-queue time is unbounded for a caller who follows the prompts.', { moment: m.moment }) }
    : { kind: 'value', value: m.announcedRoute.menuSeconds, evidence: routeEvidence(`${formatSeconds(m.announcedRoute.menuSeconds)} of menu time on the announced route to ${m.announcedRoute.agent}.`, m) };
  const wait = m.queueWait;
  const waitSeconds = wait?.p90Seconds ?? wait?.medianSeconds ?? null;
  if (m.fastestRoute === null) {
    measures.B2 = { kind: 'level', level: 'never', evidence: evidence('No person is ever reached at this moment.', { moment: m.moment }) };
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
  const trapText = `Dead ends: ${list(traps.deadEnds)}. Doom loops: ${list(traps.doomLoops)}.`;
  if (m.disconnectOnError.length > 0) {
    const where = m.disconnectOnError.map((h) => `${h.node} (${h.handler} after ${h.tries})`);
    measures.C1 = { kind: 'level', level: 'disconnects', evidence: evidence(`The menu hangs up on caller errors at ${list(where)}. ${trapText}`, { nodes: m.disconnectOnError.map((h) => h.node) }) };
  } else if (traps.onMainPath.length > 0) {
    measures.C1 = { kind: 'level', level: 'onMainPath', evidence: evidence(`One move from the announced route, no person can be reached any more: ${list(traps.onMainPath)}. ${trapText}`, { configurations: traps.onMainPath }) };
  } else if (traps.configurations > 0) {
    measures.C1 = { kind: 'level', level: 'offMainPath', evidence: evidence(`Traps off the announced route. ${trapText}`, { nodes: [...traps.deadEnds, ...traps.doomLoops] }) };
  } else {
    measures.C1 = { kind: 'level', level: 'none', evidence: evidence('Every reachable configuration can still reach a person.') };
  }
  const escalating = m.retries.handlers.filter((h) => h.outcome === 'escalates');
  const redirecting = m.retries.handlers.filter((h) => h.outcome === 'redirects');
  if (m.retries.worstEscalationTries !== null) {
    const worst = escalating.filter((h) => h.tries === m.retries.worstEscalationTries).map((h) => `${h.node}.${h.handler}`);
    measures.C2 = { kind: 'value', value: m.retries.worstEscalationTries, evidence: evidence(`At worst ${m.retries.worstEscalationTries} failures before a person: ${list(worst)}.`, { nodes: worst.map((w) => w.split('.')[0] as string) }) };
  } else if (redirecting.length > 0) {
    const where = redirecting.map((h) => `${h.node}.${h.handler}`);
    measures.C2 = { kind: 'level', level: 'neverEscalates', evidence: evidence(`No error handler escalates to a person; these send the caller elsewhere: ${list(where)}.`, { nodes: redirecting.map((h) => h.node) }) };
  } else {
    measures.C2 = { kind: 'level', level: 'nothingToEscalate', evidence: evidence(m.disconnectOnError.length > 0 ? 'Error handlers only hang up: scored under C1.' : 'No error handler to score.') };
  }
  measures.C3 = m.bargeIn.share === null
    ? { kind: 'share', share: 1, evidence: evidence('No prompt to interrupt.') }
    : { kind: 'share', share: m.bargeIn.share, evidence: evidence(`${m.bargeIn.interruptible.length} of ${m.bargeIn.interruptible.length + m.bargeIn.forced.length} prompts can be interrupted; forced: ${list(m.bargeIn.forced)}.`, { nodes: m.bargeIn.forced }) };
  return measures;
}

function supportMeasures(m: Metrics, weights: FrictionWeights): Record<string, ComponentMeasure> {
  const measures: Record<string, ComponentMeasure> = {};
  const agent = m.queueWait?.agent;
  const nodes = agent === undefined ? [] : [agent];
  const t = m.queueTransparency;
  if (t === null) {
    measures.D1 = { kind: 'notAssessable', evidence: evidence(`The queue ${agent ?? ''} does not say whether the wait is announced (wait.announced, wait.updateSeconds).`, { nodes }) };
  } else {
    const updates = t.updateSeconds !== null && t.updateSeconds <= 60;
    const met = (t.announced === true ? 1 : 0) + (updates ? 1 : 0);
    const level = met === 2 ? 'both' : met === 1 ? 'one' : 'none';
    measures.D1 = { kind: 'level', level, evidence: evidence(`Queue ${agent}: wait ${t.announced ? 'announced' : 'not announced'}; ${t.updateSeconds === null ? 'no update interval given' : `updated every ${formatSeconds(t.updateSeconds)}`}.`, { nodes }) };
  }
  const threshold = Number(weights.components.find((c) => c.id === 'D2')?.thresholdSeconds ?? 120);
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
  const maxDecisions = Number(weights.components.find((c) => c.id === 'D3')?.maxDecisions ?? 1);
  const elderly = m.elderlyFastLane;
  measures.D3 = elderly.decisions !== null && elderly.decisions <= maxDecisions
    ? { kind: 'level', level: 'fastLane', evidence: evidence(`A caller flagged elderly reaches a person after ${elderly.decisions} decision(s).`, { route: elderly.route }) }
    : { kind: 'level', level: 'none', evidence: evidence(elderly.decisions === null ? 'A caller flagged elderly reaches no person through announced options.' : `A caller flagged elderly needs ${elderly.decisions} decisions.`, { route: elderly.route }) };
  measures.D4 = m.parity === null
    ? { kind: 'notAssessable', evidence: evidence('Parity needs both a service and a sales queue (agent.kind).') }
    : { kind: 'value', value: m.parity.ratio, evidence: evidence(`Service ${formatSeconds(m.parity.serviceSeconds)} vs sales ${formatSeconds(m.parity.salesSeconds)}: ratio ${m.parity.ratio.toFixed(2)}.`) };
  const fullAfter = Number(weights.components.find((c) => c.id === 'D5')?.maxSecondsBeforeFull ?? 15);
  const audio = m.forcedAudio;
  // Over the time limit counts as "2 or more" (full points), whatever the count.
  const value = audio.seconds > fullAfter ? Math.max(2, audio.count) : audio.count;
  measures.D5 = { kind: 'value', value, evidence: evidence(`${audio.count} forced non-actionable message(s) before the first choice (${formatSeconds(audio.seconds)}): ${list(audio.nodes)}.`, { nodes: audio.nodes }) };
  return measures;
}

export function componentMeasures(m: Metrics, weights: FrictionWeights): Record<string, ComponentMeasure> {
  return { ...pathMeasures(m), ...timeMeasures(m), ...robustnessMeasures(m), ...supportMeasures(m, weights) };
}

export function hardFails(m: Metrics, weights: FrictionWeights): HardFail[] {
  const name = (id: string) => weights.hardFails.find((f) => f.id === id)?.name ?? id;
  const fails: HardFail[] = [];
  if (m.hoursCoverage.openHours === 0) {
    fails.push({ id: 'F1', name: name('F1'), evidence: evidence('No hour of the week has a route to a person.', { moment: m.moment }) });
  }
  if (m.disconnectOnError.length > 0) {
    const where = m.disconnectOnError.map((h) => `${h.node}.${h.handler}`);
    fails.push({ id: 'F2', name: name('F2'), evidence: evidence(`Hangs up after caller errors: ${list(where)}.`, { nodes: m.disconnectOnError.map((h) => h.node) }) });
  }
  if (m.fastestRoute !== null && m.announcedRoute === null) {
    fails.push({ id: 'F3', name: name('F3'), evidence: evidence('A person is reachable only through shortcuts.', { route: m.fastestRoute.steps, moment: m.moment }) });
  }
  return fails;
}
