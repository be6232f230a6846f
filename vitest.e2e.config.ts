import { defineConfig } from 'vitest/config';
import { LongestFirstSequencer } from './e2e/support/sequencer';

// Browser journeys: each file starts its own Duet server (free port, fresh data directory, its own clock:
// e2e/support/server.ts) and opens its own browser contexts in the run's one Chromium
// (e2e/support/browser-server.ts), so two files run at once; a journey must not depend on another.
// Two, not three: with three, the sqlite leg beside them ran 532 s instead of ~460 s and the browser lane gained
// nothing (CI on 2 cores, 2026-12-07; issue 18).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.test.ts'],
    pool: 'forks',
    // The two workers run file after file without a fresh process each (issue 18: ~2 s of CPU per file for
    // starting a worker and importing vitest, playwright-core and the support modules again). No journey keeps
    // state outside its describe block: each starts its own server and opens its own browser contexts.
    isolate: false,
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    // The longest files start first, so the two workers end together (support/sequencer.ts).
    sequence: { concurrent: false, sequencer: LongestFirstSequencer },
    // Seeds the demo clinic once; each journey's server starts from a copy (support/demo-template.ts). Starts
    // the one Chromium every file connects to (support/browser-server.ts).
    globalSetup: ['e2e/support/demo-template.ts', 'e2e/support/browser-server.ts'],
  },
});
