/** The Menu: what a valid menu is, how long each thing takes, what a condition means. */
export * from './schema.js';
export * from './issues.js';
export * from './timing.js';
export * from './moves.js';
export * from './conditions.js';
export { checkMenu, reachableNodes, referencesOf, suggest } from './check.js';
export { loadMenu, loadMenuValue, locateIssues, DEFAULT_MAX_BYTES, type LoadOptions } from './load.js';
export { messages } from './messages.js';
export { menuJsonSchema, menuJsonSchemaText, MENU_SCHEMA_PATH } from './json-schema.js';
