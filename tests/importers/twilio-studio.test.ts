import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { fastestRoute } from '../../src/analysis/index.js';
import { importTwilioStudio, twilioStudio } from '../../src/importers/twilio-studio.js';
import { IvrError } from '../../src/model/index.js';
import { FIXTURES, bundle, fixture, importFixtures, tuesdayMorning, validMenu } from './helpers.js';

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
    // An invalid key waits for more digits too before the split's noMatch sends the caller back.
    expect(menu.nodes[main.invalid?.then ?? '']).toMatchObject({ type: 'say', prompt: { seconds: 5 }, bargeIn: true, next: 'main_menu' });
    expect(main.invalid?.retries).toBe(0);
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

describe('Twilio Studio subflows and retry counters (clinic/, written for these tests)', () => {
  const withSubflow = importFixtures(importTwilioStudio, bundle('twilio-studio/clinic', 'main-line.json'));

  test('run-subflow follows the companion file whose sid is flow_sid, from its incomingParent trigger', () => {
    const main = withSubflow.valid.nodes.main_menu;
    expect(main?.type === 'menu' && main.options[0]?.next).toBe('run_booking.ask_day');
    expect(withSubflow.valid.nodes['run_booking.ask_day']).toMatchObject({ type: 'menu', prompt: 'For today press 1. For tomorrow press 2.' });
    expect(withSubflow.codes.some((c) => c.endsWith('subflow_not_followed'))).toBe(false);
  });

  test('an end of the subflow returns to the parent\'s completed transition', () => {
    expect(withSubflow.valid.nodes['run_booking.today']).toMatchObject({ type: 'say', next: 'front_desk' });
    const ask = withSubflow.valid.nodes['run_booking.ask_day'];
    // noMatch and timeout have no next in the subflow: the subflow completes, the parent goes on to the front desk.
    expect(ask?.type === 'menu' && [ask.invalid?.then, ask.noInput?.then]).toEqual(['front_desk', 'front_desk']);
  });

  // Worked by hand: "Welcome to the clinic." 4 words = 1.6 s; press 1 (0.5 s) runs the subflow; an invalid key
  // there (0.5 s) ends it (noMatch has no next), so the parent's completed transition queues the call.
  test('route snapshot through the subflow: 2.6 s, 1 then an invalid key', () => {
    const route = fastestRoute(withSubflow.valid, { situation: tuesdayMorning() });
    expect(route.reachable && [route.menuMicros, route.script, route.outcome]).toEqual([2_600_000, 'wait,1,3', 'front_desk']);
  });

  test('without the subflow file: a step of unknown length that completes, with a located warning', () => {
    const alone = importFixtures(importTwilioStudio, [fixture('twilio-studio/clinic/main-line.json')]);
    expect(alone.valid.nodes.run_booking).toMatchObject({ type: 'say', prompt: {}, next: 'front_desk' });
    const warning = alone.warnings.find((w) => w.code === 'subflow_not_followed');
    expect(warning?.at).toMatchObject({ element: 'run_booking', line: 55 });
    const route = fastestRoute(alone.valid, { situation: tuesdayMorning() });
    expect(route.reachable && [route.menuMicros, route.estimated]).toEqual([7_100_000, true]);
  });

  test('a subflow file that cannot be read is reported in that file, and the advice is not to import it again', () => {
    const broken = fixture('twilio-studio/clinic/booking-subflow.json');
    const files = [fixture('twilio-studio/clinic/main-line.json'), { name: broken.name, text: broken.text.slice(0, 300) }];
    const imported = importFixtures(importTwilioStudio, files);
    const unreadable = imported.warnings.filter((w) => w.code === 'flow_unreadable');
    expect(unreadable).toHaveLength(1);
    expect(unreadable[0]?.at).toMatchObject({ file: broken.name });
    expect(unreadable[0]?.at.line).toBeGreaterThan(0);
    expect(unreadable[0]?.message.en).toContain('run-subflow run_booking');
    const notFollowed = imported.warnings.find((w) => w.code === 'subflow_not_followed');
    expect(notFollowed?.message.en).toContain('no file of the 2 imported that could be read is it');
  });

  test('a folder starts at the flow no other file runs as a subflow', () => {
    const files = bundle('twilio-studio/clinic', 'booking-subflow.json');
    expect(files[twilioStudio.pickEntry?.(files) ?? -1]?.name).toContain('main-line.json');
  });

  test('set-variables "+1" right before a split less_than 2 is a counter: two more passes of the menu, then goodbye', () => {
    expect(withSubflow.codes).toContain('40:retry_counter');
    const silent: string[] = [];
    for (let id: string | undefined = 'main_menu'; id !== undefined && !silent.includes(id);) {
      silent.push(id);
      const node: (typeof withSubflow.valid.nodes)[string] | undefined = withSubflow.valid.nodes[id];
      id = node?.type === 'menu' ? node.noInput?.then : undefined;
    }
    expect(silent).toEqual(['main_menu', 'main_menu.again1', 'main_menu.again2', 'goodbye']);
  });

  test('a counter that is not set right before its split stays a fact branch, with a warning', () => {
    const text = readFileSync(`${FIXTURES}twilio-studio/clinic/main-line.json`, 'utf8')
      .replace('"next": "check_tries"', '"next": "greet_again"')
      .replace('{ "event": "timeout", "next": "count_tries" }', '{ "event": "timeout", "next": "count_tries" }, { "event": "x", "next": "check_tries" }');
    const changed = JSON.parse(text) as { definition: { states: unknown[] } };
    changed.definition.states.push({ name: 'greet_again', type: 'say-play', transitions: [{ event: 'audioComplete', next: 'check_tries' }], properties: { say: 'Again.' } });
    const { valid, warnings } = importFixtures(importTwilioStudio, [{ name: 'changed.json', text: JSON.stringify(changed) }]);
    expect(warnings.map((w) => w.code)).toContain('counter_not_modelled');
    expect(warnings.map((w) => w.code)).not.toContain('retry_counter');
    expect(valid.nodes.check_tries).toMatchObject({ type: 'branch', cases: [{ when: { fact: 'flow.variables.tries less_than 2' } }] });
  });
});

// Worked by hand: the file's `"definition": "` value starts on line 5, column 17 (2 spaces, 12 of the key,
// 2 of `: `); inside the decoded string the missing comma is before `"transitions"`, its 73rd character.
describe('Twilio Studio: a definition string whose JSON is broken (encoded-broken/)', () => {
  const broken = fixture('twilio-studio/encoded-broken/broken-definition.json');

  test('imported alone: exit 2 located at the definition field of the file, the decoded position in the message', () => {
    let thrown: unknown;
    try {
      importTwilioStudio([broken]);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IvrError);
    const error = thrown as IvrError;
    expect([error.exitCode, error.file]).toEqual([2, broken.name]);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ code: 'invalid_json', path: ['definition'], line: 5, column: 17 });
    expect(error.issues[0]?.message.en).toMatch(/^The "definition" field is a JSON string, and the JSON inside it cannot be read \(line 1, column 73 of the decoded string\): This is not valid JSON/);
    expect(error.issues[0]?.message['zh-CN']).toContain('第 1 行第 73 列');
  });

  test('as a companion a run-subflow may name: flow_unreadable at the same place in that file', () => {
    const imported = importFixtures(importTwilioStudio, [fixture('twilio-studio/encoded/front-line.json'), broken]);
    const unreadable = imported.warnings.filter((w) => w.code === 'flow_unreadable');
    expect(unreadable.map((w) => w.at)).toEqual([{ file: broken.name, line: 5, column: 17 }]);
    expect(unreadable[0]?.message.en).toContain('the JSON inside it cannot be read (line 1, column 73 of the decoded string)');
  });
});
