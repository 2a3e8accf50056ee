// A suite: scenarios (with optional overrides) run one after another into one report with a verdict matrix.

import type { LoadOverrides } from '../compile/load-overrides';
import type { SourceRange } from '../scenario/model';

export interface SuiteEntry {
  /** Absolute path of the scenario file. */
  file: string;
  /** The path as the suite file wrote it (relative to the suite file), for messages. */
  written: string;
  environment?: string;
  overrides: LoadOverrides;
  /** Where the entry is in the suite file. */
  range: SourceRange;
}

export interface Suite {
  name: string;
  /** Absolute path of the suite file. */
  file: string;
  entries: SuiteEntry[];
}
