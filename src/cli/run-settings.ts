// What `run` and `suite` share: where reports go, which k6 runs, and the stop signals, from flags and the process.

import path from 'node:path';
import type { CliIo } from './command';
import { projectToolDir } from './project-paths';

export const runSettingSpecs = {
  'report-dir': { type: 'string' },
  k6: { type: 'string' },
} as const;

/** The options every run of the command line passes to the core, from `--report-dir`, `--k6` and `io`. */
export function runSettings(values: { 'report-dir'?: string; k6?: string }, io: CliIo) {
  return {
    reportDir: path.resolve(io.cwd, values['report-dir'] ?? 'load-reports'),
    k6Path: values.k6 === undefined ? undefined : path.resolve(io.cwd, values.k6),
    k6PathLabel: '--k6',
    toolDir: projectToolDir(),
    displayRoot: io.cwd,
    env: io.env,
    signal: io.stop,
    killSignal: io.hardStop,
  };
}
