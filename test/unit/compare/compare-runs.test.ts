import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/core/compare/compare-runs';
import type { FigureComparison, RunComparison } from '../../../src/core/compare/comparison';
import type { RunResult } from '../../../src/core/results';
import { k6MissingRun, passingRun } from '../report/fixtures';
import { DEFAULT_REQUESTS, syntheticRun } from './synthetic-runs';

function everyFigure(comparison: RunComparison): FigureComparison[] {
  return [...comparison.overall, ...comparison.requests.flatMap((request) => request.figures)];
}

function figure(comparison: RunComparison, subject: string, name: FigureComparison['figure']): FigureComparison | undefined {
  const figures = subject === 'all' ? comparison.overall : comparison.requests.find((request) => request.name === subject)?.figures;
  return figures?.find((f) => f.figure === name);
}

describe('compareRuns on two runs of the same build', () => {
  it('reports no change in nearly every pair of 200 seeds (false alarms under 5 % per comparison)', () => {
    let comparisonsWithAlarm = 0;
    let alarms = 0;
    let figures = 0;
    for (let seed = 0; seed < 200; seed++) {
      const comparison = compareRuns(syntheticRun({ seed: 2 * seed + 1 }), syntheticRun({ seed: 2 * seed + 2 }));
      const judged = everyFigure(comparison);
      const flagged = judged.filter((f) => f.verdict === 'worse' || f.verdict === 'better');
      figures += judged.length;
      alarms += flagged.length;
      if (flagged.length > 0) comparisonsWithAlarm++;
    }
    expect(figures).toBe(200 * 25);
    expect(comparisonsWithAlarm / 200).toBeLessThan(0.05);
    expect(alarms / figures).toBeLessThan(0.005);
  });

  it('still keeps false alarms rare with no serial correlation and with short 20-second runs', () => {
    let alarms = 0;
    for (let seed = 0; seed < 100; seed++) {
      const independent = compareRuns(syntheticRun({ seed: 1000 + seed, drift: 0 }), syntheticRun({ seed: 5000 + seed, drift: 0 }));
      const short = compareRuns(syntheticRun({ seed: 9000 + seed, seconds: 20 }), syntheticRun({ seed: 13000 + seed, seconds: 20 }));
      alarms += [independent, short].filter((c) => c.summary.worse + c.summary.better > 0).length;
    }
    expect(alarms / 200).toBeLessThanOrEqual(0.06);
  });

  it('says so in the summary', () => {
    const comparison = compareRuns(syntheticRun({ seed: 1 }), syntheticRun({ seed: 2 }));
    expect(comparison.comparable).toBe(true);
    expect(comparison.summary.worse).toBe(0);
    expect(comparison.summary.headline).toBe('Nothing worse: 25 figures unchanged within noise');
    expect(comparison.warnings).toEqual([]);
    expect(comparison.windows.a).toEqual({ fromSeconds: 5, toSeconds: 59, seconds: 54, kind: 'steady' });
  });
});

describe('compareRuns on a build slowed on purpose', () => {
  it('reports the latency regression in every one of 50 seeds', () => {
    for (let seed = 0; seed < 50; seed++) {
      const comparison = compareRuns(syntheticRun({ seed: 2 * seed + 1 }), syntheticRun({ seed: 2 * seed + 2, latencyFactor: 1.3 }));
      expect(figure(comparison, 'all', 'p50')?.verdict).toBe('worse');
      expect(figure(comparison, 'all', 'p95')?.verdict).toBe('worse');
      expect(figure(comparison, 'create deployment', 'p95')?.verdict).toBe('worse');
      expect(everyFigure(comparison).some((f) => f.figure !== 'rps' && f.verdict === 'better')).toBe(false);
    }
  });

  // Short runs whose latency drifts have few independent seconds: the comparison says "within noise" rather than guess.
  it('finds a 15 % slowdown in a minute-long run, and a 40 % one in a steady 20-second run', () => {
    let minute = 0;
    let short = 0;
    for (let seed = 0; seed < 20; seed++) {
      const long = compareRuns(syntheticRun({ seed: 300 + seed }), syntheticRun({ seed: 400 + seed, latencyFactor: 1.15 }));
      const brief = compareRuns(syntheticRun({ seed: 500 + seed, seconds: 20, drift: 0 }), syntheticRun({ seed: 600 + seed, seconds: 20, drift: 0, latencyFactor: 1.4 }));
      if (figure(long, 'all', 'p50')?.verdict === 'worse') minute++;
      if (figure(brief, 'all', 'p50')?.verdict === 'worse') short++;
    }
    expect(minute).toBe(20);
    expect(short).toBe(20);
  });

  // A service whose requests all take about the same time and whose latency drifts by 1 % from second to second:
  // the shape of a real target on a quiet machine (test/k6/compare). Seventeen seconds a run are enough to call a
  // 50 % slowdown, however persistent the drift.
  it('finds a 50 % slowdown of a steady service in 17-second runs', () => {
    const steady = DEFAULT_REQUESTS.map((request) => ({ ...request, sigma: 0.03 }));
    let found = 0;
    for (let seed = 0; seed < 20; seed++) {
      const options = { seconds: 17, rampSeconds: 1, requests: steady, drift: 0.8, driftSpread: 0.01 };
      const comparison = compareRuns(syntheticRun({ seed: 700 + seed, ...options }), syntheticRun({ seed: 800 + seed, ...options, latencyFactor: 1.5 }));
      if (figure(comparison, 'all', 'p50')?.verdict === 'worse' && figure(comparison, 'create deployment', 'p50')?.verdict === 'worse') found++;
    }
    expect(found).toBe(20);
  });

  it('names the worst figures in one line, with the change and both values', () => {
    const comparison = compareRuns(syntheticRun({ seed: 1 }), syntheticRun({ seed: 2, latencyFactor: 1.4 }));
    expect(comparison.summary.headline).toMatch(/^\d+ figures worse: (p50|p95|p99) of [a-z ]+ \+\d+ % \([\d,.]+ → [\d,.]+ ms\), .+ and \d+ more$/);
    const p95 = figure(comparison, 'create deployment', 'p95');
    expect(p95?.test).toBe('trimmed-means');
    expect(p95?.relativeChange).toBeGreaterThan(0.3);
    expect(p95?.adjustedPValue).toBeLessThan(0.05);
    expect(p95?.reason).toMatch(/^\+\d+ %, p [<=] /);
  });

  it('calls a faster build better, never worse', () => {
    const comparison = compareRuns(syntheticRun({ seed: 1 }), syntheticRun({ seed: 2, latencyFactor: 0.7 }));
    expect(figure(comparison, 'all', 'p95')?.verdict).toBe('better');
    expect(comparison.summary.worse).toBe(0);
    expect(comparison.summary.headline).toMatch(/^Nothing worse; \d+ figures better: /);
  });

  it('ignores a real but tiny change (below 5 % and 2 ms)', () => {
    const comparison = compareRuns(syntheticRun({ seed: 1, drift: 0 }), syntheticRun({ seed: 2, drift: 0, latencyFactor: 1.02 }));
    expect(figure(comparison, 'all', 'p50')?.verdict).toBe('unchanged');
    expect(figure(comparison, 'all', 'p50')?.reason).toContain('below the minimum change');
  });
});

describe('compareRuns on errors and throughput', () => {
  it('reports errors that appeared, per request and overall', () => {
    const a = syntheticRun({ seed: 1 });
    const b = syntheticRun({ seed: 2, extraErrorRate: 0.03 });
    const comparison = compareRuns(a, b);
    expect(figure(comparison, 'all', 'errorRate')).toMatchObject({ verdict: 'worse', test: 'two-proportions', a: 0, relativeChange: null });
    expect(figure(comparison, 'create deployment', 'errorRate')?.verdict).toBe('worse');
    expect(comparison.summary.headline).toMatch(/error rate of [a-z ]+ \+[\d.]+ points \(0% → [\d.]+%\)/);
  });

  it('reports a throughput drop as worse', () => {
    const comparison = compareRuns(syntheticRun({ seed: 1 }), syntheticRun({ seed: 2, rpsFactor: 0.7 }));
    expect(figure(comparison, 'all', 'rps')?.verdict).toBe('worse');
    expect(figure(comparison, 'all', 'p50')?.verdict).toBe('unchanged');
  });

  it('does not test an error rate with no failure in either run, nor count it among the figures tested', () => {
    const comparison = compareRuns(syntheticRun({ seed: 1 }), syntheticRun({ seed: 2, latencyFactor: 1.3 }));
    const errorRate = figure(comparison, 'all', 'errorRate');
    expect(errorRate).toMatchObject({ verdict: 'unchanged', test: 'none', pValue: null, adjustedPValue: null, reason: 'no failure in either run', a: 0, b: 0 });
    const tested = everyFigure(comparison).filter((f) => f.adjustedPValue !== null);
    expect(tested).toHaveLength(20);
    expect(tested.every((f) => f.figure !== 'errorRate')).toBe(true);
    // Holm over the 20 figures tested: the smallest p-value is multiplied by 20, not 25.
    const smallest = tested.reduce((min, f) => Math.min(min, f.pValue ?? 1), 1);
    expect(Math.min(...tested.map((f) => f.adjustedPValue ?? 1))).toBeCloseTo(Math.min(1, 20 * smallest), 12);
  });

  it('does not test an error rate whose failures are too few to show anything, wherever they fell', () => {
    const a = syntheticRun({ seed: 1 });
    const login = a.requests.find((request) => request.name === 'login');
    if (login === undefined) throw new Error('fixture');
    const oneFailure: RunResult = { ...a, requests: a.requests.map((request) => (request === login ? { ...request, failures: 1 } : request)), totals: { ...a.totals, failures: 1 } };
    const comparison = compareRuns(oneFailure, syntheticRun({ seed: 2 }));
    expect(figure(comparison, 'login', 'errorRate')).toMatchObject({ verdict: 'unchanged', test: 'none', reason: 'too few failures to judge (1 in both runs together)' });
    expect(figure(comparison, 'all', 'errorRate')?.adjustedPValue).toBeNull();
  });

  it('does not call a handful of scattered errors a regression', () => {
    const comparison = compareRuns(syntheticRun({ seed: 1 }), syntheticRun({ seed: 2, extraErrorRate: 0.0002 }));
    expect(figure(comparison, 'all', 'errorRate')?.verdict).toBe('unchanged');
  });
});

describe('compareRuns on runs that differ', () => {
  it('marks requests added and removed as not comparable, and compares the rest', () => {
    const [login, create, get] = DEFAULT_REQUESTS;
    if (!login || !create || !get) throw new Error('fixture');
    const a = syntheticRun({ seed: 1, requests: [login, create, get] });
    const b = syntheticRun({ seed: 2, requests: [login, create, { name: 'approve', method: 'POST', rps: 10, medianMs: 30 }] });
    const comparison = compareRuns(a, b);
    expect(comparison.requests.map((r) => [r.name, r.presence])).toEqual([
      ['login', 'both'],
      ['create deployment', 'both'],
      ['get deployment', 'removed'],
      ['approve', 'added'],
    ]);
    const removed = figure(comparison, 'get deployment', 'p95');
    expect(removed).toMatchObject({ verdict: 'not-comparable', reason: 'only in run A', b: null });
    expect(figure(comparison, 'approve', 'p95')).toMatchObject({ verdict: 'not-comparable', reason: 'only in run B', a: null });
    expect(figure(comparison, 'create deployment', 'p95')?.verdict).toBe('unchanged');
    expect(comparison.summary.notComparable).toBe(10);
    expect(comparison.summary.headline).toMatch(/; 10 not comparable$/);
  });

  it('is not comparable when a run has no data, and says which and why', () => {
    const comparison = compareRuns(passingRun(), k6MissingRun());
    expect(comparison.comparable).toBe(false);
    expect(comparison.reason).toBe('run B has no data: the run did not take place (no usable k6).');
    expect(comparison.summary.headline).toBe('Not comparable: run B has no data: the run did not take place (no usable k6).');
    expect(everyFigure(comparison).every((f) => f.verdict === 'not-comparable')).toBe(true);
    const empty: RunResult = { ...syntheticRun({ seed: 3 }), timeline: [], requests: [], totals: { ...syntheticRun({ seed: 3 }).totals, requests: 0, failures: 0 } };
    expect(compareRuns(empty, syntheticRun({ seed: 4 })).reason).toBe('run A has no data: it made no request.');
  });

  it('warns when the load, the environment or the scenario differ, and when a run was stopped', () => {
    const a = syntheticRun({ seed: 1 });
    const b: RunResult = { ...syntheticRun({ seed: 2, loadDescription: '5 users, 60s', users: 5 }), environment: 'staging', scenario: 'Other', verdict: 'stopped' };
    const warnings = compareRuns(a, b).warnings;
    expect(warnings).toEqual([
      'The runs are of different scenarios: "Synthetic deployments" and "Other".',
      'The load differs, so the figures compare different loads: A ran default: 30 users, 60s (closed); B ran default: 5 users, 60s (closed).',
      'The environments differ: A ran against the default target, B against staging.',
      'Run B was stopped after 1m 0s: its figures cover only the part that ran.',
    ]);
  });

  it('refuses a latency verdict on too few seconds, and compares the whole run when there is no steady part', () => {
    const comparison = compareRuns(syntheticRun({ seed: 1, seconds: 5, rampSeconds: 0 }), syntheticRun({ seed: 2, seconds: 5, rampSeconds: 0, latencyFactor: 2 }));
    expect(figure(comparison, 'all', 'p95')).toMatchObject({ verdict: 'not-comparable', reason: 'too few seconds to judge: 3 in run A (at least 5 needed)' });
    // The error rate is judged on request counts, which a short run has plenty of.
    expect(figure(comparison, 'all', 'errorRate')?.verdict).toBe('unchanged');
    const ramping = compareRuns(syntheticRun({ seed: 1, seconds: 12, rampSeconds: 10 }), syntheticRun({ seed: 2, seconds: 12, rampSeconds: 10 }));
    expect(ramping.windows.a.kind).toBe('whole-run');
    expect(ramping.warnings[0]).toMatch(/^Run A has no steady stretch of 5 s at full load/);
  });

  it('uses every whole second of an open model', () => {
    const comparison = compareRuns(syntheticRun({ seed: 1, model: 'open' }), syntheticRun({ seed: 2, model: 'open' }));
    expect(comparison.windows.b).toEqual({ fromSeconds: 1, toSeconds: 59, seconds: 58, kind: 'whole-run' });
    expect(comparison.warnings).toEqual([]);
  });

  it('accepts other thresholds', () => {
    const a = syntheticRun({ seed: 1 });
    const b = syntheticRun({ seed: 2, latencyFactor: 1.3 });
    expect(figure(compareRuns(a, b, { minRelativeChange: 0.5 }), 'all', 'p50')?.verdict).toBe('unchanged');
    expect(compareRuns(a, b, { minRelativeChange: 0.5 }).settings.minRelativeChange).toBe(0.5);
  });
});
