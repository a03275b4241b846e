/**
 * Routes checked by hand against corpus files, kept as tests of fixtures of
 * our own that mirror the structure deciding each route (docs/importers.md,
 * "Routes checked by hand"). Every expected figure below was worked out from
 * the platform rules and menu-format.md's time model before the import was
 * run: 150 words per minute is 0.4 s a word, a key is 0.5 s, a branch 0 s.
 */
import { describe, expect, test } from 'vitest';
import { dialString, fastestRoute } from '../../src/analysis/index.js';
import { amazonConnect } from '../../src/importers/amazon-connect.js';
import { importTwilioStudio } from '../../src/importers/twilio-studio.js';
import { voiceXmlImporter } from '../../src/importers/voicexml.js';
import type { Menu } from '../../src/model/index.js';
import { fixture, importFixtures, tuesdayMorning } from './helpers.js';

/** The figures a hand-checked route is compared on. */
function routeFigures(menu: Menu, facts: string[] = []) {
  const route = fastestRoute(menu, { situation: tuesdayMorning(...facts) });
  if (!route.reachable) return { reachable: false as const };
  return {
    menuMicros: route.menuMicros,
    actions: route.actions,
    steps: route.steps.map((s) => [s.node, s.do, s.micros, s.key ?? s.digits ?? null]),
    outcome: route.outcome,
    queue: route.queue,
    dial: dialString(route, menu.phone),
    estimated: route.estimated,
  };
}

describe('Twilio Studio: after-hours.json mirrors the Schedule Manager template_example_schedule_flow.json', () => {
  const { valid, codes } = importFixtures(importTwilioStudio, [fixture('twilio-studio/after-hours.json')]);
  const OPEN = 'widgets.lookup_hours.parsed.open equal_to yes';

  test('the hours function and the split on its answer are fact branches; send-to-flex is the agent', () => {
    expect(valid.nodes.lookup_hours).toEqual({ type: 'branch', cases: [{ when: { fact: 'lookup_hours fail' }, next: 'help_desk' }], otherwise: 'open_now' });
    expect(valid.nodes.open_now).toEqual({ type: 'branch', cases: [{ when: { fact: OPEN }, next: 'help_desk' }], otherwise: 'closed_notice' });
    expect(valid.nodes.help_desk).toEqual({ type: 'agent', queue: 'WW00000000000000000000000000000042' });
    expect(codes).toEqual(['42:templated_prompt']);
  });

  // By hand, no facts: lookup_hours succeeds (its fail fact is false), open_now's match is a false
  // fact, so noMatch plays the closed notice, whose transition has no next: a hang-up. No route.
  test('no facts: the closed notice ends the call, no route to a person', () => {
    expect(routeFigures(valid)).toEqual({ reachable: false });
  });

  // By hand, with the open fact: Trigger → lookup_hours (branch, 0 s) → open_now (branch, 0 s) →
  // help_desk. Nothing is heard and nothing pressed: menu time 0 s, no action, an empty dial string.
  test('open: straight to Flex, 0 s, no action', () => {
    expect(routeFigures(valid, [OPEN])).toEqual({
      menuMicros: 0, actions: 0, steps: [], outcome: 'help_desk', queue: 'WW00000000000000000000000000000042',
      dial: { dial: '', complete: true }, estimated: false,
    });
  });

  // By hand: the function's fail edge also goes to Flex (the template fails open): 0 s as well.
  test('the lookup failing also reaches Flex, 0 s', () => {
    const failed = routeFigures(valid, ['lookup_hours fail']);
    expect(failed.reachable !== false && [failed.menuMicros, failed.outcome]).toEqual([0, 'help_desk']);
  });
});

describe('VoiceXML: extension-dialer.vxml mirrors OPAL samples/ivr/test.vxml (route 3,1,# there)', () => {
  const { valid, codes } = importFixtures(voiceXmlImporter, [fixture('voicexml/extension-dialer.vxml')]);

  test('the X-OPAL/digits grammar is an input of 1 to 4 digits ended by #; the computed transfer is an agent, warned', () => {
    expect(valid.nodes.DialExtension).toMatchObject({ type: 'input', minLength: 1, maxLength: 4, terminator: '#', bargeIn: true });
    expect(valid.nodes.Lobby).toMatchObject({ type: 'menu', bargeIn: false, prompt: { text: 'Thanks for calling the Northwind exchange.', audio: 'lobby.wav' } });
    expect(codes).toContain('31:vxml_transfer_computed');
  });

  // By hand: the lobby prompt has bargein="false", so its fallback words are heard first:
  // "Thanks for calling the Northwind exchange." = 6 words × 0.4 s = 2.4 s; press 2 = 0.5 s;
  // at the field (barge-in, the default) one digit and the # terminator = 2 × 0.5 s = 1.0 s;
  // <filled> transfers: 2.4 + 0.5 + 1.0 = 3.9 s. Actions are keys pressed (menu-format.md):
  // 2, the digit and # are three.
  // Dial string: 2.4 s of listening is 2 started pauses of 2 s (",,"), then 2; it stops at the entry.
  test('fastest route by hand: 2, then one digit and #, 3.9 s', () => {
    expect(routeFigures(valid)).toEqual({
      menuMicros: 3_900_000,
      actions: 3,
      steps: [['Lobby', 'listen', 2_400_000, null], ['Lobby', 'press', 500_000, '2'], ['DialExtension', 'enter', 1_000_000, 1]],
      outcome: 'DialExtension.transfer',
      queue: "'sip:' + extension + '@pbx.example.invalid'",
      dial: { dial: ',,2', complete: false },
      estimated: false,
    });
  });
});

describe('Amazon Connect: connect-constructs/priority-line.json mirrors sample_queue_configurations_flow.json (16.2 s there)', () => {
  const { valid, codes } = importFixtures(amazonConnect, [fixture('connect-constructs/priority-line.json')]);

  test('the target queue set first is the queue of the transfer at the end; the hours check is the only warning', () => {
    expect(valid.nodes['TransferContactToQueue-aa00000e']).toEqual({ type: 'agent', queue: 'ClaimsQueue' });
    expect(valid.nodes['CheckMetricData-aa000009']).toMatchObject({ type: 'branch', cases: [{ when: { fact: 'OldestContactInQueueAgeSeconds NumberLessThan 120' } }], otherwise: 'MessageParticipant-aa00000b' });
    expect(codes).toEqual(['34:hours_unknown']);
  });

  // By hand, no facts: UpdateContactTargetQueue (ClaimsQueue), event hooks, Compare $.Channel
  // (TASK is a false fact: no match), CheckHoursOfOperation (goes on if the check says open),
  // Compare $.Channel (not CHAT) all cost 0 s. Then:
  //   MessageParticipant aa000006, 22 words ("Thanks for calling Contoso claims. Your call may be answered
  //   sooner if you stay on the line and choose an option below.") × 0.4 s      = 8.8 s
  //   GetParticipantInput aa000007 (StoreInput False, barge-in): press 1         = 0.5 s
  //   UpdateContactRoutingBehavior: 0 s; CheckMetricData: "NumberLessThan 120" is a false fact,
  //   so its NoMatchingCondition: MessageParticipant aa00000b, 7 words × 0.4 s  = 2.8 s
  //   GetParticipantInput aa00000c: press 1                                      = 0.5 s
  //   event hooks (0 s) → TransferContactToQueue, queue ClaimsQueue (set at the start).
  // 8.8 + 0.5 + 2.8 + 0.5 = 12.6 s. Dial: 8.8 s → 5 pauses, 1, 2.8 s → 2 pauses, 1.
  // An invalid key at either menu goes the same way at the same cost; 1 wins as the advertised option.
  test('fastest route by hand: 1, 1, 12.6 s to ClaimsQueue', () => {
    expect(routeFigures(valid)).toEqual({
      menuMicros: 12_600_000,
      actions: 2,
      steps: [
        ['MessageParticipant-aa000006', 'listen', 8_800_000, null],
        ['GetParticipantInput-aa000007', 'press', 500_000, '1'],
        ['MessageParticipant-aa00000b', 'listen', 2_800_000, null],
        ['GetParticipantInput-aa00000c', 'press', 500_000, '1'],
      ],
      outcome: 'TransferContactToQueue-aa00000e',
      queue: 'ClaimsQueue',
      dial: { dial: ',,,,,1,,1', complete: true },
      estimated: false,
    });
  });

  // By hand: with the metric fact, the shorter message "An adjuster should be free within two
  // minutes." (8 words, 3.2 s) replaces the 7-word one: 8.8 + 0.5 + 3.2 + 0.5 = 13.0 s.
  test('when the queue metric is under 120 the other message plays: 13.0 s', () => {
    const route = routeFigures(valid, ['OldestContactInQueueAgeSeconds NumberLessThan 120']);
    expect(route.reachable !== false && route.menuMicros).toBe(13_000_000);
  });
});
