// Where the language service reads a scenario's data files from, and which path stands for an editor document:
// data files are relative to the scenario, and a CSV file open with unsaved edits counts as it reads in the editor.
import path from 'node:path';
import type { ScenarioHost } from '../../core/scenario/data-sources';

/** What locating a document needs, from a vscode.TextDocument and its workspace folder. */
export interface DocumentLocation {
  /** The URI scheme: `file`, `untitled`, or a virtual file system's. */
  scheme: string;
  /** The file-system path for `file` documents; the name (`Untitled-1`) for untitled ones. */
  fsPath: string;
  /** The file-system path of the workspace folder that holds it (or the first one), if any. */
  workspaceFolder?: string;
}

/** The absolute path the core should treat as the scenario's own: data files resolve next to it. */
export function scenarioPathOf(document: DocumentLocation): string {
  if (document.scheme === 'file') return document.fsPath;
  // An untitled scenario reads its data files from the workspace folder, where it will most likely be saved.
  const name = path.basename(document.fsPath) || 'untitled.scenario.yaml';
  return document.workspaceFolder ? path.join(document.workspaceFolder, name) : path.resolve(name);
}

/** A host that answers from open editor documents first and from `disk` (when there is one) otherwise. */
export function editorScenarioHost(openDocumentText: (absolutePath: string) => string | undefined, disk: ScenarioHost | undefined): ScenarioHost {
  return {
    readFile(absolutePath: string): string | undefined {
      return openDocumentText(absolutePath) ?? disk?.readFile(absolutePath);
    },
  };
}
