/**
 * `npm run schema`: writes schema/menu.schema.json from the zod schema.
 * tests/model/json-schema.test.ts fails when the committed file is stale.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MENU_SCHEMA_PATH, menuJsonSchemaText } from '../src/model/json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, MENU_SCHEMA_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, menuJsonSchemaText());
process.stdout.write(`wrote ${MENU_SCHEMA_PATH}\n`);
