// Command-line style overrides (`--users`, `--rate`, `--duration`) applied to every group's load model.
//
// - users: the total number of concurrent users. It is shared among all groups in proportion to each
//   group's peak concurrency (closed: its highest user level; open: its `maxUsers`), every group keeping at
//   least one. Closed groups scale every stage level by the same factor, so the shape of the ramp stays;
//   open groups get the share as their `maxUsers` cap.
// - ratePerSecond: the total arrival rate, shared among open groups in proportion to their peak rate; each
//   open group's rates scale by the same factor. Closed groups have no rate and are unchanged.
// - durationSeconds: every group's stages are stretched or shrunk in proportion so the group lasts exactly
//   that long; ramps keep their share of the test.

import type { ClosedLoad, LoadModel, OpenLoad } from '../scenario/model';

export interface LoadOverrides {
  users?: number;
  ratePerSecond?: number;
  durationSeconds?: number;
}

/** The groups' load models with the overrides applied (see the file comment for the rules). */
export function applyLoadOverrides(loads: readonly LoadModel[], overrides: LoadOverrides = {}): LoadModel[] {
  checkOverrides(overrides);
  let result = [...loads];
  if (overrides.users !== undefined) result = overrideUsers(result, overrides.users);
  if (overrides.ratePerSecond !== undefined) result = overrideRate(result, overrides.ratePerSecond);
  if (overrides.durationSeconds !== undefined) result = result.map((load) => overrideDuration(load, overrides.durationSeconds ?? 0));
  return result;
}

function checkOverrides(overrides: LoadOverrides): void {
  const { users, ratePerSecond, durationSeconds } = overrides;
  if (users !== undefined && !(Number.isInteger(users) && users >= 1)) {
    throw new RangeError(`The users override must be a whole number of at least 1, not ${users}.`);
  }
  if (ratePerSecond !== undefined && !(Number.isFinite(ratePerSecond) && ratePerSecond > 0)) {
    throw new RangeError(`The rate override must be a positive number of requests per second, not ${ratePerSecond}.`);
  }
  if (durationSeconds !== undefined && !(Number.isFinite(durationSeconds) && durationSeconds > 0)) {
    throw new RangeError(`The duration override must be a positive number of seconds, not ${durationSeconds}.`);
  }
}

/** Highest concurrency a group may reach. */
export function peakUsers(load: LoadModel): number {
  if (load.kind === 'open') return load.maxUsers;
  return Math.max(load.startUsers, ...load.stages.map((s) => s.users));
}

/** Highest arrival rate of an open group. */
export function peakRate(load: OpenLoad): number {
  return Math.max(load.startRate, ...load.stages.map((s) => s.ratePerSecond));
}

function overrideUsers(loads: readonly LoadModel[], total: number): LoadModel[] {
  const shares = apportionWholeUnits(total, loads.map(peakUsers));
  return loads.map((load, i) => {
    const share = shares[i] ?? 1;
    if (load.kind === 'open') return { ...load, maxUsers: share, preAllocatedUsers: Math.min(load.preAllocatedUsers, share) };
    return scaleClosed(load, share);
  });
}

function scaleClosed(load: ClosedLoad, newPeak: number): ClosedLoad {
  const oldPeak = peakUsers(load);
  const scale = (users: number): number => (oldPeak === 0 ? newPeak : Math.round((users * newPeak) / oldPeak));
  return { ...load, startUsers: scale(load.startUsers), stages: load.stages.map((s) => ({ ...s, users: scale(s.users) })) };
}

function overrideRate(loads: readonly LoadModel[], total: number): LoadModel[] {
  const open = loads.filter((l): l is OpenLoad => l.kind === 'open');
  const peaks = open.map(peakRate);
  const sum = peaks.reduce((a, b) => a + b, 0);
  return loads.map((load) => {
    if (load.kind !== 'open') return load;
    const oldPeak = peakRate(load);
    const share = sum === 0 ? total / open.length : (total * oldPeak) / sum;
    const scale = (rate: number): number => (oldPeak === 0 ? share : (rate * share) / oldPeak);
    return { ...load, startRate: scale(load.startRate), stages: load.stages.map((s) => ({ ...s, ratePerSecond: scale(s.ratePerSecond) })) };
  });
}

function overrideDuration(load: LoadModel, seconds: number): LoadModel {
  const oldTotal = load.stages.reduce((sum, s) => sum + s.durationSeconds, 0);
  const count = load.stages.length;
  const scale = (d: number): number => (oldTotal === 0 ? seconds / count : (d * seconds) / oldTotal);
  if (load.kind === 'open') return { ...load, stages: load.stages.map((s) => ({ ...s, durationSeconds: scale(s.durationSeconds) })) };
  return { ...load, stages: load.stages.map((s) => ({ ...s, durationSeconds: scale(s.durationSeconds) })) };
}

/**
 * Splits `total` whole units in proportion to `weights`, each part at least 1, parts summing to `total`
 * when `total` allows one per part (largest-remainder method).
 */
export function apportionWholeUnits(total: number, weights: readonly number[]): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const spare = Math.max(0, total - n);
  const weightSum = weights.reduce((a, b) => a + Math.max(0, b), 0);
  const exact = weights.map((w) => (weightSum === 0 ? spare / n : (spare * Math.max(0, w)) / weightSum));
  const parts = exact.map((x) => 1 + Math.floor(x));
  let left = Math.max(n, total) - parts.reduce((a, b) => a + b, 0);
  const byRemainder = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (const { i } of byRemainder) {
    if (left <= 0) break;
    parts[i] = (parts[i] ?? 1) + 1;
    left--;
  }
  return parts;
}
