// The run folders a command offers to pick from: each `<report folder>/<scenario>/<time>/summary.json` found, newest
// first. Run folders are named by their UTC start time, so the name orders them without reading any file.

import path from 'node:path';

/** One run folder to pick. */
export interface RunFolderChoice {
  /** The run folder (absolute). */
  folder: string;
  /** The scenario's report folder name. */
  scenario: string;
  /** The run folder's name: its start time. */
  run: string;
}

/** The run folders holding the given summary.json files, newest first (then by scenario), each once. */
export function runFolderChoices(summaryFiles: readonly string[]): RunFolderChoice[] {
  const byFolder = new Map<string, RunFolderChoice>();
  for (const file of summaryFiles) {
    const folder = path.dirname(file);
    byFolder.set(folder, { folder, scenario: path.basename(path.dirname(folder)), run: path.basename(folder) });
  }
  return [...byFolder.values()].sort((a, b) => b.run.localeCompare(a.run) || a.scenario.localeCompare(b.scenario));
}
