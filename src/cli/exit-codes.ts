// The CLI's exit codes, documented in the README and `loadscope --help`. CI scripts branch on them.

export const ExitCode = {
  /** The run finished and every target passed (or `validate` found no errors). */
  pass: 0,
  /** The run finished and at least one target failed. */
  targetsFailed: 1,
  /** The scenario is invalid, a file is missing, or the command line is wrong. */
  invalidInput: 2,
  /** The run was stopped before its end (Ctrl+C or a stop request); reports are marked as stopped. */
  stopped: 3,
  /** k6 is missing, crashed, or could not run the test; reports are marked as an error. */
  k6Failed: 4,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];
