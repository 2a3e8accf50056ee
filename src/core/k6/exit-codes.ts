// k6's process exit codes (errext/exitcodes in k6 v2) in plain words, and the run outcome each one means.

import type { RunOutcome } from '../results';

export interface K6ExitMeaning {
  outcome: RunOutcome;
  /** One sentence a tester understands. */
  words: string;
}

const MEANINGS: ReadonlyMap<number, K6ExitMeaning> = new Map([
  [0, { outcome: 'completed', words: 'The test ran to the end.' }],
  [97, { outcome: 'k6-crashed', words: 'The k6 cloud test run failed (exit code 97).' }],
  [98, { outcome: 'k6-crashed', words: 'k6 could not get the test progress from the cloud (exit code 98).' }],
  [99, { outcome: 'thresholds-failed', words: 'Some targets were not met (k6 exit code 99).' }],
  [100, { outcome: 'script-error', words: 'The per-test setup took longer than allowed (k6 exit code 100).' }],
  [101, { outcome: 'script-error', words: 'The per-test teardown took longer than allowed (k6 exit code 101).' }],
  [102, { outcome: 'k6-crashed', words: 'k6 timed out (exit code 102).' }],
  [103, { outcome: 'stopped', words: 'The test was stopped before its end; the results cover the time it ran (k6 exit code 103).' }],
  [104, { outcome: 'invalid-config', words: 'k6 refused the test options (exit code 104).' }],
  [105, { outcome: 'stopped', words: 'The test was stopped before its end; the results cover the time it ran (k6 exit code 105).' }],
  [106, { outcome: 'invalid-config', words: 'k6 could not start its REST API, probably because the port is taken (exit code 106).' }],
  [107, { outcome: 'script-error', words: 'The test script failed with an error (k6 exit code 107).' }],
  [108, { outcome: 'script-error', words: 'The test script aborted the run (k6 exit code 108).' }],
  [109, { outcome: 'k6-crashed', words: 'k6 crashed with an internal error (Go panic, exit code 109).' }],
  [110, { outcome: 'thresholds-failed', words: 'The test script marked the test as failed (k6 exit code 110).' }],
]);

/**
 * What a k6 exit means. `signal` is set when the process was ended by one; `killedByUs` when we ended it hard
 * (second stop request or grace timeout), which is the only way a signal death is not a crash.
 */
export function explainK6Exit(code: number | null, signal: string | null, killedByUs = false): K6ExitMeaning {
  if (killedByUs) return { outcome: 'killed', words: 'The test was ended at once; the results are partial and k6 wrote no summary.' };
  if (code === null) {
    return { outcome: 'k6-crashed', words: `k6 was ended by signal ${signal ?? 'unknown'} (out of memory, or killed from outside?).` };
  }
  const known = MEANINGS.get(code);
  if (known) return known;
  return { outcome: 'k6-crashed', words: `k6 ended with an unexpected error (exit code ${code}).` };
}

