/**
 * The strategies a route can use to reach a human, and how a route is
 * labelled with them. Each edge of the configuration graph carries flag bits
 * (hidden option, invalid entry, silence, speech, topic option); a route's
 * labels follow from the union of its edges' flags and from the agent it
 * reaches compared with the "obvious" agent (`department-choice`: another
 * department, strictly faster under the objective; escape.ts decides it).
 *
 * The obvious agent is the one a caller reaches by asking for a person
 * without choosing a topic: the best route (by menu time) that never takes a
 * topic option. Generic options (a person word in the label or phrases, the
 * key 0, or an option for a group of callers such as the elderly: see
 * person-words.json) and listening, digit entry, invalid entries and silence
 * are all allowed on that route.
 */
import type { AgentNode, Option } from '../model/index.js';
import personWords from './person-words.json' with { type: 'json' };

export const STRATEGIES = ['advertised', 'hidden-key', 'invalid-entries', 'silence', 'speech', 'department-choice'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** Edge flag bits of the configuration graph. */
export const EdgeFlag = {
  /** an option the prompt does not announce (`advertised: false`) */
  hidden: 1,
  /** a deliberate invalid key or word */
  invalid: 2,
  /** a no-input timeout left to run out */
  silence: 4,
  /** a spoken phrase */
  speech: 8,
  /** an option that names a topic rather than a person */
  topic: 16,
  /** the move's time rests on an audio prompt of unknown length */
  estimated: 32,
} as const;

/** Flags an `--advertised-only` search refuses: only announced options, listening and requested digits. */
export const NOT_ADVERTISED = EdgeFlag.hidden | EdgeFlag.invalid | EdgeFlag.silence;

/** The flags that make a route's strategy class (used to enumerate alternatives). */
export const CLASS_FLAGS = [EdgeFlag.hidden, EdgeFlag.invalid, EdgeFlag.silence, EdgeFlag.speech] as const;

const WORDS = new Set([...personWords.words, ...personWords.audienceWords].map((word) => word.toLowerCase()));
const CJK_WORDS = [...personWords.cjk, ...personWords.audienceCjk];
const GENERIC_KEYS = new Set<string>(personWords.keys);

/** A person word, or a word naming a group of callers (an option for them is their way to a person). */
function namesPerson(text: string): boolean {
  if (CJK_WORDS.some((word) => text.includes(word))) return true;
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).some((word) => WORDS.has(word));
}

/** Answers of namesPerson by text: menus repeat their labels, and a graph asks once per option move. */
const namesPersonCache = new Map<string, boolean>();
const NAMES_PERSON_CACHE_SIZE = 10_000;

function namesPersonCached(text: string): boolean {
  let answer = namesPersonCache.get(text);
  if (answer === undefined) {
    if (namesPersonCache.size >= NAMES_PERSON_CACHE_SIZE) namesPersonCache.clear();
    answer = namesPerson(text);
    namesPersonCache.set(text, answer);
  }
  return answer;
}

/** True when an option asks for a person rather than a topic (key 0, a person word, or a group of callers). */
export function isGenericOption(option: Option): boolean {
  if (option.key !== undefined && GENERIC_KEYS.has(option.key)) return true;
  if (option.label !== undefined && namesPersonCached(option.label)) return true;
  return option.phrases?.some(namesPersonCached) ?? false;
}

/** Two agents are the same department when they share a queue name, or are the same node. */
export function departmentOf(nodeId: string, agent: AgentNode): string {
  return agent.queue ?? `node:${nodeId}`;
}

/**
 * The labels of a route from the union of its edges' flags. `advertised`
 * means the route would be allowed under `--advertised-only` (it may still
 * say an announced phrase, which adds `speech`).
 */
export function strategiesOf(flags: number, departmentChoice: boolean): Strategy[] {
  const labels: Strategy[] = [];
  if ((flags & NOT_ADVERTISED) === 0) labels.push('advertised');
  if (flags & EdgeFlag.hidden) labels.push('hidden-key');
  if (flags & EdgeFlag.invalid) labels.push('invalid-entries');
  if (flags & EdgeFlag.silence) labels.push('silence');
  if (flags & EdgeFlag.speech) labels.push('speech');
  if (departmentChoice) labels.push('department-choice');
  return labels;
}
