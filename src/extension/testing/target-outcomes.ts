// A finished run as test results: each target of the scenario passed, failed (the margin and what the findings
// say about it as the message), errored (the run produced no figures) or skipped (stopped, or not judged), and
// the scenario itself failed when any target failed. Pure, so the mapping is tested without an editor.
import { isOutcomeWithoutData, targetLabel, targetSentence } from '../../core/report/format';
import type { Finding, RunResult, TargetResult } from '../../core/results';
import type { Target } from '../../core/scenario/model';
import { declaredTargetKey, judgedTargetKey } from '../results-in-editor/target-identity';

/** What a test item gets from a run. */
export type TestOutcome = { state: 'passed' } | { state: 'failed' | 'errored'; message: string } | { state: 'skipped' };

export interface ScenarioOutcomes {
  scenario: TestOutcome;
  /** By the declared target's key (see target-identity.ts). */
  targets: Map<string, TestOutcome>;
}

type JudgedRun = Pick<RunResult, 'verdict' | 'outcome' | 'outcomeMessage' | 'targets' | 'findings'>;

/** The outcome of each declared target and of the scenario, from the run's result. */
export function scenarioOutcomes(declared: readonly Target[], result: JudgedRun): ScenarioOutcomes {
  const judged = new Map(result.targets.map((target) => [judgedTargetKey(target), target]));
  const targets = new Map(declared.map((target) => {
    const key = declaredTargetKey(target);
    return [key, targetOutcome(judged.get(key), result)];
  }));
  return { scenario: scenarioOutcome(result), targets };
}

/** A stopped run did not run its course: its verdicts would judge a load nobody asked for. */
function wasCutShort(result: JudgedRun): boolean {
  return result.outcome === 'stopped' || result.outcome === 'killed';
}

function scenarioOutcome(result: JudgedRun): TestOutcome {
  if (result.verdict === 'error' || isOutcomeWithoutData(result.outcome)) return { state: 'errored', message: result.outcomeMessage };
  if (wasCutShort(result)) return { state: 'skipped' };
  if (result.verdict === 'fail' || result.targets.some((target) => !target.passed)) return { state: 'failed', message: result.outcomeMessage };
  return { state: 'passed' };
}

function targetOutcome(judgement: TargetResult | undefined, result: JudgedRun): TestOutcome {
  if (isOutcomeWithoutData(result.outcome)) return { state: 'errored', message: result.outcomeMessage };
  if (judgement === undefined || wasCutShort(result)) return { state: 'skipped' };
  if (judgement.passed) return { state: 'passed' };
  const finding = findingFor(judgement, result.findings);
  return { state: 'failed', message: finding === undefined ? targetSentence(judgement) : `${targetSentence(judgement)}\n\n${finding.message}` };
}

/** The finding that explains a failed target: the one naming it, else the first (most pressing) that is not praise. */
function findingFor(target: TargetResult, findings: readonly Finding[]): Finding | undefined {
  const label = targetLabel(target);
  return findings.find((finding) => finding.evidence.target === label) ?? findings.find((finding) => finding.kind !== 'healthy');
}
