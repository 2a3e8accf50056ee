// The baseline of a scenario: one of its runs, pinned in <report base>/<scenario slug>/baseline.json. Later runs
// of the scenario are compared with it. The file names the run folder relative to itself, so the report folder
// can move (or be checked in) without breaking the pin.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../report/atomic-write';
import { scenarioSlug } from '../report/run-folder';
import type { RunResult } from '../results';
import { readRunResult } from './read-run';

export const BASELINE_FILE = 'baseline.json';

/** baseline.json. */
export interface BaselinePin {
  /** The pinned run's folder: a folder next to baseline.json, e.g. "2026-01-22T10-15-03Z". */
  runFolder: string;
  /** When it was pinned, ISO-8601 UTC. */
  pinnedAt: string;
}

/** True for the content of a baseline.json whose run folder is a plain folder name (nothing outside). */
export function isBaselinePin(value: unknown): value is BaselinePin {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  if (!('runFolder' in value) || !('pinnedAt' in value)) return false;
  const { runFolder, pinnedAt } = value;
  return typeof runFolder === 'string' && isPlainFolderName(runFolder) && typeof pinnedAt === 'string';
}

function isPlainFolderName(name: string): boolean {
  return name !== '' && name !== '.' && name !== '..' && !/[/\\]/.test(name) && !path.isAbsolute(name);
}

export type PinOutcome = { ok: true; file: string; pin: BaselinePin; result: RunResult } | { ok: false; message: string };

/** Pins the run in `runPath` (a report folder or its summary.json) as the baseline of its scenario. */
export async function pinBaseline(runPath: string, now: Date = new Date()): Promise<PinOutcome> {
  const read = readRunResult(runPath);
  if (!read.ok) return read;
  const { result, folder } = read;
  const scenarioDir = path.dirname(path.resolve(folder));
  const slug = scenarioSlug(result.scenario);
  if (path.basename(scenarioDir) !== slug) {
    return { ok: false, message: `${folder} is not in the report folder of its scenario (…/${slug}/<time>/): pin a run folder as \`loadscope run\` wrote it.` };
  }
  if (result.totals.requests === 0) return { ok: false, message: `The run in ${folder} made no request (${result.outcome}): there is nothing to compare with.` };
  const pin: BaselinePin = { runFolder: path.basename(path.resolve(folder)), pinnedAt: now.toISOString() };
  const file = path.join(scenarioDir, BASELINE_FILE);
  await writeFileAtomic(file, JSON.stringify(pin, null, 2) + '\n');
  return { ok: true, file, pin, result };
}

export type BaselineLookup =
  | { kind: 'none' }
  | { kind: 'broken'; runFolder?: string; message: string }
  | { kind: 'found'; runFolder: string; folder: string; result: RunResult };

/** The baseline pinned in `scenarioDir`, if any, read back with its run. */
export function readBaseline(scenarioDir: string): BaselineLookup {
  const file = path.join(scenarioDir, BASELINE_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT') return { kind: 'none' };
    return { kind: 'broken', message: `${BASELINE_FILE} could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'broken', message: `${BASELINE_FILE} is not valid JSON` };
  }
  if (!isBaselinePin(parsed)) return { kind: 'broken', message: `${BASELINE_FILE} does not name a run folder next to it ({"runFolder": "<time>", "pinnedAt": "…"})` };
  const folder = path.join(scenarioDir, parsed.runFolder);
  const read = readRunResult(folder);
  if (!read.ok) return { kind: 'broken', runFolder: parsed.runFolder, message: `the pinned run ${parsed.runFolder} could not be read: ${read.message}` };
  return { kind: 'found', runFolder: parsed.runFolder, folder, result: read.result };
}
