/**
 * The audit's metrics, each computed exactly from the model (graph and
 * search of the escape engine, for one moment and caller) and each with its
 * evidence. Without `--at` the week is cut into classes of minutes with the
 * same open schedules (week.ts), and each metric takes the class its meaning
 * asks for: route metrics the class where the announced route is fastest
 * (the best hour); what a caller can run into — hang-ups on errors, dead ends
 * and doom loops, shortcut-only access — the worst class, named in its
 * `moment`; hours coverage every minute of the week.
 * Which is which is documented in docs/audit.md; definitions in docs/friction.md.
 */
import {
  DAYS, normalisePhrase, promptLength, promptText, toSeconds,
  type AgentNode, type InputNode, type Menu, type MenuNode, type MenuNodeUnion, type Prompt, type Situation,
} from '../model/index.js';
import { evidence, formatSeconds, type Evidence } from './evidence.js';
import { buildGraph, IMPLICIT_HANGUP, type ConfigGraph } from './graph.js';
import { configName, edgeMove, fastestRouteFacts, moveText, personReachable, type RouteFacts } from './route-facts.js';
import type { FrictionWeights } from './score.js';
import { NOT_ADVERTISED } from './strategies.js';
import { findTraps, trapNodes, type Traps } from './traps.js';
import { namesInConditions } from './unlock.js';
import { classMoment, describeSpan, MINUTES_PER_WEEK, singleClass, weekClasses, type HourClass, type WeekSpan } from './week.js';

export interface MetricsOptions {
  /** one moment (`--at`); default: scan the week */
  situation?: Situation;
  caller?: ReadonlySet<string>;
  facts?: ReadonlySet<string>;
}

export type Gatekeeping = 'none' | 'optional' | 'mandatory';
export type HandlerOutcome = 'escalates' | 'disconnects' | 'redirects';

export interface HandlerFact {
  node: string;
  handler: 'invalid' | 'noInput';
  /** failures until the handler leaves the node (retries + 1) */
  tries: number;
  outcome: HandlerOutcome;
  then: string | null;
  /** the moment (hour class) this outcome was found at */
  moment: string;
}

/** The route with the fewest decision points to a person; `decisions` null when none exists. */
export interface Shallowest {
  decisions: number | null;
  route: string[];
}

export interface Metrics {
  /** the moment route metrics were computed for */
  moment: string;
  fastestRoute: RouteFacts | null;
  announcedRoute: RouteFacts | null;
  /** A1: distinct decision points on the announced route */
  depthToHuman: number | null;
  /** A2 */
  escapeCoverage: { share: number | null; covered: string[]; uncovered: string[] };
  /** A3; `exempt`: bot turns that are no gate because they offer a person themselves */
  gatekeeping: { level: Gatekeeping | null; gates: string[]; exempt: string[] };
  /** the fewest decision points on any announced route to a person (a person in the main menu: 1); rules ES-Menu reads it */
  shallowestAnnounced: Shallowest;
  /** A4 */
  callerActions: number | null;
  /** B1 */
  preQueueSeconds: number | null;
  /** B2: the wait of the agent the announced route (else the fastest) reaches */
  queueWait: { agent: string; medianSeconds: number | null; p90Seconds: number | null } | null;
  /** announced-only total minus fastest total */
  hiddenShortcutGainSeconds: number | null;
  /** C1, worst class of the week with a person reachable (`moment`) */
  traps: { deadEnds: string[]; doomLoops: string[]; onMainPath: string[]; configurations: number; moment: string };
  /** C1, F2: every handler that hangs up at some class of the week, each with its `moment` */
  disconnectOnError: HandlerFact[];
  /** C2, at the best hour (`moment`): the retry policy as designed; where a handler hangs up at another hour, C1 and F2 count it */
  retries: { worstEscalationTries: number | null; handlers: HandlerFact[]; moment: string };
  /** F3: a class of the week where a person is reachable only through shortcuts (null: none) */
  shortcutOnly: { moment: string; route: string[] } | null;
  /** C3 */
  bargeIn: { share: number | null; interruptible: string[]; forced: string[] };
  /** D1 */
  queueTransparency: { announced: boolean | null; updateSeconds: number | null } | null;
  /** D2 */
  callback: { offered: boolean | null; waitSeconds: number | null } | null;
  /** D3: the fewest decisions for a caller flagged `elderly`, on announced routes (null: none); `anyRoute`: the shallowest with shortcuts allowed */
  elderlyFastLane: Shallowest & { anyRoute: string[] };
  /** D4: time to a person, service / sales, with the queue and route of each */
  parity: { serviceSeconds: number; salesSeconds: number; ratio: number; serviceAgent: string; salesAgent: string; serviceRoute: string[]; salesRoute: string[] } | null;
  /** D5: forced non-actionable messages before the first choice */
  forcedAudio: { count: number; seconds: number; nodes: string[] };
  /** hours of the week with a person reachable, out of 168, exact to the minute; closedExamples: the first closed spans */
  hoursCoverage: {
    share: number; openHours: number; openMinutes: number; hours: number; closedExamples: string[];
    /** the facts and caller flags the week was judged with (`--fact`, `--caller`), and whether the menu's branches test any fact / caller flag at all */
    judgedWith: { facts: string[]; callerFlags: string[]; menuTestsFacts: boolean; menuTestsCallerFlags: boolean };
    /** with no hour open: each fact or caller flag the menu tests that, added alone, opens some hour (null when some hour is open) */
    unlockedBy: { facts: string[]; callerFlags: string[] } | null;
  };
  decisionPoints: string[];
}

/** Round seconds to the microsecond grid's tenth for stable output. */
function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}

function isDecision(node: MenuNodeUnion | undefined): node is MenuNode | InputNode {
  return node?.type === 'menu' || node?.type === 'input';
}

/** A speech-only menu: the caller must talk to a recogniser (a bot turn). */
function isBotTurn(node: MenuNodeUnion | undefined): boolean {
  return node?.type === 'menu' && node.options.length > 0 && node.options.every((option) => option.key === undefined);
}

/** The node type reached from a configuration by following `say` prompts (their listen move); `disconnect` for the implicit hang-up. */
function landsOn(graph: ConfigGraph, config: number): MenuNodeUnion['type'] | 'disconnect' {
  for (let hops = 0; hops <= graph.nodes.length; hops++) {
    const index = graph.configNode[config] as number;
    if (index === IMPLICIT_HANGUP) return 'disconnect';
    const node = graph.nodes[index] as MenuNodeUnion;
    if (node.type !== 'say') return node.type;
    config = graph.edgeTarget[graph.edgeStart[config] as number] as number;
  }
  return 'say';
}

function leadsStraightToPerson(graph: ConfigGraph, config: number): boolean {
  return landsOn(graph, config) === 'agent';
}

function leadsStraightToHangup(graph: ConfigGraph, config: number): boolean {
  const type = landsOn(graph, config);
  return type === 'hangup' || type === 'disconnect';
}

/** Configurations of the graph whose counters are both zero, per node index (how a node is first met). */
function entryConfigs(graph: ConfigGraph): Map<number, number> {
  const entries = new Map<number, number>();
  for (let c = 0; c < graph.configCount; c++) {
    const index = graph.configNode[c] as number;
    if (index !== IMPLICIT_HANGUP && graph.configInvalid[c] === 0 && graph.configNoInput[c] === 0 && !entries.has(index)) entries.set(index, c);
  }
  return entries;
}

function decisionNodes(graph: ConfigGraph): string[] {
  return [...entryConfigs(graph).keys()].filter((index) => isDecision(graph.nodes[index])).map((index) => graph.nodeIds[index] as string);
}

function escapeCoverage(graph: ConfigGraph, weights: FrictionWeights): Metrics['escapeCoverage'] {
  const phrases = new Set(weights.agentPhrases.map(normalisePhrase));
  const covered: string[] = [];
  const uncovered: string[] = [];
  for (const [index, config] of entryConfigs(graph)) {
    const node = graph.nodes[index];
    if (!isDecision(node)) continue;
    let escapes = false;
    for (let edge = graph.edgeStart[config] as number; edge < (graph.edgeStart[config + 1] as number) && !escapes; edge++) {
      const move = edgeMove(graph, edge, config);
      if (move === undefined || !('valid' in move) || !move.valid || move.optionIndex === undefined || node.type !== 'menu') continue;
      const option = node.options[move.optionIndex];
      const asks = (option?.key !== undefined && weights.escapeKeys.includes(option.key))
        || (option?.phrases ?? []).some((phrase) => phrases.has(normalisePhrase(phrase)));
      escapes = asks && leadsStraightToPerson(graph, graph.edgeTarget[edge] as number);
    }
    (escapes ? covered : uncovered).push(graph.nodeIds[index] as string);
  }
  const total = covered.length + uncovered.length;
  return { share: total === 0 ? null : covered.length / total, covered, uncovered };
}

/**
 * Does this configuration offer the caller a person outright: an announced
 * option that leads straight to one? The research scores a bot turn as a gate
 * only when it comes "before any human option" (§4.4 A3); a bot turn whose
 * own options announce a person is that human option. A hidden phrase is a
 * shortcut (§4.2), not an option the caller is offered.
 */
function offersPerson(graph: ConfigGraph, config: number): boolean {
  for (let edge = graph.edgeStart[config] as number; edge < (graph.edgeStart[config + 1] as number); edge++) {
    if (((graph.edgeFlags[edge] as number) & NOT_ADVERTISED) !== 0) continue;
    const move = edgeMove(graph, edge, config);
    if (move !== undefined && 'valid' in move && move.valid && move.optionIndex !== undefined && leadsStraightToPerson(graph, graph.edgeTarget[edge] as number)) return true;
  }
  return false;
}

/** Data entry, or a bot turn that does not itself offer a person. */
function isGate(graph: ConfigGraph, config: number): boolean {
  const node = graph.nodes[graph.configNode[config] as number];
  return node?.type === 'input' || (isBotTurn(node) && !offersPerson(graph, config));
}

/** Can a person be reached without passing a gate? Forward search that refuses them. */
function gateAvoidable(graph: ConfigGraph): boolean {
  const seen = new Uint8Array(graph.configCount);
  const stack = [graph.start];
  seen[graph.start] = 1;
  while (stack.length > 0) {
    const c = stack.pop() as number;
    const node = graph.nodes[graph.configNode[c] as number];
    if (node?.type === 'agent') return true;
    if (isGate(graph, c)) continue;
    for (let edge = graph.edgeStart[c] as number; edge < (graph.edgeStart[c + 1] as number); edge++) {
      const to = graph.edgeTarget[edge] as number;
      if (!seen[to]) {
        seen[to] = 1;
        stack.push(to);
      }
    }
  }
  return false;
}

function gatekeeping(graph: ConfigGraph, route: RouteFacts | null, reachable: boolean): Metrics['gatekeeping'] {
  const entries = [...entryConfigs(graph)];
  const gates = entries.filter(([, config]) => isGate(graph, config)).map(([index]) => graph.nodeIds[index] as string);
  const exempt = entries.filter(([index, config]) => isBotTurn(graph.nodes[index]) && !isGate(graph, config)).map(([index]) => graph.nodeIds[index] as string);
  if (!reachable) return { level: null, gates, exempt };
  if (!gateAvoidable(graph)) return { level: 'mandatory', gates, exempt };
  const passed = (route?.decisionNodes ?? []).filter((id) => gates.includes(id));
  return { level: passed.length > 0 ? 'optional' : 'none', gates: passed.length > 0 ? passed : gates, exempt };
}

/** What each reachable handler does after its last retry. */
function handlerFacts(graph: ConfigGraph, moment: string): HandlerFact[] {
  const facts: HandlerFact[] = [];
  for (const [index, config] of entryConfigs(graph)) {
    const node = graph.nodes[index];
    if (!isDecision(node)) continue;
    for (const handler of ['invalid', 'noInput'] as const) {
      const retries = node[handler]?.retries ?? 2;
      // The configuration after the last retry: follow the failure edge retries + 1 times.
      let at = config;
      let target = -1;
      for (let failure = 0; failure <= retries; failure++) {
        let next = -1;
        for (let edge = graph.edgeStart[at] as number; edge < (graph.edgeStart[at + 1] as number); edge++) {
          const move = edgeMove(graph, edge, at);
          if (move?.outcome.type === 'failure' && move.outcome.handler === handler) next = graph.edgeTarget[edge] as number;
        }
        if (next < 0) break;
        target = next;
        at = next;
      }
      if (target < 0) continue;
      const outcome: HandlerOutcome = leadsStraightToPerson(graph, target) ? 'escalates' : leadsStraightToHangup(graph, target) ? 'disconnects' : 'redirects';
      facts.push({ node: graph.nodeIds[index] as string, handler, tries: retries + 1, outcome, then: node[handler]?.then ?? null, moment });
    }
  }
  return facts;
}

function promptSeconds(prompt: Prompt | undefined, menu: Menu): number {
  return toSeconds(promptLength(prompt, menu.timing).micros);
}

function bargeInCoverage(graph: ConfigGraph): Metrics['bargeIn'] {
  const interruptible: string[] = [];
  const forced: string[] = [];
  for (const index of entryConfigs(graph).keys()) {
    const node = graph.nodes[index];
    if (node?.type !== 'say' && node?.type !== 'menu' && node?.type !== 'input') continue;
    if (promptLength(node.prompt, graph.menu.timing).micros === 0) continue;
    (node.bargeIn ? interruptible : forced).push(graph.nodeIds[index] as string);
  }
  const total = interruptible.length + forced.length;
  return { share: total === 0 ? null : interruptible.length / total, interruptible, forced };
}

function isNonActionable(prompt: Prompt, weights: FrictionWeights): boolean {
  if (typeof prompt !== 'string' && prompt.purpose !== undefined && weights.nonActionablePurposes.includes(prompt.purpose)) return true;
  const text = promptText(prompt).toLowerCase();
  return weights.nonActionablePatterns.some((pattern) => new RegExp(pattern, 'iu').test(text));
}

/** Forced (not interruptible) non-actionable messages from the start to the first decision point. */
function forcedAudio(graph: ConfigGraph, weights: FrictionWeights): Metrics['forcedAudio'] {
  const nodes: string[] = [];
  let seconds = 0;
  let config = graph.start;
  for (let hops = 0; hops <= graph.nodes.length; hops++) {
    const index = graph.configNode[config] as number;
    const node = graph.nodes[index];
    if (node?.type !== 'say') break;
    if (!node.bargeIn && isNonActionable(node.prompt, weights)) {
      nodes.push(graph.nodeIds[index] as string);
      seconds += promptSeconds(node.prompt, graph.menu);
    }
    config = graph.edgeTarget[graph.edgeStart[config] as number] as number;
  }
  return { count: nodes.length, seconds: round(seconds), nodes };
}

function agentOf(menu: Menu, id: string | undefined): AgentNode | undefined {
  const node = id === undefined ? undefined : menu.nodes[id];
  return node?.type === 'agent' ? node : undefined;
}

function kindFilter(graph: ConfigGraph, kind: AgentNode['kind']) {
  return (index: number) => {
    const node = graph.nodes[index];
    return node?.type === 'agent' && node.kind === kind;
  };
}

function parity(graph: ConfigGraph): Metrics['parity'] {
  const service = fastestRouteFacts(graph, { agentFilter: kindFilter(graph, 'service') });
  const sales = fastestRouteFacts(graph, { agentFilter: kindFilter(graph, 'sales') });
  if (service === null || sales === null || sales.totalSeconds === 0) return null;
  return {
    serviceSeconds: round(service.totalSeconds), salesSeconds: round(sales.totalSeconds), ratio: service.totalSeconds / sales.totalSeconds,
    serviceAgent: service.agent, salesAgent: sales.agent, serviceRoute: service.steps, salesRoute: sales.steps,
  };
}

/**
 * Fewest decision points to a person: a 0-1 breadth-first search where a
 * move costs 1 when it is the caller's first act at a menu or input node
 * (counters still zero) and 0 otherwise. Depth is an existence question
 * ("is a person among the main menu's options?"), so it is not read off the
 * fastest route, which may go deeper to a quicker queue.
 */
function shallowestRoute(graph: ConfigGraph, announcedOnly: boolean): Shallowest {
  const cost = new Int32Array(graph.configCount).fill(-1);
  const via = new Int32Array(graph.configCount).fill(-1);
  const from = new Int32Array(graph.configCount).fill(-1);
  const done = new Uint8Array(graph.configCount);
  const deque: number[] = [graph.start];
  cost[graph.start] = 0;
  while (deque.length > 0) {
    const c = deque.shift() as number;
    if (done[c]) continue;
    done[c] = 1;
    const index = graph.configNode[c] as number;
    if (index !== IMPLICIT_HANGUP && graph.nodes[index]?.type === 'agent') return { decisions: cost[c] as number, route: traceSteps(graph, via, from, c) };
    const step = isDecision(graph.nodes[index]) && graph.configInvalid[c] === 0 && graph.configNoInput[c] === 0 ? 1 : 0;
    for (let edge = graph.edgeStart[c] as number; edge < (graph.edgeStart[c + 1] as number); edge++) {
      if (announcedOnly && ((graph.edgeFlags[edge] as number) & NOT_ADVERTISED) !== 0) continue;
      const to = graph.edgeTarget[edge] as number;
      const next = (cost[c] as number) + step;
      if (done[to] || (cost[to] !== -1 && (cost[to] as number) <= next)) continue;
      cost[to] = next;
      via[to] = edge;
      from[to] = c;
      if (step === 0) deque.unshift(to);
      else deque.push(to);
    }
  }
  return { decisions: null, route: [] };
}

/** Readable steps of the route ending at `end`, following the edge (and its source) each configuration was reached by. */
function traceSteps(graph: ConfigGraph, via: Int32Array, from: Int32Array, end: number): string[] {
  const steps: string[] = [];
  for (let c = end; via[c] !== -1; c = from[c] as number) {
    const source = from[c] as number;
    const move = edgeMove(graph, via[c] as number, source);
    if (move !== undefined) steps.unshift(`${graph.nodeIds[graph.configNode[source] as number]}: ${moveText(move)}`);
  }
  return [...steps, `${graph.nodeIds[graph.configNode[end] as number]}: hold`];
}

/** One class of the week with its graph and routes; robustness facts are computed when asked for. */
interface ClassRoutes {
  hourClass: HourClass;
  moment: string;
  graph: ConfigGraph;
  fastest: RouteFacts | null;
  announced: RouteFacts | null;
  handlers: () => HandlerFact[];
  traps: () => Traps;
}

function classRoutes(menu: Menu, hourClass: HourClass): ClassRoutes {
  const graph = buildGraph(menu, hourClass.situation);
  const moment = classMoment(hourClass);
  const announced = fastestRouteFacts(graph, { announcedOnly: true });
  let handlers: HandlerFact[] | undefined;
  let traps: Traps | undefined;
  return {
    hourClass, moment, graph, announced,
    fastest: fastestRouteFacts(graph),
    handlers: () => (handlers ??= handlerFacts(graph, moment)),
    traps: () => (traps ??= findTraps(graph, announced?.configs ?? null)),
  };
}

/** The class whose announced route is fastest; else one with any route; else the first. */
function bestClass(classes: ClassRoutes[]): ClassRoutes {
  const score = (c: ClassRoutes) => c.announced?.totalSeconds ?? (c.fastest === null ? Infinity : 1e12 + c.fastest.totalSeconds);
  return classes.reduce((best, c) => (score(c) < score(best) ? c : best));
}

/** Lexicographic comparison of severities, larger is worse. */
function compareSeverity(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const difference = (a[i] ?? 0) - (b[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

/**
 * The worst class by `severity`; on a tie the preferred class (the best
 * hour, so a menu whose hours change nothing keeps one moment), then the
 * earliest in the week.
 */
function worstClass(classes: readonly ClassRoutes[], preferred: ClassRoutes, severity: (c: ClassRoutes) => number[]): ClassRoutes {
  const ordered = classes.includes(preferred) ? [preferred, ...classes.filter((c) => c !== preferred)] : [...classes];
  return ordered.reduce((worst, c) => (compareSeverity(severity(c), severity(worst)) > 0 ? c : worst));
}

/**
 * Traps only mean something while a person can be reached: in a closed hour
 * every configuration is "trapped", and hours coverage already counts that.
 */
function trapSeverity(c: ClassRoutes): number[] {
  const traps = c.traps();
  const trapped = traps.deadEnds.length + traps.doomLoops.length;
  return [traps.onMainPath.length > 0 ? 2 : trapped > 0 ? 1 : 0, trapped];
}

/** Every handler that hangs up at some class, each once, at the first class met (the best hour first). */
function disconnectsOverWeek(classes: readonly ClassRoutes[], preferred: ClassRoutes): HandlerFact[] {
  const found = new Map<string, HandlerFact>();
  for (const c of [preferred, ...classes.filter((other) => other !== preferred)]) {
    for (const h of c.handlers()) {
      const key = `${h.node}\u0000${h.handler}`;
      if (h.outcome === 'disconnects' && !found.has(key)) found.set(key, h);
    }
  }
  return [...found.values()];
}

function trapMetrics(c: ClassRoutes): Metrics['traps'] {
  const traps = c.traps();
  return {
    deadEnds: trapNodes(c.graph, traps.deadEnds),
    doomLoops: trapNodes(c.graph, traps.doomLoops),
    onMainPath: traps.onMainPath.map((config) => configName(c.graph, config)),
    configurations: traps.deadEnds.length + traps.doomLoops.length,
    moment: c.moment,
  };
}

function retryMetrics(c: ClassRoutes): Metrics['retries'] {
  const handlers = c.handlers();
  const escalations = handlers.filter((h) => h.outcome === 'escalates');
  return { worstEscalationTries: escalations.length === 0 ? null : Math.max(...escalations.map((h) => h.tries)), handlers, moment: c.moment };
}

function shortcutOnly(classes: readonly ClassRoutes[], preferred: ClassRoutes): Metrics['shortcutOnly'] {
  const isShortcutOnly = (c: ClassRoutes) => c.fastest !== null && c.announced === null;
  const found = isShortcutOnly(preferred) ? preferred : classes.find(isShortcutOnly);
  return found?.fastest ? { moment: found.moment, route: found.fastest.steps } : null;
}

const spanOrder = (a: WeekSpan, b: WeekSpan) => DAYS.indexOf(a.day) - DAYS.indexOf(b.day) || a.from - b.from;

/**
 * Minutes of the week with a person reachable. Reachability depends on the
 * moment only through which schedules are open, so it is decided once per
 * class (its graph), whatever conditions combine the schedules.
 */
function hoursCoverage(menu: Menu, caller: ReadonlySet<string>, facts: ReadonlySet<string>, known: Map<string, boolean>): Metrics['hoursCoverage'] {
  const names = namesInConditions(menu);
  let openMinutes = 0;
  const closed: WeekSpan[] = [];
  for (const hourClass of weekClasses(menu, caller, facts)) {
    const key = hourClass.open.join('\u0000');
    const reachable = known.get(key) ?? personReachable(buildGraph(menu, hourClass.situation));
    if (reachable) openMinutes += hourClass.minutes;
    else closed.push(...hourClass.spans);
  }
  const hours = MINUTES_PER_WEEK / 60;
  return {
    share: openMinutes / MINUTES_PER_WEEK, openHours: openMinutes / 60, openMinutes, hours, closedExamples: closed.sort(spanOrder).slice(0, 3).map(describeSpan),
    judgedWith: { facts: [...facts].sort(), callerFlags: [...caller].sort(), menuTestsFacts: names.facts.length > 0, menuTestsCallerFlags: names.callerFlags.length > 0 },
    unlockedBy: openMinutes > 0 ? null : weekUnlocks(menu, caller, facts),
  };
}

function someHourReachable(menu: Menu, caller: ReadonlySet<string>, facts: ReadonlySet<string>): boolean {
  return weekClasses(menu, caller, facts).some((hourClass) => personReachable(buildGraph(menu, hourClass.situation)));
}

/**
 * The week-wide counterpart of `whatUnlocks` (unlock.ts, which asks about one
 * moment): an audit with no open hour names what would open one, because a
 * person behind a fact branch ("check_schedule fail") is not "nobody, ever".
 */
function weekUnlocks(menu: Menu, caller: ReadonlySet<string>, facts: ReadonlySet<string>): { facts: string[]; callerFlags: string[] } {
  const names = namesInConditions(menu);
  return {
    facts: names.facts.filter((fact) => !facts.has(fact) && someHourReachable(menu, caller, new Set([...facts, fact]))),
    callerFlags: names.callerFlags.filter((flag) => !caller.has(flag) && someHourReachable(menu, new Set([...caller, flag]), facts)),
  };
}

/** Every metric of the audit for one menu. */
export function computeMetrics(menu: Menu, weights: FrictionWeights, options: MetricsOptions = {}): Metrics {
  const caller = options.caller ?? options.situation?.caller ?? new Set<string>();
  const facts = options.facts ?? options.situation?.facts ?? new Set<string>();
  const classes = options.situation !== undefined ? [singleClass(options.situation)] : weekClasses(menu, caller, facts);
  const routes = classes.map((hourClass) => classRoutes(menu, hourClass));
  const chosen = bestClass(routes);
  const { graph, fastest, announced } = chosen;
  const reachable = fastest !== null;
  const reached = agentOf(menu, (announced ?? fastest)?.agent);
  const open = routes.filter((c) => c.fastest !== null);
  const withPerson = open.length > 0 ? open : [chosen];
  const elderlyGraph = buildGraph(menu, { ...chosen.hourClass.situation, caller: new Set([...caller, 'elderly']) });
  // A fast lane is announced or automatic (caller ID): a hidden shortcut is no lane for an elderly caller.
  const elderly = shallowestRoute(elderlyGraph, true);
  const knownReach = new Map(options.situation === undefined ? routes.map((r) => [r.hourClass.open.join('\u0000'), r.fastest !== null] as const) : []);
  return {
    moment: chosen.moment,
    fastestRoute: fastest,
    announcedRoute: announced,
    depthToHuman: announced?.decisionNodes.length ?? null,
    shallowestAnnounced: shallowestRoute(graph, true),
    escapeCoverage: escapeCoverage(graph, weights),
    gatekeeping: gatekeeping(graph, announced, reachable),
    callerActions: announced?.actions ?? null,
    preQueueSeconds: announced === null ? null : round(announced.menuSeconds),
    queueWait: reached === undefined ? null : {
      agent: (announced ?? fastest)?.agent ?? '',
      medianSeconds: reached.wait?.medianSeconds ?? null,
      p90Seconds: reached.wait?.p90Seconds ?? null,
    },
    hiddenShortcutGainSeconds: announced === null || fastest === null ? null : round(announced.totalSeconds - fastest.totalSeconds),
    traps: trapMetrics(worstClass(withPerson, chosen, trapSeverity)),
    disconnectOnError: disconnectsOverWeek(routes, chosen),
    retries: retryMetrics(chosen),
    shortcutOnly: shortcutOnly(open, chosen),
    bargeIn: bargeInCoverage(graph),
    queueTransparency: reached?.wait?.announced === undefined && reached?.wait?.updateSeconds === undefined ? null : {
      announced: reached?.wait?.announced ?? null,
      updateSeconds: reached?.wait?.updateSeconds ?? null,
    },
    callback: reached === undefined ? null : { offered: reached.callback ?? null, waitSeconds: reached.wait?.medianSeconds ?? null },
    elderlyFastLane: { ...elderly, anyRoute: elderly.decisions === null ? shallowestRoute(elderlyGraph, false).route : elderly.route },
    parity: parity(graph),
    forcedAudio: forcedAudio(graph, weights),
    hoursCoverage: hoursCoverage(menu, caller, facts, knownReach),
    decisionPoints: decisionNodes(graph),
  };
}

export type { Evidence };
export { evidence, formatSeconds };
