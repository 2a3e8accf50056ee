// Compare Two Runs…: two report folders (given, or picked), compared as `loadscope compare` does, shown as the
// Markdown comparison in a read-only document's preview.

import * as vscode from 'vscode';
import { compareRuns } from '../../core/compare/compare-runs';
import { renderComparisonMarkdown } from '../../core/compare/comparison-markdown';
import { readRunResult, type ReadRunOutcome } from '../../core/compare/read-run';
import { UserFacingError } from '../commands';
import type { Config } from '../config';
import type { ComparisonDocuments } from './comparison-documents';
import { pickRunFolder } from './pick-run-folder';

/** A path given to the command: a URI (explorer) or a string (other commands, tests). */
export function folderArgument(value: unknown): string | undefined {
  if (value instanceof vscode.Uri) return value.fsPath;
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function readOrRefuse(folder: string): Extract<ReadRunOutcome, { ok: true }> {
  const read = readRunResult(folder);
  if (!read.ok) throw new UserFacingError(`Loadscope: ${read.message}`);
  return read;
}

/** Opens the comparison of run B with run A; resolves with its document, or undefined when a pick was cancelled. */
export async function compareTwoRuns(config: Config, documents: ComparisonDocuments, first: unknown, second: unknown): Promise<vscode.TextDocument | undefined> {
  const folderA = folderArgument(first) ?? (await pickRunFolder(config, 'Compare Two Runs: the earlier run (A, the reference)'));
  if (folderA === undefined) return undefined;
  const folderB = folderArgument(second) ?? (await pickRunFolder(config, 'Compare Two Runs: the later run (B, compared with A)', folderA));
  if (folderB === undefined) return undefined;
  const a = readOrRefuse(folderA);
  const b = readOrRefuse(folderB);
  const labelA = vscode.workspace.asRelativePath(a.folder, false);
  const labelB = vscode.workspace.asRelativePath(b.folder, false);
  const markdown = renderComparisonMarkdown(compareRuns(a.result, b.result), { labelA, labelB });
  const uri = documents.add(`comparison ${a.result.scenario}`, markdown);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    // Without the built-in Markdown extension the text itself is the comparison.
    await vscode.window.showTextDocument(document, { preview: true });
  }
  return document;
}
