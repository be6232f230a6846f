// Two years of medications and dose logs for every patient of a generated clinic (bench/generate-clinic.ts),
// written in bulk the way the medications and doses features store them: 2-3 medications each (a daily
// antidepressant with a step up after two weeks, a second daily medication added within three months, and
// for about half the patients a twice-daily medication taken for 4-7 months and stopped); about 86% of doses
// logged taken (fewer at weekends), 4% skipped, the rest never logged. Deterministic from the clinic's size.
//
// A few patients (the "loggers") have their last LOGGER_OPEN_DAYS days left unlogged, so the benchmark can
// log real scheduled doses with new client ids.
import type { Database, Db } from '../src/server/db/database.js';
import type { DoseLogTable } from '../src/server/db/schema-doses.js';
import type {
  MedicationChangeTable,
  MedicationPeriodTable,
  MedicationTable,
} from '../src/server/db/schema-medications.js';
import { newId } from '../src/server/platform/ids.js';
import { addDays, localDate, offsetAt } from '../src/shared/time/index.js';
import { doseKeyOf, type DoseSchedule } from '../src/shared/medications/schedule.js';
import { seededRandom } from './synthetic.js';

const BATCH_ROWS = 500;
export const LOGGER_OPEN_DAYS = 10;

interface Med {
  name: string;
  start: string;
  end: string | null;
  times: string[];
  /** [from, mg] steps; the first from is the start. */
  steps: [string, number][];
}

export interface OpenDose {
  patientId: string;
  medicationId: string;
  doseKey: string;
}

export interface GeneratedMedications {
  medications: number;
  doseLogs: number;
  /** Unlogged scheduled doses of the logger patients (oldest first), to log during the benchmark. */
  openDoses: OpenDose[];
  loggers: string[];
}

async function insertBatched(
  trx: Db,
  table: 'medications' | 'medication_periods' | 'medication_changes' | 'dose_logs',
  rows: unknown[],
) {
  for (let i = 0; i < rows.length; i += BATCH_ROWS)
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + BATCH_ROWS) as never)
      .execute();
}

/** Inserts the medications and dose logs; `loggers` = how many signed-up patients keep open days. */
export async function generateMedications(
  database: Database,
  clinicId: string,
  now: number,
  opts: { years?: number; loggers?: number; log?: (line: string) => void } = {},
): Promise<GeneratedMedications> {
  const years = opts.years ?? 2;
  const patients = await database.db
    .selectFrom('patients as p')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .innerJoin('care_team_members as m', (j) =>
      j.onRef('m.patient_id', '=', 'p.id').on('m.role', '=', 'prescriber'),
    )
    .select(['p.id', 'p.user_id', 'p.time_zone', 'u.status', 'm.user_id as prescriber'])
    .where('p.clinic_id', '=', clinicId)
    .orderBy('p.id')
    .execute();
  const random = seededRandom(patients.length * 104_729);
  const loggers = new Set(
    patients
      .filter((p) => p.status === 'active')
      .slice(0, opts.loggers ?? 200)
      .map((p) => p.id),
  );
  // Offsets by zone and day: a few dozen zones x 730 days, instead of one Intl call per dose.
  const offsets = new Map<string, number>();
  const offsetOf = (tz: string, day: string) => {
    const key = `${tz}|${day}`;
    let o = offsets.get(key);
    if (o === undefined) {
      o = offsetAt(Date.parse(`${day}T12:00:00Z`), tz);
      offsets.set(key, o);
    }
    return o;
  };
  const openDoses: OpenDose[] = [];
  let medications = 0;
  let doseLogs = 0;
  await database.transaction(async (trx) => {
    let logs: DoseLogTable[] = [];
    const flush = async () => {
      await insertBatched(trx, 'dose_logs', logs);
      doseLogs += logs.length;
      logs = [];
    };
    const meds: MedicationTable[] = [];
    const periods: MedicationPeriodTable[] = [];
    const changes: MedicationChangeTable[] = [];
    for (const [n, p] of patients.entries()) {
      const today = localDate(now, p.time_zone);
      const start = addDays(today, -(years * 365) + Math.floor(random() * 60));
      const plan: Med[] = [
        {
          name: 'Sertraline',
          start,
          end: null,
          times: ['08:00'],
          steps: [
            [start, 50],
            [addDays(start, 14), 100],
          ],
        },
      ];
      const second = addDays(start, 7 + Math.floor(random() * 80));
      plan.push({ name: 'Bupropion', start: second, end: null, times: ['21:00'], steps: [[second, 150]] });
      if (random() < 0.5) {
        const from = addDays(start, 100 + Math.floor(random() * 200));
        const until = addDays(from, 120 + Math.floor(random() * 90));
        plan.push({
          name: 'Hydroxyzine',
          start: from,
          end: until,
          times: ['08:00', '20:00'],
          steps: [[from, 25]],
        });
      }
      const openFrom = loggers.has(p.id) ? addDays(today, -(LOGGER_OPEN_DAYS - 1)) : today;
      for (const m of plan) {
        const id = newId();
        const createdAt = Date.parse(`${m.start}T09:00:00Z`);
        medications += 1;
        meds.push({
          id,
          clinic_id: clinicId,
          patient_id: p.id,
          catalogue_id: null,
          name: m.name,
          drug_class: null,
          form: 'tablet',
          route: 'oral',
          instructions: 'Take with water.',
          start_date: m.start,
          end_date: m.end,
          status: m.end !== null && m.end < today ? 'stopped' : 'active',
          prescribed_by: p.prescriber,
          created_at: createdAt,
          updated_at: createdAt,
          version: 1,
        });
        const schedule: DoseSchedule = { kind: 'times', times: m.times, weekdays: null };
        for (const [from, mg] of m.steps) {
          const changeId = newId();
          periods.push({
            id: newId(),
            clinic_id: clinicId,
            medication_id: id,
            starts_on: from,
            dose_amount: mg,
            dose_unit: 'mg',
            schedule: JSON.stringify(schedule),
            paused: 0,
            created_at: createdAt,
            change_id: changeId,
          });
          changes.push({
            id: changeId,
            clinic_id: clinicId,
            patient_id: p.id,
            medication_id: id,
            kind: from === m.start ? 'started' : 'titration_planned',
            summary: `${m.name} ${String(mg)} mg`,
            reason: from === m.start ? 'Started' : 'Planned step up',
            effective_on: from,
            changed_by: p.prescriber,
            changed_at: createdAt,
            side_effect_report_id: null,
          });
        }
        const last = m.end !== null && m.end < today ? m.end : today;
        for (let day = m.start; day <= last; day = addDays(day, 1)) {
          const mg = [...m.steps].reverse().find(([from]) => from <= day)?.[1] ?? 0;
          const weekend = new Date(`${day}T00:00:00Z`).getUTCDay() % 6 === 0;
          for (const time of m.times) {
            const doseKey = doseKeyOf(id, day, time);
            if (day >= openFrom) {
              if (loggers.has(p.id)) openDoses.push({ patientId: p.id, medicationId: id, doseKey });
              continue;
            }
            const r = random();
            const takenP = weekend ? 0.78 : 0.88;
            if (r >= takenP + 0.04) continue; // never logged
            const dueAt = Date.parse(`${day}T${time}:00Z`) - offsetOf(p.time_zone, day);
            const taken = r < takenP;
            const at = dueAt + Math.floor(random() * 90) * 60_000;
            logs.push({
              id: newId(),
              clinic_id: clinicId,
              patient_id: p.id,
              medication_id: id,
              dose_key: doseKey,
              status: taken ? 'taken' : 'skipped',
              skip_reason: taken ? null : 'forgot',
              note: null,
              taken_at: taken ? at : null,
              scheduled_for: dueAt,
              local_date: day,
              dose_amount: mg,
              dose_unit: 'mg',
              as_needed: 0,
              late_entry: 0,
              logged_by: p.user_id,
              created_at: at,
              updated_at: at,
              version: 1,
            });
            if (logs.length >= BATCH_ROWS) await flush();
          }
        }
      }
      if ((n + 1) % 500 === 0) opts.log?.(`${String(n + 1)} patients, ${String(doseLogs)} dose logs`);
    }
    await flush();
    await insertBatched(trx, 'medications', meds);
    await insertBatched(trx, 'medication_periods', periods);
    await insertBatched(trx, 'medication_changes', changes);
  });
  return { medications, doseLogs, openDoses, loggers: [...loggers] };
}
