// Worklist benchmark (issue 15): p50/p95 of the caseload worklist (GET /api/worklist's service: the registry
// rows, next appointments, today's visits, previous scores, unread messages, practice to review, and the
// audit write of one event per patient shown) for the busiest care manager (about 120 patients) of the bench
// clinic (bench/generate-clinic.ts), read in process through the same service the route calls. The clinic
// gets two years of PHQ-9/GAD-7 for every patient (bench/registry-data.ts), optionally three months of
// medications and dose logs (--medications), and for the timed caseload weekly sessions 8 weeks back and 8
// ahead, today's visits, messages (some unread) and practice entries. Target: p95 < 50 ms.
//
//   npx tsx bench/worklist.ts [--patients 5000] [--reads 200] [--engines sqlite,postgres] [--medications]
//                             [--breakdown]   (also times each part of a read on its own)
import os from 'node:os';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.js';
import { createDeps, openAndMigrate } from '../src/server/bootstrap.js';
import type { Db } from '../src/server/db/database.js';
import type { Actor } from '../src/server/platform/auth/actor.js';
import { readWorklist } from '../src/server/features/worklist/index.js';
import * as worklistSql from '../src/server/features/worklist/worklist.repository.js';
import { registryRows } from '../src/server/features/registry/index.js';
import { localDateTime } from '../src/shared/time/index.js';
import { prepareEngine, type EngineName } from './engines.js';
import { percentile } from './load.js';
import { generateMedications } from './medications-data.js';
import { generateQuestionnaires } from './registry-data.js';
import { cleanupAll } from './processes.js';
import { benchArgs } from './args.js';

const { flag, int } = benchArgs(process.argv.slice(2));
const options = {
  patients: int('--patients', 5000, 50_000),
  reads: int('--reads', 200, 10_000),
  engines: flag('--engines', 'sqlite')
    .split(',')
    .filter((e): e is EngineName => e === 'sqlite' || e === 'postgres'),
  medications: process.argv.includes('--medications'),
  breakdown: process.argv.includes('--breakdown'),
};
const log = (line: string) => process.stderr.write(`[bench:worklist] ${line}\n`);
process.on('exit', cleanupAll);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** A clinic day's worth of rows around one caseload: sessions, messages, practice. */
async function addClinicDay(db: Db, clinicId: string, careManagerId: string, now: number) {
  const team = await db
    .selectFrom('care_team_members as m')
    .innerJoin('care_team_members as t', (j) =>
      j.onRef('t.patient_id', '=', 'm.patient_id').on('t.role', '=', 'therapist'),
    )
    .innerJoin('patients as p', 'p.id', 'm.patient_id')
    .select(['m.patient_id', 't.user_id as therapist_id', 'p.time_zone'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.user_id', '=', careManagerId)
    .execute();
  let rows = 0;
  for (const [i, member] of team.entries()) {
    const assignment = randomUUID();
    const { date: today } = localDateTime(now, member.time_zone);
    await db
      .insertInto('practice_assignments')
      .values({
        id: assignment,
        clinic_id: clinicId,
        patient_id: member.patient_id,
        type: 'thought_record',
        library_version: '1',
        instructions: '',
        frequency: '{"kind":"daily"}',
        start_day: today,
        due_day: today,
        ipt_problem_area: null,
        status: 'active',
        ended_at: null,
        ended_by: null,
        ended_day: null,
        assigned_by: member.therapist_id,
        created_at: now - 60 * DAY,
        updated_at: now - 60 * DAY,
        version: 1,
      })
      .execute();
    for (let week = -8; week <= 8; week++) {
      // Sessions at different hours so some fall today; the care manager sees the therapist's.
      const startsAt = now + week * 7 * DAY + ((i % 9) - 4) * HOUR;
      const { date, time } = localDateTime(startsAt, member.time_zone);
      await db
        .insertInto('appointments')
        .values({
          id: randomUUID(),
          clinic_id: clinicId,
          patient_id: member.patient_id,
          series_id: null,
          type: 'therapy_session',
          clinician_id: i % 3 === 0 ? careManagerId : member.therapist_id,
          mode: 'video',
          local_day: date,
          local_time: time,
          time_zone: member.time_zone,
          starts_at: startsAt,
          ends_at: startsAt + 50 * 60_000,
          duration_minutes: 50,
          location: null,
          status: startsAt < now ? 'attended' : 'scheduled',
          cancelled_by: null,
          cancelled_late: null,
          cancel_reason: null,
          status_set_by: null,
          status_set_at: null,
          created_by: member.therapist_id,
          created_at: now - 90 * DAY,
          updated_at: now - 90 * DAY,
          version: 1,
        })
        .execute();
      rows++;
    }
    const conversation = randomUUID();
    await db
      .insertInto('conversations')
      .values({
        id: conversation,
        clinic_id: clinicId,
        patient_id: member.patient_id,
        kind: 'patient',
        team_key: null,
        subject: 'Check-in',
        started_by: member.therapist_id,
        created_at: now - 30 * DAY,
        last_message_at: now - DAY,
        awaiting_message_id: null,
        awaiting_since: null,
        unanswered_emitted_for: null,
      })
      .execute();
    for (let m = 0; m < 20; m++) {
      const id = randomUUID();
      const at = now - (30 - m) * DAY;
      await db
        .insertInto('messages')
        .values({
          id,
          clinic_id: clinicId,
          patient_id: member.patient_id,
          conversation_id: conversation,
          author_id: member.therapist_id,
          body: 'Message',
          mentions: '[]',
          created_at: at,
          sort_key: `${String(at).padStart(15, '0')}-${id}`,
        })
        .execute();
      // All but the last few read by the care manager.
      if (m < 17 - (i % 4))
        await db
          .insertInto('message_reads')
          .values({
            clinic_id: clinicId,
            message_id: id,
            conversation_id: conversation,
            user_id: careManagerId,
            read_at: at + HOUR,
          })
          .execute();
      rows++;
    }
    for (let d = 1; d <= 20; d++)
      await db
        .insertInto('practice_entries')
        .values({
          id: randomUUID(),
          clinic_id: clinicId,
          patient_id: member.patient_id,
          assignment_id: assignment,
          type: 'thought_record',
          sharing: d % 3 === 0 ? 'therapist' : 'team',
          status: 'done',
          content: '{}',
          day: today,
          started_at: now - d * DAY,
          updated_at: now - d * DAY,
          completed_at: now - d * DAY,
          version: 1,
        })
        .execute();
  }
  return { patients: team.length, rows };
}

const results: string[] = [];
try {
  for (const engine of options.engines) {
    const prepared = await prepareEngine(engine, { patients: options.patients, benchDatabaseUrl: null, log });
    try {
      const config = loadConfig({ ...prepared.serverEnv, DUET_DEMO: '0', LOG_LEVEL: 'silent' });
      const database = await openAndMigrate(config);
      try {
        const now = Date.now();
        const t0 = Date.now();
        const answers = await generateQuestionnaires(database, prepared.clinic.clinicId, now, 2);
        if (options.medications) {
          const meds = await generateMedications(database, prepared.clinic.clinicId, now, {
            years: 0.25,
            loggers: 0,
          });
          log(`${engine}: ${String(meds.doseLogs)} dose logs`);
        }
        const busiest = await database.db
          .selectFrom('care_team_members')
          .select(['user_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('clinic_id', '=', prepared.clinic.clinicId)
          .where('role', '=', 'care_manager')
          .groupBy('user_id')
          .orderBy('n', 'desc')
          .executeTakeFirstOrThrow();
        const day = await database.transaction((trx) =>
          addClinicDay(trx, prepared.clinic.clinicId, busiest.user_id, now),
        );
        log(
          `${engine}: ${String(answers)} questionnaires; caseload of ${String(day.patients)} with ${String(day.rows)} sessions and messages, in ${String(Date.now() - t0)} ms`,
        );
        if (engine === 'postgres') await sql`analyze`.execute(database.db);
        const deps = createDeps(config, database);
        const actor: Actor = {
          userId: busiest.user_id,
          role: 'care_manager',
          clinicId: prepared.clinic.clinicId,
          patientId: null,
          sessionIdHash: 'bench',
          csrfToken: 'bench',
        };
        const query = { zone: 'America/Chicago' };
        const firstStarted = performance.now();
        const first = await readWorklist(deps, actor, query);
        const firstMs = performance.now() - firstStarted;
        const withToday = first.patients.filter((p) => p.today.length > 0).length;
        const unread = first.patients.reduce((n, p) => n + p.unreadMessages, 0);
        log(
          `${engine}: first read ${firstMs.toFixed(1)} ms, ${String(first.patients.length)} rows, ${String(withToday)} with a visit today, ${String(unread)} unread`,
        );
        // Wall time and this process's CPU time per read: on a shared, loaded machine the wall time is mostly
        // waiting for a core, the CPU time is what one read costs.
        const times: number[] = [];
        const cpu: number[] = [];
        for (let i = 0; i < options.reads; i++) {
          const started = performance.now();
          const cpuStarted = process.cpuUsage();
          await readWorklist(deps, actor, query);
          const used = process.cpuUsage(cpuStarted);
          cpu.push((used.user + used.system) / 1000);
          times.push(performance.now() - started);
        }
        times.sort((a, b) => a - b);
        cpu.sort((a, b) => a - b);
        if (options.breakdown) {
          const { clinicId, userId } = actor;
          const db = database.db;
          const parts: [string, () => Promise<unknown>][] = [
            ['registry rows', () => registryRows(db, { clinicId, userId, now: Date.now() })],
            ['next appointments', () => worklistSql.nextAppointments(db, clinicId, userId, Date.now())],
            [
              "today's visits",
              () => worklistSql.myAppointmentsBetween(db, clinicId, userId, now - 12 * HOUR, now + 12 * HOUR),
            ],
            ['unread messages', () => worklistSql.unreadMessageCounts(db, clinicId, userId)],
            [
              'practice to review',
              () => worklistSql.practiceToReviewCounts(db, clinicId, userId, now - 14 * DAY),
            ],
            ['latest and previous scores', () => worklistSql.latestAndPrevious(db, clinicId, userId)],
            ['patient zones', () => worklistSql.patientZones(db, clinicId, userId)],
            [
              'audit: one event per patient',
              () =>
                deps.audit.recordReads(
                  clinicId,
                  actor,
                  first.patients.map((p) => ({
                    action: 'worklist.read',
                    resourceType: 'worklist',
                    resourceId: null,
                    patientId: p.patientId,
                    outcome: 'allowed' as const,
                  })),
                ),
            ],
          ];
          for (const [name, run] of parts) {
            const t: number[] = [];
            for (let i = 0; i < 30; i++) {
              const started = performance.now();
              await run();
              t.push(performance.now() - started);
            }
            t.sort((a, b) => a - b);
            const part = `${engine}:   ${name}: p50 ${percentile(t, 50).toFixed(1)} ms, p95 ${percentile(t, 95).toFixed(1)} ms`;
            log(part);
            results.push(part);
          }
        }
        const load = os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ');
        const line = `${engine}: ${String(options.patients)} patients, caseload ${String(first.patients.length)}, ${String(times.length)} worklist reads: first ${firstMs.toFixed(1)} ms, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms; CPU per read p50 ${percentile(cpu, 50).toFixed(1)} ms, p95 ${percentile(cpu, 95).toFixed(1)} ms (load average ${load}, ${String(os.cpus().length)} cores)`;
        log(line);
        results.push(line);
      } finally {
        await database.close();
      }
    } finally {
      await prepared.teardown();
    }
  }
} finally {
  cleanupAll();
}
process.stdout.write(`${results.join('\n')}\n`);
