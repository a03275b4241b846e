/**
 * Documented mappings of docs/importers.md that had no fixture: one small
 * fixture of our own per group, each test asserting what the tables say the
 * construct becomes (node type, queue, facts, warnings) and, where a route
 * shows it, the figures worked out by hand (0.4 s a word, 0.5 s a key).
 */
import { describe, expect, test } from 'vitest';
import { dialString, fastestRoute } from '../../src/analysis/index.js';
import { amazonConnect } from '../../src/importers/amazon-connect.js';
import { asteriskImporter } from '../../src/importers/asterisk.js';
import { freeswitchImporter } from '../../src/importers/freeswitch.js';
import { detectFormat, importFiles } from '../../src/importers/registry.js';
import { importTwilioStudio, twilioStudio } from '../../src/importers/twilio-studio.js';
import { voiceXmlImporter } from '../../src/importers/voicexml.js';
import { IvrError, type Menu } from '../../src/model/index.js';
import { bundle, fixture, importFixtures, tuesdayMorning } from './helpers.js';

function route(menu: Menu, ...facts: string[]) {
  return fastestRoute(menu, { situation: tuesdayMorning(...facts) });
}

describe('Twilio Studio: make-http-request, record-voicemail, send-to-flex (lookup-and-voicemail.json)', () => {
  const { valid, warnings, codes } = importFixtures(importTwilioStudio, [fixture('twilio-studio/lookup-and-voicemail.json')]);

  test('make-http-request is a branch: the fact "<widget> failed" leads to the failed edge, otherwise success', () => {
    expect(valid.nodes.account_lookup).toEqual({ type: 'branch', cases: [{ when: { fact: 'account_lookup failed' }, next: 'leave_message' }], otherwise: 'choose' });
  });

  test('record-voicemail is a say of unknown length going on at recordingComplete, warned where it is', () => {
    expect(valid.nodes.leave_message).toMatchObject({ type: 'say', prompt: {}, next: 'thanks' });
    expect(codes).toEqual(['52:voicemail']);
    expect(warnings[0]?.at.element).toBe('leave_message');
  });

  test('send-to-flex is an agent whose queue is the workflow', () => {
    expect(valid.nodes.billing_team).toEqual({ type: 'agent', queue: 'billing' });
  });

  // By hand: "Hello from Fabrikam water." 4 words = 1.6 s; the lookup succeeds without facts (0 s);
  // number_of_digits 1, so no wait after the key: press 1 = 0.5 s → billing_team. 2.1 s, dial ",1".
  test('route by hand: 2.1 s to the Flex workflow; if the lookup fails only voicemail is left', () => {
    const found = route(valid);
    expect(found.reachable && [found.menuMicros, found.script, found.outcome, dialString(found, valid.phone).dial]).toEqual([2_100_000, 'wait,1', 'billing_team', ',1']);
    expect(route(valid, 'account_lookup failed').reachable).toBe(false);
  });
});

describe('Twilio Studio: a REST/Terraform wrapper whose definition is a JSON string (encoded/)', () => {
  const files = bundle('twilio-studio/encoded', 'front-line.json');

  test('is detected as Twilio Studio and imports through --from twilio-studio too', () => {
    const detection = detectFormat(files);
    expect(detection.ok && detection.importer.id).toBe('twilio-studio');
    expect(importFiles(files, { from: 'twilio-studio' }).format).toBe('twilio-studio');
  });

  test('the decoded string gives the same menu as the same definition given as an object', () => {
    const decoded = files.map((file) => {
      const wrapper = JSON.parse(file.text) as { definition: string };
      return { name: file.name, text: JSON.stringify({ ...wrapper, definition: JSON.parse(wrapper.definition) as unknown }) };
    });
    const fromString = importFixtures(importTwilioStudio, files);
    expect(fromString.valid.nodes).toEqual(importFixtures(importTwilioStudio, decoded).valid.nodes);
    expect(fromString.valid.name).toBe('Front line');
  });

  test('a run-subflow names the encoded companion by sid: the subflow is followed and the folder entry found', () => {
    const { valid, codes } = importFixtures(importTwilioStudio, files);
    expect(valid.nodes['take_survey.ask']).toMatchObject({ type: 'say', prompt: 'Thanks for taking our survey.', next: 'front_desk' });
    expect(codes).toEqual([]);
    const surveyFirst = bundle('twilio-studio/encoded', 'survey.json');
    expect(surveyFirst[twilioStudio.pickEntry?.(surveyFirst) ?? -1]?.name).toContain('front-line.json');
  });

  test('a widget of an encoded definition is located at the definition field of the file', () => {
    const text = JSON.stringify({ friendly_name: 'x', definition: JSON.stringify({ initial_state: 'Trigger', states: [{ name: 'Trigger', type: 'trigger', transitions: [{ event: 'incomingCall', next: 'odd' }] }, { name: 'odd', type: 'capture-payments', transitions: [{ event: 'success' }] }] }) }, null, 2);
    const { warnings } = importTwilioStudio([{ name: 'odd.json', text }]);
    expect(warnings.map((w) => [w.code, w.at.line])).toEqual([['unknown_widget', 3]]);
  });

  test('a definition string that is not JSON is refused with its reason', () => {
    expect(() => importTwilioStudio([{ name: 'bad.json', text: '{"definition": "{\\"states\\": ["}' }])).toThrow(IvrError);
  });
});

describe('VoiceXML: <catch event>, <choice event>, <subdialog>, termchar (events-and-subdialog.vxml)', () => {
  const { valid, codes } = importFixtures(voiceXmlImporter, [fixture('voicexml/events-and-subdialog.vxml')]);

  test('one document-level <catch event="nomatch noinput"> is the invalid and the no-input handler', () => {
    const handler = { retries: 0, prompt: 'Let us put you through to the front desk.', then: 'Desk' };
    expect(valid.nodes.Main).toMatchObject({ type: 'menu', invalid: handler, noInput: handler });
  });

  test('<choice event="help.operator"> runs the <catch event="help"> (an event matches its prefix)', () => {
    const main = valid.nodes.Main;
    const zero = main?.type === 'menu' ? main.options.find((o) => o.key === '0')?.next : undefined;
    expect(valid.nodes[zero ?? '']).toMatchObject({ type: 'say', prompt: 'One moment.', next: 'Desk' });
  });

  test('<subdialog> is not followed: the form goes on at once, warned at its line', () => {
    expect(codes).toEqual(['22:vxml_unsupported_item']);
    const main = valid.nodes.Main;
    expect(main?.type === 'menu' && main.options.find((o) => o.key === '1')?.next).toBe('Account.pin');
  });

  test('the form\'s termchar property is the input\'s terminator', () => {
    expect(valid.nodes['Account.pin']).toMatchObject({ type: 'input', minLength: 4, maxLength: 8, terminator: '*' });
  });

  // By hand: the menu prompt can be interrupted; 0 (0.5 s) throws help.operator, whose catch says
  // "One moment." (2 words, 0.8 s) then goes to the desk: 1.3 s. An invalid key would hear the
  // 9-word handler prompt (3.6 s): 4.1 s. The PIN route is 0.5 + 4 × 0.5 + 0.5 (*) = 3.0 s.
  test('route by hand: 0 then "One moment.", 1.3 s', () => {
    const found = route(valid);
    expect(found.reachable && [found.menuMicros, found.outcome, found.steps.map((s) => s.key ?? s.do)]).toEqual([1_300_000, 'Desk', ['0', 'listen']]);
  });
});

describe('Asterisk: include =>, Macro(), Wait(), the e extension (shared-keys.conf)', () => {
  const { valid, codes } = importFixtures(asteriskImporter, [fixture('asterisk/shared-keys.conf')]);
  const menu = valid.nodes['welcome.s-2'];

  test('the extensions of an included context are options of the menu', () => {
    expect(menu?.type === 'menu' && menu.options.map((o) => [o.key, o.next])).toEqual([['7', 'shared-keys.7'], ['8', 'shared-keys.8']]);
  });

  test('Macro(dial,…) rings a person: an agent; another Macro runs unseen code and goes on, warned', () => {
    expect(valid.nodes['shared-keys.7']).toEqual({ type: 'agent', queue: 'dial 7' });
    expect(codes).toEqual(['11:asterisk_context_chosen', '7:asterisk_outside_code']);
    expect(valid.nodes['shared-keys.8']).toMatchObject({ type: 'say', prompt: { seconds: 1 }, next: 'shared-keys.8-2' });
  });

  test('Wait(n) is a measured say of n seconds that keys cannot skip', () => {
    expect(valid.nodes['welcome.s']).toMatchObject({ type: 'say', prompt: { seconds: 2 }, bargeIn: false, next: 'welcome.s-2' });
  });

  test('without i or t, and with WaitExten last, e takes both an invalid key and the timeout', () => {
    expect(menu).toMatchObject({ invalid: { retries: 0, then: 'welcome.e' }, noInput: { retries: 0, then: 'welcome.e' }, timeout: 6 });
    expect(valid.nodes['welcome.e-2']).toEqual({ type: 'agent', queue: 'operators' });
  });

  // By hand: Wait(2) = 2 s, then 7 during the greeting (0.5 s) → Macro(dial): 2.5 s. 8 costs 1 s more
  // (Wait(1)); an invalid key hears an audio prompt of unknown length (5 s) before the operators.
  test('route by hand: 7 after the 2 s wait, 2.5 s', () => {
    const found = route(valid);
    expect(found.reachable && [found.menuMicros, found.script, found.queue]).toEqual([2_500_000, 'wait,7', 'dial 7']);
  });
});

describe('Amazon Connect: the blocks of connect-constructs/switchboard.json', () => {
  const { valid, codes } = importFixtures(amazonConnect, [fixture('connect-constructs/switchboard.json')]);
  const options = (() => {
    const menu = valid.nodes['GetParticipantInput-switchboard'];
    return new Map(menu?.type === 'menu' ? menu.options.map((o) => [o.key, o.next]) : []);
  })();

  test('TransferParticipantToThirdParty is an agent "third party <number>", warned external_transfer', () => {
    expect(valid.nodes[options.get('1') ?? '']).toEqual({ type: 'agent', queue: 'third party +15555550123' });
    expect(codes).toContain('91:external_transfer');
  });

  test('ConnectParticipantWithLexBot is a menu whose options say the intent names (lex_intents)', () => {
    const lex = valid.nodes[options.get('2') ?? ''];
    expect(lex?.type === 'menu' && lex.options.map((o) => [o.phrases, o.next])).toEqual([
      [['CheckClaim'], 'CheckMetricData-staffed'],
      [['SpeakToAgent'], 'TransferContactToQueue-billing-queue'],
    ]);
    expect(codes).toContain('113:lex_intents');
  });

  test('CheckMetricData and DistributeByPercentage are fact branches, NoMatchingCondition the otherwise', () => {
    expect(valid.nodes[options.get('3') ?? '']).toEqual({
      type: 'branch', cases: [{ when: { fact: 'NumberOfAgentsAvailable NumberGreaterThan 0' }, next: 'TransferContactToQueue-claims-queue' }], otherwise: 'DisconnectParticipant-goodbye',
    });
    expect(valid.nodes[options.get('4') ?? '']).toEqual({
      type: 'branch', cases: [{ when: { fact: 'DistributeByPercentage NumberLessThan 20' }, next: 'TransferContactToQueue-trial-queue' }], otherwise: 'TransferContactToQueue-billing-queue',
    });
  });

  test('InvokeFlowModule is a say of unknown length that returns (module_not_followed)', () => {
    expect(valid.nodes[options.get('5') ?? '']).toMatchObject({ type: 'say', prompt: {}, next: 'TransferContactToQueue-billing-queue' });
    expect(codes).toContain('216:module_not_followed');
  });

  test('CreateCallbackContact is an agent with callback: true', () => {
    expect(valid.nodes[options.get('6') ?? '']).toEqual({ type: 'agent', queue: 'callback', callback: true });
  });

  // By hand: the menu can be interrupted; every key is 0.5 s; 1 reaches the third party at once.
  // The 5 route is 0.5 + 5 s (the module, unknown length); 3 needs the staffing fact.
  test('the fastest route is the earliest key that reaches a person at once: 1, 0.5 s', () => {
    const found = route(valid);
    expect(found.reachable && [found.menuMicros, found.outcome]).toEqual([500_000, 'TransferParticipantToThirdParty-pharmacy']);
  });

  test('MessageParticipantIteratively: a customer-queue flow, the caller is already waiting (queue_flow)', () => {
    const queueFlow = importFixtures(amazonConnect, [fixture('connect-constructs/hold-messages.json')]);
    expect(queueFlow.valid.nodes[queueFlow.valid.start]).toEqual({ type: 'agent', queue: 'customer queue' });
    expect(queueFlow.codes).toEqual(['9:queue_flow']);
  });
});

describe('FreeSWITCH: an include wrapper of our own (freeswitch/wrapper.xml)', () => {
  test('is refused with the files it includes named', () => {
    expect(() => freeswitchImporter.import([fixture('freeswitch/wrapper.xml')])).toThrow('This file only includes front-desk/*.xml: import those files instead.');
  });
});
