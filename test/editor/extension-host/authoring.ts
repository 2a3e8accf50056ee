// Authoring in the real extension host: language recognition, completion, hover, diagnostics while typing,
// quick fixes and "New Scenario", each asked for through VS Code's own commands, as the editor would.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { SCENARIO_LANGUAGE_ID } from '../../../src/extension/authoring/scenario-language';
import { STARTER_SCENARIO } from '../../../src/extension/authoring/starter-scenario';
import type { ExtensionHostTest } from './extension-host-test';
import { waitUntil } from './host-helpers';

const EXTENSION_ID = 'loadscope.loadscope';

async function activate(): Promise<void> {
  await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
}

function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need a workspace folder');
  return folder.uri;
}

/** Writes a file into the workspace, runs `body` with it, and removes it (and closes its editors) afterwards. */
async function withFile(name: string, text: string, body: (uri: vscode.Uri) => Promise<void>): Promise<void> {
  const uri = vscode.Uri.joinPath(workspaceFolder(), name);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  try {
    await body(uri);
  } finally {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(uri, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  }
}

async function show(uri: vscode.Uri): Promise<vscode.TextEditor> {
  return vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
}

/** The cursor marked with `|` in `marked`, as a position, and the text without the marker. */
function cursor(marked: string): { text: string; position: vscode.Position } {
  const index = marked.indexOf('|');
  const before = marked.slice(0, index).split('\n');
  return { text: marked.slice(0, index) + marked.slice(index + 1), position: new vscode.Position(before.length - 1, (before[before.length - 1] ?? '').length) };
}

async function completions(uri: vscode.Uri, position: vscode.Position, triggerCharacter?: string): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, position, triggerCharacter);
  return list.items;
}

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function markdownOf(value: vscode.CompletionItem['documentation'] | vscode.Hover['contents'][number]): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return 'value' in value ? value.value : '';
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === 'loadscope');
}

const BROKEN = `scenario: Broken
target: http://127.0.0.1:8080
load:
  userz: 10
  duration: 30s
requests:
  - { name: home, GET: / }
`;

/** Tests of the authoring features. */
export const authoringTests: ExtensionHostTest[] = [
  {
    name: 'authoring: a NAME.scenario.yaml file opens in the scenario language',
    run: async () => {
      await activate();
      await withFile('authoring-by-name.scenario.yaml', 'scenario: By name\n', async (uri) => {
        const editor = await show(uri);
        assert.equal(editor.document.languageId, SCENARIO_LANGUAGE_ID);
      });
    },
  },
  {
    name: 'authoring: a YAML file that is plainly a scenario switches to the scenario language when shown; other YAML stays YAML',
    run: async () => {
      await activate();
      await withFile('authoring-by-content.yaml', BROKEN, async (scenarioUri) => {
        await withFile('authoring-other.yaml', 'name: CI\non: push\njobs: {}\n', async (otherUri) => {
          await show(otherUri);
          await show(scenarioUri);
          await waitUntil('the scenario to switch language', () =>
            vscode.workspace.textDocuments.find((document) => document.uri.toString() === scenarioUri.toString() && document.languageId === SCENARIO_LANGUAGE_ID),
          );
          const other = vscode.workspace.textDocuments.find((document) => document.uri.toString() === otherUri.toString());
          assert.equal(other?.languageId, 'yaml');
          assert.deepEqual(ours(otherUri), []);
        });
      });
    },
  },
  {
    name: 'authoring: completion offers the load keys with their documentation',
    run: async () => {
      await activate();
      const { text, position } = cursor('scenario: Completion\nload:\n  users: 10\n  sp|\n');
      await withFile('authoring-completion.scenario.yaml', text, async (uri) => {
        await show(uri);
        const items = await completions(uri, position);
        const spawnRate = items.find((item) => label(item) === 'spawnRate');
        assert.ok(spawnRate, `no spawnRate among ${items.map(label).join(', ')}`);
        assert.equal(spawnRate.kind, vscode.CompletionItemKind.Property);
        assert.match(markdownOf(spawnRate.documentation), /\S{10,}/);
        assert.ok(!items.some((item) => label(item) === 'rate'), 'rate conflicts with users and must not be offered');
      });
    },
  },
  {
    name: 'authoring: completion inside {{ }} offers captured variables and built-in functions; a space in indentation offers nothing',
    run: async () => {
      await activate();
      const { text, position } = cursor('scenario: Templates\nrequests:\n  - name: login\n    POST: /login\n    capture: { token: $.access }\n  - name: me\n    GET: "/me?t={{ |"\n');
      await withFile('authoring-templates.scenario.yaml', text, async (uri) => {
        await show(uri);
        const items = await completions(uri, position, ' ');
        const labels = items.map(label);
        for (const expected of ['token', 'user', 'randomInt', 'uuid']) assert.ok(labels.includes(expected), `${expected} missing from ${labels.join(', ')}`);
        assert.equal(items.find((item) => label(item) === 'randomInt')?.kind, vscode.CompletionItemKind.Function);
        // VS Code's own word-based items (kind Text) fill in when no provider has any: ours must have none.
        const inIndentation = (await completions(uri, new vscode.Position(3, 2), ' ')).filter((item) => item.kind !== vscode.CompletionItemKind.Text);
        assert.deepEqual(inIndentation.map(label), []);
      });
    },
  },
  {
    name: 'authoring: a request snippet in a list item is indented so its keys line up under the first',
    run: async () => {
      await activate();
      const { text, position } = cursor('scenario: Snippets\nrequests:\n  - |\n');
      await withFile('authoring-snippet.scenario.yaml', text, async (uri) => {
        await show(uri);
        const snippet = (await completions(uri, position)).find((item) => label(item) === 'GET request');
        assert.ok(snippet, 'no GET request snippet');
        assert.equal(snippet.kind, vscode.CompletionItemKind.Snippet);
        assert.ok(snippet.insertText instanceof vscode.SnippetString, 'the snippet is not a SnippetString');
        assert.equal(snippet.insertText.value, 'name: ${1:get items}\n    GET: ${2:/api/items}\n    expect: { status: ${3:200} }');
        assert.equal(snippet.keepWhitespace, true);
      });
    },
  },
  {
    name: 'authoring: hover shows the documentation of a key and the meaning of a value',
    run: async () => {
      await activate();
      await withFile('authoring-hover.scenario.yaml', 'scenario: Hover\nload:\n  users: 10\n  spawnRate: 10/s\n  duration: 1m\n', async (uri) => {
        await show(uri);
        const hoverText = async (line: number, character: number): Promise<string> => {
          const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, new vscode.Position(line, character));
          return hovers.flatMap((hover) => hover.contents.map(markdownOf)).join('\n');
        };
        assert.match(await hoverText(3, 4), /spawnRate/);
        assert.match(await hoverText(3, 14), /10\/s.*second/s);
      });
    },
  },
  {
    name: 'authoring: a broken file gets diagnostics (code, severity, range), redone after an edit',
    run: async () => {
      await activate();
      await withFile('authoring-broken.scenario.yaml', BROKEN, async (uri) => {
        const editor = await show(uri);
        const [unknownKey] = await waitUntil('the unknown-key diagnostic', () => {
          const found = ours(uri).filter((diagnostic) => diagnostic.code === 'unknown-key');
          return found.length > 0 ? found : undefined;
        });
        assert.ok(unknownKey);
        assert.equal(unknownKey.severity, vscode.DiagnosticSeverity.Error);
        assert.match(unknownKey.message, /did you mean `users`/);
        assert.deepEqual([unknownKey.range.start.line, unknownKey.range.start.character, unknownKey.range.end.line, unknownKey.range.end.character], [3, 2, 3, 7]);
        await editor.edit((edit) => edit.replace(new vscode.Range(4, 12, 4, 15), '30'));
        await waitUntil('bad-duration after the edit', () => (ours(uri).some((diagnostic) => diagnostic.code === 'bad-duration') ? true : undefined));
      });
    },
  },
  {
    name: 'authoring: the quick fix for a misspelt key is preferred and, applied, clears the diagnostic',
    run: async () => {
      await activate();
      await withFile('authoring-fix.scenario.yaml', BROKEN, async (uri) => {
        const editor = await show(uri);
        const diagnostic = await waitUntil('the unknown-key diagnostic', () => ours(uri).find((candidate) => candidate.code === 'unknown-key'));
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find((action) => action.title === "Change to 'users'");
        assert.ok(fix?.edit, `no fix among ${actions.map((action) => action.title).join(', ')}`);
        assert.equal(fix.isPreferred, true);
        assert.equal(fix.kind?.value, vscode.CodeActionKind.QuickFix.value);
        assert.ok(await vscode.workspace.applyEdit(fix.edit));
        assert.equal(editor.document.lineAt(3).text, '  users: 10');
        await waitUntil('the diagnostics to clear', () => (ours(uri).length === 0 ? true : undefined));
      });
    },
  },
  {
    name: 'authoring: data files are read next to the scenario',
    run: async () => {
      await activate();
      const scenario = 'scenario: Data\ntarget: http://127.0.0.1:8080\ndata:\n  people: { file: authoring-people.csv }\nload: { users: 1, duration: 1s }\nrequests:\n  - { name: a, GET: "/u/{{ people.email }}" }\n';
      await withFile('authoring-data.scenario.yaml', scenario, async (uri) => {
        await show(uri);
        await waitUntil('data-file-missing while the CSV is absent', () => (ours(uri).some((diagnostic) => diagnostic.code === 'data-file-missing') ? true : undefined));
        await withFile('authoring-people.csv', 'name\nalice\n', async (csv) => {
          // The column is fixed in the editor and saved: saving a data file revalidates the open scenarios.
          const data = await show(csv);
          await data.edit((edit) => edit.replace(new vscode.Range(0, 0, 0, 4), 'email'));
          assert.ok(await data.document.save(), 'the CSV was not saved');
          await waitUntil('the diagnostics to clear once the CSV has the column', () => (ours(uri).length === 0 ? true : undefined));
        });
      });
    },
  },
  {
    name: 'authoring: a document set back to YAML loses our diagnostics (Red Hat YAML may serve it then)',
    run: async () => {
      await activate();
      await withFile('authoring-to-yaml.scenario.yaml', BROKEN, async (uri) => {
        const editor = await show(uri);
        await waitUntil('diagnostics', () => (ours(uri).length > 0 ? true : undefined));
        await vscode.languages.setTextDocumentLanguage(editor.document, 'yaml');
        await waitUntil('the diagnostics to go', () => (ours(uri).length === 0 ? true : undefined));
      });
    },
  },
  {
    name: 'authoring: an untitled scenario is validated too, and its diagnostics go when it is closed',
    run: async () => {
      await activate();
      const document = await vscode.workspace.openTextDocument({ language: SCENARIO_LANGUAGE_ID, content: BROKEN });
      await vscode.window.showTextDocument(document);
      await waitUntil('diagnostics of the untitled scenario', () => (ours(document.uri).some((diagnostic) => diagnostic.code === 'unknown-key') ? true : undefined));
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await waitUntil('the diagnostics to be cleared on close', () => (ours(document.uri).length === 0 ? true : undefined));
    },
  },
  {
    name: 'authoring: New Scenario writes the starter file, which opens as a scenario without errors, and never overwrites',
    run: async () => {
      await activate();
      const name = 'authoring-new.scenario.yaml';
      const uri = vscode.Uri.joinPath(workspaceFolder(), name);
      try {
        const created = await vscode.commands.executeCommand<vscode.Uri | undefined>('loadscope.newScenario', workspaceFolder(), name);
        assert.equal(created?.toString(), uri.toString());
        assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), STARTER_SCENARIO);
        const document = await waitUntil('the new scenario to be open', () => vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri.toString()));
        assert.equal(document.languageId, SCENARIO_LANGUAGE_ID);
        assert.deepEqual(ours(uri).filter((diagnostic) => diagnostic.severity === vscode.DiagnosticSeverity.Error), []);

        await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode('# mine\n'));
        const again = await vscode.commands.executeCommand<vscode.Uri | undefined>('loadscope.newScenario', workspaceFolder(), name);
        assert.equal(again, undefined);
        assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)), '# mine\n');
      } finally {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.workspace.fs.delete(uri, { useTrash: false }).then(undefined, () => undefined);
      }
    },
  },
];
