import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BASELINE_FILE, isBaselinePin, pinBaseline, readBaseline } from '../../../src/core/compare/baseline';
import { checkAgainstBaseline, writeComparisonReports } from '../../../src/core/compare/baseline-comparison';
import { readRunResult } from '../../../src/core/compare/read-run';
import { renderSummaryJson } from '../../../src/core/report/summary-json';
import type { RunResult } from '../../../src/core/results';
import { k6MissingRun } from '../report/fixtures';
import { syntheticRun } from './synthetic-runs';

let base: string;

beforeEach(() => {
  base = mkdtempSync(path.join(os.tmpdir(), 'loadscope-baseline-'));
});

afterEach(() => {
  rmSync(base, { recursive: true, force: true });
});

/** A run folder as `loadscope run` lays it out: <base>/<scenario slug>/<time>/summary.json. */
function runFolder(result: RunResult, time: string, slug = 'synthetic-deployments'): string {
  const folder = path.join(base, slug, time);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, 'summary.json'), renderSummaryJson(result));
  return folder;
}

describe('reading a run back', () => {
  it('reads a report folder or its summary.json', () => {
    const folder = runFolder(syntheticRun({ seed: 1 }), '2026-01-22T10-00-00Z');
    const fromFolder = readRunResult(folder);
    const fromFile = readRunResult(path.join(folder, 'summary.json'));
    expect(fromFolder.ok && fromFolder.result.scenario).toBe('Synthetic deployments');
    expect(fromFile.ok && fromFile.folder).toBe(folder);
  });

  it('says what is wrong: missing, not a run folder, not JSON, not a summary', () => {
    expect(readRunResult(path.join(base, 'nope'))).toEqual({ ok: false, message: `No such file or folder: ${path.join(base, 'nope')}.` });
    mkdirSync(path.join(base, 'empty'));
    expect(readRunResult(path.join(base, 'empty'))).toEqual({ ok: false, message: `${path.join(base, 'empty')} holds no summary.json: give a report folder of a run.` });
    writeFileSync(path.join(base, 'bad.json'), '{ nope');
    expect(readRunResult(path.join(base, 'bad.json'))).toMatchObject({ ok: false, message: expect.stringMatching(/bad\.json is not valid JSON/) });
    writeFileSync(path.join(base, 'other.json'), '{"schemaVersion": 1}');
    expect(readRunResult(path.join(base, 'other.json'))).toMatchObject({ ok: false, message: expect.stringMatching(/is not a Loadscope summary\.json/) });
  });
});

describe('pinning a baseline', () => {
  it('writes baseline.json beside the run folders, naming the run relative to it', async () => {
    const folder = runFolder(syntheticRun({ seed: 1 }), '2026-01-22T10-00-00Z');
    const pinned = await pinBaseline(path.join(folder, 'summary.json'), new Date('2026-01-23T08:00:00Z'));
    expect(pinned.ok).toBe(true);
    const file = path.join(base, 'synthetic-deployments', BASELINE_FILE);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ runFolder: '2026-01-22T10-00-00Z', pinnedAt: '2026-01-23T08:00:00.000Z' });
    const again = await pinBaseline(runFolder(syntheticRun({ seed: 2 }), '2026-01-22T11-00-00Z'));
    expect(again.ok && again.pin.runFolder).toBe('2026-01-22T11-00-00Z');
  });

  it('refuses a run outside its scenario folder, or one with nothing to compare', async () => {
    const elsewhere = runFolder(syntheticRun({ seed: 1 }), 'run', 'somewhere-else');
    expect(await pinBaseline(elsewhere)).toMatchObject({ ok: false, message: expect.stringMatching(/is not in the report folder of its scenario \(…\/synthetic-deployments\/<time>\/\)/) });
    const empty = runFolder({ ...k6MissingRun(), scenario: 'Synthetic deployments' }, '2026-01-22T12-00-00Z');
    expect(await pinBaseline(empty)).toMatchObject({ ok: false, message: expect.stringMatching(/made no request \(k6-missing\)/) });
    expect(existsSync(path.join(base, 'synthetic-deployments', BASELINE_FILE))).toBe(false);
  });

  it('accepts only a plain folder name in baseline.json', () => {
    expect(isBaselinePin({ runFolder: '2026-01-22T10-00-00Z', pinnedAt: 'x' })).toBe(true);
    for (const runFolder of ['../x', '..', '', 'a/b', 'a\\b', '/abs']) expect(isBaselinePin({ runFolder, pinnedAt: 'x' }), runFolder).toBe(false);
    expect(isBaselinePin(['x'])).toBe(false);
    expect(isBaselinePin({ runFolder: 'x' })).toBe(false);
  });
});

describe('a new run against the baseline', () => {
  it('is compared when a baseline is pinned, and not at all when none is', async () => {
    const scenarioDir = path.join(base, 'synthetic-deployments');
    expect(checkAgainstBaseline(scenarioDir, syntheticRun({ seed: 2 }))).toBeUndefined();
    await pinBaseline(runFolder(syntheticRun({ seed: 1 }), '2026-01-22T10-00-00Z'));
    const check = checkAgainstBaseline(scenarioDir, syntheticRun({ seed: 2, latencyFactor: 1.4 }));
    expect(check?.field.baseline).toBe('2026-01-22T10-00-00Z');
    expect(check?.field.summary.worse).toBeGreaterThan(0);
    expect(check?.comparison?.summary).toEqual(check?.field.summary);

    const folder = runFolder(syntheticRun({ seed: 2 }), '2026-01-22T11-00-00Z');
    const comparison = check?.comparison;
    if (comparison === undefined) throw new Error('expected a comparison');
    const files = await writeComparisonReports(folder, '2026-01-22T10-00-00Z', comparison);
    expect(readFileSync(files.markdown, 'utf8')).toContain('| A | baseline 2026-01-22T10-00-00Z |');
    expect(JSON.parse(readFileSync(files.json, 'utf8')).summary.worse).toBe(comparison.summary.worse);
  });

  it('turns a broken baseline into a note, never an exception', () => {
    const scenarioDir = path.join(base, 'synthetic-deployments');
    mkdirSync(scenarioDir, { recursive: true });
    const baselineFile = path.join(scenarioDir, BASELINE_FILE);
    const headline = () => checkAgainstBaseline(scenarioDir, syntheticRun({ seed: 2 }))?.field.summary.headline;
    writeFileSync(baselineFile, 'not json');
    expect(headline()).toBe('Not compared with the baseline: baseline.json is not valid JSON.');
    writeFileSync(baselineFile, JSON.stringify({ runFolder: '../../etc', pinnedAt: 'x' }));
    expect(headline()).toMatch(/^Not compared with the baseline: baseline\.json does not name a run folder next to it/);
    writeFileSync(baselineFile, JSON.stringify({ runFolder: 'gone', pinnedAt: 'x' }));
    expect(headline()).toBe(`Not compared with the baseline: the pinned run gone could not be read: No such file or folder: ${path.join(scenarioDir, 'gone')}.`);
    expect(readBaseline(scenarioDir)).toMatchObject({ kind: 'broken', runFolder: 'gone' });
    const field = checkAgainstBaseline(scenarioDir, syntheticRun({ seed: 2 }))?.field;
    expect(field).toMatchObject({ baseline: 'gone', summary: { comparable: false, worse: 0 } });
  });
});
