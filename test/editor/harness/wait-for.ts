// Polls a condition until it yields a value: tests wait for what they need, never for a fixed time.

/** Options for waitFor. */
export interface WaitOptions {
  timeoutMs: number;
  /** Says what was awaited, for the timeout error. */
  description: string;
  intervalMs?: number;
  /** Extra text appended to the timeout error, e.g. a server log tail. */
  diagnostics?: () => string;
}

/** Resolves with the first defined value `probe` returns; rejects after the timeout. Probe errors count as "not yet". */
export async function waitFor<T>(probe: () => Promise<T | undefined> | T | undefined, options: WaitOptions): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) {
      const cause = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      const extra = options.diagnostics ? `\n${options.diagnostics()}` : '';
      throw new Error(`Timed out after ${options.timeoutMs} ms waiting for ${options.description}${cause}${extra}`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}
