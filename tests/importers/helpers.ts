/** Reading importer fixtures and validating what an importer made. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { loadMenuValue, type Menu } from '../../src/model/index.js';
import type { Importer, ImportOptions, ImportResult, SourceFile } from '../../src/importers/importer.js';
import { at } from '../machine/helpers.js';

export const FIXTURES = new URL('../fixtures/importers/', import.meta.url).pathname;

export function fixture(path: string): SourceFile {
  return { name: path, text: readFileSync(join(FIXTURES, path), 'utf8') };
}

/** The files of a fixture folder, `entry` first. */
export function bundle(folder: string, entry: string): SourceFile[] {
  const names = readdirSync(join(FIXTURES, folder)).sort();
  return [entry, ...names.filter((name) => name !== entry)].map((name) => fixture(join(folder, name)));
}

export function validMenu(menu: unknown): Menu {
  const result = loadMenuValue(menu);
  if (!result.ok) expect(result.issues).toEqual([]);
  expect(result.ok).toBe(true);
  return (result as { ok: true; value: Menu }).value;
}

/** Tuesday 10:00, no caller flags, the given world facts. */
export function tuesdayMorning(...facts: string[]) {
  return at('tue 10:00', [], facts);
}

/** One import of fixture files (the entry first), validated, with warnings as `line:code`. */
export function importFixtures(importer: Importer | ((files: SourceFile[], options?: ImportOptions) => ImportResult), sources: SourceFile[], options?: ImportOptions) {
  const run = typeof importer === 'function' ? importer : (files: SourceFile[], o?: ImportOptions) => importer.import(files, o);
  const { menu, warnings } = run(sources, options);
  return { menu, warnings, valid: validMenu(menu), codes: warnings.map((w) => `${w.at.line}:${w.code}`) };
}

/** The first test of a fixture: `importer` recognises it above `confidence`; the imported nodes are a snapshot. */
export function detectedWithSnapshot(importer: Importer, source: SourceFile, nodes: unknown, confidence: number, title = 'is detected; the imported menu is kept as a snapshot'): void {
  test(title, () => {
    expect(importer.detect([source])).toBeGreaterThan(confidence);
    expect(nodes).toMatchSnapshot();
  });
}
