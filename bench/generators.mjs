/**
 * Synthetic ivr-menu/1 documents for the benchmark, sized by their number of
 * menus. Three families, each a tree numbered breadth-first (menu i has
 * children b·i+1 … b·i+b while they exist), so every menu is reachable and
 * the configuration count follows from the menu count:
 *
 * - `deep-tree`: a 3-way key tree, ten levels deep at 1M configurations; a
 *   hidden `0` goes back to the parent, every seventh menu sends its third
 *   invalid entry to an agent. 9 configurations per menu (retries 2 and 2).
 * - `wide-menu`: 8 keys to sub-menus, `9` to an account-number input, a
 *   hidden `0` to an operator below the top levels, spoken words beside
 *   the keys. 9 configurations per menu and 9 per input.
 * - `speech-bot`: phrases only, invalid retries 5 and no-input retries 4
 *   (30 configurations per menu), cross-links: "go back" and the invalid
 *   handler jump to pseudo-random menus, silence goes back to the top, and
 *   every tenth menu hides "agent" / "人工".
 *
 * Generation is deterministic (a seeded PRNG); the benchmark counts the
 * configurations with the real graph, these estimates only pick the size.
 */
import { seededRandom } from './random.mjs';

const QUEUES = [
  { id: 'billingQueue', queue: 'billing', medianSeconds: 240 },
  { id: 'salesQueue', queue: 'sales', medianSeconds: 90 },
  { id: 'supportQueue', queue: 'support', medianSeconds: 420 },
  { id: 'fraudQueue', queue: 'fraud', medianSeconds: 45 },
  { id: 'operator', queue: 'general', medianSeconds: 300 },
];

const TOPICS = ['billing', 'payments', 'orders', 'technical support', 'new service', 'moving home', 'roaming', 'lost card'];

/** The nodes every family shares: a welcome, an opening-hours branch, agents and hang-ups. */
function frame(id, name, firstMenu) {
  const nodes = {
    welcome: { type: 'say', prompt: 'Thank you for calling. Calls may be recorded for training.', next: 'hours' },
    hours: { type: 'branch', cases: [{ when: { open: 'agents' }, next: firstMenu }], otherwise: 'closed' },
    closed: { type: 'hangup', prompt: 'We are closed. Goodbye.' },
    goodbye: { type: 'hangup', prompt: 'Goodbye.' },
    selfService: { type: 'hangup', prompt: 'Your balance is available online. Goodbye.' },
  };
  for (const queue of QUEUES) {
    nodes[queue.id] = { type: 'agent', queue: queue.queue, wait: { medianSeconds: queue.medianSeconds } };
  }
  return {
    format: 'ivr-menu/1',
    id,
    name,
    sector: 'other',
    phone: '+18005550199',
    hours: { agents: { timezone: 'America/New_York', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '20:00' }] } },
    start: 'welcome',
    nodes,
  };
}

/** Where option `k` (0-based) of menu `i` leads: a sub-menu while they last, else an agent or a hang-up. */
function child(i, k, branching, menus, prefix) {
  const index = branching * i + k + 1;
  if (index < menus) return `${prefix}${index}`;
  return (index + k) % 6 === 5 ? 'goodbye' : (QUEUES[index % 4]).id;
}

function deepTree(menus) {
  const menu = frame('bench-deep-tree', `Synthetic deep tree, ${menus} menus`, 'm0');
  for (let i = 0; i < menus; i++) {
    const topic = TOPICS[i % TOPICS.length];
    menu.nodes[`m${i}`] = {
      type: 'menu',
      prompt: `For ${topic} press 1. For account questions press 2. For anything else press 3.`,
      options: [
        { key: '1', label: topic, next: child(i, 0, 3, menus, 'm') },
        { key: '2', next: child(i, 1, 3, menus, 'm') },
        { key: '3', next: child(i, 2, 3, menus, 'm') },
        { key: '0', next: i === 0 ? 'operator' : `m${(i - 1) / 3 | 0}`, advertised: false },
      ],
      ...(i % 7 === 3 ? { invalid: { retries: 2, prompt: 'Let me get someone to help.', then: 'operator' } } : {}),
    };
  }
  return menu;
}

function wideMenu(menus) {
  const menu = frame('bench-wide-menu', `Synthetic wide menus, ${menus} menus`, 'w0');
  for (let i = 0; i < menus; i++) {
    const options = [];
    for (let k = 0; k < 8; k++) {
      const topic = TOPICS[(i + k) % TOPICS.length];
      options.push({ key: String(k + 1), label: topic, ...(k < 2 ? { phrases: [topic] } : {}), next: child(i, k, 8, menus, 'w') });
    }
    options.push({ key: '9', label: 'balance', next: `acct${i}` });
    if (i > 8) options.push({ key: '0', next: 'operator', advertised: false });
    menu.nodes[`w${i}`] = {
      type: 'menu',
      prompt: 'Please listen carefully as our options have changed. For billing press 1, for payments press 2, for orders press 3, '
        + 'for support press 4, for new service press 5, for moving press 6, for roaming press 7, for cards press 8, for your balance press 9.',
      options,
      noInput: { retries: 2, prompt: 'Sorry, I did not hear you.', then: 'w0' },
    };
    menu.nodes[`acct${i}`] = {
      type: 'input', prompt: 'Enter the last four digits of your account.', length: 4,
      next: 'selfService', invalid: { retries: 2, then: 'supportQueue' },
    };
  }
  return menu;
}

function speechBot(menus) {
  const random = seededRandom(0x5eed);
  const menu = frame('bench-speech-bot', `Synthetic speech bot, ${menus} menus`, 's0');
  const anyMenu = () => `s${Math.floor(random() * menus)}`;
  for (let i = 0; i < menus; i++) {
    const options = [0, 1, 2].map((k) => {
      const topic = TOPICS[(i + k) % TOPICS.length];
      return { phrases: [topic, `${topic} please`], label: topic, next: child(i, k, 3, menus, 's') };
    });
    options.push({ phrases: ['go back', '返回'], next: anyMenu() });
    if (i % 10 === 9) options.push({ phrases: ['agent', '人工'], next: 'operator', advertised: false });
    menu.nodes[`s${i}`] = {
      type: 'menu',
      prompt: `In a few words, tell me what you are calling about. You can say ${options[0].phrases[0]}, ${options[1].phrases[0]} or ${options[2].phrases[0]}.`,
      options,
      timeout: 4,
      invalid: { retries: 5, prompt: 'Sorry, I did not get that.', then: anyMenu() },
      noInput: { retries: 4, prompt: 'Are you still there?', then: 's0' },
    };
  }
  return menu;
}

/** Family name → generator and its configurations per menu (for sizing only). */
export const FAMILIES = {
  'deep-tree': { generate: deepTree, perMenu: 9 },
  'wide-menu': { generate: wideMenu, perMenu: 18 },
  'speech-bot': { generate: speechBot, perMenu: 30 },
};

/** Fixed nodes outside the menus: welcome + agents + hang-ups + the implicit hang-up. */
const FRAME_CONFIGURATIONS = 1 + QUEUES.length + 3 + 1;

/** The menu count that gives about `configurations` configurations in a family. */
export function menusFor(family, configurations) {
  const { perMenu } = FAMILIES[family];
  return Math.max(1, Math.round((configurations - FRAME_CONFIGURATIONS) / perMenu));
}

/** A family's menu document with `menus` menus (a plain value, before loading). */
export function generateMenu(family, menus) {
  const entry = FAMILIES[family];
  if (entry === undefined) throw new Error(`unknown family "${family}" (one of ${Object.keys(FAMILIES).join(', ')})`);
  return entry.generate(menus);
}
