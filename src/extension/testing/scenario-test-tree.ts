// The Testing view's tree: one item per scenario file in the workspace, one child per target. Items follow the
// files: created, changed and deleted on disk (a file watcher), and edited in an open editor (after a pause in
// typing, so the gutter icons stay on their lines). A file that does not load keeps its last children and shows
// its first error on the item.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as vscode from 'vscode';
import { loadScenario, type LoadResult } from '../../core/scenario/load';
import type { Target } from '../../core/scenario/model';
import type { AuthoringLog } from '../authoring/authoring-log';
import { KeyedDebouncer } from '../authoring/keyed-debouncer';
import { scenarioDocumentContext } from '../authoring/scenario-documents';
import { isScenarioFileName } from '../authoring/scenario-language';
import { toVscodeRange } from '../authoring/vscode-range';
import { scenarioOutline } from '../run/scenario-outline';
import { IGNORED_FOLDERS_GLOB, isInIgnoredFolder, SCENARIO_FILES_GLOB } from './scenario-test-files';
import { targetItemSpecs, type TargetItemSpec } from './scenario-test-items';

/** What a scenario item was built from: the targets as last loaded, and their items. */
export interface ScenarioEntry {
  uri: vscode.Uri;
  targets: readonly Target[];
  specs: readonly TargetItemSpec[];
}

export interface ScenarioTestTreeOptions {
  log: AuthoringLog;
  env: () => Readonly<Record<string, string | undefined>>;
  debounceMs: number;
}

/** The scenario item's id: its file's URI, spelled one way whoever found it. */
export function scenarioItemId(file: string): string {
  return vscode.Uri.file(file).toString();
}

/** Keeps the controller's items in step with the workspace's scenario files. */
export class ScenarioTestTree implements vscode.Disposable {
  private readonly entries = new Map<string, ScenarioEntry>();
  private readonly debouncer: KeyedDebouncer<string>;
  private readonly subscriptions: vscode.Disposable[] = [];
  private discovery: Promise<void> = Promise.resolve();

  constructor(
    private readonly controller: vscode.TestController,
    private readonly options: ScenarioTestTreeOptions,
  ) {
    this.debouncer = new KeyedDebouncer<string>(options.debounceMs);
    const watcher = vscode.workspace.createFileSystemWatcher(SCENARIO_FILES_GLOB);
    this.subscriptions.push(
      watcher,
      watcher.onDidCreate((uri) => void this.updateFromDisk(uri)),
      // An open editor's text wins over the disk until it is saved (then both agree).
      watcher.onDidChange((uri) => {
        if (openDocument(uri)?.isDirty !== true) void this.updateFromDisk(uri);
      }),
      watcher.onDidDelete((uri) => this.remove(uri)),
      vscode.workspace.onDidChangeTextDocument((event) => {
        const { document } = event;
        if (event.contentChanges.length === 0 || !this.isListed(document.uri)) return;
        this.debouncer.schedule(document.uri.toString(), () => this.updateFromDocument(document));
      }),
      // Closed without saving: the file on disk is the scenario again.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (!this.isListed(document.uri)) return;
        this.debouncer.cancel(document.uri.toString());
        void this.updateFromDisk(document.uri);
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.discover()),
    );
    controller.refreshHandler = () => this.discover();
  }

  /** Finds every scenario file of the workspace and lists it; resolves when all are listed. */
  discover(): Promise<void> {
    this.discovery = this.findAll().catch((error: unknown) => this.options.log.error(`Listing scenario files for the Testing view failed: ${describe(error)}`));
    return this.discovery;
  }

  /** Resolves once the latest discovery is complete. */
  discovered(): Promise<void> {
    return this.discovery;
  }

  /** The scenario item of a file, when listed. */
  itemOf(file: string): vscode.TestItem | undefined {
    return this.controller.items.get(scenarioItemId(file));
  }

  /** What a scenario item was built from. */
  entryOf(item: vscode.TestItem): ScenarioEntry | undefined {
    return this.entries.get(item.id);
  }

  dispose(): void {
    this.debouncer.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.entries.clear();
  }

  private async findAll(): Promise<void> {
    const uris = await vscode.workspace.findFiles(SCENARIO_FILES_GLOB, IGNORED_FOLDERS_GLOB);
    const found = new Set(uris.map((uri) => scenarioItemId(uri.fsPath)));
    const gone: vscode.Uri[] = [];
    this.controller.items.forEach((item) => {
      if (!found.has(item.id) && item.uri !== undefined) gone.push(item.uri);
    });
    for (const uri of gone) this.remove(uri);
    for (const uri of uris) await this.updateFromDisk(uri);
  }

  private isListed(uri: vscode.Uri): boolean {
    return (
      uri.scheme === 'file' &&
      isScenarioFileName(uri.fsPath) &&
      vscode.workspace.getWorkspaceFolder(uri) !== undefined &&
      !isInIgnoredFolder(vscode.workspace.asRelativePath(uri, false))
    );
  }

  private async updateFromDisk(uri: vscode.Uri): Promise<void> {
    if (!this.isListed(uri)) return;
    const document = openDocument(uri);
    if (document !== undefined && !document.isClosed) {
      this.updateFromDocument(document);
      return;
    }
    let text: string;
    try {
      text = await readFile(uri.fsPath, 'utf8');
    } catch {
      // Deleted between the event and the read: the delete event removes it.
      return;
    }
    this.update(uri, text, loadScenario(text, uri.fsPath, { env: this.options.env() }));
  }

  private updateFromDocument(document: vscode.TextDocument): void {
    if (document.isClosed) return;
    const { file, host } = scenarioDocumentContext(document);
    const text = document.getText();
    this.update(document.uri, text, loadScenario(text, file, { env: this.options.env(), host }));
  }

  private update(uri: vscode.Uri, text: string, loaded: LoadResult): void {
    const id = scenarioItemId(uri.fsPath);
    const fileUri = vscode.Uri.parse(id);
    let item = this.controller.items.get(id);
    if (item === undefined) {
      item = this.controller.createTestItem(id, path.basename(uri.fsPath), fileUri);
      this.controller.items.add(item);
    }
    const outline = scenarioOutline(text);
    const relative = vscode.workspace.asRelativePath(fileUri);
    item.label = loaded.scenario?.name ?? outline?.name ?? path.basename(uri.fsPath);
    item.description = relative;
    item.sortText = relative;
    item.range = outline === undefined ? undefined : wholeLine(text, outline.scenarioLine - 1);
    const { scenario } = loaded;
    if (scenario === undefined) {
      const first = loaded.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
      item.error = first === undefined ? 'This file does not load as a scenario.' : `Line ${first.line}: ${first.message}`;
      return;
    }
    item.error = undefined;
    const specs = targetItemSpecs(scenario);
    item.children.replace(
      specs.map((spec) => {
        const child = this.controller.createTestItem(spec.id, spec.label, fileUri);
        child.range = toVscodeRange(spec.range);
        return child;
      }),
    );
    this.entries.set(id, { uri: fileUri, targets: scenario.targets, specs });
  }

  private remove(uri: vscode.Uri): void {
    const id = scenarioItemId(uri.fsPath);
    this.debouncer.cancel(uri.toString());
    this.controller.items.delete(id);
    this.entries.delete(id);
  }
}

function openDocument(uri: vscode.Uri): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'file' && document.uri.fsPath === uri.fsPath);
}

function wholeLine(text: string, line: number): vscode.Range {
  const length = text.split('\n')[line]?.replace(/\r$/, '').length ?? 0;
  return new vscode.Range(line, 0, line, length);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
