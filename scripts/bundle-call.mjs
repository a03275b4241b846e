/**
 * Build step after `tsc`: bundles dist/tui/screen.js (the call screen, Ink,
 * React, the machine) into dist/tui/screen.bundle.js, which `ivr call` loads
 * when present. One file instead of ~200 modules: no resolving, no lexing of
 * React's CommonJS for its exports, and the production build of React chosen
 * at bundle time. See docs/call.md "Performance".
 */
import { build } from 'esbuild';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(dirname(fileURLToPath(import.meta.url))), 'dist');
const dist = join(root, 'tui');
const model = join(root, 'model');

await build({
  entryPoints: [join(dist, 'screen.js')],
  outfile: join(dist, 'screen.bundle.js'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // jsonc-parser's "main" is a UMD build with requires esbuild cannot follow; its "module" build is plain ESM.
  mainFields: ['module', 'main'],
  define: {
    'process.env.NODE_ENV': '"production"',
    // yoga-layout's loader asks `typeof fetch` before decoding its inlined WASM; in Node that
    // question alone loads the whole fetch implementation (undici), about 200 ms. The answer
    // is never used on the path it takes, so the bundle says there is no fetch.
    fetch: 'undefined',
  },
  // The bundle is ESM; some CommonJS inside it calls require() for Node built-ins.
  banner: { js: "import { createRequire as bundleRequire } from 'node:module';\nconst require = bundleRequire(import.meta.url);" },
  plugins: [
    {
      // The CLI has already loaded the model (and zod with it) to read the menu: the bundle
      // imports those very modules instead of a second copy. Every importer sits one folder
      // below dist/, as the bundle does, so the path is the same for all of them.
      name: 'shared-model',
      setup(builder) {
        builder.onResolve({ filter: /^\.\.?\// }, ({ path, resolveDir }) => {
          const target = join(resolveDir, path);
          return target.startsWith(`${model}/`) ? { path: `../model/${relative(model, target)}`, external: true } : undefined;
        });
      },
    },
    {
      // Ink loads its React devtools bridge only when DEV=true; it needs packages we do not ship.
      name: 'no-ink-devtools',
      setup(builder) {
        builder.onLoad({ filter: /ink[\\/]build[\\/]devtools\.js$/ }, () => ({ contents: 'export {};', loader: 'js' }));
      },
    },
  ],
  legalComments: 'none',
  logLevel: 'warning',
});
