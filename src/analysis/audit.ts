/**
 * One audit of one menu: metrics, the friction score with its evidence, and
 * the rule profiles, as the stable JSON shape of `ivr audit --format json`
 * (documented in docs/audit.md).
 */
import type { Menu, Situation } from '../model/index.js';
import { componentMeasures, hardFails } from './measures.js';
import { oneDecimal } from './evidence.js';
import { computeMetrics, type Metrics } from './metrics.js';
import { checkRules, type RuleProfile, type RuleResult } from './rules.js';
import { frictionScore, type ComponentScore, type FrictionWeights, type HardFail } from './score.js';

/** A component of the breakdown: points (null when not assessable), max, what was measured, evidence. */
export type AuditComponent = ComponentScore;

export interface AuditReport {
  menu: string;
  name: string;
  /** the menu's language (BCP 47), for the menu's own words in reports */
  locale: string;
  /** 0–100, higher is worse, one decimal */
  score: number;
  grade: string;
  /** percent of the 100 points that could be assessed */
  coverage: number;
  /** ids of the hard-fail flags raised (each forces the worst grade) */
  hardFails: string[];
  flags: HardFail[];
  components: AuditComponent[];
  metrics: Metrics;
  rules: RuleResult[];
}

export interface AuditOptions {
  weights: FrictionWeights;
  profiles?: readonly RuleProfile[];
  /** one moment (`--at`); default: the week is scanned */
  situation?: Situation;
  caller?: ReadonlySet<string>;
  facts?: ReadonlySet<string>;
}

export function auditMenu(menu: Menu, options: AuditOptions): AuditReport {
  const metrics = computeMetrics(menu, options.weights, {
    ...(options.situation ? { situation: options.situation } : {}),
    ...(options.caller ? { caller: options.caller } : {}),
    ...(options.facts ? { facts: options.facts } : {}),
  });
  const flags = hardFails(metrics, options.weights);
  const score = frictionScore(componentMeasures(metrics, options.weights), flags, options.weights);
  return {
    menu: menu.id,
    name: menu.name,
    locale: menu.locale,
    score: oneDecimal(score.score),
    grade: score.grade,
    coverage: oneDecimal(score.coverage),
    hardFails: flags.map((flag) => flag.id),
    flags,
    components: score.components.map((c) => ({ ...c, points: c.points === null ? null : Math.round(c.points * 100) / 100 })),
    metrics,
    rules: checkRules(options.profiles ?? [], metrics, menu),
  };
}
