// How the editor tells a scenario from any other YAML file: its own language id, given by a file-name convention
// (package.json `languages[].filenamePatterns`) or, for other YAML files, by content (see scenario-content.ts).
import type { DocumentFilter } from 'vscode';

/** The language id of scenario files; its grammar reuses VS Code's YAML grammar. */
export const SCENARIO_LANGUAGE_ID = 'loadscope-scenario';

/** File names that open as scenarios without looking at their content. */
export const SCENARIO_FILE_PATTERNS: readonly string[] = ['*.scenario.yaml', '*.scenario.yml'];

/** Where every authoring provider (and the Running part's CodeLens) applies: documents in the scenario language. */
export const SCENARIO_SELECTOR: DocumentFilter = { language: SCENARIO_LANGUAGE_ID };

const SCENARIO_FILE_NAME = /\.scenario\.ya?ml$/i;

/** True when a file name (or path) follows the `NAME.scenario.yaml` convention. */
export function isScenarioFileName(fileName: string): boolean {
  return SCENARIO_FILE_NAME.test(fileName);
}

/**
 * Documents validated while open: files being edited. Read-only views of other versions (a `git:` side of a diff,
 * a search preview) would otherwise fill the Problems panel with errors of text nobody is editing.
 */
const VALIDATED_SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs']);

/** True when documents with this URI scheme get diagnostics. */
export function isValidatedScheme(scheme: string): boolean {
  return VALIDATED_SCHEMES.has(scheme);
}
