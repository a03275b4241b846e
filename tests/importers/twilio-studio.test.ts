import { describe, expect, test } from 'vitest';
import { fastestRoute } from '../../src/analysis/index.js';
import { importTwilioStudio, twilioStudio } from '../../src/importers/twilio-studio.js';
import { fixture, tuesdayMorning, validMenu } from './helpers.js';

const OPEN = 'widgets.check_hours.parsed.isOpen equal_to true';

describe('Twilio Studio importer (support-line.json, mirroring jesperfj/twilio-ivr-studio)', () => {
  const source = fixture('twilio-studio/support-line.json');
  const { menu, warnings } = importTwilioStudio([source]);
  const codes = warnings.map((w) => `${w.at.element ?? ''}:${w.code}`);

  test('is detected and yields a valid menu that keeps provenance', () => {
    expect(twilioStudio.detect([source])).toBeGreaterThan(0.9);
    validMenu(menu);
    expect(menu.source?.notes).toContain('twilio-studio');
    expect(menu.source?.notes).toContain('support-line.json');
    expect(menu.start).toBe('welcome');
  });

  test('a gather and its splits become one menu: keys, phrases, no-match and timeout', () => {
    const main = menu.nodes.main_menu;
    expect(main?.type).toBe('menu');
    if (main?.type !== 'menu') return;
    expect(main.options.map((o) => o.key ?? o.phrases?.join('|'))).toEqual(['1', '2', 'sales', 'operator|agent']);
    expect(main.invalid).toEqual({ retries: 0, then: 'main_menu' });
    expect(main.noInput).toEqual({ retries: 0 });
    expect(menu.nodes.welcome).toMatchObject({ type: 'say', prompt: 'Welcome to Acme.' });
  });

  test('the seconds Twilio waits after a key become a measured node that # skips', () => {
    const main = menu.nodes.main_menu;
    const wait = main?.type === 'menu' ? menu.nodes[main.options[0]?.next ?? ''] : undefined;
    expect(wait).toMatchObject({ type: 'say', prompt: { seconds: 5 }, bargeIn: true, next: 'sales' });
    expect(codes).toContain('main_menu:hidden_wait');
  });

  test('a key equal to finish_on_key is reported unreachable and not offered', () => {
    expect(codes).toContain('main_menu:option_unreachable');
    expect(codes).toContain('ticket:option_unreachable');
  });

  test('a split on another widget is a fact branch with a warning', () => {
    expect(codes).toContain('ticket:wrong_widget');
    expect(menu.nodes.ticket).toMatchObject({ type: 'input', length: 6, next: 'split_ticket' });
    expect(menu.nodes.split_ticket).toMatchObject({ type: 'branch', cases: [{ when: { fact: 'widgets.main_menu.Digits equal_to #' }, next: 'support' }], otherwise: 'thanks' });
  });

  test('functions are fact branches, transfers are agents, empty transitions hang up, unknown widgets warn', () => {
    expect(menu.nodes.check_hours).toMatchObject({ type: 'branch', cases: [{ when: { fact: 'check_hours fail' } }], otherwise: 'is_open' });
    expect(menu.nodes.sales).toEqual({ type: 'agent', queue: 'sales' });
    expect(menu.nodes.operator).toMatchObject({ type: 'agent', queue: 'connect-call-to number +15555550100' });
    expect(codes).toContain('operator:external_transfer');
    expect(menu.nodes['thanks.audioComplete']).toMatchObject({ type: 'hangup' });
    expect(menu.nodes.closed).toMatchObject({ type: 'say', prompt: { audio: 'https://example.com/closed.mp3' } });
    expect(codes).toContain('pay:unknown_widget');
    expect(codes).toContain('thanks:templated_prompt');
  });

  test('every warning is located in the file', () => {
    for (const warning of warnings.filter((w) => w.at.element !== undefined)) expect(warning.at.line).toBeGreaterThan(0);
  });

  // Worked by hand: "Welcome to Acme." 3 words = 1.2 s; press 1 (0.5 s); skip the 5 s digit wait with # (0.5 s) → sales.
  test('route snapshot: open hours → press 1 then # for sales, 2.2 s', () => {
    const route = fastestRoute(validMenu(menu), { situation: tuesdayMorning(OPEN) });
    expect(route.reachable && { menuMicros: route.menuMicros, outcome: route.outcome, script: route.script }).toEqual({ menuMicros: 2_200_000, outcome: 'sales', script: 'wait,1,#' });
  });

  test('route snapshot: without the open fact the closed message ends the call', () => {
    const route = fastestRoute(validMenu(menu), { situation: tuesdayMorning() });
    expect(route.reachable).toBe(false);
  });
});
