// Timeline benchmark (issue 14): p50/p95 of one patient's treatment timeline over two years, read in
// process through the same service the route calls (withPatientRecord: access check, every query, audit
// write), on the bench clinic (bench/generate-clinic.ts) with two years of medications and dose logs
// (bench/medications-data.ts) and of PHQ-9/GAD-7 (bench/registry-data.ts) for every patient, plus for the
// timed patients two years of weekly sessions with feedback, practice entries and monthly side-effect
// reports. Target: p95 < 50 ms. See docs/benchmarks.md.
//
//   npx tsx bench/timeline.ts [--patients 5000] [--reads 200] [--sample 20] [--engines sqlite,postgres]
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import { sql } from 'kysely';
import { loadConfig } from '../src/server/config.js';
import { createDeps, openAndMigrate } from '../src/server/bootstrap.js';
import type { Db } from '../src/server/db/database.js';
import type { Actor } from '../src/server/platform/auth/actor.js';
import { patientTimeline } from '../src/server/features/timeline/timeline.service.js';
import { addDays, localDate } from '../src/shared/time/index.js';
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
  sample: int('--sample', 20, 500),
  engines: flag('--engines', 'sqlite')
    .split(',')
    .filter((e): e is EngineName => e === 'sqlite' || e === 'postgres'),
};
const log = (line: string) => process.stderr.write(`[bench:timeline] ${line}\n`);
process.on('exit', cleanupAll);
const DAY = 86_400_000;

/** Two years of weekly sessions (with feedback), practice entries and monthly side-effect reports. */
async function addTherapyHistory(
  db: Db,
  clinicId: string,
  patientId: string,
  therapistId: string,
  now: number,
) {
  const today = localDate(now, 'UTC');
  const assignment = randomUUID();
  await db
    .insertInto('practice_assignments')
    .values({
      id: assignment,
      clinic_id: clinicId,
      patient_id: patientId,
      type: 'thought_record',
      library_version: '1',
      instructions: '',
      frequency: '{"kind":"daily"}',
      start_day: addDays(today, -730),
      due_day: today,
      ipt_problem_area: null,
      status: 'active',
      ended_at: null,
      ended_by: null,
      ended_day: null,
      assigned_by: therapistId,
      created_at: now - 730 * DAY,
      updated_at: now - 730 * DAY,
      version: 1,
    })
    .execute();
  for (let week = 104; week >= 1; week--) {
    const at = now - week * 7 * DAY;
    const day = localDate(at, 'UTC');
    const appointment = randomUUID();
    await db
      .insertInto('appointments')
      .values({
        id: appointment,
        clinic_id: clinicId,
        patient_id: patientId,
        series_id: null,
        type: 'therapy_session',
        clinician_id: therapistId,
        mode: 'video',
        local_day: day,
        local_time: '10:00',
        time_zone: 'UTC',
        starts_at: at,
        ends_at: at + 50 * 60_000,
        duration_minutes: 50,
        location: null,
        status: week % 9 === 0 ? 'no_show' : 'attended',
        cancelled_by: null,
        cancelled_late: null,
        cancel_reason: null,
        status_set_by: therapistId,
        status_set_at: at,
        created_by: therapistId,
        created_at: at - 7 * DAY,
        updated_at: at,
        version: 1,
      })
      .execute();
    if (week % 9 !== 0)
      await db
        .insertInto('session_feedback')
        .values({
          id: randomUUID(),
          clinic_id: clinicId,
          patient_id: patientId,
          appointment_id: appointment,
          session_at: at,
          session_day: day,
          helped: '',
          not_helped: '',
          goals_rating: 7,
          heard_rating: 8,
          change_request: '',
          low: 0,
          submitted_by: therapistId,
          created_at: at,
        })
        .execute();
    await db
      .insertInto('practice_entries')
      .values(
        [1, 3, 5].map((d) => ({
          id: randomUUID(),
          clinic_id: clinicId,
          patient_id: patientId,
          assignment_id: assignment,
          type: 'thought_record',
          sharing: d === 5 ? 'therapist' : 'team',
          status: 'done',
          content: '{}',
          day: addDays(day, d),
          started_at: at + d * DAY,
          updated_at: at + d * DAY,
          completed_at: at + d * DAY,
          version: 1,
        })),
      )
      .execute();
    if (week % 4 === 0)
      await db
        .insertInto('side_effect_reports')
        .values({
          id: randomUUID(),
          clinic_id: clinicId,
          patient_id: patientId,
          medication_id: null,
          medication_name: null,
          guide_key: null,
          dose_amount: null,
          dose_unit: null,
          symptoms: '["nausea"]',
          urgent_symptoms: '[]',
          other_text: '',
          severity: 'mild',
          interference: 1,
          wants_to_stop: 0,
          urgent: 0,
          reported_by: therapistId,
          reported_at: at,
          reported_day: day,
          state: 'answered',
          answered_at: at,
          version: 1,
        })
        .execute();
  }
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
        const meds = await generateMedications(database, prepared.clinic.clinicId, now, {
          years: 2,
          loggers: 0,
        });
        const answers = await generateQuestionnaires(database, prepared.clinic.clinicId, now, 2);
        log(
          `${engine}: ${String(meds.doseLogs)} dose logs, ${String(answers)} questionnaires in ${String(Date.now() - t0)} ms`,
        );
        const sample = await database.db
          .selectFrom('care_team_members')
          .select(['patient_id', 'user_id'])
          .where('clinic_id', '=', prepared.clinic.clinicId)
          .where('role', '=', 'therapist')
          .orderBy('patient_id')
          .limit(options.sample)
          .execute();
        for (const s of sample)
          await database.transaction((trx) =>
            addTherapyHistory(trx, prepared.clinic.clinicId, s.patient_id, s.user_id, now),
          );
        if (engine === 'postgres') await sql`analyze`.execute(database.db);
        const deps = createDeps(config, database);
        const to = localDate(now, 'UTC');
        const query = { from: addDays(to, -729), to };
        const actorOf = (userId: string): Actor => ({
          userId,
          role: 'therapist',
          clinicId: prepared.clinic.clinicId,
          patientId: null,
          sessionIdHash: 'bench',
          csrfToken: 'bench',
        });
        let events = 0;
        // The first read of each patient (nothing remembered yet), then the reads after it.
        const first: number[] = [];
        // CPU time of each read too (this process's user + system time): on a shared, loaded machine the
        // wall time includes waiting for a core and for the disk; the CPU time is the read's own work.
        const firstCpu: number[] = [];
        const timesCpu: number[] = [];
        const cpuMs = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1000;
        const cpuLine = (xs: number[]) => {
          xs.sort((a, b) => a - b);
          return `CPU p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms`;
        };
        for (const s of sample) {
          const started = performance.now();
          const cpu = process.cpuUsage();
          await patientTimeline(deps, actorOf(s.user_id), s.patient_id, query);
          first.push(performance.now() - started);
          firstCpu.push(cpuMs(process.cpuUsage(cpu)));
        }
        first.sort((a, b) => a - b);
        log(
          `${engine}: first read of each of ${String(first.length)} patients: p50 ${percentile(first, 50).toFixed(1)} ms, p95 ${percentile(first, 95).toFixed(1)} ms`,
        );
        const load = os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ');
        results.push(
          `${engine} load average ${load}; first reads: p50 ${percentile(first, 50).toFixed(1)} ms, p95 ${percentile(first, 95).toFixed(1)} ms (${cpuLine(firstCpu)})`,
        );
        const times: number[] = [];
        for (let i = 0; i < options.reads; i++) {
          const s = sample[i % sample.length];
          if (!s) break;
          const started = performance.now();
          const cpu = process.cpuUsage();
          const t = await patientTimeline(deps, actorOf(s.user_id), s.patient_id, query);
          times.push(performance.now() - started);
          timesCpu.push(cpuMs(process.cpuUsage(cpu)));
          events =
            t.scores.length +
            t.sessions.length +
            t.practice.length +
            t.sideEffects.length +
            t.sessionRatings.length +
            t.medications.reduce((n, m) => n + m.weeks.length + m.changes.length, 0);
        }
        times.sort((a, b) => a - b);
        const line = `${engine}: ${String(options.patients)} patients, ${String(times.length)} timeline reads of 2 years (~${String(events)} marks each): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${(times.at(-1) ?? 0).toFixed(1)} ms (${cpuLine(timesCpu)})`;
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
