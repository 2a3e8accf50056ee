// Stop requests for a run, escalating: the first asks k6 to stop gracefully (summary still written), the next one
// ends it at once. This is what Ctrl+C twice in the CLI and the Stop button twice in the editor do.

export interface RunControl {
  /** Aborted by the first stop request: graceful stop. */
  readonly signal: AbortSignal;
  /** Aborted by the second stop request: hard kill. */
  readonly killSignal: AbortSignal;
  /** Requests a stop; a second call escalates to a hard kill. Returns which one this call made. */
  stop(): 'graceful' | 'hard';
}

/** A fresh pair of escalating stop signals for one run. */
export function createRunControl(): RunControl {
  const graceful = new AbortController();
  const hard = new AbortController();
  return {
    signal: graceful.signal,
    killSignal: hard.signal,
    stop() {
      if (!graceful.signal.aborted) {
        graceful.abort();
        return 'graceful';
      }
      hard.abort();
      return 'hard';
    },
  };
}
