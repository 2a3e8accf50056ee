// Reads a run back from its report folder (or its summary.json) for a comparison. Every failure is a message,
// never an exception: `compare` exits 2 on it and a broken baseline becomes a note in the new run's report.

import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { isRunResult } from '../report/decode-run-result';
import type { RunResult } from '../results';

/** summary.json grows about 1 kB per second of run; this is days of run, far beyond any real report. */
const MAX_SUMMARY_BYTES = 256 * 1024 * 1024;

export const SUMMARY_FILE = 'summary.json';

export type ReadRunOutcome = { ok: true; result: RunResult; folder: string } | { ok: false; message: string };

function errorCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
}

/** Runs reported before findings existed lack the field; they had none to report. */
function withFindings(value: unknown): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('findings' in value) ? { ...value, findings: [] } : value;
}

/** The RunResult of a report folder, or of a summary.json given directly. */
export function readRunResult(runPath: string): ReadRunOutcome {
  let file = runPath;
  try {
    if (statSync(runPath).isDirectory()) file = path.join(runPath, SUMMARY_FILE);
    const size = statSync(file).size;
    if (size > MAX_SUMMARY_BYTES) return { ok: false, message: `${file} is ${Math.round(size / 1024 / 1024)} MB: too large for a summary.json.` };
    const text = readFileSync(file, 'utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (error) {
      return { ok: false, message: `${file} is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
    }
    parsed = withFindings(parsed);
    if (!isRunResult(parsed)) return { ok: false, message: `${file} is not a Loadscope summary.json (schema version 1): some fields are missing or of the wrong type.` };
    return { ok: true, result: parsed, folder: path.dirname(file) };
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT') return { ok: false, message: file === runPath ? `No such file or folder: ${runPath}.` : `${runPath} holds no ${SUMMARY_FILE}: give a report folder of a run.` };
    if (code === 'EACCES') return { ok: false, message: `Permission denied reading ${file}.` };
    return { ok: false, message: `Could not read ${file}: ${error instanceof Error ? error.message : String(error)}.` };
  }
}
