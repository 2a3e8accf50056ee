// summary.json: the RunResult itself, pretty-printed, so other tools (and a later comparison) read every figure.

import type { RunResult } from '../results';

/** summary.json text for a run (schema in docs/reports.md). */
export function renderSummaryJson(result: RunResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}
