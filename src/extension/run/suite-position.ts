// Where a suite run is: which of its scenarios runs now. The status bar, the progress notification and the "a run
// is already going" answer all say it the same way.

export interface SuitePosition {
  suite: string;
  /** The scenario running now, counted from 0. */
  index: number;
  count: number;
}

/** "Suite: scenario 2 of 5 — CAB approvals". */
export function suiteProgressLabel(position: SuitePosition, scenario: string): string {
  return `Suite: scenario ${position.index + 1} of ${position.count} — ${scenario}`;
}
