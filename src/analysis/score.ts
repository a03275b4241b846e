/**
 * The Menu Friction Index (0–100, higher is worse): turns one measure per
 * component into points with the bands of `rules/friction-weights.json`,
 * re-normalises over the components that could be assessed (reporting that
 * share as coverage), applies hard-fail flags and grades. No weight, band or
 * grade edge lives in code: they are data, validated here.
 */
import * as z from 'zod';
import type { Evidence } from './evidence.js';

const Band = z.strictObject({ upTo: z.number().optional(), points: z.number().nonnegative() });

const Component = z.looseObject({
  id: z.string().regex(/^[A-D][0-9]$/),
  group: z.enum(['A', 'B', 'C', 'D']),
  max: z.number().positive(),
  name: z.string(),
  unit: z.string().optional(),
  bands: z.array(Band).min(1).optional(),
  share: z.boolean().optional(),
  levels: z.record(z.string(), z.number().nonnegative()).optional(),
  sources: z.array(z.string()).min(1),
  /** D1: the longest interval between wait updates that still counts as updating */
  maxUpdateSeconds: z.number().positive().optional(),
  /** D2: the median wait above which a callback is needed */
  thresholdSeconds: z.number().nonnegative().optional(),
  /** D3: the most decisions an elderly caller's fast lane may take */
  maxDecisions: z.int().nonnegative().optional(),
  /** D5: forced audio longer than this earns full points whatever the count */
  maxSecondsBeforeFull: z.number().nonnegative().optional(),
});

/** The numeric parameters a component reads besides its bands, and which component needs which. */
const PARAMETERS = { D1: 'maxUpdateSeconds', D2: 'thresholdSeconds', D3: 'maxDecisions', D5: 'maxSecondsBeforeFull' } as const;
type ParameterOwner = keyof typeof PARAMETERS;

export const FrictionWeights = z.looseObject({
  version: z.literal(1),
  components: z.array(Component).min(1),
  grades: z.array(z.strictObject({ grade: z.string(), below: z.number().optional() })).min(1),
  hardFails: z.array(z.strictObject({ id: z.string(), name: z.string(), sources: z.array(z.string()) })),
  agentPhrases: z.array(z.string()),
  escapeKeys: z.array(z.string()),
  nonActionablePurposes: z.array(z.string()),
  nonActionablePatterns: z.array(z.string()),
}).superRefine((weights, context) => {
  for (const [id, parameter] of Object.entries(PARAMETERS)) {
    const index = weights.components.findIndex((c) => c.id === id);
    if (index >= 0 && weights.components[index]?.[parameter] === undefined) {
      context.addIssue({ code: 'custom', path: ['components', index, parameter], message: `component ${id} needs ${parameter}` });
    }
  }
});

export type FrictionWeights = z.output<typeof FrictionWeights>;
export type ComponentWeights = z.output<typeof Component>;

/** Validates the weights file; a broken file is a bug in the package, so this throws. */
export function parseWeights(data: unknown): FrictionWeights {
  return FrictionWeights.parse(data);
}

/** A component's parameter (e.g. D1's `maxUpdateSeconds`); parseWeights made sure it is there when the component is. */
export function componentParameter<Id extends ParameterOwner>(weights: FrictionWeights, id: Id, name: (typeof PARAMETERS)[Id]): number {
  const value = weights.components.find((c) => c.id === id)?.[name];
  if (value === undefined) throw new Error(`friction weights: component ${id} has no ${name}`);
  return value;
}

/** What was measured for one component, before it becomes points. */
export type ComponentMeasure =
  /** a number read against the component's bands */
  | { kind: 'value'; value: number; evidence: Evidence }
  /** a share in 0..1 of good cases: points = max × (1 − share) */
  | { kind: 'share'; share: number; evidence: Evidence }
  /** a named outcome with fixed points (`levels`) */
  | { kind: 'level'; level: string; evidence: Evidence }
  /** the menu lacks the facts: dropped, and the score re-normalised */
  | { kind: 'notAssessable'; evidence: Evidence };

export interface ComponentScore {
  id: string;
  name: string;
  /** null when not assessable */
  points: number | null;
  max: number;
  /** the measured value, level or share, for people */
  measured: number | string | null;
  evidence: Evidence;
}

export interface HardFail {
  id: string;
  name: string;
  evidence: Evidence;
}

export interface FrictionScore {
  /** 0–100, higher is worse, re-normalised to the assessed components */
  score: number;
  grade: string;
  /** percent of the 100 points that could be assessed */
  coverage: number;
  /** raw points over the assessable maximum */
  rawPoints: number;
  assessableMax: number;
  components: ComponentScore[];
  hardFails: HardFail[];
}

function bandPoints(component: ComponentWeights, value: number): number {
  const bands = component.bands ?? [];
  const band = bands.find((b) => b.upTo === undefined || value <= b.upTo) ?? bands[bands.length - 1];
  return band?.points ?? component.max;
}

function levelPoints(component: ComponentWeights, level: string): number {
  const points = component.levels?.[level];
  if (points === undefined) throw new Error(`friction weights: component ${component.id} has no level "${level}"`);
  return points;
}

function componentScore(component: ComponentWeights, measure: ComponentMeasure | undefined): ComponentScore {
  const base = { id: component.id, name: component.name, max: component.max };
  if (measure === undefined) return { ...base, points: null, measured: null, evidence: { text: 'not measured' } };
  switch (measure.kind) {
    case 'value':
      return { ...base, points: Math.min(component.max, bandPoints(component, measure.value)), measured: measure.value, evidence: measure.evidence };
    case 'share': {
      const share = Math.min(1, Math.max(0, measure.share));
      return { ...base, points: component.max * (1 - share), measured: share, evidence: measure.evidence };
    }
    case 'level':
      return { ...base, points: Math.min(component.max, levelPoints(component, measure.level)), measured: measure.level, evidence: measure.evidence };
    case 'notAssessable':
      return { ...base, points: null, measured: null, evidence: measure.evidence };
  }
}

/** The grade of a score; any hard-fail flag forces the last (worst) grade. */
export function gradeOf(score: number, hardFails: readonly HardFail[], weights: FrictionWeights): string {
  const worst = weights.grades[weights.grades.length - 1]?.grade ?? 'F';
  if (hardFails.length > 0) return worst;
  return weights.grades.find((g) => g.below === undefined || score < g.below)?.grade ?? worst;
}

/** Position of a grade from best (0) to worst, for `--fail-on` and sorting. */
export function gradeRank(grade: string, weights: FrictionWeights): number {
  return weights.grades.findIndex((g) => g.grade === grade.toUpperCase());
}

/** Points, coverage, re-normalised score and grade from per-component measures. */
export function frictionScore(
  measures: Readonly<Record<string, ComponentMeasure>>,
  hardFails: readonly HardFail[],
  weights: FrictionWeights,
): FrictionScore {
  const components = weights.components.map((component) => componentScore(component, measures[component.id]));
  const assessed = components.filter((c) => c.points !== null);
  const total = weights.components.reduce((sum, c) => sum + c.max, 0);
  const assessableMax = assessed.reduce((sum, c) => sum + c.max, 0);
  const rawPoints = assessed.reduce((sum, c) => sum + (c.points ?? 0), 0);
  const score = assessableMax === 0 ? 0 : (100 * rawPoints) / assessableMax;
  return {
    score,
    grade: gradeOf(score, hardFails, weights),
    coverage: (100 * assessableMax) / total,
    rawPoints,
    assessableMax,
    components,
    hardFails: [...hardFails],
  };
}
