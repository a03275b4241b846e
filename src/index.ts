/**
 * ivr-escape as a library: load and check menus, call them as XState
 * machines, find routes to a human, audit them, import flows of other IVR
 * platforms and export menus. Everything else under src/ is internal.
 */

/** Menus: the file format, loading and checking. */
export { loadMenu, loadMenuValue, checkMenu, IvrError, formatPath } from './model/index.js';
export type { Menu, MenuInput, MenuNodeUnion, Issue, Result, Severity } from './model/index.js';

/** Time: the shared time model. */
export { promptLength, promptMicros, phraseMicros, keyMicros, toSeconds, toMicros } from './model/index.js';
export type { Micros, Seconds } from './model/index.js';

/** Conditions: moments, callers and facts. */
export { parseMoment, situation, holds, isOpen } from './model/index.js';
export type { Moment, Situation } from './model/index.js';

/** Machine: a menu as an XState v5 machine, calls on a simulated clock, headless scripts. */
export { machineConfig, buildMachine, startCall, parseScript, runScript } from './machine/index.js';
export type { CallEvent, CallSession, CallView, CallOutcome, CallLogEntry, ScriptToken, Transcript } from './machine/index.js';

/** Routes: the fastest way to a human, alternatives, and the configuration graph they are searched in. */
export { fastestRoute, routes, escapeReport, buildGraph, routeJson, dialString, OBJECTIVES, STRATEGIES } from './analysis/index.js';
export type { Route, RouteStep, RouteResult, Unreachable, UnreachableReason, RouteOptions, EscapeReport, ConfigGraph, StartConfiguration, Objective, Strategy } from './analysis/index.js';

/** Assumptions: the branch decisions a route passes and the facts, hours and caller flags each read (`Route.assumes`). */
export type { BranchDecision, AtomReading, AtomKind } from './analysis/branch-decisions.js';

/** Unreachable: what would let a caller reach a person (other hours, one fact, one caller flag). */
export { whatUnlocks, unlockSentences, type Unlocks, type OpenHours } from './analysis/unlock.js';

/** Proof by replay: a route's script through the machine must end at its agent at its menu time. */
export { replayRoute, type ReplayCheck } from './analysis/replay.js';

/** Audit: the Menu Friction Index with evidence, rule profiles, comparisons (weights and profiles are data in rules/). */
export { auditMenu, computeMetrics, frictionScore, parseWeights, checkRules, parseProfile, sortRows } from './analysis/index.js';
export type { AuditReport, Metrics, FrictionWeights, RuleProfile, RuleResult, CompareRow, Evidence } from './analysis/index.js';

/** Importers: flows of Twilio Studio, Amazon Connect, VoiceXML, Asterisk and FreeSWITCH in, detected or named, validated. */
export { importFiles, detectFormat, importerFor, IMPORTERS, type ImportedMenu, type Detection } from './importers/registry.js';
export type { Importer, ImportOptions, ImportResult, ImportWarning, SourceFile, FormatId } from './importers/importer.js';
export { twilioStudio } from './importers/twilio-studio.js';
export { amazonConnect } from './importers/amazon-connect.js';
export { voiceXmlImporter } from './importers/voicexml.js';
export { asteriskImporter, importDialplan, type AsteriskImportOptions } from './importers/asterisk.js';
export { freeswitchImporter } from './importers/freeswitch.js';

/** Exporters: a menu out as VoiceXML or as an XState machine config. */
export { exportVoiceXml } from './report/export-vxml.js';
export { exportXState } from './report/export-xstate.js';
