/**
 * Rule profiles (rules/<profile>.json) checked against a menu's metrics.
 * A profile is data: rules naming a check kind, its parameters and the
 * source of the rule. Each check answers pass, fail or not-assessable
 * (the menu lacks the facts, or the format does not model the duty), with
 * evidence.
 */
import * as z from 'zod';
import { promptLength, toSeconds, type Menu } from '../model/index.js';
import { evidence, formatSeconds, type Evidence } from './evidence.js';
import type { Metrics } from './metrics.js';

export const CHECKS = [
  'humanInMainMenu', 'personReachable', 'announcedPerson', 'noDisconnect', 'answerWithin', 'elderlyDirect',
  'escapeEverywhere', 'waitAnnounced', 'callbackOffered', 'dtmfFallback', 'maxPromptSeconds', 'bargeInEverywhere',
  'noForcedAudio', 'waitParity', 'personHoursPerDay', 'notModelled',
] as const;

const Rule = z.strictObject({
  id: z.string().min(1),
  title: z.string().min(1),
  check: z.enum(CHECKS),
  params: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
  source: z.strictObject({ name: z.string().min(1), url: z.string().optional(), status: z.string().optional() }),
});

export const RuleProfile = z.strictObject({
  $comment: z.string().optional(),
  profile: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  jurisdiction: z.string(),
  rules: z.array(Rule).min(1),
});

export type RuleProfile = z.output<typeof RuleProfile>;
export type Rule = z.output<typeof Rule>;
export type RuleOutcome = 'pass' | 'fail' | 'not-assessable';

export interface RuleResult {
  profile: string;
  id: string;
  title: string;
  result: RuleOutcome;
  evidence: Evidence;
  source: Rule['source'];
}

interface Verdict {
  result: RuleOutcome;
  evidence: Evidence;
}

type Check = (m: Metrics, menu: Menu, params: Rule['params']) => Verdict;

const pass = (text: string, refs: Omit<Evidence, 'text'> = {}): Verdict => ({ result: 'pass', evidence: evidence(text, refs) });
const fail = (text: string, refs: Omit<Evidence, 'text'> = {}): Verdict => ({ result: 'fail', evidence: evidence(text, refs) });
const unknown = (text: string, refs: Omit<Evidence, 'text'> = {}): Verdict => ({ result: 'not-assessable', evidence: evidence(text, refs) });
const verdict = (ok: boolean, text: string, refs: Omit<Evidence, 'text'> = {}): Verdict => (ok ? pass(text, refs) : fail(text, refs));

function num(params: Rule['params'], name: string, fallback: number): number {
  const value = params[name];
  return typeof value === 'number' ? value : fallback;
}

/** The wait statistic a rule reads from the reached queue: p90 or median. */
function waitStatistic(m: Metrics, statistic: string): number | null {
  if (m.queueWait === null) return null;
  return statistic === 'p90' ? m.queueWait.p90Seconds : m.queueWait.medianSeconds;
}

const checks: Record<(typeof CHECKS)[number], Check> = {
  humanInMainMenu: (m, _menu, params) => {
    const maxDepth = num(params, 'maxDepth', 1);
    const { decisions, route } = m.shallowestAnnounced;
    if (decisions === null) return fail(m.fastestRoute === null ? 'No route reaches a person.' : 'No announced option leads to a person.', { moment: m.moment });
    return verdict(decisions <= maxDepth, `The shallowest announced route reaches a person after ${decisions} decision point(s) (at most ${maxDepth} allowed).`, { route, moment: m.moment });
  },
  personReachable: (m) => verdict(m.hoursCoverage.openHours > 0, `A person is reachable in ${m.hoursCoverage.openHours} of 168 hours of the week.`),
  announcedPerson: (m) => (m.announcedRoute !== null
    ? pass(`The prompts lead to a person: ${m.announcedRoute.steps.join(' → ')}.`, { route: m.announcedRoute.steps, moment: m.moment })
    : fail(m.fastestRoute === null ? 'No route reaches a person.' : 'Only unannounced shortcuts reach a person.', { moment: m.moment })),
  noDisconnect: (m) => (m.disconnectOnError.length === 0
    ? pass('No error or silence handler hangs up.')
    : fail(`Hangs up after caller errors at ${m.disconnectOnError.map((h) => `${h.node}.${h.handler}`).join(', ')}.`, { nodes: m.disconnectOnError.map((h) => h.node) })),
  answerWithin: (m, _menu, params) => {
    const limit = num(params, 'seconds', 30);
    const statistic = String(params.statistic ?? 'median');
    const wait = waitStatistic(m, statistic);
    const route = m.announcedRoute ?? m.fastestRoute;
    if (route === null) return fail('No route reaches a person.');
    if (wait === null) return unknown(`The queue ${m.queueWait?.agent ?? ''} gives no ${statistic} wait.`, { nodes: m.queueWait ? [m.queueWait.agent] : [] });
    const total = params.include === 'menu' ? route.menuSeconds + wait : wait;
    const what = params.include === 'menu' ? `menu ${formatSeconds(route.menuSeconds)} + ${statistic} wait ${formatSeconds(wait)} = ${formatSeconds(total)}` : `${statistic} wait ${formatSeconds(wait)}`;
    // Say so when the queue alone breaks the limit: no shorter menu could pass.
    const queueAlone = params.include === 'menu' && wait > limit ? '; the wait alone is over the limit' : '';
    return verdict(total <= limit, `Queue ${route.agent}: ${what} (limit ${formatSeconds(limit)}${queueAlone}).`, { nodes: [route.agent], route: route.steps });
  },
  elderlyDirect: (m, _menu, params) => {
    const max = num(params, 'maxDecisions', 1);
    const decisions = m.elderlyFastLane.decisions;
    if (decisions === null) return fail('A caller flagged elderly reaches no person through announced options.');
    return verdict(decisions <= max, `A caller flagged elderly reaches a person after ${decisions} decision(s) (at most ${max}).`, { route: m.elderlyFastLane.route });
  },
  escapeEverywhere: (m, menu, params) => {
    const share = m.escapeCoverage.share ?? 1;
    const min = num(params, 'minShare', 1);
    const inputs = m.escapeCoverage.uncovered.filter((id) => menu.nodes[id]?.type === 'input');
    // An input takes 0 as a digit, so a data-entry prompt never offers the escape.
    const why = inputs.length > 0 ? ` (${inputs.join(', ')} take${inputs.length === 1 ? 's' : ''} 0 as a digit)` : '';
    return verdict(share >= min, `0 or an agent phrase reaches a person at ${Math.round(share * 100)} % of decision points (needed ${Math.round(min * 100)} %); missing at ${m.escapeCoverage.uncovered.join(', ') || 'none'}${why}.`, { nodes: m.escapeCoverage.uncovered });
  },
  waitAnnounced: (m) => {
    if (m.queueTransparency === null) return unknown('The queue does not say whether the wait is announced (wait.announced).');
    return verdict(m.queueTransparency.announced === true, `Queue ${m.queueWait?.agent ?? ''}: the expected wait is ${m.queueTransparency.announced ? '' : 'not '}announced.`);
  },
  callbackOffered: (m, _menu, params) => {
    if (m.callback === null) return fail('No person is reached, so no callback either.');
    const wait = m.callback.waitSeconds;
    if (m.callback.offered !== true && wait !== null && wait <= num(params, 'unlessWaitUpTo', 120)) {
      return pass(`Queue ${m.queueWait?.agent ?? ''}: median wait ${formatSeconds(wait)}, short enough to need no callback.`);
    }
    if (m.callback.offered === null) return unknown('The queue does not say whether it offers a callback (agent.callback).');
    return verdict(m.callback.offered, `Queue ${m.queueWait?.agent ?? ''} ${m.callback.offered ? 'offers' : 'does not offer'} a callback.`);
  },
  dtmfFallback: (_m, menu) => {
    const speechOnly = Object.entries(menu.nodes)
      .filter(([, node]) => node.type === 'menu' && node.options.length > 0 && node.options.every((option) => option.key === undefined))
      .map(([id]) => id);
    return verdict(speechOnly.length === 0, speechOnly.length === 0 ? 'Every menu accepts keys.' : `Speech-only menus with no key fallback: ${speechOnly.join(', ')}.`, { nodes: speechOnly });
  },
  maxPromptSeconds: (_m, menu, params) => {
    const limit = num(params, 'seconds', 30);
    const long = Object.entries(menu.nodes)
      .filter(([, node]) => 'prompt' in node && toSeconds(promptLength(node.prompt, menu.timing).micros) > limit)
      .map(([id]) => id);
    return verdict(long.length === 0, long.length === 0 ? `No prompt is longer than ${limit} s.` : `Prompts longer than ${limit} s: ${long.join(', ')}.`, { nodes: long });
  },
  bargeInEverywhere: (m, _menu, params) => {
    const share = m.bargeIn.share ?? 1;
    const min = num(params, 'minShare', 1);
    return verdict(share >= min, `${Math.round(share * 100)} % of prompts can be interrupted (needed ${Math.round(min * 100)} %); forced: ${m.bargeIn.forced.join(', ') || 'none'}.`, { nodes: m.bargeIn.forced });
  },
  noForcedAudio: (m, _menu, params) => {
    const max = num(params, 'maxCount', 0);
    return verdict(m.forcedAudio.count <= max, `${m.forcedAudio.count} forced non-actionable message(s) before the first choice: ${m.forcedAudio.nodes.join(', ') || 'none'}.`, { nodes: m.forcedAudio.nodes });
  },
  waitParity: (m, _menu, params) => {
    if (m.parity === null) return unknown('Needs both a service and a sales queue (agent.kind).');
    const max = num(params, 'maxRatio', 1.5);
    return verdict(m.parity.ratio <= max, `Service ${formatSeconds(m.parity.serviceSeconds)} / sales ${formatSeconds(m.parity.salesSeconds)} = ${m.parity.ratio.toFixed(2)} (at most ${max}).`);
  },
  personHoursPerDay: (m, _menu, params) => {
    const hours = num(params, 'hours', 10);
    const perDay = m.hoursCoverage.openHours / 7;
    return verdict(perDay >= hours, `A person is reachable ${perDay.toFixed(1)} hours a day on average (needed ${hours}).`);
  },
  notModelled: (_m, _menu, params) => unknown(String(params.why ?? 'The menu format does not record what this rule needs.')),
};

export function parseProfile(data: unknown): RuleProfile {
  return RuleProfile.parse(data);
}

export function checkRules(profiles: readonly RuleProfile[], metrics: Metrics, menu: Menu): RuleResult[] {
  return profiles.flatMap((profile) =>
    profile.rules.map((rule) => {
      const { result, evidence: why } = checks[rule.check](metrics, menu, rule.params);
      return { profile: profile.profile, id: rule.id, title: rule.title, result, evidence: why, source: rule.source };
    }),
  );
}
