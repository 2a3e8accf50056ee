// For contributors whose machine can download VS Code: `npx vscode-test` runs the same extension-host tests
// (test/editor/extension-host/) in a desktop VS Code through @vscode/test-electron and mocha.
// Build the extension first (`node scripts/build.mjs`). On machines without that download, `npm run test:editor`
// runs these tests in code-server instead (see test/editor/harness/extension-host-tests.ts).
import { defineConfig } from '@vscode/test-cli';
import { buildExtensionHostTests } from './test/editor/extension-host/build.mjs';
import path from 'node:path';

const { mochaSuite } = await buildExtensionHostTests();

export default defineConfig({
  label: 'extension-host',
  files: mochaSuite,
  extensionDevelopmentPath: import.meta.dirname,
  workspaceFolder: path.join(import.meta.dirname, 'test', 'editor', 'fixtures', 'workspace'),
  launchArgs: ['--disable-extensions', '--skip-welcome', '--skip-release-notes'],
  mocha: { ui: 'tdd', timeout: 30_000 },
});
