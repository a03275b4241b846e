/**
 * DOT → SVG with the WASM build of Graphviz shipped inside
 * @hpcc-js/wasm-graphviz: no network, no system `dot`. The WASM module is
 * loaded once per process (about 100 ms the first time).
 */
import type { Graphviz } from '@hpcc-js/wasm-graphviz';

let graphviz: Promise<Graphviz> | undefined;

export async function dotToSvg(dot: string): Promise<string> {
  // Imported on first use: the package carries its WASM inline, which costs startup time.
  graphviz ??= import('@hpcc-js/wasm-graphviz').then(({ Graphviz: loader }) => loader.load());
  const svg = (await graphviz).dot(dot, 'svg');
  // Drop the XML prolog and doctype so the SVG can be inlined in HTML.
  return svg.slice(svg.indexOf('<svg'));
}
