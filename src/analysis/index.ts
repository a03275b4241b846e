/** Analysis: the configuration graph of a menu and the routes to a human found in it. */
export { buildGraph, nodeOfConfig, IMPLICIT_HANGUP, type ConfigGraph, type StartConfiguration } from './graph.js';
export {
  shortestDistances, reachedAgents, bestAgents, traceRoute, agentKey, compareKeys, OBJECTIVES,
  type Objective, type Distances, type AgentReach,
} from './search.js';
export { STRATEGIES, EdgeFlag, NOT_ADVERTISED, isGenericOption, strategiesOf, type Strategy } from './strategies.js';
export {
  routeJson, dialString, totalMicros, situationJson, scriptToken, UNREACHABLE_EXPLANATION,
  type Route, type RouteStep, type RouteResult, type Unreachable, type UnreachableReason, type Dial, type StepKind,
} from './route.js';
export { fastestRoute, routes, escapeReport, obviousDepartment, type RouteOptions, type EscapeReport } from './escape.js';
export { auditMenu, type AuditReport, type AuditOptions, type AuditComponent } from './audit.js';
export { computeMetrics, type Metrics, type MetricsOptions } from './metrics.js';
export { frictionScore, parseWeights, gradeOf, gradeRank, type FrictionWeights, type FrictionScore, type ComponentMeasure, type HardFail } from './score.js';
export { checkRules, parseProfile, CHECKS, type RuleProfile, type RuleResult, type RuleOutcome } from './rules.js';
export { rowOf, brokenRow, sortRows, type CompareRow } from './compare.js';
export type { Evidence } from './evidence.js';
