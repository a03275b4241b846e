import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastestRoute } from '../../src/analysis/escape.js';
import type { RouteResult } from '../../src/analysis/route.js';
import { voiceXmlImporter } from '../../src/importers/voicexml.js';
import { loadMenuValue, type Menu } from '../../src/model/index.js';
import { exportVoiceXml, conditionExpression } from '../../src/report/export-vxml.js';
import { conditionFromExpression } from '../../src/importers/voicexml.js';
import { parseXml } from '../../src/importers/xml.js';
import { arbitraryMenu, arbitrarySituation } from '../helpers/arbitrary-menu.js';

const SEED = 60_606;

function roundTrip(menu: Menu): Menu {
  const imported = voiceXmlImporter.import([{ name: `${menu.id}.vxml`, text: exportVoiceXml(menu) }]);
  const loaded = loadMenuValue(imported.menu);
  if (!loaded.ok) throw new Error(`re-imported menu is invalid: ${JSON.stringify(loaded.issues.slice(0, 3))}`);
  return loaded.value;
}

/** What a route is made of for the caller: time, hold, and the actions in order (node names may differ). */
function shape(result: RouteResult) {
  if (!result.reachable) return { reachable: false };
  return {
    reachable: true,
    menuMicros: result.menuMicros,
    holdMicros: result.holdMicros,
    actions: result.actions,
    doing: result.steps.filter((s) => s.do !== 'listen' && s.do !== 'hold').map((s) => [s.do, s.key ?? s.phrase ?? s.digits ?? '', s.valid ?? true].join(':')),
  };
}

describe('VoiceXML export', () => {
  it('writes a well-formed document our hardened reader accepts', () => {
    fc.assert(fc.property(arbitraryMenu(), (menu) => {
      expect(parseXml('x.vxml', exportVoiceXml(menu)).name).toBe('vxml');
    }), { seed: SEED, numRuns: 100 });
  });

  it(`round trip (seed ${SEED}): export to VoiceXML, import back, the fastest routes agree in time and actions`, () => {
    fc.assert(fc.property(arbitraryMenu(), arbitrarySituation(), (menu, situation) => {
      const back = roundTrip(menu);
      expect(shape(fastestRoute(back, { situation }))).toEqual(shape(fastestRoute(menu, { situation })));
      expect(shape(fastestRoute(back, { situation, objective: 'keys' }))).toEqual(shape(fastestRoute(menu, { situation, objective: 'keys' })));
    }), { seed: SEED, numRuns: 300 });
  });

  it('keeps conditions exactly through their expressions', () => {
    const condition = { any: [{ all: [{ open: "night's" }, { not: { caller: 'elderly' } }] }, { fact: 'queue\\full' }] };
    expect(conditionFromExpression(conditionExpression(condition))).toEqual(condition);
    expect(conditionFromExpression("session.connection.local.uri == 'x'")).toEqual({ fact: "session.connection.local.uri == 'x'" });
  });
});
