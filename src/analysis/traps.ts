/**
 * Dead ends and doom loops: configurations reachable from the start from
 * which no route reaches a person. A trapped configuration from which every
 * route ends in a hang-up is a dead end; one from which the caller can keep
 * going forever without a person is a doom loop. Traps one move away from
 * the announced route (or anywhere, when there is no announced route) are
 * "on the main path".
 */
import { IMPLICIT_HANGUP, type ConfigGraph } from './graph.js';
import { canReachPerson, configName } from './route-facts.js';

export interface Traps {
  deadEnds: number[];
  doomLoops: number[];
  /** the traps one move from a configuration of the announced route */
  onMainPath: number[];
}

/** Peels trapped configurations whose every successor is already peeled: what is left can cycle. */
function loopingConfigs(graph: ConfigGraph, trapped: readonly number[]): Set<number> {
  const remaining = new Set(trapped);
  const pending = new Map<number, number>();
  const predecessors = new Map<number, number[]>();
  for (const c of trapped) {
    let count = 0;
    for (let edge = graph.edgeStart[c] as number; edge < (graph.edgeStart[c + 1] as number); edge++) {
      const to = graph.edgeTarget[edge] as number;
      count++;
      const list = predecessors.get(to) ?? [];
      list.push(c);
      predecessors.set(to, list);
    }
    pending.set(c, count);
  }
  const queue = trapped.filter((c) => pending.get(c) === 0);
  while (queue.length > 0) {
    const c = queue.pop() as number;
    remaining.delete(c);
    for (const from of predecessors.get(c) ?? []) {
      const left = (pending.get(from) as number) - 1;
      pending.set(from, left);
      if (left === 0) queue.push(from);
    }
  }
  return remaining;
}

export function findTraps(graph: ConfigGraph, announcedConfigs: readonly number[] | null): Traps {
  const reaches = canReachPerson(graph);
  const trapped: number[] = [];
  for (let c = 0; c < graph.configCount; c++) if (!reaches[c]) trapped.push(c);
  const looping = loopingConfigs(graph, trapped);
  const near = new Set<number>();
  if (announcedConfigs === null) {
    for (const c of trapped) near.add(c);
  } else {
    for (const from of announcedConfigs) {
      for (let edge = graph.edgeStart[from] as number; edge < (graph.edgeStart[from + 1] as number); edge++) {
        const to = graph.edgeTarget[edge] as number;
        if (!reaches[to]) near.add(to);
      }
    }
  }
  return {
    deadEnds: trapped.filter((c) => !looping.has(c)),
    doomLoops: trapped.filter((c) => looping.has(c)),
    onMainPath: trapped.filter((c) => near.has(c)),
  };
}

/** Node ids of configurations, without repeats (the implicit hang-up named as such). */
export function trapNodes(graph: ConfigGraph, configs: readonly number[]): string[] {
  const ids = configs.map((c) => {
    const index = graph.configNode[c] as number;
    return index === IMPLICIT_HANGUP ? '(hang-up after a failure)' : (graph.nodeIds[index] as string);
  });
  return [...new Set(ids)];
}

export { configName };
