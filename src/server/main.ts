import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import { createDeps, openAndMigrate, startReads } from './bootstrap.js';
import { DEMO_PASSWORD, demoPatients, demoStaff, seedDemoClinic } from './demo/seed-demo.js';
import { purgeExpiredSessions } from './platform/auth/sessions.js';
import { startBackground } from './background.js';
import { fileCheckpointStore, startCheckpoints } from './platform/audit/audit-checkpoint.js';
import { loadAuditKeys } from './platform/audit/audit-keys.js';
import { createTestClock, listenForTestClock } from './platform/test-clock.js';
import { listenForLoopDelay } from './platform/loop-delay.js';

const config = loadConfig();
const database = await openAndMigrate(config, {
  server: true,
  onProblem: (message, err) => {
    process.stderr.write(`${message}${err instanceof Error ? `: ${err.message}` : ''}\n`);
  },
});
// Browser journeys only (refused by config.ts unless NODE_ENV=test): a clock the e2e harness moves over IPC.
const testClock = config.testClock ? createTestClock() : null;
if (testClock) listenForTestClock(testClock, process);
// The bench's open-loop scenario asks the event-loop delay over IPC (issue 19): never over HTTP, never in production.
if (config.loopDelayIpc && process.send) listenForLoopDelay(process);
const deps = createDeps(config, database, testClock?.clock);
// Before the app serves anyone: the registry's reads go to worker threads from the first request.
deps.reads = await startReads(config, database, (message, err) => {
  process.stderr.write(`${message}${err instanceof Error ? `: ${err.message}` : ''}\n`);
});

// Demo data only in the embedded quick start (or when asked with DUET_DEMO=1), never silently on PostgreSQL.
const wantDemo = config.demo === 'yes' || (config.demo === 'auto' && database.engine === 'sqlite');
const seeded = wantDemo ? await seedDemoClinic(deps) : false;

const app = await buildApp(deps, { logger: true });
await app.listen({ port: config.port, host: config.host });

const background = config.runWorker
  ? startBackground(deps, (err) => {
      app.log.error(
        { err: err instanceof Error ? { name: err.name, message: err.message } : 'unknown' },
        'background work failed',
      );
    })
  : null;

// The head of every clinic's audit chain, signed, to a file the database cannot rewrite (now, every 5 min, at exit).
const checkpoints = startCheckpoints(
  {
    db: database.db,
    keys: loadAuditKeys(config),
    store: fileCheckpointStore(config.dataDir),
    clock: deps.clock,
  },
  (err) => {
    app.log.error({ err: err instanceof Error ? err.message : 'unknown' }, 'audit checkpoint failed');
  },
);

const purge = setInterval(() => {
  void purgeExpiredSessions(database.db, deps.clock.now(), config.sessionIdleMs).catch(() => undefined);
}, 10 * 60_000);
purge.unref();

const lines = [
  '',
  `Duet is running at ${config.publicUrl}  (database: ${database.engine === 'sqlite' ? config.sqlitePath : 'PostgreSQL'})`,
];
if (wantDemo) {
  lines.push(
    seeded
      ? 'Demo clinic created. Sign in with any of these (password for all: ' + DEMO_PASSWORD + '):'
      : `Demo clinic logins (password for all: ${DEMO_PASSWORD}):`,
  );
  for (const s of demoStaff) lines.push(`  ${s.role.padEnd(13)} ${s.email}  (${s.name})`);
  for (const p of demoPatients)
    lines.push(`  ${'patient'.padEnd(13)} ${p.email}  (${p.givenName} ${p.familyName})`);
}
lines.push('');
process.stdout.write(lines.join('\n') + '\n');

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  app.log.info({ signal }, 'shutting down: finishing in-flight requests');
  // Issue 19: out within 5 s whatever happens; events not yet delivered stay pending for the next process.
  setTimeout(() => {
    app.log.error('shutdown took longer than 5 s; exiting');
    process.exit(1);
  }, 5000).unref();
  clearInterval(purge);
  // At once and together: app.close() stops accepting connections and waits for in-flight requests; the
  // background runner finishes the event or check in hand and hands the rest of its batch back.
  await Promise.all([app.close(), background?.stop()]);
  await checkpoints.stop();
  await deps.reads.close();
  await database.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
