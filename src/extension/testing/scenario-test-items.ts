// The Testing view's items of one scenario: the scenario, then one child per target, labelled as the reports
// label targets ("p99 < 500ms", "create deployment: p95 < 300ms") and placed on the target's line for the gutter.
import { targetLabel } from '../../core/report/format';
import type { Scenario } from '../../core/scenario/model';
import { toEditorRange, type EditorRange } from '../authoring/editor-range';
import { declaredTargetKey } from '../results-in-editor/target-identity';

/** One target's test item. */
export interface TargetItemSpec {
  /** Unique under its scenario; the same across edits that keep the target's identity. */
  id: string;
  /** The key that finds the target's verdict in a run. */
  key: string;
  label: string;
  range: EditorRange;
}

/** The test items of a scenario's targets, in file order. */
export function targetItemSpecs(scenario: Pick<Scenario, 'targets'>): TargetItemSpec[] {
  return scenario.targets.map((target) => {
    const key = declaredTargetKey(target);
    return { id: `target:${key}`, key, label: targetLabel(target), range: toEditorRange(target.range) };
  });
}
