// Helpers the extension-host tests share: the workspace, polling, lenses, lines, and a small scenario for k6.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** Long enough for the extension host of a busy machine; each test may give its own. */
const DEFAULT_WAIT_MS = 10_000;

/** The workspace folder the tests run in, as a path. */
export function workspaceRoot(): string {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return folder.uri.fsPath;
}

/** Polls `probe` until it returns a value (not undefined); fails with `description` after `timeoutMs`. */
export async function waitUntil<T>(description: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = DEFAULT_WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** A property of a value a command returned, without trusting its type. */
export function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? Reflect.get(value, key) : undefined;
}

/** The CodeLenses VS Code shows on the file. */
export async function codeLenses(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  await vscode.workspace.openTextDocument(uri);
  return vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 20);
}

/** The titles of the file's CodeLenses, in order. */
export async function lensTitles(uri: vscode.Uri): Promise<string[]> {
  return (await codeLenses(uri)).flatMap((lens) => (lens.command ? [lens.command.title] : []));
}

/** The 0-based line of the document holding `snippet`. */
export function lineOf(document: vscode.TextDocument, snippet: string): number {
  for (let line = 0; line < document.lineCount; line += 1) if (document.lineAt(line).text.includes(snippet)) return line;
  throw new Error(`no line of ${document.fileName} holds ${snippet}`);
}

/** A scenario against `target`, small enough for a few seconds of k6; `targets` are extra lines under `targets:`. */
export function quickScenario(name: string, target: string, seconds: number, options: { requests?: readonly string[]; targets?: readonly string[] } = {}): string {
  const requests = options.requests ?? ['{ name: health, GET: /healthz }'];
  return `scenario: ${name}
target: ${target}
load: { users: 2, duration: ${seconds}s }
thinkTime: 100ms
requests:
${requests.map((request) => `  - ${request}\n`).join('')}targets:
  p99: < 1s
${(options.targets ?? []).map((line) => `  ${line}\n`).join('')}`;
}
