// The comparison on real k6 runs of a build slowed on purpose: a local target whose every answer takes a fixed
// service time, measured as it is, again as it is, and with the service time doubled. The slowed run's p50, per
// request and over all requests, must be called worse; the repeat of the same build must have nothing worse.
// The assertion is on medians of per-second values: on this shared 2-core machine the tails (p95, p99) move with
// whatever else runs, the medians much less; they are reported in the annotations but not asserted.

import { beforeAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/core/compare/compare-runs';
import type { RunComparison } from '../../../src/core/compare/comparison';
import type { RunResult } from '../../../src/core/results';
import { startFixedServiceTarget } from './fixed-service-target';
import { describeFigures, everyFigure, figureOf, runScenarioYaml } from './real-runs';

// 10 users with 100 ms of think time ask for about 80 requests a second: light for k6 and the target, so the
// latency is the service time plus a millisecond of overhead. 18 s with a 1 s ramp leaves about 16 steady seconds
// per run (the ramp and the cut first and last seconds are not compared).
const USERS = 10;
const DURATION_SECONDS = 18;
const RUN_DEADLINE_MS = (DURATION_SECONDS + 20) * 1000;
const SERVICE_TIME_MS = 20;
const SLOWED_SERVICE_TIME_MS = 40;
const REQUESTS = ['list items', 'create item'] as const;

function scenarioYaml(target: string): string {
  return `
scenario: Compare a slowed build
target: ${target}
load:
  users: ${USERS}
  rampUp: 1s
  duration: ${DURATION_SECONDS}s
thinkTime: 100ms
requests:
  - name: ${REQUESTS[0]}
    GET: /items
    expect: { status: 200 }
  - name: ${REQUESTS[1]}
    POST: /items
    json: { name: "item-{{ randomInt(1, 50) }}" }
    expect: { status: 200 }
`;
}

async function runWithServiceTime(serviceTimeMs: number, label: string): Promise<RunResult> {
  const target = await startFixedServiceTarget(serviceTimeMs);
  return runScenarioYaml(scenarioYaml(target.url), target, label, RUN_DEADLINE_MS);
}

/** The p50 figures with their p-values, one line, for the test's annotations. */
function medianSummary(comparison: RunComparison): string {
  return [undefined, ...REQUESTS]
    .map((subject) => {
      const f = figureOf(comparison, 'p50', subject);
      const change = f.relativeChange === null ? 'n/a' : `${(f.relativeChange * 100).toFixed(1)} %`;
      return `${subject ?? 'all requests'} p50 ${f.a?.toFixed(2)} → ${f.b?.toFixed(2)} ms (${change}) ${f.verdict}, p ${f.pValue?.toExponential(1)}, adjusted ${f.adjustedPValue?.toExponential(1)}`;
    })
    .join('; ');
}

describe('compareRuns on real runs of a build slowed on purpose', () => {
  let base: RunResult;
  let sameAgain: RunResult;
  let slowed: RunResult;

  beforeAll(async () => {
    base = await runWithServiceTime(SERVICE_TIME_MS, 'base');
    slowed = await runWithServiceTime(SLOWED_SERVICE_TIME_MS, 'slowed');
    sameAgain = await runWithServiceTime(SERVICE_TIME_MS, 'same-again');
  }, 3 * (RUN_DEADLINE_MS + 15_000));

  it('ran every run to its end without errors, with steady seconds to judge', () => {
    for (const run of [base, slowed, sameAgain]) {
      expect(run.outcome, run.outcomeMessage).toBe('completed');
      expect(run.totals.requests).toBeGreaterThan(0);
      expect(run.totals.failures).toBe(0);
    }
    const comparison = compareRuns(base, slowed);
    for (const window of [comparison.windows.a, comparison.windows.b]) {
      expect(window.kind).toBe('steady');
      expect(window.seconds).toBeGreaterThanOrEqual(12);
    }
  });

  it('calls the p50 of every request and of all requests worse when the service time doubles', async ({ annotate }) => {
    const comparison = compareRuns(base, slowed);
    const details = describeFigures(comparison);
    await annotate(`slowed: ${medianSummary(comparison)}`);
    expect(comparison.comparable, details).toBe(true);
    for (const subject of [undefined, ...REQUESTS]) {
      const p50 = figureOf(comparison, 'p50', subject);
      expect(p50.verdict, details).toBe('worse');
      // The service time is most of the latency: doubling it adds 80-100 %, not a few percent.
      expect(p50.relativeChange ?? 0, details).toBeGreaterThan(0.5);
    }
    expect(everyFigure(comparison).filter(({ figure }) => figure.verdict === 'better' && figure.figure !== 'rps'), details).toEqual([]);
    expect(comparison.summary.headline, details).toMatch(/^\d+ figures? worse: /);
  });

  it('calls nothing worse between two runs of the same build', async ({ annotate }) => {
    const comparison = compareRuns(base, sameAgain);
    const details = describeFigures(comparison);
    await annotate(`same build: ${medianSummary(comparison)}`);
    expect(comparison.comparable, details).toBe(true);
    expect(everyFigure(comparison).filter(({ figure }) => figure.verdict === 'worse'), details).toEqual([]);
    expect(comparison.summary.worse, details).toBe(0);
  });
});
