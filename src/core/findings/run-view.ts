// What every detector reads: the run's figures plus, per second, the load offered and the successful throughput.
//
// Load is what the tester turned up: concurrent users in a closed model (measured each second), the planned
// arrival rate in an open one (from the stages: k6 holds that rate whatever the latency, until it runs out of
// users). A scenario mixing both is read by its users, the one figure every group has.

import { formatClock, formatCount, formatRate } from '../report/format';
import type { ErrorStat, MonitorSeries, RequestStats, RunOutcome, TargetResult, TimelinePoint, Totals, Verdict } from '../results';
import type { LoadModel, OpenLoad } from '../scenario/model';

/** Everything the findings are computed from: the measured run and the load model it ran with. */
export interface FindingsInput {
  timeline: readonly TimelinePoint[];
  requests: readonly RequestStats[];
  targets: readonly TargetResult[];
  errors: readonly ErrorStat[];
  totals: Totals;
  verdict: Verdict;
  outcome: RunOutcome;
  /** Each group's load model as it ran (overrides applied). */
  loads: readonly LoadModel[];
  /** Requests made once per user (onStart, a login): left out of throughput, which they inflate while users start. */
  oneOffRequests?: readonly string[];
  /** Server-side series sampled during the run (their readings are in the timeline's points). */
  monitors?: readonly MonitorSeries[];
}

export type LoadUnit = 'users' | 'arrivals/s';

export interface RunView {
  input: FindingsInput;
  timeline: readonly TimelinePoint[];
  /** Load offered at each point of the timeline: users at the end of the second, or the arrival rate. */
  load: readonly number[];
  /** Load offered over each second: what that second's throughput answered (users averaged over the second). */
  loadDuring: readonly number[];
  loadUnit: LoadUnit;
  /** Responses per second that did not fail, at each point, one-off requests left out: the work done. */
  goodput: readonly number[];
  /** True when some group is a closed model (users wait for their responses). */
  hasClosedGroup: boolean;
}

/** The view of a run the detectors share. */
export function viewOf(input: FindingsInput): RunView {
  const open = input.loads.filter((load): load is OpenLoad => load.kind === 'open');
  const allOpen = input.loads.length > 0 && open.length === input.loads.length;
  const timeline = input.timeline;
  return {
    input,
    timeline,
    load: timeline.map((point) => (allOpen ? plannedRate(open, point.t) : point.users)),
    loadDuring: timeline.map((point, index) => (allOpen ? plannedRate(open, point.t) : usersDuring(timeline, index))),
    loadUnit: allOpen ? 'arrivals/s' : 'users',
    goodput: timeline.map((point) => workDone(point, input.oneOffRequests ?? [])),
    hasClosedGroup: input.loads.some((load) => load.kind === 'closed'),
  };
}

// The timeline starts with the first sample's second, and k6 starts its executors somewhere inside it: taking
// the middle of that second as their start, second t covers the executors' t - 0.5 to t + 0.5, centred on t.
function plannedRate(open: readonly OpenLoad[], t: number): number {
  return open.reduce((sum, load) => sum + arrivalRateAt(load, t), 0);
}

function workDone(point: TimelinePoint, oneOff: readonly string[]): number {
  let done = point.rps - point.failuresPerSecond;
  for (const name of oneOff) {
    const request = point.requests[name];
    if (request !== undefined) done -= request.rps - request.failuresPerSecond;
  }
  return Math.max(0, done);
}

// A point's users are the level at the end of its second; while users ramp, the second's responses came from the
// average over the second, halfway from the level the second before. Comparing throughput with the end level
// would make every ramp look slower than it is.
function usersDuring(timeline: readonly TimelinePoint[], index: number): number {
  const now = timeline[index]?.users ?? 0;
  const before = timeline[index - 1]?.users;
  return before === undefined ? now : (before + now) / 2;
}

/** The planned arrival rate of an open group `seconds` after it started: stages ramp linearly, then it stops. */
export function arrivalRateAt(load: OpenLoad, seconds: number): number {
  let from = load.startRate;
  let elapsed = 0;
  for (const stage of load.stages) {
    if (seconds < elapsed + stage.durationSeconds) {
      const share = stage.durationSeconds > 0 ? (seconds - elapsed) / stage.durationSeconds : 1;
      return from + (stage.ratePerSecond - from) * share;
    }
    elapsed += stage.durationSeconds;
    from = stage.ratePerSecond;
  }
  return 0;
}

// Rates are planned or estimated: a decimal on 424/s would claim more precision than there is.
function wholeAbove10(value: number): number {
  return Math.abs(value) >= 10 ? Math.round(value) : value;
}

/** A load in words: "640 users", "an arrival rate of 450/s". */
export function describeLoad(unit: LoadUnit, value: number): string {
  if (unit === 'arrivals/s') return `an arrival rate of ${formatRate(wholeAbove10(value))}`;
  const users = Math.round(value);
  return `${formatCount(users)} ${users === 1 ? 'user' : 'users'}`;
}

/** A range of load in words: "from 10 to 100 users", "from 50/s to 400/s". */
export function describeLoadRange(unit: LoadUnit, from: number, to: number): string {
  if (unit === 'arrivals/s') return `from ${formatRate(wholeAbove10(from))} to ${formatRate(wholeAbove10(to))}`;
  return `from ${formatCount(Math.round(from))} to ${describeLoad(unit, to)}`;
}

/** A throughput in words: "400 requests/s", "2.5 requests/s". */
export function describeThroughput(value: number): string {
  return formatRate(Math.abs(value) >= 100 ? Math.round(value) : value).replace(/\/s$/, ' requests/s');
}

/** Seconds since the start as a clock: "0:42". */
export function clock(seconds: number): string {
  return formatClock(seconds);
}

/** The moment fields of a finding read at one point of the timeline. */
export function momentAt(view: RunView, index: number): { atSeconds: number | null; atUsers: number | null; atRps: number | null } {
  const point = view.timeline[index];
  if (point === undefined) return { atSeconds: null, atUsers: null, atRps: null };
  return { atSeconds: point.t, atUsers: point.users, atRps: point.rps };
}

/**
 * The points of the climb: from the second second to the last one at the top load, leaving out the first and
 * last seconds of the run (partial) and whatever came after the load started coming down.
 */
export function climbIndices(view: RunView): number[] {
  const count = view.timeline.length;
  if (count < 3) return [];
  const first = 1;
  const last = count - 2;
  let top = 0;
  for (let index = first; index <= last; index += 1) top = Math.max(top, view.load[index] ?? 0);
  if (!(top > 0)) return [];
  let end = first;
  for (let index = first; index <= last; index += 1) if ((view.load[index] ?? 0) >= top * 0.98) end = index;
  const indices: number[] = [];
  for (let index = first; index <= end; index += 1) if ((view.load[index] ?? 0) > 0) indices.push(index);
  return indices;
}

/** The timeline index of the second `seconds` after the start, if there is one. */
export function indexOfSecond(view: RunView, seconds: number): number | undefined {
  const index = view.timeline.findIndex((point) => point.t >= seconds);
  return index < 0 ? undefined : index;
}
