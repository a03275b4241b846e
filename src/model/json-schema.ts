/**
 * The editor-facing JSON Schema of `ivr-menu/1`, derived from the zod schema
 * so the two cannot drift. It describes files as written (`io: 'input'`:
 * defaulted fields are optional). Rules that need the whole document
 * (dangling ids, loops) stay in check.ts; editors see the field-level ones.
 */
import * as z from 'zod';
import { Menu } from './schema.js';

/** Where the bundled menus find the schema: `"$schema": "../schema/menu.schema.json"`. */
export const MENU_SCHEMA_PATH = 'schema/menu.schema.json';

export function menuJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(Menu, { target: 'draft-2020-12', io: 'input' }) as Record<string, unknown>;
}

/** The committed file's exact text: two-space JSON and a final newline. */
export function menuJsonSchemaText(): string {
  return `${JSON.stringify(menuJsonSchema(), null, 2)}\n`;
}

let knownFields: string[] | undefined;

/** Every field name the format defines, at any depth: the candidates for "did you mean". */
export function menuFieldNames(): string[] {
  if (knownFields === undefined) {
    const names = new Set<string>();
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value !== null && typeof value === 'object') {
        for (const [key, child] of Object.entries(value)) {
          if (key === 'properties' && child !== null && typeof child === 'object') Object.keys(child).forEach((name) => names.add(name));
          walk(child);
        }
      }
    };
    walk(menuJsonSchema());
    knownFields = [...names];
  }
  return knownFields;
}
