/** arraysInOneBuffer: the views keep their order, types and lengths, and never overlap. */
import { describe, expect, it } from 'vitest';
import { arraysInOneBuffer } from '../../src/analysis/typed-arrays.js';

describe('arraysInOneBuffer', () => {
  it('gives zeroed, aligned, separate views of one buffer, in the order asked', () => {
    const specs = [[Uint8Array, 3], [Float64Array, 5], [Uint16Array, 7], [Int32Array, 2], [Uint32Array, 0]] as const;
    const views = arraysInOneBuffer(specs);
    expect(views.map((view) => view.constructor)).toEqual(specs.map(([type]) => type));
    expect(views.map((view) => view.length)).toEqual(specs.map(([, length]) => length));
    const buffer = (views[0] as Uint8Array).buffer;
    for (const view of views) {
      expect(view.buffer).toBe(buffer);
      expect(view.byteOffset % view.BYTES_PER_ELEMENT).toBe(0);
      expect([...view].every((value) => value === 0)).toBe(true);
    }
    // Fill each view with its own number: every one still reads only its own.
    views.forEach((view, index) => view.fill(index + 1));
    views.forEach((view, index) => expect([...view].every((value) => value === index + 1)).toBe(true));
    expect(buffer.byteLength).toBe(3 + 5 * 8 + 7 * 2 + 2 * 4);
  });
});
