import { defineConfig } from 'vitest/config';

// Two projects: pure unit tests (fast, no processes) and tests that run the real k6 against local servers.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'k6',
          include: ['test/k6/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 60_000,
          // k6 runs compete for two cores: one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
