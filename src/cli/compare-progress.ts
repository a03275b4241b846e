/**
 * The progress bar of `ivr compare` (Ink, @inkjs/ui): the view, and a
 * controller that draws it on a stream (stderr, so stdout stays clean for
 * pipes). compare.ts imports this module only when a bar is shown: Ink and
 * React cost startup time.
 */
import { ProgressBar } from '@inkjs/ui';
import { Box, render, Text } from 'ink';
import { createElement, type ReactElement } from 'react';

/** `auditing 3/10 ███████░░░░░░…`: the count, then the bar in the rest of `columns` (half of it at least). */
export function progressView(done: number, total: number, columns: number): ReactElement {
  const percent = total === 0 ? 100 : Math.round((100 * done) / total);
  return createElement(Box, { gap: 1, width: columns },
    createElement(Text, null, `auditing ${done}/${total}`),
    createElement(Box, { flexGrow: 1, minWidth: Math.floor(columns / 2) }, createElement(ProgressBar, { value: percent })));
}

export interface ProgressControl {
  update: (done: number) => void;
  stop: () => void;
}

export function startProgressBar(total: number, stream: NodeJS.WriteStream, columns: number): ProgressControl {
  const instance = render(progressView(0, total, columns), { stdout: stream, patchConsole: false });
  return { update: (done) => instance.rerender(progressView(done, total, columns)), stop: () => instance.unmount() };
}
