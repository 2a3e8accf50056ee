// Reading a suite from disk: a missing or unreadable file is one diagnostic, like a scenario file.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../scenario/diagnostics';
import { parseSuite, type ParsedSuite, type SuiteHost } from './parse-suite';

const MAX_SUITE_BYTES = 1024 * 1024;

/** Looks files up on disk. */
export const fileSystemSuiteHost: SuiteHost = {
  fileExists(absolutePath: string): boolean {
    try {
      return statSync(absolutePath).isFile();
    } catch {
      return false;
    }
  },
};

function fileProblem(file: string, code: string, message: string): ParsedSuite {
  const diagnostic: Diagnostic = { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error', code, message };
  return { diagnostics: [diagnostic] };
}

/** Reads and validates a suite file; never throws. */
export function loadSuiteFile(file: string, host: SuiteHost = fileSystemSuiteHost): ParsedSuite {
  const absolute = path.resolve(file);
  try {
    const stat = statSync(absolute);
    if (stat.isDirectory()) return fileProblem(file, 'not-a-file', `${file} is a folder; give a suite file such as quick.suite.yaml.`);
    if (stat.size > MAX_SUITE_BYTES) return fileProblem(file, 'file-too-large', `The file is ${Math.round(stat.size / 1024)} kB; a suite file is at most 1 MB.`);
    return parseSuite(readFileSync(absolute, 'utf8'), absolute, host);
  } catch (error) {
    const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
    if (code === 'ENOENT') return fileProblem(file, 'file-not-found', `No such file: ${file}.`);
    return fileProblem(file, 'file-unreadable', `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}.`);
  }
}
