/** The JSON config: plain data, every referenced name implemented, ids safe for any node id. */
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  MicrosClock, buildMachine, hangupEvent, implementationsFor, keyEvent, machineConfig, missingNames, referencedNames, runScript,
  type CallEvent,
} from '../../src/machine/index.js';
import { at, menuFile, menuOf, secs, workedExample } from './helpers.js';

const tuesday = at('tue 10:00');

describe('machineConfig', () => {
  it('is plain JSON: a round trip through JSON changes nothing', () => {
    const config = machineConfig(workedExample(), tuesday);
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  it('names only guards, actions and delays that setup() implements', () => {
    const menu = workedExample();
    const config = machineConfig(menu, tuesday);
    const names = referencedNames(config);
    expect([...names.guards].sort()).toEqual(['choiceIs', 'conditionHolds', 'failureReplays', 'inputStepIs'].concat(['hasDigits']).sort());
    expect(names.delays).toEqual(new Set(['pressDelay']));
    expect(missingNames(config, implementationsFor(menu, tuesday))).toEqual([]);
  });

  it('every implementation is used by some menu feature (no dead names)', () => {
    const config = machineConfig(workedExample(), tuesday);
    const names = referencedNames(config);
    const implementations = implementationsFor(workedExample(), tuesday);
    expect(Object.keys(implementations.guards).filter((name) => !names.guards.has(name))).toEqual([]);
    expect(Object.keys(implementations.actions).filter((name) => !names.actions.has(name))).toEqual([]);
  });

  it('the check catches a name nobody implemented', () => {
    const config = machineConfig(workedExample(), tuesday) as { states: Record<string, { entry: unknown[] }> };
    config.states.welcome?.entry.push({ type: 'playJingle' });
    config.states.welcome?.entry.push('alsoMissing');
    expect(missingNames(config, implementationsFor(workedExample(), tuesday))).toEqual(['action:playJingle', 'action:alsoMissing']);
  });

  it('node ids with dots and dashes, and ids that look like XState paths, work', () => {
    const menu = menuOf({
      'a.prompt': { type: 'say', prompt: secs(1), next: 'a' },
      a: { type: 'menu', prompt: secs(1), options: [{ key: '1', next: 'ivr.a.prompt' }] },
      'ivr.a.prompt': { type: 'say', prompt: secs(1), next: 'end-node' },
      'end-node': { type: 'agent' },
    });
    const transcript = runScript(menu, tuesday, '1');
    expect(transcript).toMatchObject({ outcome: { node: 'end-node', type: 'agent' }, menuSeconds: 1 + 0.5 + 1 });
    expect(transcript.events.filter((event) => event.kind === 'enter').map((event) => event.node))
      .toEqual(['a.prompt', 'a', 'ivr.a.prompt', 'end-node']);
  });
});

describe('a plain actor of the machine', () => {
  // Without our session: createActor, a clock, events. When the actor is done, its output
  // tells an agent from a hang-up (the final state is shared).
  const run = (events: CallEvent[]) => {
    const clock = new MicrosClock();
    const actor = createActor(buildMachine(menuFile('menus/demo-bank.json'), tuesday), { clock }).start();
    for (const event of events) {
      // Let the prompt play (barge-in off at the welcome), then send.
      clock.advanceTo(clock.nowInMicros() + 20_000_000);
      actor.send(event);
    }
    clock.advanceTo(clock.nowInMicros() + 20_000_000);
    return actor.getSnapshot();
  };

  it('ends with the agent as output when a person answers', () => {
    const snapshot = run([keyEvent('3')]);
    expect(snapshot.status).toBe('done');
    expect(snapshot.output).toEqual({ type: 'agent', node: 'salesQueue' });
  });

  it('ends with a hang-up as output when the caller hangs up', () => {
    const snapshot = run([hangupEvent()]);
    expect(snapshot.status).toBe('done');
    expect(snapshot.output).toMatchObject({ type: 'hangup', reason: 'caller hung up' });
  });
});
