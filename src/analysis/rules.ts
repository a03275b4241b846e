/**
 * Rule profiles (rules/<profile>.json) checked against a menu's metrics.
 * A profile is data: rules naming a check kind, its parameters and the
 * source of the rule. Each check answers pass, fail or not-assessable
 * (the menu lacks the facts, or the format does not model the duty), with
 * evidence.
 */
import * as z from 'zod';
import { issue, promptLength, reachableNodes, suggest, toSeconds, type Issue, type Menu } from '../model/index.js';
import { evidence, formatSeconds, oneDecimal, type Evidence } from './evidence.js';
import type { Metrics } from './metrics.js';

const seconds = z.number().nonnegative().finite();
const share = z.number().min(0).max(1);
const count = z.number().int().nonnegative();

/**
 * The parameters each check takes, closed: a misspelled name or a value of
 * the wrong type is refused when the profile is read, never ignored.
 */
const PARAMS = {
  humanInMainMenu: z.strictObject({ maxDepth: count.default(1) }),
  personReachable: z.strictObject({}),
  announcedPerson: z.strictObject({}),
  noDisconnect: z.strictObject({}),
  noWaitCut: z.strictObject({}),
  answerWithin: z.strictObject({
    seconds: seconds.default(30),
    statistic: z.enum(['median', 'p90']).default('median'),
    /** `menu`: the limit counts menu time plus the wait (47 CFR 76.309 "including wait"); `wait`: the wait alone. */
    include: z.enum(['wait', 'menu']).default('wait'),
  }),
  elderlyDirect: z.strictObject({ maxDecisions: count.default(1) }),
  escapeEverywhere: z.strictObject({ minShare: share.default(1) }),
  waitAnnounced: z.strictObject({}),
  callbackOffered: z.strictObject({ unlessWaitUpTo: seconds.default(120) }),
  dtmfFallback: z.strictObject({}),
  maxPromptSeconds: z.strictObject({ seconds: seconds.default(30) }),
  bargeInEverywhere: z.strictObject({ minShare: share.default(1) }),
  noForcedAudio: z.strictObject({ maxCount: count.default(0) }),
  waitParity: z.strictObject({ maxRatio: z.number().positive().finite().default(1.5) }),
  personHoursPerDay: z.strictObject({ hours: z.number().min(0).max(24).default(10) }),
  notModelled: z.strictObject({ why: z.string().min(1).default('The menu format does not record what this rule needs.') }),
} as const;

type CheckKind = keyof typeof PARAMS;
type Params<K extends CheckKind> = z.output<(typeof PARAMS)[K]>;

export const CHECKS = Object.keys(PARAMS) as CheckKind[];

const Source = z.strictObject({ name: z.string().min(1), url: z.string().optional(), status: z.string().optional() });

/** One rule shape per check kind, so each rule's params are checked against its own check. */
function ruleOf(kind: CheckKind) {
  const params: z.ZodObject = PARAMS[kind];
  return z.strictObject({ id: z.string().min(1), title: z.string().min(1), check: z.literal(kind), params: params.prefault({}), source: Source });
}

const [firstRule, ...otherRules] = CHECKS.map(ruleOf) as [ReturnType<typeof ruleOf>, ...ReturnType<typeof ruleOf>[]];
const RuleSchema = z.discriminatedUnion('check', [firstRule, ...otherRules]);

export const RuleProfile = z.strictObject({
  $comment: z.string().optional(),
  profile: z.string().regex(/^[a-z0-9-]+$/),
  title: z.string(),
  jurisdiction: z.string(),
  rules: z.array(RuleSchema).min(1),
});

/** A rule as read: its params are those of its own check, defaults filled in. */
export type Rule = { [K in CheckKind]: { id: string; title: string; check: K; params: Params<K>; source: z.output<typeof Source> } }[CheckKind];
export type RuleProfile = Omit<z.output<typeof RuleProfile>, 'rules'> & { rules: Rule[] };
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

type Checks = { [K in CheckKind]: (m: Metrics, menu: Menu, params: Params<K>) => Verdict };

const pass = (text: string, refs: Omit<Evidence, 'text'> = {}): Verdict => ({ result: 'pass', evidence: evidence(text, refs) });
const fail = (text: string, refs: Omit<Evidence, 'text'> = {}): Verdict => ({ result: 'fail', evidence: evidence(text, refs) });
const unknown = (text: string, refs: Omit<Evidence, 'text'> = {}): Verdict => ({ result: 'not-assessable', evidence: evidence(text, refs) });
const verdict = (ok: boolean, text: string, refs: Omit<Evidence, 'text'> = {}): Verdict => (ok ? pass(text, refs) : fail(text, refs));

/** The wait statistic a rule reads from the reached queue. */
function waitStatistic(m: Metrics, statistic: Params<'answerWithin'>['statistic']): number | null {
  if (m.queueWait === null) return null;
  return statistic === 'p90' ? m.queueWait.p90Seconds : m.queueWait.medianSeconds;
}

const NO_PERSON = 'No route reaches a person.';

/** The `agent` nodes reachable from the start by any option, handler or branch, at any moment. */
function reachableQueues(menu: Menu): { id: string; hangupAfter: number | 'never' | undefined; median: number | undefined }[] {
  return [...reachableNodes(menu)].flatMap((id) => {
    const node = menu.nodes[id];
    return node?.type === 'agent' ? [{ id, hangupAfter: node.wait?.hangupAfterSeconds, median: node.wait?.medianSeconds }] : [];
  });
}

const checks: Checks = {
  humanInMainMenu: (m, _menu, { maxDepth }) => {
    const { decisions, route } = m.shallowestAnnounced;
    if (decisions === null) return fail(m.fastestRoute === null ? NO_PERSON : 'No announced option leads to a person.', { moment: m.moment });
    return verdict(decisions <= maxDepth, `The shallowest announced route reaches a person after ${decisions} decision point(s) (at most ${maxDepth} allowed).`, { route, moment: m.moment });
  },
  personReachable: (m) => verdict(m.hoursCoverage.openHours > 0, `A person is reachable in ${oneDecimal(m.hoursCoverage.openHours)} of 168 hours of the week.`),
  announcedPerson: (m) => (m.announcedRoute !== null
    ? pass(`The prompts lead to a person: ${m.announcedRoute.steps.join(' → ')}.`, { route: m.announcedRoute.steps, moment: m.moment })
    : fail(m.fastestRoute === null ? NO_PERSON : 'Only unannounced shortcuts reach a person.', { moment: m.moment })),
  noDisconnect: (m) => (m.disconnectOnError.length === 0
    ? pass('No error or silence handler hangs up.')
    : fail(`Hangs up after caller errors at ${m.disconnectOnError.map((h) => `${h.node}.${h.handler}`).join(', ')}.`, { nodes: m.disconnectOnError.map((h) => h.node) })),
  noWaitCut: (_m, menu) => {
    // Ley 10/2025 art. 8 forbids cutting a call because the wait is long, and puts the burden of
    // proof on the firm: a queue that does not say what happens on a long hold proves nothing.
    const queues = reachableQueues(menu);
    if (queues.length === 0) return unknown('No queue is reachable, so no caller holds for a person (see the rules on reaching one).');
    const drops = queues.filter((q) => typeof q.hangupAfter === 'number');
    if (drops.length > 0) {
      const each = drops.map((q) => `${q.id} after ${formatSeconds(q.hangupAfter as number)} on hold${q.median === undefined ? '' : ` (median wait ${formatSeconds(q.median)})`}`);
      return fail(`The line hangs up on callers still waiting: ${each.join(', ')}.`, { nodes: drops.map((q) => q.id) });
    }
    const silent = queues.filter((q) => q.hangupAfter === undefined).map((q) => q.id);
    if (silent.length > 0) return unknown(`Not stated whether the queue drops callers on a long hold (wait.hangupAfterSeconds): ${silent.join(', ')}.`, { nodes: silent });
    return pass(`Every reachable queue holds callers until a person answers (hangupAfterSeconds "never"): ${queues.map((q) => q.id).join(', ')}.`, { nodes: queues.map((q) => q.id) });
  },
  answerWithin: (m, _menu, { seconds: limit, statistic, include }) => {
    const wait = waitStatistic(m, statistic);
    const route = m.announcedRoute ?? m.fastestRoute;
    if (route === null) return fail(NO_PERSON);
    if (wait === null) return unknown(`The queue ${m.queueWait?.agent ?? ''} gives no ${statistic} wait.`, { nodes: m.queueWait ? [m.queueWait.agent] : [] });
    const total = include === 'menu' ? route.menuSeconds + wait : wait;
    const what = include === 'menu' ? `menu ${formatSeconds(route.menuSeconds)} + ${statistic} wait ${formatSeconds(wait)} = ${formatSeconds(total)}` : `${statistic} wait ${formatSeconds(wait)}`;
    // Say so when the queue alone breaks the limit: no shorter menu could pass.
    const queueAlone = include === 'menu' && wait > limit ? '; the wait alone is over the limit' : '';
    return verdict(total <= limit, `Queue ${route.agent}: ${what} (limit ${formatSeconds(limit)}${queueAlone}).`, { nodes: [route.agent], route: route.steps });
  },
  elderlyDirect: (m, _menu, { maxDecisions }) => {
    const decisions = m.elderlyFastLane.decisions;
    if (decisions === null) return fail(m.fastestRoute === null ? NO_PERSON : 'A caller flagged elderly reaches no person through announced options.');
    return verdict(decisions <= maxDecisions, `A caller flagged elderly reaches a person after ${decisions} decision(s) (at most ${maxDecisions}).`, { route: m.elderlyFastLane.route });
  },
  escapeEverywhere: (m, menu, { minShare }) => {
    // "0 always reaches a person" cannot hold where no person is reached at all.
    if (m.fastestRoute === null) return fail(`${NO_PERSON} Neither 0 nor an agent phrase can.`);
    if (m.escapeCoverage.share === null) return pass('No decision point: the call goes to a person without a menu.');
    const { share, uncovered } = m.escapeCoverage;
    const inputs = uncovered.filter((id) => menu.nodes[id]?.type === 'input');
    // An input takes 0 as a digit, so a data-entry prompt never offers the escape.
    const why = inputs.length > 0 ? ` (${inputs.join(', ')} take${inputs.length === 1 ? 's' : ''} 0 as a digit)` : '';
    return verdict(share >= minShare, `0 or an agent phrase reaches a person at ${Math.round(share * 100)} % of decision points (needed ${Math.round(minShare * 100)} %); missing at ${uncovered.join(', ') || 'none'}${why}.`, { nodes: uncovered });
  },
  waitAnnounced: (m) => {
    if (m.queueWait === null) return unknown(`${NO_PERSON} No queue, so no wait to announce.`);
    if (m.queueTransparency === null) return unknown('The queue does not say whether the wait is announced (wait.announced).', { nodes: [m.queueWait.agent] });
    return verdict(m.queueTransparency.announced === true, `Queue ${m.queueWait.agent}: the expected wait is ${m.queueTransparency.announced ? '' : 'not '}announced.`, { nodes: [m.queueWait.agent] });
  },
  callbackOffered: (m, _menu, { unlessWaitUpTo }) => {
    if (m.callback === null) return fail('No person is reached, so no callback either.');
    const wait = m.callback.waitSeconds;
    if (m.callback.offered !== true && wait !== null && wait <= unlessWaitUpTo) {
      return pass(`Queue ${m.queueWait?.agent ?? ''}: median wait ${formatSeconds(wait)}, short enough to need no callback.`);
    }
    if (m.callback.offered === null) return unknown('The queue does not say whether it offers a callback (agent.callback).');
    return verdict(m.callback.offered, `Queue ${m.queueWait?.agent ?? ''} ${m.callback.offered ? 'offers' : 'does not offer'} a callback.`);
  },
  dtmfFallback: (_m, menu) => {
    const speechOnly = Object.entries(menu.nodes)
      .filter(([, node]) => node.type === 'menu' && node.options.length > 0 && node.options.every((option) => option.key === undefined))
      .map(([id]) => id);
    return verdict(speechOnly.length === 0, speechOnly.length === 0 ? 'No menu is speech-only.' : `Speech-only menus with no key fallback: ${speechOnly.join(', ')}.`, { nodes: speechOnly });
  },
  maxPromptSeconds: (_m, menu, { seconds: limit }) => {
    const long = Object.entries(menu.nodes)
      .filter(([, node]) => 'prompt' in node && toSeconds(promptLength(node.prompt, menu.timing).micros) > limit)
      .map(([id]) => id);
    return verdict(long.length === 0, long.length === 0 ? `No prompt is longer than ${limit} s.` : `Prompts longer than ${limit} s: ${long.join(', ')}.`, { nodes: long });
  },
  bargeInEverywhere: (m, _menu, { minShare }) => {
    if (m.bargeIn.share === null) return pass('No prompt is met before a person: nothing to interrupt.');
    const { share, forced } = m.bargeIn;
    return verdict(share >= minShare, `${Math.round(share * 100)} % of prompts can be interrupted (needed ${Math.round(minShare * 100)} %); forced: ${forced.join(', ') || 'none'}.`, { nodes: forced });
  },
  noForcedAudio: (m, _menu, { maxCount }) =>
    verdict(m.forcedAudio.count <= maxCount, `${m.forcedAudio.count} forced non-actionable message(s) before the first choice: ${m.forcedAudio.nodes.join(', ') || 'none'}.`, { nodes: m.forcedAudio.nodes }),
  waitParity: (m, _menu, { maxRatio }) => {
    if (m.parity === null) return unknown('Needs both a service and a sales queue (agent.kind).');
    return verdict(m.parity.ratio <= maxRatio, `Service ${formatSeconds(m.parity.serviceSeconds)} / sales ${formatSeconds(m.parity.salesSeconds)} = ${m.parity.ratio.toFixed(2)} (at most ${maxRatio}).`);
  },
  personHoursPerDay: (m, _menu, { hours }) => {
    const perDay = m.hoursCoverage.openHours / 7;
    return verdict(perDay >= hours, `A person is reachable ${perDay.toFixed(1)} hours a day on average (needed ${hours}).`);
  },
  notModelled: (_m, _menu, { why }) => unknown(why),
};

/** A profile that is not valid, as issues with JSON paths (the caller locates them in its text). */
export type ProfileResult = { ok: true; value: RuleProfile } | { ok: false; issues: Issue[] };

/** Names a misspelled field may have meant: every field a profile, a rule or a check's params can have. */
const FIELD_NAMES = [
  ...RuleProfile.keyof().options,
  ...ruleOf('notModelled').keyof().options,
  ...Source.keyof().options,
  ...Object.values(PARAMS).flatMap((params) => Object.keys(params.shape)),
];

let zodChinese: ReturnType<typeof z.locales.zhCN> | undefined;

function profileIssue(zodIssue: z.core.$ZodIssue): Issue[] {
  const path = zodIssue.path.filter((part): part is string | number => typeof part !== 'symbol');
  if (zodIssue.code === 'unrecognized_keys') {
    return zodIssue.keys.map((key) => {
      const near = suggest(key, FIELD_NAMES);
      const hint = near === undefined ? { en: '', zh: '' } : { en: ` Did you mean "${near}"?`, zh: `是否想写 "${near}"?` };
      return issue('unknown_field', [...path, key], { en: `Unknown field "${key}".${hint.en}`, 'zh-CN': `未知字段 "${key}"。${hint.zh}` });
    });
  }
  if (zodIssue.code === 'invalid_union' && path[path.length - 1] === 'check') {
    return [issue('unknown_check', path, { en: `Unknown check; known: ${CHECKS.join(', ')}.`, 'zh-CN': `未知的检查类型;可用:${CHECKS.join(', ')}。` })];
  }
  zodChinese ??= z.locales.zhCN();
  const worded = zodChinese.localeError?.(zodIssue as unknown as z.core.$ZodRawIssue);
  const zh = (typeof worded === 'string' ? worded : worded?.message) ?? '不符合规则配置格式';
  const en = zodIssue.message;
  return [issue('bad_profile', path, { en: `${en.charAt(0).toUpperCase()}${en.slice(1)}.`, 'zh-CN': `${zh}。` })];
}

/** Validates a parsed profile; every problem comes back with its JSON path. */
export function readProfile(data: unknown): ProfileResult {
  const parsed = RuleProfile.safeParse(data, { reportInput: true });
  return parsed.success ? { ok: true, value: parsed.data as RuleProfile } : { ok: false, issues: parsed.error.issues.flatMap(profileIssue) };
}

export function parseProfile(data: unknown): RuleProfile {
  return RuleProfile.parse(data) as RuleProfile;
}

export function checkRules(profiles: readonly RuleProfile[], metrics: Metrics, menu: Menu): RuleResult[] {
  return profiles.flatMap((profile) =>
    profile.rules.map((rule) => {
      // The rule was parsed by its own check's schema, so its params are that check's.
      const run = checks[rule.check] as (m: Metrics, menu: Menu, params: Rule['params']) => Verdict;
      const { result, evidence: why } = run(metrics, menu, rule.params);
      return { profile: profile.profile, id: rule.id, title: rule.title, result, evidence: why, source: rule.source };
    }),
  );
}
