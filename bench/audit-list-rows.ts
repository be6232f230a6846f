// Issue 19 (migration 054): the main thread's CPU for a list read's audit write, 052's patient-first side rows
// against 054's event-first rows with the (patient, actor, day) index, and what a patient's access report costs
// when a busy clinician's list events of one day are many.
//
//   npx tsx bench/audit-list-rows.ts [--clinicians 60] [--warm 20] [--reads 3000] [--busy 20000]
//   BENCH_DATABASE_URL=postgres://… npx tsx bench/audit-list-rows.ts …   (PostgreSQL: one clinic per mode, and
//   the report's plan printed; the main thread's CPU is the server side only, not PostgreSQL's)
//
// Each mode runs in a fresh SQLite database (synchronous=FULL, as the server): `--clinicians` caseloads of 79
// patients, `--warm` reads of each first (the side tables' pages fill up), then `--reads` caseload reads, ten at a
// time (one shared commit, as under load). The main thread's CPU comes from /proc/self/task/<pid>/stat. 052's path
// is taken by a list read without an actor (audit.ts writes those patient first, as before migration 054).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { openAndMigrate } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import * as report from '../src/server/features/patients/access-report.repository.js';
import type { Actor } from '../src/server/platform/auth/actor.js';
import { FakeClock } from '../src/server/platform/clock.js';
import { loadAuditKeys } from '../src/server/platform/audit/audit-keys.js';
import { createAuditLog } from '../src/server/platform/audit/audit.js';
import { benchArgs } from './args.js';

const { int } = benchArgs(process.argv.slice(2));
const clinicians = int('--clinicians', 60, 1000);
const warm = int('--warm', 20, 1000);
const reads = int('--reads', 3000, 1_000_000);
const busy = int('--busy', 20_000, 1_000_000);
const PG_URL = process.env.BENCH_DATABASE_URL ?? '';
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 7, 9, 0, 0);

const ticks = 100; // CLK_TCK on Linux
function mainThreadCpuMs(): number {
  const stat = fs.readFileSync(`/proc/self/task/${String(process.pid)}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks;
}
function processCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

const actorOf = (userId: string): Actor => ({
  userId,
  role: 'prescriber',
  clinicId: 'bench-clinic',
  patientId: null,
  sessionIdHash: 'x',
  csrfToken: 'x',
});
const caseloads = Array.from({ length: clinicians }, () =>
  Array.from({ length: 79 }, () => crypto.randomUUID()),
);

async function run(mode: 'patient-first' | 'event-first') {
  const CLINIC = `bench-clinic-${mode}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duet-list-rows-'));
  const config = loadConfig({ ...process.env, DATA_DIR: dir, DATABASE_URL: PG_URL, LOG_LEVEL: 'silent' });
  const database = await openAndMigrate(config);
  const clock = new FakeClock(T0);
  const audit = createAuditLog(database, clock, loadAuditKeys(config));
  const read = (c: number) =>
    audit.recordListRead(CLINIC, mode === 'patient-first' ? null : actorOf(`user-${String(c)}`), {
      action: 'caseload.read',
      resourceType: 'caseload',
      resourceId: null,
      patientIds: caseloads[c] ?? [],
    });
  async function round(n: number, from: number) {
    for (let i = 0; i < n; i += 10) {
      const batch: Promise<void>[] = [];
      for (let j = i; j < Math.min(n, i + 10); j++) batch.push(read((from + j) % clinicians));
      await Promise.all(batch);
      clock.advance(1);
    }
  }
  // First reads of the day (every pair new to the day index), then the warm-up.
  const firstMain = mainThreadCpuMs();
  await round(clinicians, 0);
  const firstMs = (mainThreadCpuMs() - firstMain) / clinicians;
  await round(clinicians * warm, 0);
  const main0 = mainThreadCpuMs();
  const proc0 = processCpuMs();
  const wall0 = performance.now();
  await round(reads, 0);
  const result = {
    mode,
    firstReadOfDayMainMs: firstMs,
    mainMsPerRead: (mainThreadCpuMs() - main0) / reads,
    processMsPerRead: (processCpuMs() - proc0) / reads,
    wallMsPerRead: (performance.now() - wall0) / reads,
  };
  // A busy clinician: `busy` list events in one day, patient A in each, patient B in one only.
  const a = crypto.randomUUID();
  const b = crypto.randomUUID();
  const busyActor = mode === 'patient-first' ? null : actorOf('user-busy');
  for (let i = 0; i < busy; i += 100) {
    const batch: Promise<void>[] = [];
    for (let j = i; j < Math.min(busy, i + 100); j++)
      batch.push(
        audit.recordListRead(CLINIC, busyActor, {
          action: 'registry.read',
          resourceType: 'registry',
          resourceId: null,
          patientIds:
            j === 0 ? [a, b, ...(caseloads[0] ?? []).slice(2)] : [a, ...(caseloads[1] ?? []).slice(1)],
        }),
      );
    await Promise.all(batch);
    clock.advance(1);
  }
  const timed = async (f: () => Promise<unknown>) => {
    await f(); // statements prepared, pages cached
    const t0 = performance.now();
    for (let i = 0; i < 5; i++) await f();
    return (performance.now() - t0) / 5;
  };
  const count = (p: string) =>
    sql`select count(*) as n from audit_patient_events where clinic_id = ${CLINIC} and patient_id = ${p}`.execute(
      database.db,
    );
  const scope = (p: string) => ({ clinicId: CLINIC, patientId: p, excludeActorId: null });
  const dayStart = Math.floor(T0 / DAY) * DAY;
  const reportMs = {
    viewCountSeenInAll: await timed(() => count(a)),
    viewCountSeenOnce: await timed(() => count(b)),
    // The access report's day (people only: 052's mode has no actor, so it finds nothing there).
    reportDaySeenInAll: await timed(() =>
      report.groupsBetween(database.db, scope(a), dayStart, dayStart + DAY),
    ),
    reportDaySeenOnce: await timed(() =>
      report.groupsBetween(database.db, scope(b), dayStart, dayStart + DAY),
    ),
  };
  const plan =
    database.engine === 'postgres'
      ? (
          await sql<{
            'QUERY PLAN': string;
          }>`explain select count(*) as n from audit_patient_events where clinic_id = ${CLINIC} and patient_id = ${b}`.execute(
            database.db,
          )
        ).rows.map((r) => r['QUERY PLAN'].trim())
      : undefined;
  const sizes = await sql<{
    name: string;
    pages: number;
  }>`select name, count(*) as pages from dbstat group by name`
    .execute(database.db)
    .then((r) => r.rows.filter((x) => /audit_(event|list|patient)/.test(x.name)))
    .catch(() => []);
  await database.close();
  fs.rmSync(dir, { recursive: true, force: true });
  return { ...result, reportMs, sizes, plan };
}

console.log(`loadavg before: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
for (const mode of ['patient-first', 'event-first'] as const) console.log(JSON.stringify(await run(mode)));
console.log(`loadavg after: ${fs.readFileSync('/proc/loadavg', 'utf8').trim()}`);
