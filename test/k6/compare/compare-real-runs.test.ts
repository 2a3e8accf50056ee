// The comparison on real k6 runs against the demo target: two runs of the same build must not be called worse.
// (A build slowed on purpose is in compare-slowed-build.test.ts, against a target whose service time is fixed.)

import { beforeAll, describe, expect, it } from 'vitest';
import { compareRuns } from '../../../src/core/compare/compare-runs';
import type { RunResult } from '../../../src/core/results';
import { startDemoTarget, type DemoTargetOptions } from '../../../src/demo-target/server';
import { describeFigures, everyFigure, figureOf, runScenarioYaml } from './real-runs';

// Far from saturation (8 users against 20 connections), so latency is the service time plus overhead. 15 s with
// a 1 s ramp leaves about 13 steady seconds per run (the ramp second and the cut first and last seconds are not
// compared), well above the 5 the comparison needs.
const USERS = 8;
const DURATION_SECONDS = 15;
const RUN_DEADLINE_MS = (DURATION_SECONDS + 20) * 1000;

const SAME_BUILD: Partial<DemoTargetOptions> = { poolSize: 20, serviceTimeMs: 20, serviceJitterMs: 5 };

function scenarioYaml(target: string): string {
  return `
scenario: Compare real runs
target: ${target}
load:
  users: ${USERS}
  rampUp: 1s
  duration: ${DURATION_SECONDS}s
thinkTime: 100ms
onStart:
  - name: login
    POST: /api/auth/login
    json: { username: "loadtest-{{ user }}", password: demo }
    expect: { status: 200 }
    capture: { token: $.access }
requests:
  - name: create deployment
    POST: /api/deployments
    headers: { Authorization: "Bearer {{ token }}" }
    json: { app: "app-{{ randomInt(1, 50) }}", version: "1.0.0", ring: canary }
    expect: { status: 201 }
  - name: list deployments
    GET: /api/deployments
    query: { limit: 20 }
    headers: { Authorization: "Bearer {{ token }}" }
    expect: { status: 200 }
`;
}

/** One run against a fresh demo target, closed afterwards; k6 is stopped if it overruns its deadline. */
async function runAgainst(build: Partial<DemoTargetOptions>, label: string): Promise<RunResult> {
  // Every user logs in once; lifting the per-user throttle keeps a retried login from ever meeting a 429.
  const target = await startDemoTarget({ port: 0, ...build, loginsPerUserPerMinute: 1000, loginBurstPerUser: 100 });
  return runScenarioYaml(scenarioYaml(target.url), target, label, RUN_DEADLINE_MS);
}

describe('compareRuns on real runs against the demo target', () => {
  let sameA: RunResult;
  let sameAgain: RunResult;

  beforeAll(async () => {
    sameA = await runAgainst(SAME_BUILD, 'a');
    sameAgain = await runAgainst(SAME_BUILD, 'a-again');
  }, 2 * (RUN_DEADLINE_MS + 15_000));

  it('ran every run to its end without errors, with enough steady seconds to judge', () => {
    for (const run of [sameA, sameAgain]) {
      expect(run.outcome, run.outcomeMessage).toBe('completed');
      expect(run.totals.requests).toBeGreaterThan(0);
      expect(run.totals.failures).toBe(0);
    }
    const comparison = compareRuns(sameA, sameAgain);
    expect(comparison.windows.a.kind).toBe('steady');
    expect(comparison.windows.b.kind).toBe('steady');
    expect(comparison.windows.a.seconds).toBeGreaterThanOrEqual(5);
    expect(comparison.windows.b.seconds).toBeGreaterThanOrEqual(5);
  });

  it('reports nothing worse between two runs of the same build', () => {
    const comparison = compareRuns(sameA, sameAgain);
    const details = describeFigures(comparison);
    expect(comparison.comparable, details).toBe(true);
    for (const figure of ['p50', 'p95'] as const) expect(figureOf(comparison, figure).verdict, details).not.toBe('worse');
    expect(everyFigure(comparison).filter(({ figure }) => figure.verdict === 'worse'), details).toEqual([]);
    expect(comparison.summary.worse, details).toBe(0);
  });
});
