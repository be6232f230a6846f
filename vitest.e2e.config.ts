import { defineConfig } from 'vitest/config';

// Browser journeys: one file at a time, each with its own Duet server and Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    sequence: { concurrent: false },
  },
});
