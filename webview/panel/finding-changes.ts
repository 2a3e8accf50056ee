// Which findings in a new list were not in the one shown before, so the panel can mark what just appeared. A
// finding's numbers and wording change as the run goes on (it held for 12 s, then 13 s); what it is about does not:
// its kind, the second it began, and the labels its evidence names (the target, the status codes, the series).

import type { Finding } from '../../src/core/results';

/** What a finding is about, the same while its figures grow. */
export function findingIdentity(finding: Finding): string {
  const labels = Object.entries(finding.evidence)
    .filter((entry): entry is [string, string] => typeof entry[1] === 'string')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([finding.kind, finding.atSeconds, labels]);
}

/** For each finding of `next`, in order: true when nothing in `shown` is about the same thing. */
export function newlyAppeared(shown: readonly Finding[], next: readonly Finding[]): boolean[] {
  const known = new Set(shown.map(findingIdentity));
  return next.map((finding) => !known.has(findingIdentity(finding)));
}
