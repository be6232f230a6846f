import { addDays, localDate } from '../../../shared/time/index.js';
import { randomUUID } from 'node:crypto';
import { registryFixture } from '../registry/registry.test-kit.js';
import { raiseDoseRecordVersion } from '../medications/index.js';
import {
  expandScheduledDoses,
  type DoseSchedule,
  type Regimen,
} from '../../../shared/medications/schedule.js';

export const DAY = 86_400_000;

/**
 * The registry fixture's clinic and team, plus medications and dose logs written straight into helper A's
 * and helper B1's tables (as their services would), so adherence tests control every dose.
 */
export async function adherenceFixture() {
  const f = await registryFixture();
  const db = () => f.t.deps.database.db;

  /** A medication taken at fixed times every day from `startDate` (optionally ending). */
  async function medication(
    patientId: string,
    opts: { name?: string; startDate: string; endDate?: string | null; times?: string[] },
  ): Promise<Regimen> {
    const id = randomUUID();
    const now = f.t.clock.now();
    const schedule: DoseSchedule = { kind: 'times', times: opts.times ?? ['08:00'], weekdays: null };
    await db()
      .insertInto('medications')
      .values({
        id,
        clinic_id: f.clinic,
        patient_id: patientId,
        catalogue_id: null,
        name: opts.name ?? 'Sertraline',
        drug_class: null,
        form: 'tablet',
        route: 'oral',
        instructions: '',
        start_date: opts.startDate,
        end_date: opts.endDate ?? null,
        status: opts.endDate ? 'stopped' : 'active',
        prescribed_by: f.users.prescriber.id,
        created_at: now,
        updated_at: now,
        version: 1,
      })
      .execute();
    await db()
      .insertInto('medication_periods')
      .values({
        id: randomUUID(),
        clinic_id: f.clinic,
        medication_id: id,
        starts_on: opts.startDate,
        dose_amount: 50,
        dose_unit: 'mg',
        schedule: JSON.stringify(schedule),
        paused: 0,
        created_at: now,
        change_id: randomUUID(),
      })
      .execute();
    await raiseDoseRecordVersion(db(), f.clinic, patientId);
    return {
      medicationId: id,
      displayName: opts.name ?? 'Sertraline',
      startDate: opts.startDate,
      endDate: opts.endDate ?? null,
      periods: [{ from: opts.startDate, doseAmount: 50, doseUnit: 'mg', schedule, paused: false }],
    };
  }

  /**
   * Logs every scheduled dose of `regimen` on days from..to (UTC patients), taken unless `missed` says
   * otherwise ('skip' logs it skipped, 'none' leaves it unlogged).
   */
  async function logDoses(
    patientId: string,
    regimen: Regimen,
    from: string,
    to: string,
    missed: (localDate: string, localTime: string) => 'skip' | 'none' | false = () => false,
  ) {
    const patientUser = await db()
      .selectFrom('patients')
      .select('user_id')
      .where('id', '=', patientId)
      .executeTakeFirstOrThrow();
    for (const d of expandScheduledDoses(regimen, from, to, 'UTC')) {
      const how = missed(d.localDate, d.localTime);
      if (how === 'none') continue;
      await db()
        .insertInto('dose_logs')
        .values({
          id: randomUUID(),
          clinic_id: f.clinic,
          patient_id: patientId,
          medication_id: regimen.medicationId,
          dose_key: d.doseKey,
          status: how === 'skip' ? 'skipped' : 'taken',
          skip_reason: how === 'skip' ? 'forgot' : null,
          note: null,
          taken_at: how === 'skip' ? null : d.dueAt + 600_000,
          scheduled_for: d.dueAt,
          local_date: d.localDate,
          dose_amount: d.doseAmount,
          dose_unit: d.doseUnit,
          as_needed: 0,
          late_entry: 0,
          logged_by: patientUser.user_id,
          created_at: d.dueAt + 600_000,
          updated_at: d.dueAt + 600_000,
          version: 1,
        })
        .execute();
    }
    // Straight into the table, so raise the record's version as the doses repository would.
    await raiseDoseRecordVersion(db(), f.clinic, patientId);
  }

  const today = () => localDate(f.t.clock.now(), 'UTC');
  const daysAgo = (n: number) => addDays(today(), -n);

  return { ...f, medication, logDoses, today, daysAgo };
}
export type AdherenceFixture = Awaited<ReturnType<typeof adherenceFixture>>;
