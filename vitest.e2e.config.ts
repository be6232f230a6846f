import { defineConfig } from 'vitest/config';

// Browser journeys: each file starts its own Duet server (free port, fresh data directory, its own clock:
// e2e/support/server.ts) and its own Chromium, so two files run at once; a journey must not depend on another.
// Two, not three: with three, the sqlite leg beside them ran 532 s instead of ~460 s and the browser lane gained
// nothing (CI on 2 cores, 2026-12-07; issue 18).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    sequence: { concurrent: false },
    // Seeds the demo clinic once; each journey's server starts from a copy (support/demo-template.ts).
    globalSetup: ['e2e/support/demo-template.ts'],
  },
});
