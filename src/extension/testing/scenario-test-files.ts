// Which files the Testing view lists: scenario files by their name convention, outside installed packages and
// outside report folders (where nobody edits scenarios and runs would only repeat them).

/** Scenario files, for `findFiles` and the file watcher. */
export const SCENARIO_FILES_GLOB = '**/*.scenario.{yaml,yml}';

/** Folders never searched for scenarios. */
export const IGNORED_FOLDERS_GLOB = '{**/node_modules/**,**/load-reports/**}';

const IGNORED_FOLDERS: ReadonlySet<string> = new Set(['node_modules', 'load-reports']);

/** True when a path (the watcher reports every match) lies in a folder the search skips. */
export function isInIgnoredFolder(filePath: string): boolean {
  return filePath.split(/[\\/]/).slice(0, -1).some((segment) => IGNORED_FOLDERS.has(segment));
}
