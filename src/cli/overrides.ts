// `--users`, `--rate`, `--duration` and `--env`: the options `run` and `compile` share.

import type { LoadOverrides } from '../core/compile/load-overrides';
import { parseDuration } from '../core/scenario/duration';
import { parseRate } from '../core/scenario/rate';
import { positiveInteger, UsageError } from './args';

export const loadOptionSpecs = {
  env: { type: 'string', short: 'e' },
  users: { type: 'string', short: 'u' },
  rate: { type: 'string', short: 'r' },
  duration: { type: 'string', short: 'd' },
} as const;

export const loadOptionsHelp = `  -e, --env NAME         apply the scenario's environment NAME (its target, headers and variables)
  -u, --users N          total concurrent users instead of the scenario's (shared among groups)
  -r, --rate RATE        total arrival rate for open-model groups, e.g. 200/s or 600/m
  -d, --duration TIME    length of the whole test, e.g. 30s or 5m (stages stretch to fit)`;

/** Reads the overrides, accepting a bare number for `--rate` as per second. */
export function parseLoadOverrides(values: { users?: string; rate?: string; duration?: string }): LoadOverrides {
  const overrides: LoadOverrides = {};
  const users = positiveInteger('users', values.users);
  if (users !== undefined) overrides.users = users;
  if (values.rate !== undefined) {
    const text = /^\d+(\.\d+)?$/.test(values.rate.trim()) ? `${values.rate.trim()}/s` : values.rate;
    const rate = parseRate(text);
    if (!rate.ok) throw new UsageError(`--rate: ${rate.problem.message}`);
    overrides.ratePerSecond = rate.value.perSecond;
  }
  if (values.duration !== undefined) {
    const duration = parseDuration(values.duration);
    if (!duration.ok) throw new UsageError(`--duration: ${duration.problem.message}`);
    overrides.durationSeconds = duration.value;
  }
  return overrides;
}
