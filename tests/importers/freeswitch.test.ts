import { describe, expect, test } from 'vitest';
import { fastestRoute } from '../../src/analysis/index.js';
import { expandRegex, freeswitchImporter } from '../../src/importers/freeswitch.js';
import { IvrError, type Menu } from '../../src/model/index.js';
import { fixture, tuesdayMorning, importFixtures, detectedWithSnapshot } from './helpers.js';

/** Follows the no-input handlers from a node: the passes a silent caller goes through. */
function silentPath(menu: Menu, from: string): string[] {
  const path: string[] = [];
  for (let id: string | undefined = from; id !== undefined && !path.includes(id); ) {
    path.push(id);
    const node: Menu["nodes"][string] | undefined = menu.nodes[id];
    id = node?.type === 'menu' ? node.noInput?.then : undefined;
  }
  return path;
}

describe('FreeSWITCH importer: demo-menus.xml (mirrors conf/vanilla/ivr_menus/demo_ivr.xml)', () => {
  const source = fixture('freeswitch/demo-menus.xml');
  const { menu, valid, codes } = importFixtures(freeswitchImporter, [source]);

  detectedWithSnapshot(freeswitchImporter, source, menu.nodes, 0.9);

  test('greet-long on the first pass, greet-short (say: text) after; max-timeouts 2 then the exit sound and a hang-up', () => {
    expect(valid.nodes.main).toMatchObject({ type: 'menu', prompt: { audio: 'phrase:main_long' }, timeout: 10 });
    const path = silentPath(valid, 'main');
    expect(path).toEqual(['main', 'main.pass0-1', 'main.exit']);
    expect(valid.nodes['main.pass0-1']).toMatchObject({ prompt: 'Press 1 for the conference, 2 for sales, 6 for more.' });
    expect(valid.nodes['main.exit']).toMatchObject({ type: 'hangup', prompt: { audio: 'voicemail/goodbye.wav' } });
  });

  test('the timeout counter is never reset: after a match that plays the menu again (9), silence still counts', () => {
    const again = valid.nodes['main.pass0-1'];
    const nine = again?.type === 'menu' ? valid.nodes[again.options.find((o) => o.key === '9')?.next ?? ''] : undefined;
    // 9 with digit-len 4: collect, then # or the inter-digit wait; both return to the pass that remembers one timeout.
    expect(nine).toMatchObject({ type: 'menu', timeout: 2, noInput: { then: 'main.pass0-1' } });
  });

  test('digit-len 4: a single key waits the 2 s inter-digit timeout unless # ends it; the pattern is expanded', () => {
    expect(codes).toContain('4:freeswitch_digit_wait');
    expect(valid.nodes['main.typed_1']).toMatchObject({ type: 'menu', timeout: 2, noInput: { retries: 0, then: 'main.bridge' } });
    expect(valid.nodes['main.typed_101']).toMatchObject({ type: 'menu' });
  });

  test('an unknown app in a submenu makes it exit back to the menu that called it', () => {
    expect(codes).toContain('28:freeswitch_unknown_app');
    const more = valid.nodes.more;
    expect(more?.type === 'menu' && more.options.find((o) => o.key === '4')?.next).toBe('main.pass0-0');
  });

  test('fastest route by hand: the greeting can be interrupted; press 1 (0.5 s) then # (0.5 s) instead of waiting 2 s: 1.0 s', () => {
    const route = fastestRoute(valid, { situation: tuesdayMorning() });
    expect(route.reachable && [route.menuMicros, route.steps.map((s) => s.key ?? s.do)]).toEqual([1_000_000, ['1', '#']]);
  });
});

describe('FreeSWITCH importer: small-business.xml (mirrors GioMelik11 main_ivr.xml)', () => {
  const { valid, codes } = importFixtures(freeswitchImporter, [fixture('freeswitch/small-business.xml')]);

  test('a 4-digit pattern under digit-len 1 and a # binding are unreachable, and said', () => {
    expect(codes).toEqual(expect.arrayContaining(['10:freeswitch_regex_dead', '11:freeswitch_terminator_binding']));
    const main = valid.nodes.front_desk;
    expect(main?.type === 'menu' && main.options.map((o) => o.key)).toEqual(['1', '2']);
  });

  test('three silences reach exec-on-max-timeouts, the operator; two failures return to the dialplan', () => {
    const path = silentPath(valid, 'front_desk');
    expect(path).toHaveLength(4);
    expect(valid.nodes[path[3] as string]).toMatchObject({ type: 'agent', queue: 'operator XML default' });
    const main = valid.nodes.front_desk;
    const second = main?.type === 'menu' ? valid.nodes[main.invalid?.then ?? ''] : undefined;
    expect(second?.type === 'menu' ? valid.nodes[second.invalid?.then ?? ''] : undefined).toMatchObject({ type: 'hangup' });
  });

  test('fastest route: press 1 for the support queue (0.5 s)', () => {
    const route = fastestRoute(valid, { situation: tuesdayMorning() });
    expect(route.reachable && [route.menuMicros, route.queue]).toEqual([500_000, 'support@default']);
  });
});

describe('FreeSWITCH importer: edges', () => {
  test('an include wrapper alone gets the include_wrapper reason', () => {
    try {
      freeswitchImporter.import([fixture('freeswitch/wrapper.xml')]);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(IvrError);
      expect((error as IvrError).issues[0]?.code).toBe('include_wrapper');
    }
  });

  test('regex expansion: the strings of at most digit-len keys a pattern accepts', () => {
    expect(expandRegex('/^(10[01][0-9])$/', 4)).toHaveLength(20);
    expect(expandRegex('/^(10[01][0-9])$/', 3)).toEqual([]);
    expect(expandRegex('/^[0-9]+$/', 4)).toBeUndefined();
    expect(expandRegex('1', 4)).toBeUndefined();
  });
});
