// Bundles the extension-host tests to CommonJS, the format VS Code's extension host loads, with `vscode` left external.
// Shared by the vitest harness and .vscode-test.mjs so both run the same compiled tests.
import * as esbuild from 'esbuild';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..', '..');

/** Where the bundles go, relative to the repository root. */
export const extensionHostTestsDir = path.join(root, 'test-output', 'editor', 'extension-host');

/** Builds index.js (exports run()) and mocha-suite.js (for @vscode/test-cli); returns their absolute paths. */
export async function buildExtensionHostTests() {
  const entries = { index: 'index.ts', 'mocha-suite': 'mocha-suite.ts' };
  await esbuild.build({
    absWorkingDir: root,
    entryPoints: Object.entries(entries).map(([out, input]) => ({ out, in: path.join(import.meta.dirname, input) })),
    outdir: extensionHostTestsDir,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'inline',
    external: ['vscode'],
    logLevel: 'warning',
  });
  return {
    index: path.join(extensionHostTestsDir, 'index.js'),
    mochaSuite: path.join(extensionHostTestsDir, 'mocha-suite.js'),
  };
}
