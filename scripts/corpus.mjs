#!/usr/bin/env node
/**
 * `npm run corpus [folder] [-- --markdown]`: imports every real flow file of
 * the shared corpus (default ../shared/corpus), validates it, and asks for the
 * fastest route to a human (Tuesday 10:00, no caller flags, no world facts).
 * Each file is imported with the other files of its folder as companions
 * (a Connect flow may transfer to a sibling). Prints one row per file: format,
 * nodes, warnings, and the route, a reasoned "unreachable", or the one-line
 * reason a file is not a flow; `--markdown` adds each file's warning codes
 * with their counts. Exits 1 on a crash or an unexplained failure, 2 (one
 * line, no stack) when the folder cannot be read. Runs against dist/ (npm run
 * corpus builds first).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { detectFormat, importFiles, IMPORTERS } from '../dist/importers/registry.js';
import { IvrError, parseMoment, situation } from '../dist/model/index.js';
import { fastestRoute, UNREACHABLE_EXPLANATION } from '../dist/analysis/index.js';
import { describeOpenHours, whatUnlocks } from '../dist/analysis/unlock.js';

/** Reasons that explain why a file is not a flow: a finding about the file, not a failure of ours. */
const NOT_A_FLOW = new Set(['empty_file', 'comments_only', 'invalid_json', 'scxml', 'include_wrapper']);
/** Corpus folder → the importer that should read it. */
const FOLDER_FORMAT = { 'twilio-studio': 'twilio-studio', 'amazon-connect': 'amazon-connect', voicexml: 'vxml', asterisk: 'asterisk', freeswitch: 'freeswitch' };

const args = process.argv.slice(2);
const markdown = args.includes('--markdown');
const root = args.find((a) => !a.startsWith('--')) ?? '../shared/corpus';
const moment = parseMoment('tue 10:00');

function filesOf(folder) {
  return readdirSync(folder).filter((n) => !n.startsWith('.') && !n.endsWith('.md')).sort().map((n) => join(folder, n)).filter((p) => statSync(p).isFile());
}

/** What would open a route, found by searching again (one fact at a time; other hours of the week). */
function unlockHint(menu, at) {
  const { facts, hours } = whatUnlocks(menu, at);
  if (facts.length > 0) return ` (opens if ${facts.length === 1 ? 'this fact holds' : `one of ${facts.length} facts holds, e.g.`}: "${facts[0]}")`;
  return hours.length > 0 ? ` (a person is reachable at other hours: ${describeOpenHours(hours.slice(0, 2))}${hours.length > 2 ? ' …' : ''})` : '';
}

/** `retry_counter ×2, audio_length ×1`: most frequent first, then by name. */
function codeCounts(warnings) {
  const counts = new Map();
  for (const w of warnings) counts.set(w.code, (counts.get(w.code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, n]) => `${code} ×${n}`).join(', ');
}

const seconds = (micros) => `${(micros / 1e6).toFixed(1)} s`;

function rowFor(path, folder, siblings) {
  const name = relative(root, path);
  const read = (p) => ({ name: p, text: readFileSync(p, 'utf8') });
  const entry = read(path);
  const detection = detectFormat([entry]);
  const expected = FOLDER_FORMAT[basename(folder)];
  const registered = IMPORTERS.some((i) => i.id === expected);
  if (!detection.ok) {
    const code = detection.problem.code;
    const where = detection.problem.line ? ` (line ${detection.problem.line}:${detection.problem.column})` : '';
    if (NOT_A_FLOW.has(code)) return { name, format: '—', nodes: '—', warnings: '—', result: `not a flow: ${detection.problem.message.en}${where}`, ok: true };
    if (expected !== undefined && !registered) return { name, format: expected, nodes: '—', warnings: '—', result: `skipped: no ${expected} importer yet`, ok: true, skipped: true };
    return { name, format: '?', nodes: '—', warnings: '—', result: `FAILED: ${detection.problem.message.en}`, ok: false };
  }
  try {
    const sources = [entry, ...siblings.filter((p) => p !== path).map(read)];
    const imported = importFiles(sources, { from: detection.importer.id });
    const nodes = Object.keys(imported.validated.nodes).length;
    const at = situation(moment, [], []);
    const route = fastestRoute(imported.validated, { situation: at });
    let result;
    if (route.reachable) {
      result = `${seconds(route.menuMicros)} menu${route.holdKnown ? ` + ${seconds(route.holdMicros)} hold` : ''}: ${route.script || '(no action)'} → ${route.outcome}${route.estimated ? ' (estimated)' : ''}`;
    } else {
      result = `unreachable: ${UNREACHABLE_EXPLANATION[route.reason]}${unlockHint(imported.validated, at)}`;
    }
    return { name, format: imported.format, nodes, warnings: imported.warnings.length, codes: codeCounts(imported.warnings), result, ok: true };
  } catch (error) {
    const problem = error instanceof IvrError ? error.issues[0] : undefined;
    // An importer may find out only while reading that a file is not a flow (an include wrapper).
    if (problem !== undefined && NOT_A_FLOW.has(problem.code)) return { name, format: detection.importer.id, nodes: '—', warnings: '—', result: `not a flow: ${problem.message.en}`, ok: true };
    const message = problem !== undefined ? problem.message.en : `CRASH: ${error instanceof Error ? error.stack : String(error)}`;
    return { name, format: detection.importer.id, nodes: '—', warnings: '—', result: `FAILED: ${message}`, ok: false };
  }
}

/** The corpus folder and its subfolders; a folder that cannot be read is bad input: one line, exit 2. */
function corpusFolders(folder) {
  try {
    return [folder, ...readdirSync(folder).map((n) => join(folder, n)).filter((p) => statSync(p).isDirectory())];
  } catch (error) {
    const why = { ENOENT: 'no such folder', ENOTDIR: 'not a folder', EACCES: 'permission denied' }[error?.code] ?? (error?.message ?? String(error));
    console.error(`corpus: cannot read ${folder}: ${why}`);
    process.exit(2);
  }
}

const rows = [];
for (const folder of corpusFolders(root)) {
  const files = filesOf(folder);
  for (const file of files) rows.push(rowFor(file, folder, files));
}

const escapeCell = (text) => String(text).replace(/\|/g, '\\|');
if (markdown) {
  console.log('| file | format | nodes | warnings | warning codes | fastest route (tue 10:00, no facts) |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| \`${escapeCell(r.name)}\` | ${r.format} | ${r.nodes} | ${r.warnings} | ${escapeCell(r.codes || '—')} | ${escapeCell(r.result)} |`);
} else {
  for (const r of rows) console.log([r.ok ? 'ok  ' : 'FAIL', r.name, r.format, `${r.nodes} nodes`, `${r.warnings} warnings`, r.result].join('  '));
}
const failed = rows.filter((r) => !r.ok).length;
const skipped = rows.filter((r) => r.skipped).length;
console.error(`corpus: ${rows.length} files, ${rows.length - failed - skipped} handled, ${skipped} skipped (no importer yet), ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
