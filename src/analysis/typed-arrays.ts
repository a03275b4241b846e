/**
 * Typed arrays for the graph and the search, allocated together.
 *
 * V8 counts an ArrayBuffer as external memory, and each large one can set off
 * a full garbage collection over the whole heap, which on a large menu holds
 * the whole parsed file (100–150 ms each on a million configurations). The
 * arrays a build or a search needs at once are therefore views on one buffer:
 * one allocation, at most one such collection.
 */
export type NumberArray = Float64Array | Uint32Array | Int32Array | Uint16Array | Uint8Array;

interface NumberArrayType {
  readonly BYTES_PER_ELEMENT: number;
  new (buffer: ArrayBuffer, byteOffset: number, length: number): NumberArray;
}

/**
 * Zeroed typed arrays of the given types and lengths, in the order asked,
 * as views on one ArrayBuffer (laid out widest element first, so each view
 * is aligned).
 */
export function arraysInOneBuffer(specs: readonly (readonly [NumberArrayType, number])[]): NumberArray[] {
  const widthOf = (index: number) => (specs[index] as readonly [NumberArrayType, number])[0].BYTES_PER_ELEMENT;
  const layout = specs.map((_, index) => index).sort((a, b) => widthOf(b) - widthOf(a));
  const buffer = new ArrayBuffer(specs.reduce((bytes, [type, length]) => bytes + type.BYTES_PER_ELEMENT * length, 0));
  const views: NumberArray[] = new Array(specs.length);
  let offset = 0;
  for (const index of layout) {
    const [type, length] = specs[index] as readonly [NumberArrayType, number];
    views[index] = new type(buffer, offset, length);
    offset += type.BYTES_PER_ELEMENT * length;
  }
  return views;
}
