// A deliberately tiny runner: sequential, no globals, so the same tests also run under mocha (see mocha-suite.ts).
import type { ExtensionHostTest } from './extension-host-test';
import type { TestOutcome } from './test-results';

/** Per-test time limit, so a hung test still lets the report be written. */
const TEST_TIMEOUT_MS = 30_000;

function withTimeout(test: ExtensionHostTest): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${TEST_TIMEOUT_MS} ms`)), TEST_TIMEOUT_MS);
  });
  return Promise.race([Promise.resolve().then(() => test.run()), timeout]).finally(() => clearTimeout(timer));
}

function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** Runs the tests one after another and returns one outcome each; never throws. */
export async function runTests(tests: readonly ExtensionHostTest[]): Promise<TestOutcome[]> {
  const outcomes: TestOutcome[] = [];
  for (const test of tests) {
    const start = Date.now();
    try {
      await withTimeout(test);
      outcomes.push({ name: test.name, passed: true, durationMs: Date.now() - start });
    } catch (error) {
      outcomes.push({ name: test.name, passed: false, durationMs: Date.now() - start, error: describeError(error) });
    }
  }
  return outcomes;
}
