// Bundles webview/report/main.ts in memory the way scripts/build.mjs does, so tests need no prior build.

import * as esbuild from 'esbuild';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..', '..');

/** The minified report page script, as dist/report-page.js would hold it. */
export async function buildReportPage(): Promise<string> {
  const result = await esbuild.build({
    absWorkingDir: root,
    entryPoints: ['webview/report/main.ts'],
    bundle: true,
    minify: true,
    sourcemap: false,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  const output = result.outputFiles[0];
  if (output === undefined) throw new Error('esbuild produced no output');
  return output.text;
}
