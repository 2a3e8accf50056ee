// The extension loads in the real extension host and contributes its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionHostTest } from './extension-host-test';

const EXTENSION_ID = 'loadscope.loadscope';

/** Tests about activation and command registration. */
export const activationTests: ExtensionHostTest[] = [
  {
    name: 'the extension activates',
    run: async () => {
      const extension = vscode.extensions.getExtension(EXTENSION_ID);
      assert.ok(extension, `${EXTENSION_ID} is not among the loaded extensions`);
      await extension.activate();
      assert.equal(extension.isActive, true);
    },
  },
  {
    name: 'loadscope.runScenario is registered',
    run: async () => {
      await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
      const commands = await vscode.commands.getCommands(true);
      assert.ok(commands.includes('loadscope.runScenario'), 'loadscope.runScenario is not a registered command');
    },
  },
];
