/**
 * The menu shape of issue 5, where diagrams blew up: a chain of menus in
 * which `1` goes on to the next menu, a hidden `0` goes back to the first
 * one, and every menu's invalid and silence handlers go to one agent. The
 * last menu's `1` hangs up. Shared by bench/diagram.mjs and the diagram
 * tests; sized by its total number of nodes (menus + agent + hang-up).
 */

/** @param {number} nodes at least 3 @returns {object} an ivr-menu/1 document */
export function chainMenu(nodes) {
  const menus = Math.max(1, nodes - 2);
  const menu = {
    format: 'ivr-menu/1',
    id: `chain-${nodes}`,
    name: `Synthetic chain, ${nodes} nodes`,
    sector: 'other',
    start: 'm0',
    nodes: {
      agent: { type: 'agent', queue: 'general', wait: { medianSeconds: 120 } },
      goodbye: { type: 'hangup', prompt: 'Goodbye.' },
    },
  };
  for (let i = 0; i < menus; i++) {
    menu.nodes[`m${i}`] = {
      type: 'menu',
      prompt: `Step ${i + 1}. To go on press 1.`,
      options: [
        { key: '1', label: 'go on', next: i + 1 < menus ? `m${i + 1}` : 'goodbye' },
        { key: '0', next: 'm0', advertised: false },
      ],
      invalid: { retries: 2, then: 'agent' },
      noInput: { retries: 1, then: 'agent' },
    };
  }
  return menu;
}
