import { defineConfig } from 'vitest/config';

// `npm run test:fast`: the development loop — unit tests and the SQLite integration tests (the `sqlite` leg
// of scripts/test.mjs without PostgreSQL or the browser). Same files as vitest.config.ts; faster because
// test files share a worker's module cache (isolate: false) instead of importing the server again per file.
// Files that start the real server or the CLI as child processes keep their own isolated workers.
const spawning = [
  'src/server/cli.test.ts',
  'src/server/instances.int.test.ts',
  'src/server/platform/audit/audit.int.test.ts',
  'src/server/platform/audit/audit-tamper.int.test.ts',
  'src/server/platform/outbox/outbox-crash.int.test.ts',
  'src/server/features/measures/self-harm-crash.int.test.ts',
  'src/server/features/practice/practice-self-harm-crash.int.test.ts',
];

const shared = {
  environment: 'node',
  testTimeout: 20_000,
  hookTimeout: 60_000,
  pool: 'forks',
} as const;

// `npm test` names a folder for the run (scripts/test.mjs, DUET_VITEST_MODULE_CACHE): the legs share the
// modules vite transformed, so the postgres and unit-far-tz legs do not transform the server again after the
// sqlite leg (issue 18: ~5 s of CPU per 30 files). The folder is removed when the run ends; a file's cache entry
// is keyed by its content, so a changed file is transformed again.
const moduleCache = process.env.DUET_VITEST_MODULE_CACHE;

export default defineConfig({
  test: {
    maxWorkers: 2,
    ...(moduleCache ? { experimental: { fsModuleCache: true, fsModuleCachePath: moduleCache } } : {}),
    // Drops the PostgreSQL template databases of the test processes after the run.
    globalSetup: ['src/server/testing/drop-test-templates.ts'],
    projects: [
      {
        test: {
          ...shared,
          name: 'shared-workers',
          include: ['src/**/*.test.ts'],
          exclude: spawning,
          isolate: false,
        },
      },
      { test: { ...shared, name: 'child-processes', include: spawning } },
    ],
  },
});
