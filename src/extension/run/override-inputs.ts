// What the user types into the "Run Scenario With Overrides" boxes, checked with the core's own duration and rate
// grammar so the box can show the problem while they type. An empty box keeps the scenario's value.

import type { LoadOverrides } from '../../core/compile/load-overrides';
import { parseDuration } from '../../core/scenario/duration';
import { parseRate } from '../../core/scenario/rate';

export interface OverrideTexts {
  users?: string;
  rate?: string;
  duration?: string;
}

type Checked<T> = { ok: true; value: T | undefined } | { ok: false; problem: string };

const BARE_NUMBER = /^\d+(?:\.\d+)?$/;

function readUsers(text: string): Checked<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const users = Number(trimmed);
  if (!/^\d+$/.test(trimmed) || !Number.isSafeInteger(users) || users < 1) {
    return { ok: false, problem: `'${trimmed}' is not a number of users: write a whole number of at least 1, e.g. 50.` };
  }
  return { ok: true, value: users };
}

function readRate(text: string): Checked<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  // A bare number is per second, as on the command line.
  const rate = parseRate(BARE_NUMBER.test(trimmed) ? `${trimmed}/s` : trimmed);
  return rate.ok ? { ok: true, value: rate.value.perSecond } : { ok: false, problem: rate.problem.message };
}

function readDuration(text: string): Checked<number> {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: undefined };
  const duration = parseDuration(trimmed);
  return duration.ok ? { ok: true, value: duration.value } : { ok: false, problem: duration.problem.message };
}

/** The problem with a users box, or undefined when it is empty or valid. */
export function usersProblem(text: string): string | undefined {
  const checked = readUsers(text);
  return checked.ok ? undefined : checked.problem;
}

/** The problem with a rate box (`200/s`, `600/m`, or a bare number per second), or undefined. */
export function rateProblem(text: string): string | undefined {
  const checked = readRate(text);
  return checked.ok ? undefined : checked.problem;
}

/** The problem with a duration box (`30s`, `5m`, `1m30s`), or undefined. */
export function durationProblem(text: string): string | undefined {
  const checked = readDuration(text);
  return checked.ok ? undefined : checked.problem;
}

/** The overrides the boxes ask for; throws RangeError with the first problem when one is invalid. */
export function overridesFromTexts(texts: OverrideTexts): LoadOverrides {
  const overrides: LoadOverrides = {};
  const users = readUsers(texts.users ?? '');
  const rate = readRate(texts.rate ?? '');
  const duration = readDuration(texts.duration ?? '');
  for (const checked of [users, rate, duration]) if (!checked.ok) throw new RangeError(checked.problem);
  if (users.ok && users.value !== undefined) overrides.users = users.value;
  if (rate.ok && rate.value !== undefined) overrides.ratePerSecond = rate.value;
  if (duration.ok && duration.value !== undefined) overrides.durationSeconds = duration.value;
  return overrides;
}
