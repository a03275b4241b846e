import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { importAmazonConnect } from '../../src/importers/amazon-connect.js';
import { importTwilioStudio } from '../../src/importers/twilio-studio.js';
import { importFiles } from '../../src/importers/registry.js';
import { parseUntrustedJson } from '../../src/importers/safe-json.js';
import { IvrError } from '../../src/model/index.js';
import { validMenu } from './helpers.js';

const SEED = 42_606;

const hostileTwilio = JSON.stringify({
  initial_state: 'Trigger',
  states: [
    { name: 'Trigger', type: 'trigger', transitions: [{ event: 'incomingCall', next: '__proto__' }], properties: { constructor: { prototype: { polluted: 'yes' } } } },
    { name: '__proto__', type: 'say-play', transitions: [{ event: 'audioComplete', next: 'agent' }], properties: { say: "Hi {{ constructor.constructor('globalThis.pwned = 1')() }} ${process.exit(3)} <script>globalThis.pwned = 2</script>" } },
    { name: 'agent', type: 'enqueue-call', transitions: [], properties: { queue_name: 'q' } },
  ],
});

describe('safe parsing of untrusted flow JSON', () => {
  test('"__proto__", "constructor" and "prototype" keys never reach objects; the widget named __proto__ still works', () => {
    // JSON.stringify drops a literal __proto__ key, so write it into the text by hand.
    const text = hostileTwilio.replace('"initial_state"', '"__proto__": {"polluted": "yes"}, "initial_state"');
    expect(text).toContain('"__proto__": {"polluted"');
    const { menu, warnings } = importTwilioStudio([{ name: 'hostile.json', text }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(warnings.filter((w) => w.code === 'dangerous_key').map((w) => w.at.element)).toEqual(['__proto__', 'constructor']);
    const valid = validMenu(menu);
    expect(valid.nodes[valid.start]).toMatchObject({ type: 'say', next: 'agent' });
  });

  test('parsed objects have no prototype, so no inherited name can be mistaken for data', () => {
    const parsed = parseUntrustedJson('x.json', '{"a": {"b": 1}}');
    expect(Object.getPrototypeOf(parsed.value)).toBeNull();
    expect((parsed.value as Record<string, unknown>).toString).toBeUndefined();
  });

  test('no code in a source file is ever run: templates and markup are dropped as text', () => {
    const { menu } = importTwilioStudio([{ name: 'hostile.json', text: hostileTwilio }]);
    expect((globalThis as Record<string, unknown>).pwned).toBeUndefined();
    const say = Object.values(menu.nodes).find((n) => n.type === 'say');
    expect(say?.type === 'say' && say.prompt).toBe('Hi globalThis.pwned = 2');
  });

  test('a file over the size limit is refused before it is parsed', () => {
    const huge = `{"states": [${'{"name": "x"},'.repeat(50_000)}{}]}`;
    let thrown: unknown;
    try {
      importFiles([{ name: 'huge.json', text: huge }], { maxBytes: 64 * 1024 });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(IvrError);
    expect((thrown as IvrError).issues[0]?.code).toBe('too_large');
    expect(() => importAmazonConnect([{ name: 'huge.json', text: huge }], { maxBytes: 1024 })).toThrow(/limit/);
  });

  test(`any JSON value gives a valid menu or a located IvrError, never a crash (seed ${SEED})`, () => {
    const flowish = fc.oneof(
      fc.json(),
      fc.record({ initial_state: fc.string(), states: fc.array(fc.record({ name: fc.string(), type: fc.constantFrom('trigger', 'gather-input-on-call', 'split-based-on', 'say-play', 'enqueue-call', 'x'), transitions: fc.array(fc.record({ event: fc.constantFrom('incomingCall', 'keypress', 'speech', 'timeout', 'noMatch', 'match', 'audioComplete'), next: fc.string({ maxLength: 3 }) })), properties: fc.dictionary(fc.string(), fc.jsonValue()) })) }).map((v) => JSON.stringify(v)),
      fc.record({ StartAction: fc.string({ maxLength: 2 }), Actions: fc.array(fc.record({ Identifier: fc.string({ maxLength: 2 }), Type: fc.constantFrom('GetParticipantInput', 'Loop', 'Compare', 'MessageParticipant', 'TransferToFlow', 'Nope'), Parameters: fc.dictionary(fc.string(), fc.string()), Transitions: fc.record({ NextAction: fc.string({ maxLength: 2 }), Conditions: fc.array(fc.record({ NextAction: fc.string({ maxLength: 2 }), Condition: fc.record({ Operator: fc.constantFrom('Equals', 'TextContains'), Operands: fc.array(fc.constantFrom('1', '#', 'Timeout', 'ContinueLooping', 'DoneLooping')) }) })) }) })) }).map((v) => JSON.stringify(v)),
    );
    fc.assert(fc.property(flowish, fc.constantFrom(importTwilioStudio, importAmazonConnect), (text, importer) => {
      try {
        validMenu(importer([{ name: 'random.json', text }]).menu);
      } catch (error) {
        if (!(error instanceof IvrError)) throw error;
        expect(error.issues[0]?.message.en).toBeTruthy();
      }
    }), { seed: SEED, numRuns: 300 });
  });
});
