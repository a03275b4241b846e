/**
 * The progress bar of `ivr compare`: the Ink view through ink-testing-library
 * (the bar fills in proportion), and the controller on a fake terminal
 * stream (it draws, redraws and stops).
 */
import { EventEmitter } from 'node:events';
import { cleanup, render } from 'ink-testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import { progressView, startProgressBar } from '../../src/cli/compare-progress.js';

/** The bar measures its width after the first frame: wait a few macrotasks. */
const tick = async () => {
  for (let round = 0; round < 4; round++) await new Promise((resolve) => setTimeout(resolve, 2));
};

const FULL = '█';
const EMPTY = '░';
const count = (text: string, char: string) => [...text].filter((c) => c === char).length;

afterEach(() => cleanup());

describe('compare progress bar', () => {
  it('shows the count and fills in proportion: 0 of 8, 2 of 8, 8 of 8', async () => {
    // 40 columns: "auditing 2/8" (12) + gap 1 leaves a bar of 27 cells.
    const view = render(progressView(0, 8, 40));
    const frameAt = async (done: number) => {
      view.rerender(progressView(done, 8, 40));
      await tick();
      const frame = view.lastFrame() ?? '';
      return { text: frame, full: count(frame, FULL), empty: count(frame, EMPTY) };
    };
    expect(await frameAt(0)).toMatchObject({ full: 0, empty: 27 });
    // 25 % of 27 cells = 6.75, drawn as 7.
    const quarter = await frameAt(2);
    expect(quarter).toMatchObject({ full: 7, empty: 20 });
    expect(quarter.text).toContain('auditing 2/8');
    expect(await frameAt(8)).toMatchObject({ full: 27, empty: 0 });
  });

  it('the controller draws on the stream it is given, redraws on update and stops', async () => {
    const written: string[] = [];
    const stream = Object.assign(new EventEmitter(), {
      columns: 60, rows: 10, isTTY: true,
      write: (chunk: string) => written.push(chunk) > 0,
    }) as unknown as NodeJS.WriteStream;
    const bar = startProgressBar(30, stream, 40);
    await tick();
    bar.update(15);
    await tick();
    bar.stop();
    const all = written.join('');
    expect(all).toContain('auditing 0/30');
    expect(all).toContain('auditing 15/30');
    expect(all).toContain(FULL);
  });
});
