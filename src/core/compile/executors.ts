// One k6 scenario per user group: closed load → ramping-vus, open load → ramping-arrival-rate.

import type { ClosedLoad, LoadModel, OpenLoad } from '../scenario/model';
import { formatK6Duration } from './k6-duration';
import type { K6RampingArrivalRateScenario, K6RampingVusScenario, K6Scenario } from './k6-options';

/** The k6 scenario that applies one group's load. */
export function executorFor(load: LoadModel): K6Scenario {
  return load.kind === 'closed' ? rampingVus(load) : rampingArrivalRate(load);
}

function rampingVus(load: ClosedLoad): K6RampingVusScenario {
  const graceful = formatK6Duration(load.gracefulStopSeconds);
  return {
    executor: 'ramping-vus',
    startVUs: load.startUsers,
    stages: load.stages.map((s) => ({ duration: formatK6Duration(s.durationSeconds), target: s.users })),
    gracefulRampDown: graceful,
    gracefulStop: graceful,
  };
}

function rampingArrivalRate(load: OpenLoad): K6RampingArrivalRateScenario {
  const rates = [load.startRate, ...load.stages.map((s) => s.ratePerSecond)];
  const unit = arrivalTimeUnit(rates);
  const perUnit = (rate: number): number => Math.round(rate * unit.seconds);
  return {
    executor: 'ramping-arrival-rate',
    startRate: perUnit(load.startRate),
    timeUnit: unit.k6,
    preAllocatedVUs: Math.min(load.preAllocatedUsers, load.maxUsers),
    maxVUs: load.maxUsers,
    stages: load.stages.map((s) => ({ duration: formatK6Duration(s.durationSeconds), target: perUnit(s.ratePerSecond) })),
    gracefulStop: formatK6Duration(load.gracefulStopSeconds),
  };
}

const TIME_UNITS = [
  { k6: '1s', seconds: 1 },
  { k6: '1m', seconds: 60 },
  { k6: '1h', seconds: 3600 },
] as const;

/**
 * k6 takes whole iterations per time unit. Rates per second are kept with `1s`; a rate such as 200/m
 * (3.33/s) moves to the first of `1m` or `1h` that makes every rate whole, else `1h` rounded.
 */
export function arrivalTimeUnit(ratesPerSecond: readonly number[]): { k6: string; seconds: number } {
  const isWhole = (x: number): boolean => Math.abs(x - Math.round(x)) < 1e-6;
  for (const unit of TIME_UNITS) {
    if (ratesPerSecond.every((r) => isWhole(r * unit.seconds))) return unit;
  }
  return TIME_UNITS[2];
}
