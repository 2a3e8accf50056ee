// Compare Two Runs… in the real extension host: two report folders written here from fixture runs (the second
// slowed on purpose) open a read-only Markdown document holding the comparison table.
import * as assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import type { RunResult } from '../../../src/core/results';
import { COMPARE_COMMANDS } from '../../../src/extension/compare/compare-command-ids';
import { COMPARISON_SCHEME } from '../../../src/extension/compare/comparison-documents';
import { syntheticRun } from '../../unit/compare/synthetic-runs';
import type { ExtensionHostTest } from './extension-host-test';
import { workspaceRoot } from './host-helpers';

const EXTENSION_ID = 'loadscope.loadscope';
const FOLDER = 'ext-host-compare';

function writeRun(scenarioDir: string, runFolder: string, result: RunResult): string {
  const folder = path.join(scenarioDir, runFolder);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'summary.json'), JSON.stringify(result));
  return folder;
}

export const compareTests: readonly ExtensionHostTest[] = [
  {
    name: 'Compare Two Runs opens the comparison of two report folders as a Markdown document',
    run: async () => {
      await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
      const scenarioDir = path.join(workspaceRoot(), FOLDER, 'compare-fixture');
      try {
        const a = writeRun(scenarioDir, '2026-01-01T10-00-00Z', { ...syntheticRun({ seed: 1 }), scenario: 'Compare fixture' });
        const b = writeRun(scenarioDir, '2026-01-01T11-00-00Z', { ...syntheticRun({ seed: 2, latencyFactor: 1.5 }), scenario: 'Compare fixture' });
        const document = await vscode.commands.executeCommand<vscode.TextDocument | undefined>(COMPARE_COMMANDS.compareRuns, a, vscode.Uri.file(b));
        assert.ok(document, 'the command resolves with the comparison document');
        assert.equal(document.uri.scheme, COMPARISON_SCHEME);
        assert.equal(document.languageId, 'markdown');
        const text = document.getText();
        assert.match(text, /^\| Request \|/m, 'the comparison table is in the document');
        assert.match(text, /create deployment/);
        assert.match(text, /worse/, 'a build slowed by half is reported worse');
        assert.ok(
          vscode.workspace.textDocuments.some((open) => open.uri.toString() === document.uri.toString()),
          'the document is open in the workbench',
        );
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        rmSync(path.join(workspaceRoot(), FOLDER), { recursive: true, force: true });
      }
    },
  },
];
