// The sentences the run commands show: the verdict when a run ends, why a run did not start. Plain text built from
// the core's own labels, so the editor and the reports word a verdict the same way.

import { verdictLabel } from '../../core/report/format';
import { verdictHeadline } from '../../core/report/headline';
import type { RunResult } from '../../core/results';
import type { Diagnostic } from '../../core/scenario/diagnostics';
import type { SuiteResult, SuiteRowVerdict } from '../../core/suite/suite-result';
import type { SuitePosition } from './suite-position';

export type NoticeSeverity = 'info' | 'warning' | 'error';

/** The end-of-run notification: how it went and on what the verdict rests. */
export function verdictNotice(result: RunResult): { severity: NoticeSeverity; text: string } {
  const severity: NoticeSeverity = result.verdict === 'pass' ? 'info' : result.verdict === 'error' ? 'error' : 'warning';
  return { severity, text: `Loadscope: ${verdictLabel(result.verdict)}. ${result.scenario}: ${verdictHeadline(result)}` };
}

/** Why an invalid scenario did not run, with the first error at file:line:column. */
export function invalidScenarioMessage(diagnostics: readonly Diagnostic[], shownFile: string): string {
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
  const first = errors[0];
  if (first === undefined) return `Loadscope cannot run ${shownFile}: it did not load.`;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length === 2 ? '' : 's'}; see the Problems view)` : '';
  return `Loadscope cannot run ${shownFile}: ${shownFile}:${first.line}:${first.column}: ${first.message}${more}`;
}

/** Why a second run (or suite) does not start while one is going; `suite` when the one going is a suite's. */
export function busyMessage(runningScenario: string, suite?: SuitePosition): string {
  const running = suite === undefined ? `"${runningScenario}"` : `the suite "${suite.suite}" (scenario ${suite.index + 1} of ${suite.count}, "${runningScenario}")`;
  return (
    `Loadscope is already running ${running}. One load test runs at a time: two at once would share this ` +
    "machine's CPU and network and skew each other's numbers. Stop it first (Loadscope: Stop), or wait for it to end."
  );
}

const ROW_WORDS: Readonly<Record<SuiteRowVerdict, string>> = { pass: 'passed', fail: 'failed', stopped: 'stopped', error: 'errored', invalid: 'invalid', skipped: 'skipped' };

/** The end-of-suite notification: the suite's verdict and how its scenarios went, "3 passed, 1 failed, 1 skipped". */
export function suiteNotice(result: SuiteResult): { severity: NoticeSeverity; text: string } {
  const severity: NoticeSeverity = result.verdict === 'pass' ? 'info' : result.verdict === 'error' ? 'error' : 'warning';
  const counts = new Map<SuiteRowVerdict, number>();
  for (const row of result.rows) counts.set(row.verdict, (counts.get(row.verdict) ?? 0) + 1);
  const order: readonly SuiteRowVerdict[] = ['pass', 'fail', 'stopped', 'error', 'invalid', 'skipped'];
  const parts = order.flatMap((verdict) => {
    const count = counts.get(verdict) ?? 0;
    return count === 0 ? [] : [`${count} ${ROW_WORDS[verdict]}`];
  });
  const stopped = result.stopped ? ' The suite was stopped.' : '';
  return { severity, text: `Loadscope: suite "${result.suite}": ${verdictLabel(result.verdict)}. ${parts.join(', ')}.${stopped}` };
}

/** Why running is refused in Restricted Mode. */
export const UNTRUSTED_MESSAGE =
  'Loadscope does not run load tests in an untrusted workspace: a run starts k6, a program chosen by settings, against ' +
  'addresses written in the workspace. Editing and validating scenarios still work. Trust the workspace to run it.';
