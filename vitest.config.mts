import { defineConfig } from 'vitest/config';

// Three projects, run one after the other so they do not compete for the two cores:
// pure unit tests (fast, no processes), tests that run the real k6 against local servers, and tests in a
// real VS Code (code-server driven through Chromium).
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node', sequence: { groupOrder: 0 } } },
      {
        test: {
          name: 'k6',
          include: ['test/k6/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // k6 runs compete for two cores: one file at a time.
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        test: {
          name: 'editor',
          include: ['test/editor/**/*.test.ts'],
          environment: 'node',
          // A real code-server and Chromium: starting them takes seconds, more when the cores are busy.
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One workbench at a time (about 1.5 GB and much of two cores each).
          fileParallelism: false,
          sequence: { groupOrder: 2 },
        },
      },
    ],
  },
});
