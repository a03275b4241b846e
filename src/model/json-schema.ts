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
