// Pin Run as Baseline: the given run folder, else the last run of the scenario in the active editor, else a
// picked one becomes its scenario's baseline; later runs then include the comparison with it.

import * as vscode from 'vscode';
import { pinBaseline, type PinOutcome } from '../../core/compare/baseline';
import { UserFacingError } from '../commands';
import type { Config } from '../config';
import type { ReportHistory } from '../run/report-history';
import { isScenarioDocument } from '../run/scenario-resource';
import { folderArgument } from './compare-runs-command';
import { pickRunFolder } from './pick-run-folder';

function activeScenarioLastRun(history: ReportHistory): string | undefined {
  const document = vscode.window.activeTextEditor?.document;
  if (document === undefined || document.uri.scheme !== 'file' || !isScenarioDocument(document)) return undefined;
  return history.lastFor(document.uri.fsPath)?.folder;
}

/** Pins a run; resolves with the pin, or undefined when the pick was cancelled. */
export async function pinRunAsBaseline(config: Config, history: ReportHistory, resource: unknown): Promise<Extract<PinOutcome, { ok: true }> | undefined> {
  const folder = folderArgument(resource) ?? activeScenarioLastRun(history) ?? (await pickRunFolder(config, 'Pin Run as Baseline'));
  if (folder === undefined) return undefined;
  const pinned = await pinBaseline(folder);
  if (!pinned.ok) throw new UserFacingError(`Loadscope: ${pinned.message}`);
  void vscode.window.showInformationMessage(
    `Loadscope: the run of ${pinned.result.startedAt} (${vscode.workspace.asRelativePath(folder, false)}) is now the baseline of "${pinned.result.scenario}": later runs are compared with it.`,
  );
  return pinned;
}
