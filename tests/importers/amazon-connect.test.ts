import { describe, expect, test } from 'vitest';
import { fastestRoute } from '../../src/analysis/index.js';
import { amazonConnect, importAmazonConnect } from '../../src/importers/amazon-connect.js';
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

    test('stored input + Compare: # is an option, Timeout is the no-input route, other entries the non-match', () => {
      const input = menu.nodes['GetParticipantInput-greeting-input'];
      expect(input).toMatchObject({ type: 'menu', timeout: 5 });
      if (input?.type !== 'menu') return;
      expect(input.options.filter((o) => o.advertised !== false).map((o) => o.key)).toEqual(['#']);
      expect(menu.nodes[input.noInput?.then ?? '']?.type).toBe('agent');
      // Any other entry is typed in full (see below) before it reaches the non-match: a missing flow, a hang-up.
      const rest = menu.nodes[input.invalid?.then ?? ''];
      expect(rest?.type === 'input' && menu.nodes[rest.next]).toMatchObject({ type: 'hangup' });
      expect(codes).toContain('timeout_is_input');
    });

    test('MaximumLength 4: an extension is typed in full (its first digit, then an input of 3 more) and goes where a non-match goes', () => {
      const input = menu.nodes['GetParticipantInput-greeting-input'];
      if (input?.type !== 'menu') throw new Error('expected a menu');
      const digits = input.options.filter((o) => o.advertised === false);
      expect(digits.map((o) => o.key)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']);
      const rest = menu.nodes[digits[0]?.next ?? ''];
      expect(rest).toMatchObject({ type: 'input', length: 3, timeout: 5 });
      expect(digits[0]?.next).toBe(input.invalid?.then);
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
