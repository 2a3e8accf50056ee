// One build for every bundle: the extension host entry, the CLI, the k6 runtime module and the webview.
// Also writes the scenario JSON Schema from its single source (src/core/scenario/spec.ts).
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const { version } = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', absWorkingDir: root };

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/loadscope.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' }, define: { LOADSCOPE_VERSION: JSON.stringify(version) } },
  // Runs inside k6, not Node: plain ES modules, k6's own modules left as imports.
  { ...common, sourcemap: false, minify: false, entryPoints: ['src/k6-runtime/runtime.ts'], outfile: 'dist/k6-runtime.js', platform: 'neutral', format: 'esm', target: 'es2020', external: ['k6', 'k6/*'] },
  { ...common, entryPoints: ['webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
  // Inlined into report.html by the report writer, so the report needs no network.
  { ...common, sourcemap: false, minify: true, entryPoints: ['webview/report/main.ts'], outfile: 'dist/report-page.js', platform: 'browser', format: 'iife', target: 'es2020' },
];

async function writeSchema() {
  const out = path.join(root, 'dist', 'schema-writer.mjs');
  await esbuild.build({ ...common, sourcemap: false, entryPoints: ['src/core/scenario/schema.ts'], outfile: out, platform: 'node', format: 'esm', target: 'node20' });
  const { scenarioJsonSchema } = await import(pathToFileURL(out).href);
  mkdirSync(path.join(root, 'schemas'), { recursive: true });
  writeFileSync(path.join(root, 'schemas', 'scenario.schema.json'), JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  await writeSchema();
}
