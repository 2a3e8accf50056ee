// Bundles the real observer code from src/core/metrics so the plain-JS benchmarks measure exactly what the runner uses.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const resultsDir = path.join(root, 'bench', 'results');

/** Builds (once per call) and imports the observer bundle. */
export async function loadObserver() {
  const outfile = path.join(resultsDir, '.build', 'observer.mjs');
  mkdirSync(path.dirname(outfile), { recursive: true });
  await esbuild.build({
    stdin: {
      contents: [
        "export * from './src/core/metrics/aggregator';",
        "export * from './src/core/metrics/k6-csv-observer';",
        "export * from './src/core/metrics/csv-records';",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
}

/** Bundle path for child processes that import it themselves (built by loadObserver). */
export const observerBundlePath = path.join(resultsDir, '.build', 'observer.mjs');
