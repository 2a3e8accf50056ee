// How a run ended, in plain words: the outcome, the verdict and one message that says what happened and, when
// something went wrong, what k6 said and where to look.

import { explainK6Exit } from '../k6/exit-codes';
import type { ErrorStat, RunOutcome, TargetResult, Totals, Verdict } from '../results';

export interface ExitFacts {
  code: number | null;
  signal: string | null;
  /** We asked k6 to stop gracefully. */
  stopRequested: boolean;
  /** We ended k6 hard (second stop or grace timeout). */
  killedByUs: boolean;
  /** k6 could not be started at all. */
  spawnError?: string;
  /** k6's first error line from its log (level error or fatal), if any. */
  k6Error?: string;
  /** The URL of the first failed request in k6's log, if any. */
  failedUrl?: string;
}

export interface OutcomeInput {
  exit: ExitFacts;
  totals: Totals;
  errors: readonly ErrorStat[];
  targets: readonly TargetResult[];
}

export interface RunEnding {
  outcome: RunOutcome;
  verdict: Verdict;
  message: string;
}

/** Outcome, verdict and message of a finished run. */
export function decideOutcome(input: OutcomeInput): RunEnding {
  const { exit, totals, errors, targets } = input;
  if (exit.spawnError !== undefined) {
    return {
      outcome: 'k6-missing',
      verdict: 'error',
      message: `k6 could not be started: ${exit.spawnError}. Install k6 or point LOADSCOPE_K6 / --k6 / the loadscope.k6Path setting at it.`,
    };
  }
  const meaning = explainK6Exit(exit.code, exit.signal, exit.killedByUs);
  // A stop that arrives while k6 is still starting ends it by the signal itself (no exit code): still our stop.
  const stoppedByUs = exit.stopRequested && !exit.killedByUs && (exit.code === 105 || exit.code === 103 || exit.code === null);
  const outcome: RunOutcome = stoppedByUs ? 'stopped' : meaning.outcome;

  const failedTargets = targets.filter((t) => !t.passed);
  const allFailed = totals.requests > 0 && totals.failures === totals.requests;
  const verdict = verdictOf(outcome, failedTargets.length > 0, allFailed, totals.requests);

  const sentences = [outcome === 'stopped' && exit.stopRequested ? 'The test was stopped on request; the results cover the time it ran.' : meaning.words];
  // The first line is k6's message; a stack trace after it belongs in the log, not in a one-line summary.
  if (exit.k6Error && (verdict === 'error' || outcome === 'k6-crashed')) sentences.push(`k6 said: ${exit.k6Error.split('\n')[0]?.trim()}`);
  if (failedTargets.length > 0 && verdict !== 'error') {
    const listed = failedTargets.map((t) => `${t.request ? `${t.request}: ` : ''}${t.metric} ${t.expression} (${t.margin})`);
    sentences.push(`Failed ${failedTargets.length === 1 ? 'target' : 'targets'}: ${listed.join('; ')}.`);
  }
  if (allFailed) sentences.push(everyRequestFailed(totals.requests, errors, exit.failedUrl));
  else if (totals.requests === 0 && (outcome === 'completed' || outcome === 'thresholds-failed')) {
    sentences.push('No request was made: check the load settings and the log.');
  }
  return { outcome, verdict, message: sentences.join(' ') };
}

function verdictOf(outcome: RunOutcome, targetFailed: boolean, allFailed: boolean, requests: number): Verdict {
  switch (outcome) {
    case 'completed':
      return targetFailed || allFailed || requests === 0 ? 'fail' : 'pass';
    case 'thresholds-failed':
      return 'fail';
    case 'stopped':
    case 'killed':
      return 'stopped';
    default:
      return 'error';
  }
}

const HINTS: Record<string, string> = {
  'connection refused': 'Is the target running and listening there?',
  timeout: 'The target did not answer in time.',
  'connect timeout': 'The target could not be reached in time.',
  'DNS: no such host': 'Check the host name.',
  'DNS lookup failed': 'Check the host name.',
  'connection reset': 'The target closed the connections.',
};

function everyRequestFailed(requests: number, errors: readonly ErrorStat[], url: string | undefined): string {
  const top = errors.find((e) => !e.error.startsWith('check failed'));
  const count = requests === 1 ? 'The only request' : `All ${requests.toLocaleString('en-US')} requests`;
  if (!top) return `${count} failed.`;
  const isNetwork = !top.error.startsWith('HTTP ');
  const where = isNetwork && url ? ` at ${url}` : '';
  const hint = HINTS[top.error];
  return `${count} failed: ${top.error}${where}.${hint ? ` ${hint}` : ''}`;
}
