import { describe, expect, it } from 'vitest';
import { isRunResult } from '../../../src/core/report/decode-run-result';
import { renderSummaryJson } from '../../../src/core/report/summary-json';
import { ALL_RUNS, passingRun } from './fixtures';

describe('isRunResult', () => {
  it('accepts every fixture read back from summary.json', () => {
    for (const [name, run] of ALL_RUNS) expect(isRunResult(JSON.parse(renderSummaryJson(run()))), name).toBe(true);
  });

  it('rejects what is not a RunResult of schema version 1', () => {
    const good: unknown = JSON.parse(renderSummaryJson(passingRun()));
    const broken = (change: (value: Record<string, unknown>) => void): unknown => {
      const copy: unknown = JSON.parse(JSON.stringify(good));
      if (typeof copy === 'object' && copy !== null) change(copy as Record<string, unknown>);
      return copy;
    };
    expect(isRunResult(null)).toBe(false);
    expect(isRunResult([])).toBe(false);
    expect(isRunResult(broken((value) => (value.schemaVersion = 2)))).toBe(false);
    expect(isRunResult(broken((value) => (value.verdict = 'maybe')))).toBe(false);
    expect(isRunResult(broken((value) => (value.outcome = 'exploded')))).toBe(false);
    expect(isRunResult(broken((value) => delete value.totals))).toBe(false);
    expect(isRunResult(broken((value) => (value.timeline = [{ t: 0 }])))).toBe(false);
    expect(isRunResult(broken((value) => (value.targets = [{ metric: 'p99' }])))).toBe(false);
  });
});

describe('renderSummaryJson', () => {
  it('is the RunResult itself, pretty-printed with a final newline', () => {
    const run = passingRun();
    const text = renderSummaryJson(run);
    expect(JSON.parse(text)).toEqual(run);
    expect(text.startsWith('{\n  "schemaVersion": 1,\n')).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });
});
