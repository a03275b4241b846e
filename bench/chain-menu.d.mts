/** Types of bench/chain-menu.mjs for the TypeScript tests that share it. */
export function chainMenu(nodes: number): object;
