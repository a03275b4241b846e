/**
 * The end of a call. With a person: how long the menu took, the hold
 * counting down, and how that compares with the fastest route. Without one:
 * why the call ended, and the route that would have got out.
 */
import { Box, Text } from 'ink';
import type { Menu, Micros } from '../model/index.js';
import type { CallOutcome } from '../machine/index.js';
import { UNREACHABLE_EXPLANATION, type Route, type RouteResult } from '../analysis/route.js';
import { routeWords } from './coach-advice.js';
import { callClock, countdownClock, exactly, holdWords, roughly, wrapToWidth } from './format.js';
import { ProgressLine } from './ProgressLine.js';
import type { Palette } from './palette.js';

export interface EndProps {
  menu: Menu;
  outcome: CallOutcome;
  /** the fastest route from the call's start, for the comparison */
  fastest: RouteResult;
  sinceEnd: Micros;
  width: number;
  palette: Palette;
}

/** An agent's median hold in µs, 0 when the menu does not say (see `holdKnownAt`). */
export function holdOf(menu: Menu, node: string): Micros {
  const agent = menu.nodes[node];
  return agent?.type === 'agent' ? Math.round((agent.wait?.medianSeconds ?? 0) * 1e6) : 0;
}

/** Whether the menu gives a hold estimate for this agent (the route search's `holdKnown`). */
function holdKnownAt(menu: Menu, node: string): boolean {
  const agent = menu.nodes[node];
  return agent?.type === 'agent' && agent.wait?.medianSeconds !== undefined;
}

function queueName(menu: Menu, node: string): string {
  const agent = menu.nodes[node];
  return agent?.type === 'agent' && agent.queue !== undefined ? `${node} (queue ${agent.queue})` : node;
}

function fastestLine(fastest: RouteResult): string {
  if (!fastest.reachable) return `No route reaches a person at this time: ${UNREACHABLE_EXPLANATION[fastest.reason]}`;
  return `${routeWords(fastest)} · ${exactly(fastest.menuMicros)} ${holdWords(fastest.holdMicros, fastest.holdKnown)}`;
}

/** "12.3 s longer than the fastest route", or "as fast as the fastest route". */
export function comparison(yours: Micros, fastest: Micros): string {
  const difference = yours - fastest;
  if (Math.abs(difference) < 50_000) return 'as fast as the fastest route';
  return difference > 0 ? `${exactly(difference)} longer than the fastest route` : `${exactly(-difference)} shorter than the fastest route`;
}

/**
 * Yours against the fastest: menu time + hold when both holds are known;
 * menu time alone when either is not (an unknown hold is not 0 s).
 */
function comparisonLine(yours: { menuMicros: Micros; holdMicros: Micros; holdKnown: boolean }, fastest: Route): string {
  if (yours.holdKnown && fastest.holdKnown) {
    return `Yours: ${comparison(yours.menuMicros + yours.holdMicros, fastest.menuMicros + fastest.holdMicros)} (menu time + hold).`;
  }
  return `Yours: ${comparison(yours.menuMicros, fastest.menuMicros)} (menu time; hold unknown).`;
}

function AgentEnd({ menu, outcome, fastest, sinceEnd, width, palette }: EndProps) {
  const hold = holdOf(menu, outcome.node);
  const holdKnown = holdKnownAt(menu, outcome.node);
  const left = Math.max(0, hold - sinceEnd);
  const fit = (text: string) => wrapToWidth(text, width);
  return (
    <Box flexDirection="column">
      <Text bold color={palette.good}>{fit(`A person answers: ${queueName(menu, outcome.node)}`)}</Text>
      {holdKnown && hold > 0 ? (
        <ProgressLine
          done={sinceEnd / hold}
          text={`Hold (median ${roughly(hold)}): ${left > 0 ? `${countdownClock(left)} left` : 'a person picks up'}`}
          barFirst={false}
          width={width}
          palette={palette}
        />
      ) : (
        <Text>{fit(holdKnown ? 'Hold: none, a person picks up.' : 'Hold unknown: this line gives no estimate.')}</Text>
      )}
      <Text>{fit(`Your way in: ${exactly(outcome.menuMicros)} ${holdWords(hold, holdKnown)}.`)}</Text>
      <Text>{fit(`Fastest from the start: ${fastestLine(fastest)}`)}</Text>
      {fastest.reachable && (
        <Text color={palette.accent}>{fit(comparisonLine({ menuMicros: outcome.menuMicros, holdMicros: hold, holdKnown }, fastest))}</Text>
      )}
    </Box>
  );
}

function why(outcome: CallOutcome): string {
  return outcome.reason === 'caller hung up' ? 'you hung up' : outcome.reason ?? 'the menu hung up';
}

function HangupEnd({ outcome, fastest, width, palette }: EndProps) {
  const fit = (text: string) => wrapToWidth(text, width);
  return (
    <Box flexDirection="column">
      <Text bold color={palette.bad}>{fit(`The call ended without a person: ${why(outcome)}.`)}</Text>
      <Text>{fit(`Ended at ${outcome.node}, call clock ${callClock(outcome.menuMicros)}.`)}</Text>
      <Text>{fit(`The way out, from the start: ${fastestLine(fastest)}`)}</Text>
    </Box>
  );
}

export function EndScreen(props: EndProps) {
  return props.outcome.type === 'agent' ? <AgentEnd {...props} /> : <HangupEnd {...props} />;
}
