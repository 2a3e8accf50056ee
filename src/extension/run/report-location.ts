// Where a run's reports go: the `loadscope.reportFolder` setting, relative to the workspace folder that holds the
// scenario (or to the scenario's own folder when it lies outside every workspace folder); absolute paths as given.

import path from 'node:path';
import { DEFAULT_REPORT_FOLDER } from './setting-values';

/** The base folder for reports of `scenarioFile`; each run adds `<scenario>/<time>/` under it. */
export function reportBaseFolder(setting: string | undefined, scenarioFile: string, workspaceFolder: string | undefined): string {
  const folder = setting ?? DEFAULT_REPORT_FOLDER;
  if (path.isAbsolute(folder)) return path.normalize(folder);
  return path.resolve(workspaceFolder ?? path.dirname(scenarioFile), folder);
}

/** The folder reports name the scenario file relative to: the workspace folder, else the scenario's folder. */
export function displayRootFor(scenarioFile: string, workspaceFolder: string | undefined): string {
  return workspaceFolder ?? path.dirname(scenarioFile);
}
