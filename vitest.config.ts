import { defineConfig } from 'vitest/config';

// Unit and integration tests (legs `sqlite`, `postgres`, `unit-far-tz` of scripts/test.mjs).
// Browser journeys have their own config: vitest.e2e.config.ts.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // Each *.int.test.ts file gets its own database from the server's test helper, so files run in
    // parallel; the CI machines have 2 cores.
    pool: 'forks',
    maxWorkers: 2,
    // Drops the PostgreSQL template databases of the test processes after the run.
    globalSetup: ['src/server/testing/drop-test-templates.ts'],
  },
});
