// What the core needs to know about an editor document: the path that stands for it and a host that reads its
// data files (open editors first, then the disk).
import * as vscode from 'vscode';
import type { ScenarioHost } from '../../core/scenario/data-sources';
import { fileSystemHost } from '../../core/scenario/load';
import { editorScenarioHost, scenarioPathOf } from './scenario-host';

/** The scenario path and data-file host of one document. */
export interface ScenarioDocumentContext {
  file: string;
  host: ScenarioHost;
}

function workspaceFolderPath(document: vscode.TextDocument): string | undefined {
  const folder = vscode.workspace.getWorkspaceFolder(document.uri) ?? vscode.workspace.workspaceFolders?.[0];
  return folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined;
}

function openDocumentText(absolutePath: string): string | undefined {
  return vscode.workspace.textDocuments.find((document) => document.uri.scheme === 'file' && document.uri.fsPath === absolutePath)?.getText();
}

/** The path and host the core should use for `document`. */
export function scenarioDocumentContext(document: vscode.TextDocument): ScenarioDocumentContext {
  const workspaceFolder = workspaceFolderPath(document);
  const file = scenarioPathOf({ scheme: document.uri.scheme, fsPath: document.uri.scheme === 'file' ? document.uri.fsPath : document.fileName, ...(workspaceFolder ? { workspaceFolder } : {}) });
  // The disk is only ours to read for local files (or untitled ones, whose data sits in a local workspace folder).
  const disk = document.uri.scheme === 'file' || workspaceFolder !== undefined ? fileSystemHost : undefined;
  return { file, host: editorScenarioHost(openDocumentText, disk) };
}
