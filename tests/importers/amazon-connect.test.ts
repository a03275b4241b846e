import { describe, expect, test } from 'vitest';
import { fastestRoute } from '../../src/analysis/index.js';
import { amazonConnect, importAmazonConnect } from '../../src/importers/amazon-connect.js';
import { MenuBuilder } from '../../src/importers/build-menu.js';
import { runScript } from '../../src/machine/index.js';
import { bundle, fixture, importFixtures, tuesdayMorning, validMenu } from './helpers.js';

describe('Amazon Connect importer', () => {
  describe('patient-line bundle (mirrors GoodMeasures _00_mainpatient_flow_in_open)', () => {
    const files = bundle('amazon-connect/patient-line', '_00_patient_line_open.json');
    const { menu, warnings } = importAmazonConnect(files);
    const codes = warnings.map((w) => w.code);

    test('imports as one valid menu across TransferToFlow', () => {
      expect(amazonConnect.detect(files)).toBe(1);
      const valid = validMenu(menu);
      expect(Object.values(valid.nodes).filter((n) => n.type === 'agent')).toHaveLength(1);
      expect(Object.keys(valid.nodes).some((id) => id.startsWith('n0x_voicemail.'))).toBe(true);
    });

    test('stored input + Compare: # is an option followed by the inter-digit wait, Timeout is the no-input route', () => {
      const input = menu.nodes['GetParticipantInput-greeting-input'];
      expect(input).toMatchObject({ type: 'menu', timeout: 5 });
      if (input?.type !== 'menu') return;
      expect(input.options.filter((o) => o.advertised !== false).map((o) => o.key)).toEqual(['#']);
      expect(menu.nodes[input.noInput?.then ?? '']?.type).toBe('agent');
      // After # Connect waits 5 s for another digit before it compares "#" (TextContains #: the voicemail flow).
      const afterHash = menu.nodes[input.options[0]?.next ?? ''];
      expect(afterHash).toMatchObject({ type: 'menu', prompt: '', timeout: 5 });
      if (afterHash?.type !== 'menu') return;
      expect(afterHash.noInput?.then).toMatch(/^n0x_voicemail\./);
      expect(codes).toContain('timeout_is_input');
    });

    test('MaximumLength 4: an extension is typed in full (first digit, next digit, an input of 2 more) and goes where a non-match goes; * is the cancel key', () => {
      const input = menu.nodes['GetParticipantInput-greeting-input'];
      if (input?.type !== 'menu') throw new Error('expected a menu');
      const hidden = input.options.filter((o) => o.advertised === false);
      expect(hidden.map((o) => o.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0', '*']);
      // No DTMFConfiguration: the cancel key is on (the console's default), so * starts the entry again.
      expect(hidden.at(-1)?.next).toBe('GetParticipantInput-greeting-input');
      const afterOne = menu.nodes[hidden[0]?.next ?? ''];
      if (afterOne?.type !== 'menu') throw new Error('expected the node after one digit');
      expect(afterOne.noInput?.then).toBe('TransferToFlow-to-extension');
      const rest = menu.nodes[afterOne.options.find((o) => o.key === '1')?.next ?? ''];
      expect(rest).toMatchObject({ type: 'input', length: 2, timeout: 5, next: 'TransferToFlow-to-extension' });
      // A later # still makes the entry contain "#": it goes to voicemail, not to the extension.
      const laterHash = menu.nodes[afterOne.options.find((o) => o.key === '#')?.next ?? ''];
      expect(laterHash?.type === 'input' && laterHash.next).toMatch(/^n0x_voicemail\./);
      expect(codes).toContain('digits_as_keys');
    });

    test('the queue set by UpdateContactTargetQueue is carried through TransferToFlow into the agent', () => {
      const agents = Object.values(validMenu(menu).nodes).filter((n) => n.type === 'agent');
      expect(agents).toEqual([{ type: 'agent', queue: 'Patient Care' }]);
    });

    test('hours, holiday Lambda, missing flows and unknown actions are reported', () => {
      expect(codes).toEqual(expect.arrayContaining(['hours_unknown', 'flow_not_supplied', 'unknown_action']));
      expect(menu.nodes['CheckHoursOfOperation-hours']).toMatchObject({ type: 'branch', cases: [{ when: { fact: "the hours check says closed (the queue's hours)" } }] });
      expect(menu.nodes['Compare-holiday-compare']).toMatchObject({ cases: [{ when: { fact: '$.External.HolidayStatus Equals True' } }] });
      expect(menu.nodes['MessageParticipant-error-message']).toMatchObject({ prompt: 'Sorry, an error occurred. Goodbye.' });
    });

    // Worked by hand: the prompt has 17 words (party's = 2) = 6.8 s, then the 5 s time limit → "Timeout" → agent flow.
    test('route snapshot: staying silent reaches an agent in 11.8 s', () => {
      const route = fastestRoute(validMenu(menu), { situation: tuesdayMorning() });
      expect(route.reachable && { menuMicros: route.menuMicros, script: route.script, actions: route.actions }).toEqual({ menuMicros: 11_800_000, script: 'wait', actions: 0 });
    });

    test('route snapshot: on a holiday every route ends', () => {
      expect(fastestRoute(validMenu(menu), { situation: tuesdayMorning('$.External.HolidayStatus Equals True') }).reachable).toBe(false);
    });

    test('route snapshot: when the hours check says closed every route ends', () => {
      expect(fastestRoute(validMenu(menu), { situation: tuesdayMorning("the hours check says closed (the queue's hours)") }).reachable).toBe(false);
    });

    test('a folder picks the flow no other flow transfers to as the entry', () => {
      const sorted = bundle('amazon-connect/patient-line', '_0x_voicemail.json').sort((a, b) => a.name.localeCompare(b.name));
      expect(sorted[amazonConnect.pickEntry?.(sorted) ?? -1]?.name).toContain('_00_patient_line_open');
    });
  });

  describe('queues bundle: the target queue per path', () => {
    const { valid, warnings } = importFixtures(importAmazonConnect, bundle('amazon-connect/queues', 'main-menu.json'));
    const queueAfter = (key: string) => {
      const menu = valid.nodes[valid.start];
      const option = menu?.type === 'menu' ? menu.options.find((o) => o.key === key) : undefined;
      const agent = valid.nodes[option?.next ?? ''];
      return agent?.type === 'agent' ? agent.queue : undefined;
    };

    test('a static queue ARN gives its tail, a computed one says where it comes from, none stays "target queue"', () => {
      expect([queueAfter('1'), queueAfter('2'), queueAfter('3')]).toEqual(['billing-queue', 'queue from $.Attributes.QueueARN', 'target queue']);
      expect(warnings.map((w) => w.code)).not.toContain('flow_not_supplied');
    });

    // Worked by hand: the prompt can be interrupted, so pressing 1 costs 0.5 s and reaches billing-queue.
    test('route snapshot: press 1 (0.5 s) to billing-queue', () => {
      const route = fastestRoute(valid, { situation: tuesdayMorning() });
      expect(route.reachable && [route.menuMicros, route.script, valid.nodes[route.outcome]]).toEqual([500_000, '1', { type: 'agent', queue: 'billing-queue' }]);
    });
  });

  describe('stored customer input as Connect collects it (fixtures stored-input/)', () => {
    const route = (file: string) => {
      const { valid, codes } = importFixtures(importAmazonConnect, [fixture(`amazon-connect/stored-input/${file}`)]);
      const found = fastestRoute(valid, { situation: tuesdayMorning() });
      if (!found.reachable) throw new Error(`${file}: no route`);
      return { valid, codes, menuMicros: found.menuMicros, script: found.script, outcome: found.outcome };
    };

    // Worked by hand: 1 barges in (0.5 s); with no terminator Connect waits 5 s for a second digit, then compares "1".
    test('cancel-key.json: a one-key value costs its key and the 5 s inter-digit wait (5.5 s); * clears the entry, so the Compare\'s * is unreachable', () => {
      const { valid, codes, menuMicros, script, outcome } = route('cancel-key.json');
      expect({ menuMicros, script, outcome }).toEqual({ menuMicros: 5_500_000, script: '1,wait,wait', outcome: 'TransferContactToQueue-to-queue' });
      expect(Object.values(valid.nodes).filter((n) => n.type === 'agent')).toEqual([expect.objectContaining({ queue: 'billing' })]);
      const entry = valid.nodes['GetParticipantInput-entry'];
      expect(entry?.type === 'menu' && entry.options.find((o) => o.key === '*')?.next).toBe('GetParticipantInput-entry');
      expect(codes).toEqual(['8:timeout_is_input', '8:digits_as_keys', '8:option_unreachable']);
    });

    // Worked by hand: 1 (0.5 s) then the terminator # (0.5 s) ends the entry at once: 1.0 s.
    test('terminator.json: InputTerminationSequence # ends the entry (1.0 s) and is never stored', () => {
      const { valid, codes, menuMicros, script } = route('terminator.json');
      expect({ menuMicros, script }).toEqual({ menuMicros: 1_000_000, script: '1,#' });
      const entry = valid.nodes['GetParticipantInput-entry'];
      // # is not an entry key: no option of the first key takes it.
      expect(entry?.type === 'menu' && entry.options.some((o) => o.key === '#')).toBe(false);
      expect(codes).toContain('8:option_unreachable');
    });

    // Worked by hand: * (0.5 s), then the 2 s InterdigitTimeLimitSeconds: 2.5 s to the operator.
    test('no-cancel-key.json: DisableCancelKey True makes * a value; InterdigitTimeLimitSeconds sets the wait (2.5 s)', () => {
      const { menuMicros, script, outcome, codes } = route('no-cancel-key.json');
      expect({ menuMicros, script, outcome }).toEqual({ menuMicros: 2_500_000, script: '*,wait,wait', outcome: 'TransferContactToQueue-to-operator' });
      expect(codes).not.toContain('8:option_unreachable');
    });

    // Worked by hand: each key barges in (0.5 s), the second ends at 1.0 s, then the 5 s inter-digit wait
    // ends the entry (MaximumLength 4 not reached): 6.0 s. The Compare takes its first condition that holds,
    // so an entry holding both 1 and 2 goes to alpha whichever came first; one key and the wait: 5.5 s.
    test.each([
      ['1,3', 'alpha', 6], ['3,1', 'alpha', 6], ['1,2', 'alpha', 6], ['2,1', 'alpha', 6],
      ['2,3', 'beta', 6], ['3,2', 'beta', 6], ['1', 'alpha', 5.5], ['2', 'beta', 5.5],
    ])('two-contains.json: TextContains 1 → alpha, TextContains 2 → beta; the entry %s goes to %s after %d s', (script, queue, seconds) => {
      const { valid } = importFixtures(importAmazonConnect, [fixture('amazon-connect/stored-input/two-contains.json')]);
      const call = runScript(valid, tuesdayMorning(), script);
      expect({ outcome: valid.nodes[call.outcome.node], seconds: call.menuSeconds }).toEqual({ outcome: { type: 'agent', queue }, seconds });
    });

    test('two-contains.json: the digits after the second lead to one input per destination, never shared between them', () => {
      const { valid } = importFixtures(importAmazonConnect, [fixture('amazon-connect/stored-input/two-contains.json')]);
      const rests = Object.values(valid.nodes).flatMap((node) => (node.type === 'input' ? [node.next] : []));
      expect(rests.sort()).toEqual(['DisconnectParticipant-goodbye', 'TransferContactToQueue-to-alpha', 'TransferContactToQueue-to-beta']);
      // An entry holding neither value is no match: 3, 3 and the wait end the call.
      expect(runScript(valid, tuesdayMorning(), '3,3')).toMatchObject({ outcome: { node: 'DisconnectParticipant-goodbye', type: 'hangup' }, menuSeconds: 6 });
    });

    test('a draft key names one element: drafting it again differently is an importer bug and throws, the same draft again is kept', () => {
      const builder = new MenuBuilder('amazon-connect', 'test');
      builder.node('rest', 'rest', { type: 'agent', queue: 'alpha' }, { file: 'f' });
      expect(builder.node('rest', 'rest', { type: 'agent', queue: 'alpha' }, { file: 'f' })).toBe('rest');
      expect(() => builder.node('rest', 'rest', { type: 'agent', queue: 'beta' }, { file: 'f' })).toThrow(/drafted "rest" twice/);
      expect(() => builder.pass('rest', 'elsewhere', { file: 'f' })).toThrow(/drafted "rest" twice/);
    });

    // Worked by hand: silence costs the prompt (4 words, 1.6 s) + 5 s = 6.6 s; 20 digits cost 10 s;
    // one digit and the 5 s inter-digit wait cost 5.5 s, the fastest.
    test('long-entry.json: with no Compare every entry goes on; one digit and the wait (5.5 s) beat silence (6.6 s) and 20 digits (10 s)', () => {
      const { valid, menuMicros, script } = route('long-entry.json');
      expect({ menuMicros, script }).toEqual({ menuMicros: 5_500_000, script: '1,wait,wait' });
      const rest = Object.entries(valid.nodes).find(([id]) => id.endsWith('.rest'))?.[1];
      expect(rest).toMatchObject({ type: 'input', length: 18 });
    });
  });

  test('one file alone: a TransferToFlow to a flow not given advises importing the folder; given with the folder, it never does', () => {
    const alone = importAmazonConnect([fixture('folders/connect-broken-companion/main-line.json')]);
    const missing = alone.warnings.filter((w) => w.code === 'flow_not_supplied').map((w) => w.message.en);
    expect(missing).toHaveLength(2);
    expect(missing.every((text) => text.includes('only one file was imported: import the folder'))).toBe(true);
    const folder = importAmazonConnect([fixture('folders/connect-broken-companion/main-line.json'), fixture('folders/connect-broken-companion/_0x_to_agent.json')]);
    expect(folder.warnings.map((w) => `${w.at.file.replace(/^.*\//, '')}:${w.at.line}:${w.at.column}:${w.code}`)).toEqual([
      '_0x_to_agent.json:9:7:flow_unreadable',
      'main-line.json:31:5:flow_not_supplied',
    ]);
  });

  test('Loop counts are unrolled: two retries, then the done branch', () => {
    const { menu } = importAmazonConnect([fixture('amazon-connect/retry-menu.json')]);
    const valid = validMenu(menu);
    const menus = Object.entries(valid.nodes).filter(([, n]) => n.type === 'menu').map(([id]) => id);
    expect(menus).toEqual(['GetParticipantInput-menu', 'GetParticipantInput-menu.again1', 'GetParticipantInput-menu.again2']);
    const last = valid.nodes['GetParticipantInput-menu.again2'];
    const sorry = last?.type === 'menu' ? valid.nodes[last.noInput?.then ?? ''] : undefined;
    expect(sorry?.type === 'say' && valid.nodes[sorry.next]?.type).toBe('hangup');
    expect(menu.name).toBe('Billing retry menu');
  });

  test('a DescribeContactFlow wrapper with Content as a JSON string imports like the flow itself', () => {
    const plain = importAmazonConnect([fixture('amazon-connect/retry-menu.json')]).menu;
    const described = importAmazonConnect([fixture('amazon-connect/described-retry-menu.json')]).menu;
    expect(amazonConnect.detect([fixture('amazon-connect/described-retry-menu.json')])).toBeGreaterThan(0.9);
    expect(described.nodes).toEqual(plain.nodes);
    expect(described.name).toBe('Described billing menu');
  });

  // Worked by hand: "Thanks for calling." 1.2 s, press 1 (0.5 s) → the queue: 1.7 s.
  test('legacy console export (modules) imports, route snapshot 1.7 s', () => {
    const source = fixture('amazon-connect/legacy-menu.json');
    expect(amazonConnect.detect([source])).toBeGreaterThan(0.5);
    const { menu } = importAmazonConnect([source]);
    expect(menu.nodes['GetParticipantInput-choose']).toMatchObject({ type: 'menu', timeout: 8, options: [{ key: '1' }] });
    const route = fastestRoute(validMenu(menu), { situation: tuesdayMorning() });
    expect(route.reachable && [route.menuMicros, route.script]).toEqual([1_700_000, 'wait,1']);
  });
});
