/**
 * Every bundled menu through the whole call app (ink-testing-library): the
 * escape search's fastest route is typed into the screen as a caller would
 * (keys on the keypad, `say:` through the speech line), the fake clock is
 * moved to each next change of the call, and the end screen must say that a
 * person answers at the route's agent, in the route's menu time. A menu with
 * no person at any hour of the week must end on the hang-up screen instead.
 */
import { readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { situation, weekHours, type Menu, type Situation } from '../../src/model/index.js';
import { parseScript, startCall, type CallSession } from '../../src/machine/index.js';
import { fastestRoute } from '../../src/analysis/escape.js';
import type { Route } from '../../src/analysis/route.js';
import { App } from '../../src/tui/App.js';
import { exactly } from '../../src/tui/format.js';
import { fakeTicker, type FakeTicker } from './fake-ticker.js';
import { at, menuFile } from './menus.js';

const tick = async () => {
  for (let round = 0; round < 4; round++) await new Promise((resolve) => setTimeout(resolve, 2));
};

afterEach(() => cleanup());

/** A moment where a person can be reached: Tuesday 10:00 if the line is open then, else the first hour of the week that is. */
function reachableMoment(menu: Menu): { at: Situation; route: Route } | undefined {
  for (const candidate of [at('tue 10:00'), ...weekHours().map((moment) => situation(moment))]) {
    const route = fastestRoute(menu, { situation: candidate });
    if (route.reachable) return { at: candidate, route };
  }
  return undefined;
}

/**
 * Moves the fake clock (speed 1: one real ms is 1000 µs) to the call's next
 * change; false when nothing more happens by itself.
 */
async function advanceToNextChange(session: CallSession, ticker: FakeTicker): Promise<boolean> {
  const next = session.nextChangeAt();
  if (next === undefined) return false;
  ticker.advance((next - session.now()) / 1000);
  await tick();
  return true;
}

const MENUS = readdirSync('menus').filter((name) => name.endsWith('.json')).sort();

describe('the call app on every bundled menu', () => {
  it('finds all thirteen menus', () => {
    expect(MENUS.length).toBeGreaterThanOrEqual(13);
  });

  it.each(MENUS)('%s: the fastest route typed into the screen reaches its person', async (name) => {
    const menu = menuFile(`menus/${name}`);
    const found = reachableMoment(menu);
    const moment = found?.at ?? at('tue 10:00');
    const ticker = fakeTicker();
    const session = startCall(menu, moment);
    const app = render(<App menu={menu} situation={moment} session={session} ticker={ticker} speed={1} color={false} columns={100} />);
    await tick();
    const type = async (text: string) => {
      app.stdin.write(text);
      await tick();
    };
    if (found === undefined) {
      // No person at any hour: the caller listens until the line gives up.
      while (session.view().phase !== 'ended' && (await advanceToNextChange(session, ticker)));
      expect(app.lastFrame()).toContain('The call ended without a person');
      return;
    }
    for (const token of parseScript(found.route.script)) {
      if (token.type === 'wait') {
        const visit = session.view().visit;
        while (session.view().visit === visit && session.view().phase !== 'ended') expect(await advanceToNextChange(session, ticker)).toBe(true);
        continue;
      }
      const speech = token.type === 'say';
      while (!(speech ? session.view().acceptsSpeech : session.view().acceptsKeys)) expect(await advanceToNextChange(session, ticker)).toBe(true);
      if (token.type === 'say') {
        await type('/');
        await type(token.phrase);
        await type('\r');
      } else {
        await type(token.key);
      }
      expect(session.log().filter((entry) => entry.kind === 'ignored')).toEqual([]);
    }
    while (session.view().phase !== 'ended' && (await advanceToNextChange(session, ticker)));
    const frame = app.lastFrame() ?? '';
    expect(session.view().outcome).toMatchObject({ type: 'agent', node: found.route.outcome });
    expect(frame).toContain(`A person answers: ${found.route.outcome}`);
    // Played at the earliest moments, the call takes exactly the route's menu time.
    expect(frame).toContain(`Your way in: ${exactly(found.route.menuMicros)}`);
    expect(frame).toContain('Yours: as fast as the fastest route');
  });
});
