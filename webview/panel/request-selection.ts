// Which request names the latency-by-request chart shows when the user has not picked: those with per-request
// targets first, then the plan's order, up to a few lines so the chart stays readable.

import type { RunInfo } from '../../src/extension/results-panel/messages';

/** How many lines the chart shows by default. */
export const DEFAULT_CHARTED_REQUESTS = 5;

/** The user's choice (known names only) or the default one. */
export function chartedRequests(run: RunInfo, known: readonly string[], chosen: readonly string[] | null): string[] {
  if (chosen !== null) return chosen.filter((name) => known.includes(name));
  const withTargets = run.targets.flatMap((target) => (target.request !== undefined && known.includes(target.request) ? [target.request] : []));
  return [...new Set([...withTargets, ...known])].slice(0, DEFAULT_CHARTED_REQUESTS);
}

/** Every request name the run has: the plan's, then any seen only in the data. */
export function knownRequestNames(run: RunInfo, seen: Iterable<string>): string[] {
  return [...new Set([...run.requests.map((request) => request.name), ...seen])];
}
