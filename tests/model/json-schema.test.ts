/**
 * schema/menu.schema.json: generated from the zod schema, never stale, named
 * by every bundled menu, and in agreement with the loader on what it accepts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { loadMenu } from '../../src/model/index.js';
import { MENU_SCHEMA_PATH, menuJsonSchema, menuJsonSchemaText } from '../../src/model/json-schema.js';

const root = join(import.meta.dirname, '..', '..');
const workedExample = readFileSync(join(root, 'tests/fixtures/menus/worked-example.json'), 'utf8');
const menusDir = join(root, 'menus');
const bundledMenus = existsSync(menusDir) ? readdirSync(menusDir).filter((name) => name.endsWith('.json')).sort() : [];

const validate = new Ajv2020({ allErrors: true, strict: false }).compile(menuJsonSchema());

function withChange(change: (menu: Record<string, any>) => void): unknown {
  const menu = JSON.parse(workedExample) as Record<string, any>;
  change(menu);
  return menu;
}

describe('schema/menu.schema.json', () => {
  it('is what `npm run schema` generates from the zod schema (run it when this fails)', () => {
    const committed = readFileSync(join(root, MENU_SCHEMA_PATH), 'utf8');
    expect(committed).toBe(menuJsonSchemaText());
  });

  it('is a draft 2020-12 schema whose root is the ivr-menu definition', () => {
    const schema = menuJsonSchema();
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$ref).toBe('#/$defs/ivr-menu');
  });

  it('accepts the worked example', () => {
    expect(validate(JSON.parse(workedExample)), JSON.stringify(validate.errors)).toBe(true);
  });

  it.each([
    ['a misspelt field (closed objects)', (m: any) => { m.nodes.main.promt = 'x'; }],
    ['an unknown node type', (m: any) => { m.nodes.main.type = 'menuu'; }],
    ['a key outside 0-9 * #', (m: any) => { m.nodes.main.options[0].key = 'A'; }],
    ['an option with neither key nor phrases (the refine)', (m: any) => { delete m.nodes.main.options[0].key; }],
    ['an input with neither length nor minLength (the refine)', (m: any) => { delete m.nodes.account.length; }],
    ['a reserved node id', (m: any) => { m.nodes.constructor = { type: 'hangup' }; }],
    ['a node id with a space', (m: any) => { m.nodes['bad id'] = { type: 'hangup' }; }],
    ['retries over 100', (m: any) => { m.nodes.main.invalid.retries = 101; }],
    ['a clock time 25:00', (m: any) => { m.hours.agents.open[0].to = '25:00'; }],
    ['a missing start', (m: any) => { delete m.start; }],
  ])('refuses %s, as the loader does', (_name, change) => {
    const menu = withChange(change);
    expect(validate(menu)).toBe(false);
    expect(loadMenu(JSON.stringify(menu)).ok).toBe(false);
  });

  it('allows the fields that have defaults to be left out', () => {
    const menu = withChange((m) => {
      delete m.locale;
      delete m.nodes.main.invalid.retries;
      m.nodes.account.minLength = 4;
      delete m.nodes.account.length;
    });
    expect(validate(menu), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('bundled menus', () => {
  // menus/ fills up as menus are modeled; every file in it, whatever its number, must pass.
  it('every menus/*.json names the schema and satisfies it', () => {
    for (const name of bundledMenus) {
      const menu = JSON.parse(readFileSync(join(menusDir, name), 'utf8')) as Record<string, unknown>;
      expect.soft(menu.$schema, name).toBe(`../${MENU_SCHEMA_PATH}`);
      expect.soft(validate(menu), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });
});
