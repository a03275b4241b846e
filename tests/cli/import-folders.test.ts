/**
 * `ivr import` on folders and `--entry`, run in-process: which file calls
 * start at (and the warning that says so), `--entry` by path, base name or
 * the end of a name, and companions that cannot be read.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runIvr } from './audit-context.js';

const FOLDERS = 'tests/fixtures/importers/folders';
const PATIENT_LINE = 'tests/fixtures/importers/amazon-connect/patient-line';

function imported(argv: string[]) {
  const output = join(mkdtempSync(join(tmpdir(), 'ivr-import-')), 'menu.json');
  return runIvr(['import', ...argv, '-o', output]).then((context) => ({ context, output, menu: () => JSON.parse(readFileSync(output, 'utf8')) as { start: string; source: { notes: string } } }));
}

describe('ivr import: a folder\'s entry', () => {
  test('a VoiceXML folder starts at the document whose start no other links to (bank-main, not the alphabetically first bank-cards), and says so', async () => {
    const { context, menu } = await imported([join(FOLDERS, 'bank-vxml')]);
    expect(context.exitCode()).toBe(0);
    const lines = context.stderr().split('\n');
    expect(lines[0]).toBe(`${FOLDERS}/bank-vxml/bank-main.vxml  warning: Calls start at bank-main.vxml, picked as the folder's entry (a file no other file leads to; the first file by name when that does not single one out). Give --entry to start elsewhere.`);
    expect(menu().start).toBe('main');
    // source.notes names every file the menu was built from, the entry first, and how the entry was chosen.
    const notes = menu().source.notes.split('\n');
    expect(notes[0]).toBe(`Imported by ivr import from VoiceXML (vxml): files ${FOLDERS}/bank-vxml/bank-main.vxml (entry), ${FOLDERS}/bank-vxml/bank-cards.vxml, ${FOLDERS}/bank-vxml/bank-loans.vxml, flow "bank-main.vxml".`);
    expect(notes[1]).toMatch(/^Calls start at bank-main\.vxml/);
  });

  test('with --entry no entry warning is given', async () => {
    const { context, menu } = await imported([join(FOLDERS, 'bank-vxml'), '--entry', 'bank-cards.vxml']);
    expect(context.exitCode()).toBe(0);
    expect(context.stderr()).not.toContain('Calls start at');
    expect(menu().start).toBe('cards');
  });

  test('--json lists the entry warning first, with the code entry_chosen', async () => {
    const context = await runIvr(['import', PATIENT_LINE, '--json']);
    const report = JSON.parse(context.stdout()) as { entry: string; warnings: { code: string; at: { file: string } }[] };
    expect(report.warnings[0]).toMatchObject({ code: 'entry_chosen', at: { file: report.entry } });
  });
});

describe('ivr import --entry', () => {
  test('matches a file by the end of its name (the --help example shape: _00_patient_line_open.json)', async () => {
    const { context, menu } = await imported([PATIENT_LINE, '--entry', 'line_open.json']);
    expect(context.exitCode()).toBe(0);
    expect(menu().source.notes).toContain(`files ${PATIENT_LINE}/_00_patient_line_open.json (entry)`);
  });

  test('matches by base name even when the folder is spelled differently', async () => {
    const { context } = await imported([PATIENT_LINE, '--entry', 'elsewhere/_0x_voicemail.json']);
    expect(context.exitCode()).toBe(0);
  });

  test('several matches exit 2 and list them; nothing is written', async () => {
    const { context, output } = await imported([PATIENT_LINE, '--entry', '.json']);
    expect(context.exitCode()).toBe(2);
    expect(context.stderr()).toBe(`--entry ".json" matches 3 files: ${PATIENT_LINE}/_00_patient_line_open.json, ${PATIENT_LINE}/_0x_inbound_to_agent.json, ${PATIENT_LINE}/_0x_voicemail.json. Give more of the name.`);
    expect(() => readFileSync(output)).toThrow();
  });

  test('no match exits 2 with one line', async () => {
    const { context } = await imported([PATIENT_LINE, '--entry', 'nope.json']);
    expect(context.exitCode()).toBe(2);
    expect(context.stderr()).toBe('--entry "nope.json" is not one of the files to import, nor the end of one\'s name.');
  });
});

describe('ivr import: companions that cannot be read', () => {
  test('an invalid companion flow is reported with its file and line:col, and no advice to import the folder', async () => {
    const { context } = await imported([join(FOLDERS, 'connect-broken-companion')]);
    expect(context.exitCode()).toBe(0);
    const lines = context.stderr().split('\n');
    expect(lines).toContain(`${FOLDERS}/connect-broken-companion/_0x_to_agent.json:9:7  warning: This file cannot be read (This is not valid JSON: a "," was expected between items. Fix the syntax at this position.), so the TransferToFlow to-agent in ${FOLDERS}/connect-broken-companion/main-line.json that leads to it is imported as the end of the call.`);
    expect(context.stderr()).not.toContain('Import the folder');
    // The flow that is not in the folder at all is still named, without that advice either.
    expect(lines.find((line) => line.includes('_0x_billing'))).toContain('none of the 2 imported files is named after it');
  });
});
