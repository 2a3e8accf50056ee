// Where a run's reports go: <baseDir>/<scenario-slug>/<UTC timestamp>[-N], never reusing a folder.

import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

const MAX_SLUG_LENGTH = 60;
const MAX_SAME_SECOND_RUNS = 1000;
// Windows refuses these as file names whatever the extension.
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** A safe lowercase folder name from a scenario name: ASCII letters, digits and dashes only. */
export function scenarioSlug(scenarioName: string): string {
  const ascii = scenarioName.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  const slug = ascii
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  if (slug === '') {
    // Names with no Latin letters (e.g. Japanese) would all collapse to one folder; a short hash keeps them apart.
    const digest = createHash('sha256').update(scenarioName, 'utf8').digest('hex').slice(0, 8);
    return scenarioName.trim() === '' ? 'scenario' : `scenario-${digest}`;
  }
  return WINDOWS_RESERVED.test(slug) ? `${slug}-scenario` : slug;
}

/** A UTC timestamp safe in file names on every OS: 2026-01-22T10-15-03Z. */
export function runTimestamp(startedAt: Date): string {
  if (Number.isNaN(startedAt.getTime())) throw new Error('Cannot name the run folder: the start time is not a valid date.');
  return startedAt.toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
}

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** Creates and returns a new, empty folder for one run's reports; an existing folder is never reused. */
export function createRunFolder(baseDir: string, scenarioName: string, startedAt: Date): string {
  const base = path.resolve(baseDir);
  const scenarioDir = path.join(base, scenarioSlug(scenarioName));
  if (path.dirname(scenarioDir) !== base) throw new Error(`Refusing to create a run folder outside ${base}.`);
  mkdirSync(scenarioDir, { recursive: true });
  const stamp = runTimestamp(startedAt);
  for (let attempt = 1; attempt <= MAX_SAME_SECOND_RUNS; attempt += 1) {
    const candidate = path.join(scenarioDir, attempt === 1 ? stamp : `${stamp}-${attempt}`);
    try {
      // Not recursive: mkdir fails with EEXIST when another run took the name first, so two runs never share a folder.
      mkdirSync(candidate);
      return candidate;
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw error;
    }
  }
  throw new Error(`Could not create a run folder in ${scenarioDir}: ${MAX_SAME_SECOND_RUNS} runs already started at ${stamp}.`);
}
