// A failed browser test leaves a picture of the workbench behind, which says more than a selector timeout.
import { afterEach } from 'vitest';
import type { Workbench } from './workbench';

/** Registers an afterEach hook that saves a screenshot of `workbench()` whenever a test in the file fails. */
export function screenshotFailures(workbench: () => Workbench | undefined): void {
  afterEach(async ({ task }) => {
    if (task.result?.state !== 'fail') return;
    // Best effort: a page that is gone must not hide the test's own error.
    await workbench()?.screenshot(`failed-${task.name}`).catch(() => undefined);
  });
}
