// comparison.json: every figure of a comparison, for CI scripts and the editor.

import type { RunComparison } from './comparison';

/** comparison.json text: the comparison itself, pretty-printed. */
export function renderComparisonJson(comparison: RunComparison): string {
  return JSON.stringify(comparison, null, 2) + '\n';
}
