import { defineConfig } from 'vitest/config';

// Browser journeys: each file starts its own Duet server (free port, fresh data directory, its own clock:
// e2e/support/server.ts) and its own Chromium, so files run side by side; a journey must not depend on another.
// Three at once: a journey keeps about half a core busy (it mostly waits on Chromium and its server), and the
// browser lane is the longest of `npm test` (issue 18), so two left a core idle once the other lane ended.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    fileParallelism: true,
    maxWorkers: 3,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    sequence: { concurrent: false },
    // Seeds the demo clinic once; each journey's server starts from a copy (support/demo-template.ts).
    globalSetup: ['e2e/support/demo-template.ts'],
  },
});
