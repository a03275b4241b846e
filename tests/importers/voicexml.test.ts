import { describe, expect, test } from 'vitest';
import { fastestRoute } from '../../src/analysis/index.js';
import { voiceXmlImporter } from '../../src/importers/voicexml.js';
import { IvrError } from '../../src/model/index.js';
import { fixture, tuesdayMorning, validMenu, importFixtures, detectedWithSnapshot } from './helpers.js';

function seconds(result: ReturnType<typeof fastestRoute>): number | undefined {
  return result.reachable ? result.menuMicros / 1e6 : undefined;
}

function keysOf(result: ReturnType<typeof fastestRoute>): string[] {
  return result.reachable ? result.steps.filter((s) => s.do !== 'listen' && s.do !== 'hold').map((s) => s.key ?? s.phrase ?? s.do) : [];
}

describe('VoiceXML importer: operator-line.vxml (mirrors OPAL samples/ivr/test.vxml)', () => {
  const source = fixture('voicexml/operator-line.vxml');
  const { menu, valid, codes } = importFixtures(voiceXmlImporter, [source]);

  detectedWithSnapshot(voiceXmlImporter, source, menu.nodes, 0.9, 'is detected; the DOCTYPE is ignored; the imported menu is kept as a snapshot');

  test('menu: keys and choice texts as phrases, audio with its fallback words, bargein="false", 20 s timeout', () => {
    const start = valid.nodes.Start;
    expect(start).toMatchObject({ type: 'menu', bargeIn: false, timeout: 20, prompt: { text: 'Welcome to the example line.', audio: 'file:start.wav' } });
    if (start?.type !== 'menu') return;
    expect(start.options.map((o) => [o.key, o.phrases?.[0], o.next])).toEqual([
      ['1', 'Press 1 for an announcement', 'Announcement'],
      ['2', 'Press 2 to leave a message', 'Message'],
      ['3', 'Press 3 for the operator', 'Operator'],
      ['0', 'Press 0 to hang up', 'Goodbye'],
      ['9', 'operator', 'Operator'],
    ]);
    // The document's <link> is a global command: an unadvertised option of every menu.
    expect(start.options[4]?.advertised).toBe(false);
    // <noinput> plays its audio then disconnects; <nomatch> goes back (nextitem on a menu, OPAL's dialect).
    expect(start.noInput).toMatchObject({ retries: 0, prompt: { text: 'Nothing entered, goodbye.' } });
    expect(valid.nodes[start.noInput?.then ?? '']?.type).toBe('hangup');
    expect(start.invalid).toMatchObject({ retries: 0, then: 'Start' });
  });

  test('computed targets and recordings are warned about with their lines', () => {
    expect(codes).toEqual(['27:vxml_dynamic_target', '30:vxml_record']);
  });

  test('fastest route, worked by hand: listen 5 words (2.0 s), press 3 (0.5 s; 9 ties but is not announced), the operator prompt 5 words (2.0 s) = 4.5 s', () => {
    const route = fastestRoute(valid, { situation: tuesdayMorning() });
    expect(seconds(route)).toBeCloseTo(4.5, 6);
    expect(keysOf(route)).toEqual(['3']);
    expect(route.reachable && route.outcome).toBe('Operator');
  });
});

describe('VoiceXML importer: bank-main.vxml + root + a 1.0 document', () => {
  const files = ['voicexml/bank-main.vxml', 'voicexml/bank-root.vxml', 'voicexml/bank-cards.vxml'].map(fixture);
  const { menu, warnings } = voiceXmlImporter.import(files);
  const valid = validMenu(menu);

  test('snapshot of the imported bundle', () => {
    expect(menu.nodes).toMatchSnapshot();
  });

  test('a one-key field split by <filled> is a menu: tested keys advertised, other digits lead to the else arm', () => {
    const field = valid.nodes['main.choice'];
    if (field?.type !== 'menu') throw new Error('expected a menu');
    expect(field.options.filter((o) => o.advertised).map((o) => o.key)).toEqual(['1', '2']);
    expect(field.options.filter((o) => !o.advertised)).toHaveLength(8);
    expect(valid.nodes[field.options[2]?.next ?? '']).toMatchObject({ type: 'say', prompt: 'That is not an option.', next: 'main.choice' });
  });

  test('tapered <noinput> counts (1: re-prompt, 3: leave) unroll into three copies; the root document\'s <nomatch> re-prompts forever', () => {
    const chain: string[] = [];
    for (let id: string | undefined = 'main.choice'; id !== undefined && valid.nodes[id]?.type === 'menu'; ) {
      chain.push(id);
      const node: (typeof valid.nodes)[string] | undefined = valid.nodes[id];
      id = node?.type === 'menu' ? node.noInput?.then : undefined;
    }
    expect(chain).toEqual(['main.choice', 'main.choice.retry', 'main.choice.retry-2']);
    const last = valid.nodes['main.choice.retry-2'];
    expect(last?.type === 'menu' && last.noInput).toEqual({ retries: 0, prompt: 'Let me get someone.', then: 'hours.check' });
    expect(last?.type === 'menu' && last.invalid).toEqual({ retries: 100, prompt: 'Please press one key.', then: 'main.choice.retry-2' });
  });

  test('<if> on data is a branch on a fact; goto into another document is followed; 1.0 digits?length=4 is an input', () => {
    expect(valid.nodes['hours.check']).toMatchObject({ type: 'branch', cases: [{ when: { fact: 'session.holiday == true' } }], otherwise: 'agents' });
    expect(valid.nodes['bank-cards.cards']).toMatchObject({ type: 'input', length: 4, next: 'agents' });
    expect(warnings.every((w) => w.code !== 'vxml_document_missing')).toBe(true);
  });

  test('fastest route by hand: welcome 4 words 1.6 s, key 1 0.5 s, four digits 2.0 s, "Connecting you." 0.8 s = 4.9 s', () => {
    const route = fastestRoute(valid, { situation: tuesdayMorning() });
    expect(seconds(route)).toBeCloseTo(4.9, 6);
    expect(keysOf(route)).toEqual(['1', 'enter']);
  });

  test('the holiday fact only closes the silent path: the fastest route is unchanged', () => {
    const route = fastestRoute(valid, { situation: tuesdayMorning('session.holiday == true') });
    expect(keysOf(route)).toEqual(['1', 'enter']);
  });

  test('a goto to a document not supplied is a located warning and a hang-up, not a refusal', () => {
    const alone = voiceXmlImporter.import([files[0] as (typeof files)[number]]);
    validMenu(alone.menu);
    expect(alone.warnings.find((w) => w.code === 'vxml_document_missing')?.at.line).toBe(13);
  });
});

describe('VoiceXML importer: refusals', () => {
  test('a file whose root is not <vxml> is refused with its reason', () => {
    expect(() => voiceXmlImporter.import([{ name: 'x.xml', text: '<scxml/>' }])).toThrow(IvrError);
  });
  test('a billion-laughs document is refused before any expansion', () => {
    const text = '<!DOCTYPE v [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><vxml><form><block>&b;</block></form></vxml>';
    expect(() => voiceXmlImporter.import([{ name: 'evil.vxml', text }])).toThrow(/inline DTD/);
  });
});
