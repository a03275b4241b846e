/**
 * The machine and moves.ts agree: for every node of every menu file, each
 * move that `movesAt` lists, played as a script from that node, takes the
 * machine exactly `move.micros` until it lands (a node entered, a replay,
 * or the end of the call).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startCall, type CallEvent, type CallSession } from '../../src/machine/index.js';
import { movesAt, type Key, type Menu, type Move } from '../../src/model/index.js';
import { at, menuFile, workedExamplePath } from './helpers.js';

const menusDir = fileURLToPath(new URL('../../menus/', import.meta.url));
const files = [workedExamplePath, ...readdirSync(menusDir).filter((name) => name.endsWith('.json')).sort().map((name) => join(menusDir, name))];

function eventsOf(move: Move): CallEvent[] {
  const key = (k: Key): CallEvent => ({ type: 'KEY', key: k });
  switch (move.do) {
    case 'press':
      return [key(move.key)];
    case 'say':
      return [{ type: 'SAY', phrase: move.phrase }];
    case 'enter':
      return [...Array.from({ length: move.digits }, () => key('5')), ...(move.terminator === undefined ? [] : [key(move.terminator)])];
    case 'listen':
    case 'wait':
      return [];
  }
}

const tuesday = at('tue 10:00');

/** Plays a move from the start of a call (the menu starts at the node under test); the time of the first landing after it. */
function landingTime(menuFromNode: Menu, move: Move): number | undefined {
  const call: CallSession = startCall(menuFromNode, tuesday);
  for (const event of eventsOf(move)) {
    const accepts = () => (event.type === 'SAY' ? call.view().acceptsSpeech : call.view().acceptsKeys);
    while (!accepts()) if (!call.advanceToNextChange()) return undefined;
    call.send(event);
  }
  for (let guard = 0; guard < 1000; guard++) {
    const landing = call.log().slice(1).find((entry) => entry.kind === 'enter' || entry.kind === 'replay' || entry.kind === 'end');
    if (landing !== undefined) return landing.at;
    if (!call.advanceToNextChange()) return undefined;
  }
  return undefined;
}

describe('machine timing equals moves.ts for every move of every menu file', () => {
  it.each(files.map((file) => [file.split('/').at(-1), file] as const))('%s', (_, file) => {
    const menu = menuFile(file);
    const mismatches: string[] = [];
    let checked = 0;
    for (const [id, node] of Object.entries(menu.nodes)) {
      const menuFromNode = { ...menu, start: id };
      for (const move of movesAt(node, menu.timing)) {
        const landed = landingTime(menuFromNode, move);
        checked++;
        if (landed !== move.micros) mismatches.push(`${id} ${move.do} ${JSON.stringify(move)}: machine ${landed}`);
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(mismatches).toEqual([]);
  });
});
