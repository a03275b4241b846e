/**
 * What a route assumes: the branch decisions it passes, each with the facts,
 * schedules and caller flags it read. Worked by hand on small menus, then
 * properties over random menus: every reading is what `holds` says, the
 * listed branches are the ones the call machine passes, and the readings
 * settle the route (any situation that agrees with them replays it).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fastestRoute, routeJson, routes, type Route } from '../../src/analysis/index.js';
import { branchChain, decideBranch, type AtomReading, type BranchDecision } from '../../src/analysis/branch-decisions.js';
import { replayRoute } from '../../src/analysis/replay.js';
import { runScript } from '../../src/machine/index.js';
import { holds, situation, type Condition, type Menu, type Situation } from '../../src/model/index.js';
import { assumesText } from '../../src/report/route-text.js';
import { arbitraryMenu, arbitrarySituation } from '../helpers/arbitrary-menu.js';
import { at, menuOf, reachable, seconds } from './helpers.js';
import { secs, workedExample } from '../machine/helpers.js';

const SEED = 41_207;
fc.configureGlobal({ seed: SEED });

const AGENTS_HOURS = { agents: { timezone: 'America/New_York', open: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' }] } };

const fact = (name: string, value: boolean): AtomReading => ({ kind: 'fact', name, value });
const open = (name: string, value: boolean): AtomReading => ({ kind: 'open', name, value });
const caller = (name: string, value: boolean): AtomReading => ({ kind: 'caller', name, value });

function routeIn(menu: Menu, where: Situation): Route {
  return reachable(fastestRoute(menu, { situation: where }));
}

describe('a route lists the branch decisions it passes (worked by hand)', () => {
  // holidayCheck decides at the call's start; a holiday adds a 3 s notice before the desk.
  const holidayLine = menuOf({
    holidayCheck: { type: 'branch', cases: [{ when: { fact: 'holiday' }, next: 'holidayNotice' }], otherwise: 'desk' },
    holidayNotice: { type: 'say', prompt: secs(3), next: 'desk' },
    desk: { type: 'agent', wait: { medianSeconds: 60 } },
  });

  it('a fact branch without --fact: the fact was assumed false, and the route goes straight to the desk', () => {
    const route = routeIn(holidayLine, at('tue 10:00'));
    expect(seconds(route.menuMicros)).toBe(0);
    expect(route.assumes).toEqual<BranchDecision[]>([{ node: 'holidayCheck', taken: 'otherwise', next: 'desk', reads: [fact('holiday', false)] }]);
    expect(assumesText(route.assumes, at('tue 10:00'))).toBe('Assumes: fact "holiday" is false (holidayCheck)');
  });

  it('the same branch with --fact holiday: case 0, through the 3 s notice', () => {
    const where = at('tue 10:00', [], ['holiday']);
    const route = routeIn(holidayLine, where);
    expect(seconds(route.menuMicros)).toBe(3);
    expect(route.assumes).toEqual([{ node: 'holidayCheck', taken: 0, next: 'holidayNotice', reads: [fact('holiday', true)] }]);
    expect(routeJson(route, holidayLine, where).assumes).toEqual([
      { node: 'holidayCheck', taken: 'cases[0]', next: 'holidayNotice', facts: { holiday: true }, hours: {}, caller: {} },
    ]);
  });

  // Pressing 1 leads to an hours branch: the day desk (60 s) when open, an answering service (600 s) otherwise.
  const hoursLine = menuOf({
    main: { type: 'menu', prompt: secs(2), bargeIn: false, options: [{ key: '1', label: 'Talk to us', next: 'hoursCheck' }] },
    hoursCheck: { type: 'branch', cases: [{ when: { open: 'agents' }, next: 'desk' }], otherwise: 'answering' },
    desk: { type: 'agent', wait: { medianSeconds: 60 } },
    answering: { type: 'agent', wait: { medianSeconds: 600 } },
  }, { hours: AGENTS_HOURS });

  it('an hours branch behind a key, inside the hours: open at that moment, case 0', () => {
    const where = at('tue 10:00');
    const route = routeIn(hoursLine, where);
    expect(route.outcome).toBe('desk');
    expect(route.assumes).toEqual([{ node: 'hoursCheck', taken: 0, next: 'desk', reads: [open('agents', true)] }]);
    expect(assumesText(route.assumes, where)).toBe('Assumes: hours "agents" open at tue 10:00 (hoursCheck)');
  });

  it('the same branch outside the hours: closed at that moment, otherwise', () => {
    const where = at('tue 22:00');
    const route = routeIn(hoursLine, where);
    expect(route.outcome).toBe('answering');
    expect(route.assumes).toEqual([{ node: 'hoursCheck', taken: 'otherwise', next: 'answering', reads: [open('agents', false)] }]);
    expect(assumesText(route.assumes, where)).toBe('Assumes: hours "agents" closed at tue 22:00 (hoursCheck)');
  });

  it('an hours branch read at an instant: the schedule in its own zone', () => {
    // 15:00 UTC on a Tuesday is 10:00 in New York (EST).
    const where = at('2026-12-01T15:00:00Z');
    expect(routeIn(hoursLine, where).assumes[0]?.reads).toEqual([open('agents', true)]);
    expect(routeIn(hoursLine, at('2026-12-01T23:00:00Z')).assumes[0]?.reads).toEqual([open('agents', false)]);
  });

  // The only way on is silence: the no-input handler's `then` is a caller-flag branch.
  const seniorLine = menuOf({
    main: { type: 'menu', prompt: secs(2), timeout: 3, options: [{ key: '1', next: 'goodbye' }], noInput: { retries: 0, then: 'seniorCheck' } },
    seniorCheck: { type: 'branch', cases: [{ when: { caller: 'elderly' }, next: 'seniorDesk' }], otherwise: 'desk' },
    seniorDesk: { type: 'agent', wait: { medianSeconds: 10 } },
    desk: { type: 'agent', wait: { medianSeconds: 60 } },
    goodbye: { type: 'hangup' },
  });

  it('a caller-flag branch reached by a handler\'s `then`, flag not set and set', () => {
    const plain = routeIn(seniorLine, at('tue 10:00'));
    expect(plain.script).toBe('wait');
    expect(plain.assumes).toEqual([{ node: 'seniorCheck', taken: 'otherwise', next: 'desk', reads: [caller('elderly', false)] }]);
    expect(assumesText(plain.assumes, at('tue 10:00'))).toBe('Assumes: caller flag "elderly" not set (seniorCheck)');
    const senior = routeIn(seniorLine, at('tue 10:00', ['elderly']));
    expect(senior.assumes).toEqual([{ node: 'seniorCheck', taken: 0, next: 'seniorDesk', reads: [caller('elderly', true)] }]);
    expect(routeJson(senior, seniorLine, at('tue 10:00', ['elderly'])).assumes).toEqual([
      { node: 'seniorCheck', taken: 'cases[0]', next: 'seniorDesk', facts: {}, hours: {}, caller: { elderly: true } },
    ]);
  });

  // all: [not queueFull, any: [open agents, caller vip]]: read left to right, stopping as `holds` stops.
  const nested: Condition = { all: [{ not: { fact: 'queueFull' } }, { any: [{ open: 'agents' }, { caller: 'vip' }] }] };
  const nestedLine = menuOf({
    check: { type: 'branch', cases: [{ when: nested, next: 'desk' }], otherwise: 'busy' },
    desk: { type: 'agent', wait: { medianSeconds: 60 } },
    busy: { type: 'agent', wait: { medianSeconds: 900 } },
  }, { hours: AGENTS_HOURS });

  it.each([
    ['tue 10:00', [], [], 0, [fact('queueFull', false), open('agents', true)]],
    ['tue 22:00', [], [], 'otherwise', [fact('queueFull', false), open('agents', false), caller('vip', false)]],
    ['tue 22:00', ['vip'], [], 0, [fact('queueFull', false), open('agents', false), caller('vip', true)]],
    ['tue 10:00', ['vip'], ['queueFull'], 'otherwise', [fact('queueFull', true)]],
  ] as const)('nested not/all/any at %s, caller %j, facts %j: case %s, reading only what decided it', (moment, flags, facts, taken, reads) => {
    const route = routeIn(nestedLine, at(moment, [...flags], [...facts]));
    expect(route.assumes).toEqual([{ node: 'check', taken, next: taken === 0 ? 'desk' : 'busy', reads }]);
  });

  it('a later case lists what the earlier cases read too, each atom once', () => {
    const line = menuOf({
      check: { type: 'branch', otherwise: 'closed', cases: [
        { when: { fact: 'holiday' }, next: 'closed' },
        { when: { any: [{ fact: 'holiday' }, { open: 'agents' }] }, next: 'desk' },
      ] },
      desk: { type: 'agent' },
      closed: { type: 'hangup' },
    }, { hours: AGENTS_HOURS });
    const route = routeIn(line, at('wed 09:00'));
    expect(route.assumes).toEqual([{ node: 'check', taken: 1, next: 'desk', reads: [fact('holiday', false), open('agents', true)] }]);
    expect(assumesText(route.assumes, at('wed 09:00'))).toBe('Assumes: fact "holiday" is false, hours "agents" open at wed 09:00 (check)');
  });

  it('a chain of branches lists each one; a branch with no cases reads nothing and the text leaves it out', () => {
    const line = menuOf({
      first: { type: 'branch', cases: [], otherwise: 'second' },
      second: { type: 'branch', cases: [{ when: { fact: 'outage' }, next: 'desk' }], otherwise: 'desk' },
      desk: { type: 'agent' },
    });
    const route = routeIn(line, at('tue 10:00'));
    expect(route.assumes.map((decision) => [decision.node, decision.reads.length])).toEqual([['first', 0], ['second', 1]]);
    expect(assumesText(route.assumes, at('tue 10:00'))).toBe('Assumes: fact "outage" is false (second)');
    expect(assumesText(route.assumes.slice(0, 1), at('tue 10:00'))).toBeUndefined();
  });

  it('a route through no branch assumes nothing, and its JSON keeps the shape of menu-format.md', () => {
    const menu = workedExample();
    const route = routeIn(menu, at('tue 10:00'));
    expect(route.assumes).toEqual([]);
    expect(routeJson(route, menu, at('tue 10:00'))).not.toHaveProperty('assumes');
  });

  it('a search from a branch (a call in progress) starts with that branch', () => {
    const route = reachable(fastestRoute(hoursLine, { situation: at('tue 22:00'), from: { node: 'hoursCheck', invalidCount: 0, noInputCount: 0 } }));
    expect(route.assumes.map((decision) => decision.node)).toEqual(['hoursCheck']);
  });

  it('alternatives carry their own decisions: the route to sales read the hours, the route to care read nothing', () => {
    const line = menuOf({
      main: { type: 'menu', prompt: secs(2), options: [{ key: '1', next: 'salesHours' }, { key: '2', next: 'care' }] },
      salesHours: { type: 'branch', cases: [{ when: { open: 'agents' }, next: 'sales' }], otherwise: 'closed' },
      sales: { type: 'agent', wait: { medianSeconds: 30 } },
      care: { type: 'agent', wait: { medianSeconds: 300 } },
      closed: { type: 'hangup' },
    }, { hours: AGENTS_HOURS });
    const ranked = routes(line, { situation: at('tue 10:00'), count: 2 }).map(reachable);
    expect(ranked.map((route) => [route.outcome, route.assumes.map((d) => d.node)])).toEqual([['sales', ['salesHours']], ['care', []]]);
  });
});

/** The atom a reading names, as a condition `holds` decides. */
function conditionOf(read: AtomReading): Condition {
  switch (read.kind) {
    case 'fact':
      return { fact: read.name };
    case 'open':
      return { open: read.name };
    case 'caller':
      return { caller: read.name };
  }
}

const agrees = (menu: Menu, where: Situation, reads: readonly AtomReading[]) =>
  reads.every((read) => holds(conditionOf(read), menu.hours, where) === read.value);

/** A second situation: the first with its flags and facts toggled at random, now and then at another moment. */
const variation = (where: Situation) => fc.record({ toggleElderly: fc.boolean(), toggleHoliday: fc.boolean(), other: fc.option(arbitrarySituation(), { nil: undefined }) })
  .map(({ toggleElderly, toggleHoliday, other }) => {
    const toggle = (set: ReadonlySet<string>, name: string, on: boolean) => (on ? (set.has(name) ? [...set].filter((x) => x !== name) : [...set, name]) : [...set]);
    return situation(other?.moment ?? where.moment, toggle(where.caller, 'elderly', toggleElderly), toggle(where.facts, 'holiday', toggleHoliday));
  });

const menuAndSituations = fc.tuple(arbitraryMenu(), arbitrarySituation()).chain(([menu, where]) => variation(where).map((other) => [menu, where, other] as const));

describe(`what a route assumes, over random menus (seed ${SEED})`, () => {
  it('every reading is what `holds` says in the route\'s situation, and the case taken is the first whose condition holds', () => {
    let readings = 0;
    fc.assert(fc.property(arbitraryMenu(), arbitrarySituation(), (menu, where) => {
      for (const route of routes(menu, { situation: where, count: 3 })) {
        if (!route.reachable) continue;
        for (const decision of route.assumes) {
          const node = menu.nodes[decision.node];
          if (node?.type !== 'branch') throw new Error(`${decision.node} is no branch`);
          expect(agrees(menu, where, decision.reads)).toBe(true);
          readings += decision.reads.length;
          const first = node.cases.findIndex((branchCase) => holds(branchCase.when, menu.hours, where));
          expect(decision.taken).toBe(first >= 0 ? first : 'otherwise');
          expect(decision.next).toBe(first >= 0 ? node.cases[first]?.next : node.otherwise);
        }
      }
    }), { numRuns: 300 });
    // Not vacuous: random routes pass a branch now and then (48 readings at this seed).
    expect(readings).toBeGreaterThan(20);
  });

  it('the branches listed are the ones the call machine passes when it replays the route, in order of first pass', () => {
    fc.assert(fc.property(arbitraryMenu(), arbitrarySituation(), (menu, where) => {
      const route = fastestRoute(menu, { situation: where });
      if (!route.reachable) return;
      const entered = runScript(menu, where, route.script).events
        .filter((event) => event.kind === 'enter' && menu.nodes[event.node]?.type === 'branch')
        .map((event) => event.node);
      expect(route.assumes.map((decision) => decision.node)).toEqual([...new Set(entered)]);
    }), { numRuns: 300 });
  });

  it('a decision\'s readings settle it: a situation that agrees with them takes the same case', () => {
    fc.assert(fc.property(menuAndSituations, ([menu, where, other]) => {
      for (const [id, node] of Object.entries(menu.nodes)) {
        if (node.type !== 'branch') continue;
        const decision = decideBranch(id, node, menu, where);
        if (agrees(menu, other, decision.reads)) expect(decideBranch(id, node, menu, other).taken).toBe(decision.taken);
        else expect(decision.reads.length).toBeGreaterThan(0);
      }
    }), { numRuns: 500 });
  });

  it('a route\'s readings are all it depends on: in a situation that agrees with every one, its script replays to the same agent at the same time', () => {
    let agreeing = 0;
    fc.assert(fc.property(menuAndSituations, ([menu, where, other]) => {
      const route = fastestRoute(menu, { situation: where });
      if (!route.reachable || !agrees(menu, other, route.assumes.flatMap((decision) => decision.reads))) return;
      agreeing++;
      expect(replayRoute(menu, other, route).ok).toBe(true);
    }), { numRuns: 500 });
    // The property must not hold vacuously.
    expect(agreeing).toBeGreaterThan(100);
  });
});

describe('branchChain', () => {
  it('stops at a branch it has already decided (the loader refuses such loops; the walk must still end)', () => {
    const loop = {
      start: 'a',
      nodes: { a: { type: 'branch', cases: [], otherwise: 'b' }, b: { type: 'branch', cases: [], otherwise: 'a' } },
    } as unknown as Menu;
    expect(branchChain(loop, at('tue 10:00'), 'a').map((decision) => decision.node)).toEqual(['a', 'b']);
  });
});
