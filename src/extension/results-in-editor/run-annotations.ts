// A run's figures placed on the scenario as it is written now. The scenario is loaded again from the editor's text
// after each edit, and each figure is matched by request name or target identity, never by the line it had: an
// edited file shows the figures that still have a home, on their new lines, and drops the others.
import type { RequestStats, RunResult, TargetResult } from '../../core/results';
import type { Scenario } from '../../core/scenario/model';
import { toEditorRange, type EditorPosition, type EditorRange } from '../authoring/editor-range';
import { requestFigures, targetVerdict } from './annotation-text';
import { scenarioRequests } from './scenario-requests';
import { declaredTargetKey, judgedTargetKey } from './target-identity';

/** A request of the scenario with its figures from the run. */
export interface RequestAnnotation {
  name: string;
  /** Where the request is written (its whole mapping). */
  range: EditorRange;
  stats: RequestStats;
}

/** A target of the scenario with its verdict from the run. */
export interface TargetAnnotation {
  key: string;
  range: EditorRange;
  result: TargetResult;
}

/** Everything of a run that still matches the scenario's text. */
export interface RunAnnotations {
  requests: RequestAnnotation[];
  targets: TargetAnnotation[];
}

/** How a line's after-text is coloured: plain figures, or a target's verdict. */
export type AnnotationTone = 'figures' | 'passed' | 'failed';

/** What one line shows at its end. */
export interface LineAnnotation {
  /** Zero-based line. */
  line: number;
  text: string;
  tone: AnnotationTone;
}

/** Matches a run's requests (by name) and targets (by identity) to the scenario as now written. */
export function annotateRun(scenario: Scenario, result: Pick<RunResult, 'requests' | 'targets'>): RunAnnotations {
  const statsByName = new Map(result.requests.map((stats) => [stats.name, stats]));
  const judged = new Map(result.targets.map((target) => [judgedTargetKey(target), target]));
  const requests = scenarioRequests(scenario).flatMap((request) => {
    const stats = statsByName.get(request.name);
    return stats === undefined ? [] : [{ name: request.name, range: toEditorRange(request.range), stats }];
  });
  const targets = scenario.targets.flatMap((target) => {
    const key = declaredTargetKey(target);
    const judgement = judged.get(key);
    return judgement === undefined ? [] : [{ key, range: toEditorRange(target.range), result: judgement }];
  });
  return { requests, targets };
}

/** One after-text per annotated line, in line order; figures sharing a line are joined, a failure colours the line. */
export function lineAnnotations(annotations: RunAnnotations): LineAnnotation[] {
  const parts = [
    ...annotations.requests.map((request) => ({ start: request.range.start, text: requestFigures(request.stats), tone: 'figures' as const })),
    ...annotations.targets.map((target) => ({ start: target.range.start, text: targetVerdict(target.result), tone: target.result.passed ? ('passed' as const) : ('failed' as const) })),
  ].sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character);
  const byLine = new Map<number, LineAnnotation>();
  for (const part of parts) {
    const existing = byLine.get(part.start.line);
    if (existing === undefined) byLine.set(part.start.line, { line: part.start.line, text: part.text, tone: part.tone });
    else byLine.set(part.start.line, { line: part.start.line, text: `${existing.text}  |  ${part.text}`, tone: strongerTone(existing.tone, part.tone) });
  }
  return [...byLine.values()];
}

const TONE_STRENGTH: Record<AnnotationTone, number> = { figures: 0, passed: 1, failed: 2 };

function strongerTone(a: AnnotationTone, b: AnnotationTone): AnnotationTone {
  return TONE_STRENGTH[b] > TONE_STRENGTH[a] ? b : a;
}

/** The annotated request under the cursor: the one whose text holds it, else the one starting on its line. */
export function requestAt(annotations: RunAnnotations, position: EditorPosition): RequestAnnotation | undefined {
  const inside = annotations.requests.find((request) => contains(request.range, position));
  return inside ?? annotations.requests.find((request) => request.range.start.line === position.line);
}

/** The verdicts of the targets on one request, for its hover. */
export function targetsOfRequest(annotations: RunAnnotations, request: string): TargetAnnotation[] {
  return annotations.targets.filter((target) => target.result.request === request);
}

function contains(range: EditorRange, position: EditorPosition): boolean {
  const afterStart = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
  const beforeEnd = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
  return afterStart && beforeEnd;
}
