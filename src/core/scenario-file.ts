// Reading a scenario from disk: the file system's failures become diagnostics like any other problem.

import { readFileSync, statSync } from 'node:fs';
import type { Diagnostic } from './scenario/diagnostics';
import { loadScenario, type LoadOptions, type LoadResult } from './scenario/load';

/** Larger than any scenario a person writes; refusing early keeps a mistaken path from eating memory. */
const MAX_SCENARIO_BYTES = 5 * 1024 * 1024;

/** Reads and loads a scenario file; a missing or unreadable file is one diagnostic, never an exception. */
export function loadScenarioFile(file: string, options: LoadOptions = {}): LoadResult {
  const problem = (code: string, message: string): LoadResult => ({ diagnostics: [fileDiagnostic(file, code, message)] });
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return problem('not-a-file', `${file} is a folder; give a scenario file such as deployments.scenario.yaml.`);
    if (stat.size > MAX_SCENARIO_BYTES) return problem('file-too-large', `The file is ${Math.round(stat.size / 1024 / 1024)} MB; a scenario is at most 5 MB.`);
    return loadScenario(readFileSync(file, 'utf8'), file, options);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') return problem('file-not-found', `No such file: ${file}.`);
    if (code === 'EACCES') return problem('file-unreadable', `Permission denied reading ${file}.`);
    return problem('file-unreadable', `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

function fileDiagnostic(file: string, code: string, message: string): Diagnostic {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code, message };
}
