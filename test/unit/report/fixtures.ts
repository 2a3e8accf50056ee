// Realistic RunResults for the report writers' tests: each shaped like a run the team has actually seen.

import type { ErrorStat, Finding, MonitorSeries, Percentiles, RequestStats, RunResult, TargetResult, TimelinePoint, Totals } from '../../../src/core/results';

const START_SECONDS = Date.UTC(2026, 0, 22, 10, 15, 3) / 1000;

function iso(secondsAfterStart: number): string {
  return new Date((START_SECONDS + secondsAfterStart) * 1000).toISOString();
}

// Where each percentile sits between p50 and p99 (and p99 and max) on a log scale: a tight body, a long tail.
const BODY = { p66: 0.12, p75: 0.2, p80: 0.26, p90: 0.45, p95: 0.65, p98: 0.85 };

function between(low: number, high: number, position: number): number {
  return low * Math.pow(high / low, position);
}

/** Percentiles shaped like a real latency distribution from a median, a p99 and a max. */
function percentiles(p50: number, p99: number, max = p99 * 2.5, min = p50 * 0.3): Percentiles {
  return {
    min,
    p50,
    p66: between(p50, p99, BODY.p66),
    p75: between(p50, p99, BODY.p75),
    p80: between(p50, p99, BODY.p80),
    p90: between(p50, p99, BODY.p90),
    p95: between(p50, p99, BODY.p95),
    p98: between(p50, p99, BODY.p98),
    p99,
    p999: between(p99, max, 0.5),
    p9999: between(p99, max, 0.85),
    max,
    avg: between(p50, p99, 0.15),
  };
}

function request(method: string, name: string, group: string, count: number, failures: number, seconds: number, latency: Percentiles): RequestStats {
  return { name, method, group, count, failures, avgSize: 512, rps: count / seconds, failuresPerSecond: failures / seconds, ...latency };
}

function totalsOf(requests: readonly RequestStats[], seconds: number, overall: Percentiles, extra: Partial<Totals> = {}): Totals {
  const count = requests.reduce((sum, r) => sum + r.count, 0);
  const failures = requests.reduce((sum, r) => sum + r.failures, 0);
  return {
    ...overall,
    requests: count,
    failures,
    errorRate: count > 0 ? failures / count : 0,
    rps: count / seconds,
    failuresPerSecond: failures / seconds,
    avgSize: count > 0 ? 512 : 0,
    iterations: Math.round(count * 0.8),
    droppedIterations: 0,
    maxUsers: 0,
    dataReceivedBytes: count * 512,
    dataSentBytes: count * 180,
    checks: { passes: count - failures, fails: failures },
    ...extra,
  };
}

interface SecondShape {
  users: number;
  rps: number;
  failuresPerSecond: number;
  p50: number;
  p99: number;
  max?: number;
  statuses: Record<string, number>;
  errors?: Record<string, number>;
  droppedIterations?: number;
}

/** A timeline from a per-second shape, with the cumulative block filled in as a collector would. */
function timeline(seconds: number, names: readonly string[], shape: (t: number) => SecondShape): TimelinePoint[] {
  let requests = 0;
  let failures = 0;
  let weightedAvg = 0;
  let min: number | null = null;
  let max: number | null = null;
  const points: TimelinePoint[] = [];
  for (let t = 0; t < seconds; t += 1) {
    const s = shape(t);
    const measured = s.rps > 0;
    const p = percentiles(s.p50, s.p99, s.max);
    if (measured) {
      weightedAvg = (weightedAvg * requests + p.avg * s.rps) / (requests + s.rps);
      requests += s.rps;
      failures += s.failuresPerSecond;
      min = min === null ? p.min : Math.min(min, p.min);
      max = max === null ? p.max : Math.max(max, p.max);
    }
    const share = names.length > 0 ? 1 / names.length : 0;
    points.push({
      t,
      time: START_SECONDS + t,
      users: s.users,
      rps: s.rps,
      failuresPerSecond: s.failuresPerSecond,
      p50: measured ? p.p50 : null,
      p90: measured ? p.p90 : null,
      p95: measured ? p.p95 : null,
      p99: measured ? p.p99 : null,
      max: measured ? p.max : null,
      avg: measured ? p.avg : null,
      statuses: s.statuses,
      errors: s.errors ?? {},
      droppedIterations: s.droppedIterations ?? 0,
      requests: Object.fromEntries(
        names.map((name, index) => [
          name,
          {
            rps: s.rps * share,
            failuresPerSecond: s.failuresPerSecond * share,
            p50: measured ? p.p50 * (1 + index * 0.1) : null,
            p95: measured ? p.p95 * (1 + index * 0.1) : null,
            p99: measured ? p.p99 * (1 + index * 0.1) : null,
          },
        ]),
      ),
      cumulative: { requests, failures, p50: requests > 0 ? s.p50 : null, avg: requests > 0 ? weightedAvg : null, min, max, avgSize: requests > 0 ? 512 : null },
    });
  }
  return points;
}

function target(metric: TargetResult['metric'], comparison: TargetResult['comparison'], threshold: number, expression: string, actual: number | null, passed: boolean, margin: string, extra: Partial<TargetResult> = {}): TargetResult {
  return { metric, comparison, threshold, expression, actual, passed, margin, abortOnFail: false, ...extra };
}

function errorStat(method: string, name: string, error: string, occurrences: number, first: number, last: number): ErrorStat {
  return { method, name, error, occurrences, firstSeen: iso(first), lastSeen: iso(last) };
}

function finding(kind: Finding['kind'], severity: Finding['severity'], at: [seconds: number, users: number, rps: number] | null, message: string, suggestion: string, evidence: Finding['evidence']): Finding {
  return { kind, severity, message, atSeconds: at?.[0] ?? null, atUsers: at?.[1] ?? null, atRps: at?.[2] ?? null, evidence, suggestion };
}

/** Scenario 1: 100 users for 5 minutes, every target met by a wide margin. */
export function passingRun(): RunResult {
  const seconds = 300;
  const group = 'Concurrent deployments';
  const requests = [
    request('POST', 'login', group, 100, 0, seconds, percentiles(9, 41)),
    request('POST', 'create deployment', group, 41_280, 0, seconds, percentiles(5.4, 31)),
    request('GET', 'get deployment', group, 13_760, 0, seconds, percentiles(3.1, 22)),
    request('GET', 'list pending', group, 6_881, 0, seconds, percentiles(4.2, 28)),
    request('POST', 'approve', group, 6_881, 0, seconds, percentiles(6.8, 46)),
  ];
  const names = requests.map((r) => r.name);
  return {
    schemaVersion: 1,
    scenario: 'Concurrent deployments',
    scenarioFile: 'scenarios/deployments.scenario.yaml',
    environment: 'staging',
    load: [{ group, description: '100 users, ramp 10/s, 5m', model: 'closed' }],
    verdict: 'pass',
    outcome: 'completed',
    outcomeMessage: 'k6 exited with code 0: the run completed and every target passed.',
    k6: { version: 'v2.2.0', exitCode: 0 },
    startedAt: iso(0),
    endedAt: iso(seconds),
    durationSeconds: seconds,
    totals: totalsOf(requests, seconds, percentiles(5, 34, 212, 1.1), { maxUsers: 100 }),
    requests,
    targets: [
      target('median', '<', 200, '< 200ms', 5, true, '40x better'),
      target('p99', '<', 500, '< 500ms', 34, true, '14.7x better'),
      target('errors', '<', 0.001, '< 0.1%', 0, true, 'no errors'),
      target('rps', '>=', 50, '>= 50/s', 229.7, true, '4.6x better'),
      target('p95', '<', 300, '< 300ms', 17, true, '17.6x better', { request: 'create deployment' }),
    ],
    errors: [],
    findings: [
      finding(
        'healthy',
        'info',
        [9, 100, 230],
        'Passed with room to spare: p99 34 ms against < 500ms at 100 users (15x margin), no errors, and throughput grew with the load (23 to 230 requests/s as the load went from 10 to 100 users).',
        'Nothing to fix at this load. To find the limit, rerun with a ramp well past 100 users and read where the findings place the knee.',
        { fromSeconds: 0, toSeconds: 299, peakLoad: 100, loadUnit: 'users', tightestTarget: 'p99 < 500ms', tightestMargin: 14.7, p99Ms: 34, errorRate: 0, throughput: 229.7 },
      ),
    ],
    timeline: timeline(seconds, names, (t) => {
      const users = Math.min(100, (t + 1) * 10);
      const rps = Math.round(users * 2.3);
      return { users, rps, failuresPerSecond: 0, p50: 5 + (t % 7) * 0.1, p99: 30 + (t % 11), statuses: { '200': Math.round(rps * 0.4), '201': rps - Math.round(rps * 0.4) } };
    }),
  };
}

/** Scenario 4: 1000 users ramped at 100/s; 429s from the rate limiter, then the database pool runs dry and requests time out. */
export function burstRun(): RunResult {
  const seconds = 240;
  const requests = [
    request('POST', 'login', 'burst', 1_000, 212, seconds, percentiles(640, 9_800, 14_000)),
    request('POST', 'create deployment', 'burst', 8_912, 7_840, seconds, percentiles(19_000, 27_400, 30_000)),
    request('GET', 'get deployment', 'burst', 2_667, 2_101, seconds, percentiles(17_500, 26_900, 30_000)),
    request('GET', 'health', 'readers', 4_100, 0, seconds, percentiles(2.1, 6.2, 15)),
  ];
  const errors = [
    errorStat('POST', 'login', 'HTTP 429', 212, 4, 11),
    errorStat('POST', 'create deployment', 'HTTP 429', 1_930, 3, 14),
    errorStat('POST', 'create deployment', 'timeout', 4_118, 21, 239),
    errorStat('POST', 'create deployment', 'HTTP 503', 1_792, 25, 238),
    errorStat('GET', 'get deployment', 'timeout', 1_846, 22, 239),
    errorStat('GET', 'get deployment', 'connection reset', 255, 60, 201),
  ];
  return {
    schemaVersion: 1,
    scenario: 'Burst load',
    scenarioFile: 'scenarios/burst.scenario.yaml',
    load: [
      { group: 'burst', description: '1000 users, ramp 100/s, 4m', model: 'closed' },
      { group: 'readers', description: '20/s for 4m, up to 50 users', model: 'open' },
    ],
    verdict: 'fail',
    outcome: 'thresholds-failed',
    outcomeMessage: 'k6 exited with code 99: some targets failed.',
    k6: { version: 'v2.2.0', exitCode: 99 },
    startedAt: iso(0),
    endedAt: iso(seconds),
    durationSeconds: seconds,
    totals: totalsOf(requests, seconds, percentiles(19_000, 27_000, 30_000, 1.4), { maxUsers: 1_050, droppedIterations: 640 }),
    requests,
    targets: [
      target('median', '<', 1000, '< 1000ms', 19_000, false, '19x over'),
      target('p99', '<', 1000, '< 1000ms', 27_000, false, '27x over'),
      target('errors', '<', 0.01, '< 1%', 0.6523, false, '65x over'),
      target('errors', '<', 0.01, '< 1%', 0.8797, false, '88x over', { request: 'create deployment', abortOnFail: true }),
      target('p95', '<', 300, '< 300ms', 3.4, true, '88x better', { request: 'health' }),
    ],
    errors,
    findings: [
      finding(
        'rate-limited',
        'critical',
        [3, 450, 380],
        'HTTP 429 (rate limited) on create deployment and login from 0:03, at 450 users: 2,142 responses (21.7% of create deployment, 21.2% of login).',
        'The target throttles create deployment and login: if its limit is per account, give each user its own account (a data file) or log in once per user (onStart); if it is the real limit, keep the rate under it, or accept 429 in expect where the client is meant to back off.',
        { fromSeconds: 3, toSeconds: 14, errors: ['HTTP 429'], occurrences: 2142, shareOfRequests: 0.1279, sustained: true, load: 450, loadUnit: 'users', requests: [{ name: 'create deployment', method: 'POST', occurrences: 1930, shareOfRequest: 0.2166, firstSeenSeconds: 3 }] },
      ),
      finding(
        'target-crossed',
        'critical',
        [20, 1050, 48],
        'p99 < 1000ms was crossed at 0:20, at 1,050 users (p99 27,000 ms that second), and stayed over it to the end of the run (p99 27,000 ms typical while over).',
        'The target holds up to about 1,050 users: rerun at that load to confirm, and read the saturation and error findings for what ran out beyond it.',
        { fromSeconds: 20, toSeconds: 239, target: 'p99 < 1000ms', thresholdMs: 1000, valueAtOnsetMs: 27000, typicalWhileCrossedMs: 27000, load: 1050, loadUnit: 'users' },
      ),
      finding(
        'pool-exhaustion',
        'critical',
        [20, 1050, 48],
        'From 0:20, at 1,050 users, responses piled up at about 27,000 ms (p50 19,000 ms, p99 27,000 ms, against 12 ms before) while throughput fell from 190 requests/s to 25 requests/s and server errors (5xx) and timeouts appeared: consistent with an exhausted connection pool or queue that gives up after about 27 s (estimated: no server metrics).',
        'Look for a pool or queue that gives up after about 27 s (database connections, worker threads, an upstream client) and compare its size with the concurrency at 0:20: raise it, make each request hold it for less time, or shed load earlier with a fast 503. Server metrics (connections in use, queue length) would turn this estimate into a measurement.',
        { fromSeconds: 20, toSeconds: 239, ceilingMs: 27000, p50Ms: 19000, p99Ms: 27000, serverErrors: 1540, timeouts: 3080, load: 1050, loadUnit: 'users', serverMetrics: false },
      ),
      finding(
        'timeouts',
        'critical',
        [20, 1050, 48],
        'Timeouts (no response in time) on requests to create deployment and get deployment from 0:20, at 1,050 users: 5,964 timeouts (46.2% of create deployment, 69.2% of get deployment).',
        'No response came for create deployment and get deployment within the request timeout: find what the server or a queue in front of it held them for, or give it a shorter timeout so it fails fast instead.',
        { fromSeconds: 20, toSeconds: 239, errors: ['timeout'], occurrences: 5964, shareOfRequests: 0.3562, sustained: true, load: 1050, loadUnit: 'users' },
      ),
      finding(
        'coordinated-omission',
        'warning',
        [20, 1050, 48],
        'The users of this closed model wait for each response before sending the next request, so once responses slowed (p95 24,300 ms at 0:20) they sent less: the measured latency leaves out the queueing that users arriving on their own schedule would meet (coordinated omission).',
        "Rerun with an arrival rate (an open model, load: rate) climbing to about 152 iterations/s (about 190 requests/s), the highest throughput measured, and a little past it, to see the latency at a given rate without the users' waiting hiding it.",
        { fromSeconds: 20, toSeconds: 239, p95Ms: 24300, suggestedArrivalRate: 152, throughputBasis: 190, basis: 'highest throughput', iterationsPerRequest: 0.8 },
      ),
    ],
    timeline: timeline(seconds, ['login', 'create deployment', 'get deployment', 'health'], (t): SecondShape => {
      const users = Math.min(1000, (t + 1) * 100) + 50;
      const limited = t >= 3 && t < 15;
      const exhausted = t >= 20;
      const rps = exhausted ? 48 : limited ? 380 : 260;
      const statuses: Record<string, number> = exhausted
        ? { '201': 8, '200': 17, '503': 7, '0': 16 }
        : limited
          ? { '201': 150, '200': 40, '429': 190 }
          : { '201': 180, '200': 80 };
      const failuresPerSecond = (statuses['429'] ?? 0) + (statuses['503'] ?? 0) + (statuses['0'] ?? 0);
      return {
        users,
        rps,
        failuresPerSecond,
        p50: exhausted ? 19_000 : limited ? 240 : 12,
        p99: exhausted ? 27_000 : limited ? 2_100 : 80,
        max: exhausted ? 30_000 : undefined,
        statuses,
        errors: exhausted ? { timeout: 14, reset: 2 } : {},
        droppedIterations: exhausted ? 3 : 0,
      };
    }),
  };
}

/** Stopped by the user 72 s into a 5-minute run: partial figures, targets judged on what ran. */
export function stoppedRun(): RunResult {
  const seconds = 72;
  const requests = [request('GET', 'list pending', 'CAB approvals', 3_024, 0, seconds, percentiles(13, 41)), request('POST', 'approve', 'CAB approvals', 1_008, 3, seconds, percentiles(21, 58))];
  return {
    schemaVersion: 1,
    scenario: 'CAB approvals',
    scenarioFile: 'scenarios/cab.scenario.yaml',
    load: [{ group: 'CAB approvals', description: '50 users, ramp 5/s, 5m', model: 'closed' }],
    verdict: 'stopped',
    outcome: 'stopped',
    outcomeMessage: 'Stopped from the editor after 1m 12s (k6 exit code 103); the summary covers the part that ran.',
    k6: { version: 'v2.2.0', exitCode: 103 },
    startedAt: iso(0),
    endedAt: iso(seconds),
    durationSeconds: seconds,
    totals: totalsOf(requests, seconds, percentiles(13, 46, 120, 3), { maxUsers: 50 }),
    requests,
    targets: [
      target('median', '<', 1000, '< 1000ms', 13, true, '77x better'),
      target('p99', '<', 1000, '< 1000ms', 46, true, '21.7x better'),
      target('rps', '>=', 100, '>= 100/s', 56, false, '1.8x under'),
    ],
    errors: [errorStat('POST', 'approve', 'check failed: status is 200', 3, 40, 66)],
    findings: [],
    timeline: timeline(seconds, ['list pending', 'approve'], (t) => {
      const users = Math.min(50, (t + 1) * 5);
      const rps = users;
      return { users, rps, failuresPerSecond: t === 40 || t === 55 || t === 66 ? 1 : 0, p50: 13, p99: 46, statuses: { '200': rps } };
    }),
  };
}

function emptyTotals(): Totals {
  return totalsOf([], 1, { p50: 0, p66: 0, p75: 0, p80: 0, p90: 0, p95: 0, p98: 0, p99: 0, p999: 0, p9999: 0, max: 0, min: 0, avg: 0 }, { rps: 0, failuresPerSecond: 0, iterations: 0, dataReceivedBytes: 0, dataSentBytes: 0, checks: { passes: 0, fails: 0 } });
}

function notMeasured(metric: TargetResult['metric'], expression: string, threshold: number, request?: string): TargetResult {
  return target(metric, '<', threshold, expression, null, false, '', request === undefined ? {} : { request });
}

/** The target was not running: k6 ran to the end, every request was refused; no targets were set. */
export function refusedRun(): RunResult {
  const seconds = 10;
  const requests = [request('GET', 'home', 'smoke', 50, 50, seconds, percentiles(0.4, 1.2))];
  return {
    schemaVersion: 1,
    scenario: 'Smoke',
    scenarioFile: 'scenarios/smoke.scenario.yaml',
    load: [{ group: 'smoke', description: '5 users, 10s', model: 'closed' }],
    verdict: 'fail',
    outcome: 'completed',
    outcomeMessage: 'The test ran to the end. All 50 requests failed: connection refused at http://127.0.0.1:9/. Is the target running and listening there?',
    k6: { version: 'v2.2.0', exitCode: 0 },
    startedAt: iso(0),
    endedAt: iso(seconds),
    durationSeconds: seconds,
    totals: totalsOf(requests, seconds, percentiles(0.4, 1.2), { maxUsers: 5 }),
    requests,
    targets: [],
    errors: [errorStat('GET', 'home', 'connection refused', 50, 0, 9)],
    findings: [
      finding(
        'errors',
        'critical',
        [0, 5, 5],
        'Refused connections on requests to home from 0:00, at 5 users: 50 requests, 100% of home requests.',
        'Nothing accepted the connections: check that the target is running and listening at that address, and that its connection backlog or limit is not full.',
        { fromSeconds: 0, toSeconds: 9, errors: ['connection refused'], occurrences: 50, shareOfRequests: 1, sustained: true, load: 5, loadUnit: 'users' },
      ),
    ],
    timeline: timeline(seconds, ['home'], () => ({ users: 5, rps: 5, failuresPerSecond: 5, p50: 0.4, p99: 1.2, statuses: { '0': 5 }, errors: { refused: 5 } })),
  };
}

/** k6 is not installed: no data at all. */
export function k6MissingRun(): RunResult {
  return {
    schemaVersion: 1,
    scenario: 'Concurrent deployments',
    scenarioFile: 'scenarios/deployments.scenario.yaml',
    load: [{ group: 'Concurrent deployments', description: '100 users, ramp 10/s, 5m', model: 'closed' }],
    verdict: 'error',
    outcome: 'k6-missing',
    outcomeMessage: 'k6 could not be started: spawn k6 ENOENT. Install k6 or point LOADSCOPE_K6 / --k6 / the loadscope.k6Path setting at it.',
    k6: { version: '', exitCode: null },
    startedAt: iso(0),
    endedAt: iso(0.2),
    durationSeconds: 0.2,
    totals: emptyTotals(),
    requests: [],
    targets: [notMeasured('median', '< 200ms', 200), notMeasured('p99', '< 500ms', 500), notMeasured('p95', '< 300ms', 300, 'create deployment')],
    errors: [],
    timeline: [],
    findings: [],
  };
}

/** k6 panicked before producing a summary; the message holds a Go stack with backticks and a Markdown fence. */
export function k6CrashedRun(): RunResult {
  return {
    ...k6MissingRun(),
    outcome: 'k6-crashed',
    outcomeMessage: 'k6 exited with code 109 (Go panic):\npanic: runtime error: invalid memory address\n```\ngoroutine 1 [running]:\n`main.run`()\n\tcmd/run.go:42 +0x1d',
    k6: { version: 'v2.2.0', exitCode: 109 },
  };
}

/** k6 could not run the compiled script. */
export function scriptErrorRun(): RunResult {
  return {
    ...k6MissingRun(),
    outcome: 'script-error',
    outcomeMessage: 'TypeError: Cannot read property "id" of undefined\n\tat default (file:///script.js:12:5(31))',
    k6: { version: 'v2.2.0', exitCode: 107 },
  };
}

/** Names chosen to break every format a writer could get wrong. */
export const HOSTILE_NAMES = {
  quotes: 'say "hi" it\'s',
  scriptClose: '</script><script>alert(1)</script>',
  img: '<img src=x onerror=alert(1)>',
  commas: 'a,b,c',
  newline: 'line one\nline two\r\nline three',
  cdataEnd: 'end ]]> here',
  pipeAndTicks: 'pipe | and `ticks` and *stars* and [link](x)',
  controls: 'bell\u0007 nul\u0000 sep\u2028para\u2029',
} as const;

/** A run whose scenario, request, group and error names hold quotes, markup, commas, newlines and `]]>`. */
export function hostileRun(): RunResult {
  const base = burstRun();
  const names = Object.values(HOSTILE_NAMES);
  const requests = names.map((name, index) => request(index % 2 === 0 ? 'GET' : 'POST', name, `group ${HOSTILE_NAMES.img}`, 100 + index, index, 60, percentiles(10 + index, 40 + index)));
  return {
    ...base,
    scenario: `Hostile ${HOSTILE_NAMES.scriptClose} "names" & <b>co</b> ]]>`,
    scenarioFile: 'scenarios/hostile|name`.scenario.yaml',
    environment: 'env "quoted" <i>',
    load: [{ group: `group ${HOSTILE_NAMES.img}`, description: `${HOSTILE_NAMES.newline} | users`, model: 'closed' }],
    outcomeMessage: `k6 exited with code 99 ${HOSTILE_NAMES.cdataEnd} ${HOSTILE_NAMES.scriptClose}`,
    requests,
    totals: totalsOf(requests, 60, percentiles(12, 44), { maxUsers: 10 }),
    targets: names.map((name, index) => target('p95', '<', 300, '< 300ms', 20 + index, index % 2 === 0, index % 2 === 0 ? '15x better' : `1.${index}x over ${HOSTILE_NAMES.img}`, { request: name })),
    errors: names.map((name, index) => errorStat(index % 2 === 0 ? 'GET' : 'POST', name, `HTTP 500 ${name}`, index + 1, index, index + 10)),
    findings: names.map((name, index) =>
      finding(index % 2 === 0 ? 'errors' : 'rate-limited', 'warning', [index, 10, 40], `HTTP 500 on ${name} from 0:0${index}`, `Look at ${name}`, { fromSeconds: index, toSeconds: index + 10, [name]: name, requests: [{ name }] }),
    ),
    timeline: timeline(60, names, () => ({ users: 10, rps: 40, failuresPerSecond: 1, p50: 12, p99: 44, statuses: { '200': 39, '500': 1 } })).map((point) => ({
      ...point,
      errors: { [HOSTILE_NAMES.scriptClose]: 1 },
    })),
  };
}

/** A series as the sampler would sum it up from the readings in the timeline. */
function monitorSeries(timelinePoints: readonly TimelinePoint[], base: Pick<MonitorSeries, 'monitor' | 'label' | 'unit' | 'capacity'> & { problem?: string }): MonitorSeries {
  const key = `${base.monitor}: ${base.label}`;
  const readings = timelinePoints.map((point) => point.monitors?.[key] ?? null).filter((value): value is number => value !== null);
  const measured = readings.length > 0;
  return {
    key,
    ...base,
    samples: readings.length,
    min: measured ? Math.min(...readings) : null,
    avg: measured ? readings.reduce((sum, value) => sum + value, 0) / readings.length : null,
    max: measured ? Math.max(...readings) : null,
  };
}

/** Seconds in which the app process did not answer its monitor. */
export const PROCESS_GAP_SECONDS: readonly number[] = [30, 31];

/** The burst run with two monitors: the demo target's pool (20 connections, full from 0:20) and the queue waiting
 * for it, and the app process's CPU and memory, which had no reading for two seconds. */
export function monitoredRun(): RunResult {
  const base = burstRun();
  const timelinePoints = base.timeline.map((point) => {
    const exhausted = point.t >= 20;
    const answered = !PROCESS_GAP_SECONDS.includes(point.t);
    return {
      ...point,
      monitors: {
        'demo target: database pool in use': exhausted ? 20 : Math.min(20, Math.round(point.users / 80)),
        'demo target: waiting for a connection': exhausted ? 180 + (point.t % 5) : 0,
        'app process: CPU': answered ? Math.min(97, 30 + point.t * 2.5) : null,
        'app process: memory': answered ? 180 * 1024 * 1024 + point.t * 512 * 1024 : null,
      },
    };
  });
  return {
    ...base,
    scenario: 'Burst load with monitors',
    timeline: timelinePoints,
    monitors: [
      monitorSeries(timelinePoints, { monitor: 'demo target', label: 'database pool in use', unit: 'count', capacity: 20 }),
      monitorSeries(timelinePoints, { monitor: 'demo target', label: 'waiting for a connection', unit: 'count', capacity: null }),
      monitorSeries(timelinePoints, { monitor: 'app process', label: 'CPU', unit: 'cpu-percent', capacity: null, problem: 'no reading for 2 s (0:30 to 0:31): the process did not answer' }),
      monitorSeries(timelinePoints, { monitor: 'app process', label: 'memory', unit: 'bytes', capacity: null, problem: 'no reading for 2 s (0:30 to 0:31): the process did not answer' }),
    ],
  };
}

/** Every fixture by name, for tests that apply to all of them. */
export const ALL_RUNS: readonly (readonly [string, () => RunResult])[] = [
  ['passing', passingRun],
  ['burst', burstRun],
  ['stopped', stoppedRun],
  ['refused', refusedRun],
  ['k6 missing', k6MissingRun],
  ['k6 crashed', k6CrashedRun],
  ['script error', scriptErrorRun],
  ['hostile', hostileRun],
  ['monitored', monitoredRun],
];
