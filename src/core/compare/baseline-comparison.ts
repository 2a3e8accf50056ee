// A new run against its scenario's baseline: the comparison that goes into summary.json and report.md, and
// comparison.md / comparison.json beside them. Nothing here may fail the run: a broken baseline is a note.

import path from 'node:path';
import { writeFileAtomic } from '../report/atomic-write';
import type { BaselineComparison, RunResult } from '../results';
import { readBaseline } from './baseline';
import { compareRuns } from './compare-runs';
import type { RunComparison } from './comparison';
import { renderComparisonJson } from './comparison-json';
import { renderComparisonMarkdown } from './comparison-markdown';

export const COMPARISON_FILES = { markdown: 'comparison.md', json: 'comparison.json' } as const;

export interface BaselineCheck {
  /** What summary.json and report.md say. */
  field: BaselineComparison;
  /** The full comparison, when the baseline could be read. */
  comparison?: RunComparison;
}

function note(baseline: string, message: string): BaselineCheck {
  return {
    field: { baseline, summary: { comparable: false, worse: 0, better: 0, unchanged: 0, notComparable: 0, headline: `Not compared with the baseline: ${message.replace(/\.$/, '')}.`, warnings: [] } },
  };
}

/** The comparison of `result` with the baseline pinned in `scenarioDir`; undefined when none is pinned. */
export function checkAgainstBaseline(scenarioDir: string, result: RunResult): BaselineCheck | undefined {
  try {
    const baseline = readBaseline(scenarioDir);
    if (baseline.kind === 'none') return undefined;
    if (baseline.kind === 'broken') return note(baseline.runFolder ?? '', baseline.message);
    const comparison = compareRuns(baseline.result, result);
    return { field: { baseline: baseline.runFolder, summary: comparison.summary }, comparison };
  } catch (error) {
    return note('', error instanceof Error ? error.message : String(error));
  }
}

/** Writes comparison.md and comparison.json into the run folder and returns their paths. */
export async function writeComparisonReports(folder: string, baselineFolder: string, comparison: RunComparison): Promise<{ markdown: string; json: string }> {
  const markdown = path.join(folder, COMPARISON_FILES.markdown);
  const json = path.join(folder, COMPARISON_FILES.json);
  const labels = { labelA: `baseline ${baselineFolder}`, labelB: `this run ${path.basename(folder)}` };
  await writeFileAtomic(markdown, renderComparisonMarkdown(comparison, labels));
  await writeFileAtomic(json, renderComparisonJson(comparison));
  return { markdown, json };
}
