/**
 * Properties of the loader over all inputs: it never throws, it always
 * returns a Result, and every issue it reports is complete (code, path, both
 * languages, a position inside the text). Seeded: the seed is in the titles.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMenu, loadMenuValue, type Issue, type Result } from '../../src/model/index.js';

const SEED = 20261124;
fc.configureGlobal({ seed: SEED, numRuns: 200 });

const root = join(import.meta.dirname, '..', '..');
const validMenus: [string, string][] = [
  ['tests/fixtures/menus/worked-example.json', readFileSync(join(root, 'tests/fixtures/menus/worked-example.json'), 'utf8')],
  ...readdirSync(join(root, 'menus'))
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name): [string, string] => [`menus/${name}`, readFileSync(join(root, 'menus', name), 'utf8')]),
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Step = string | number;

/** Every place in a document that holds a value: the mutation sites. */
function sitesOf(value: Json, path: Step[] = []): Step[][] {
  const here = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) return [...here, ...value.flatMap((child, index) => sitesOf(child, [...path, index]))];
  if (value !== null && typeof value === 'object') {
    return [...here, ...Object.entries(value).flatMap(([key, child]) => sitesOf(child, [...path, key]))];
  }
  return here;
}

type Mutation = { kind: 'delete' } | { kind: 'replace'; by: Json } | { kind: 'duplicate' } | { kind: 'rename'; to: string };

/** Applies one mutation at one site of a deep copy. */
function mutate(document: Json, site: Step[], mutation: Mutation): Json {
  const copy = structuredClone(document);
  const parent = site.slice(0, -1).reduce<any>((node, step) => node[step], copy);
  const last = site[site.length - 1] as Step;
  switch (mutation.kind) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(last as number, 1);
      else delete parent[last];
      break;
    case 'replace':
      parent[last] = mutation.by;
      break;
    case 'duplicate':
      if (Array.isArray(parent)) parent.splice(last as number, 0, structuredClone(parent[last as number]));
      else parent[`${String(last)}2`] = structuredClone(parent[last]);
      break;
    case 'rename':
      if (Array.isArray(parent)) parent[last as number] = mutation.to;
      else {
        parent[mutation.to] = parent[last];
        if (mutation.to !== last) delete parent[last];
      }
      break;
  }
  return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant({ kind: 'delete' as const }),
  fc.record({ kind: fc.constant('replace' as const), by: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> }),
  fc.constant({ kind: 'duplicate' as const }),
  fc.record({ kind: fc.constant('rename' as const), to: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'prototype', 'type', 'next', 'start')) }),
);

/** The contract every result must keep, whatever the input. */
function expectWellFormed(result: Result<unknown>, text: string | undefined): void {
  const issues: Issue[] = result.ok ? result.warnings : result.issues;
  if (!result.ok) expect(issues.length).toBeGreaterThan(0);
  const lineCount = text === undefined ? 0 : text.split('\n').length;
  for (const problem of issues) {
    expect(problem.code).toMatch(/^[a-z_]+$/);
    expect(['error', 'warning']).toContain(problem.severity);
    expect(Array.isArray(problem.path)).toBe(true);
    expect(problem.message.en.length).toBeGreaterThan(0);
    expect(problem.message['zh-CN'].length).toBeGreaterThan(0);
    if (text !== undefined && text.trim() !== '') {
      expect(problem.line, `${problem.code} has no line`).toBeGreaterThanOrEqual(1);
      expect(problem.line).toBeLessThanOrEqual(lineCount);
      expect(problem.column).toBeGreaterThanOrEqual(1);
    }
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe(`loadMenu never throws and reports complete issues (seed ${SEED})`, () => {
  it('on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => expectWellFormed(loadMenu(text), text)));
  });

  it('on arbitrary JSON texts', () => {
    fc.assert(fc.property(fc.json({ maxDepth: 4 }), (text) => expectWellFormed(loadMenu(text), text)));
  });

  it('on arbitrary JSON values, as text and as values', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
      const text = JSON.stringify(value, null, 2);
      expectWellFormed(loadMenu(text), text);
      expectWellFormed(loadMenuValue(value), undefined);
    }));
  });

  it('on deep nesting: arrays, objects and conditions thousands of levels deep, closed or not', () => {
    const opener = fc.constantFrom('[', '{"a":', '{"not":', '{"all":[');
    const deep = fc.record({ openers: fc.array(opener, { minLength: 1, maxLength: 4 }), depth: fc.integer({ min: 150, max: 20_000 }), closed: fc.boolean() });
    fc.assert(fc.property(deep, ({ openers, depth, closed }) => {
      const opening = Array.from({ length: depth }, (_, level) => openers[level % openers.length] as string);
      const closing = closed ? opening.map((open) => (open === '[' ? ']' : open.endsWith('[') ? ']}' : '}')).reverse().join('') : '';
      const text = `{"format":"ivr-menu/1","nodes":${opening.join('')}1${closing}}`;
      expectWellFormed(loadMenu(text), text);
    }), { numRuns: 40 });
  });

  it('on JSON texts cut short', () => {
    const [, text] = validMenus[0] as [string, string];
    fc.assert(fc.property(fc.nat({ max: text.length }), (end) => expectWellFormed(loadMenu(text.slice(0, end)), text.slice(0, end))));
  });

  it.each(validMenus)('on mutations of %s (delete, replace, duplicate, rename a field)', (_name, text) => {
    const document = JSON.parse(text) as Json;
    const sites = sitesOf(document);
    fc.assert(fc.property(fc.constantFrom(...sites), mutation, (site, change) => {
      const mutated = mutate(document, site, change);
      const mutatedText = JSON.stringify(mutated, null, 2);
      expectWellFormed(loadMenu(mutatedText), mutatedText);
    }), { numRuns: 150 });
  });
});

describe('every valid menu loads', () => {
  it.each(validMenus)('%s', (_name, text) => {
    const result = loadMenu(text);
    expect(result.ok ? [] : result.issues).toEqual([]);
  });
});
