/**
 * Where the benchmark finds the compiled program. `npm run bench` compiles
 * into a private directory under node_modules/.cache (modules still resolve
 * from the project's node_modules), so that another `npm run build` in the
 * same working tree cannot swap files under a running measurement.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const DIST = process.env.IVR_BENCH_DIST ?? join(ROOT, 'node_modules', '.cache', 'ivr-bench', 'dist');

/** Imports a compiled module, e.g. `fromDist('model/index.js')`. */
export function fromDist(path) {
  return import(pathToFileURL(join(DIST, path)).href);
}
