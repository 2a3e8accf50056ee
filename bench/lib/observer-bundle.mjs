// Bundles the real observer code from src/core/metrics so the plain-JS benchmarks measure exactly what the runner uses.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const resultsDir = path.join(root, 'bench', 'results');

/** Bundles the given project modules (paths from the repository root) into bench/results/.build/NAME and imports it. */
export async function bundleSources(name, modules) {
  const outfile = path.join(resultsDir, '.build', name);
  mkdirSync(path.dirname(outfile), { recursive: true });
  await esbuild.build({
    stdin: { contents: modules.map((module) => `export * from './${module}';`).join('\n'), resolveDir: root, loader: 'ts' },
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outfile,
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href + `?t=${Date.now()}`);
}

/** Builds (once per call) and imports the observer bundle. */
export function loadObserver() {
  return bundleSources('observer.mjs', ['src/core/metrics/aggregator', 'src/core/metrics/k6-csv-observer', 'src/core/metrics/csv-records']);
}

/** Bundle path for child processes that import it themselves (built by loadObserver). */
export const observerBundlePath = path.join(resultsDir, '.build', 'observer.mjs');
