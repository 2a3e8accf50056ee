// What holds the window's one-run-at-a-time lock: a scenario run, or a suite running its scenarios one after
// another. One Stop serves both: graceful first (the scenario running ends early and still writes its reports; a
// suite skips the rest), then hard.

import type { PanelHandle } from '../results-panel/register-results-panel';
import type { RunProgressView } from './run-progress-view';
import type { SuitePosition } from './suite-position';

/** The run going now, as the rest of the extension sees it. */
export interface ActiveRun {
  /** The scenario file running now (a suite's own file until its first scenario starts). */
  readonly file: string;
  readonly scenario: string | undefined;
  readonly stopping: boolean;
  /** Which scenario of a suite runs; undefined for a run of one scenario. */
  readonly suite: SuitePosition | undefined;
}

export class RunSession implements ActiveRun {
  scenario: string | undefined;
  suite: SuitePosition | undefined;
  /** The panel of the scenario running now. */
  panel: PanelHandle | undefined;
  view: RunProgressView | undefined;
  private readonly stopController = new AbortController();
  private readonly killController = new AbortController();

  constructor(public file: string) {}

  get signal(): AbortSignal {
    return this.stopController.signal;
  }

  get killSignal(): AbortSignal {
    return this.killController.signal;
  }

  get stopping(): boolean {
    return this.stopController.signal.aborted;
  }

  /** Graceful first; hard when asked, or when already stopping. */
  stop(hard: boolean): 'graceful' | 'hard' {
    const escalate = hard || this.stopping;
    // A hard stop aborts the graceful signal too: a suite reads that one to skip the scenarios after this one.
    this.stopController.abort();
    if (!escalate) return 'graceful';
    this.killController.abort();
    return 'hard';
  }

  /** Ends what the session shows outside the panels. */
  dispose(): void {
    this.view?.dispose();
    this.view = undefined;
  }
}
