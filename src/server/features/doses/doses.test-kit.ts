import type { Db } from '../../db/database.js';
import { newId } from '../../platform/ids.js';
import type { DoseSchedule } from '../../../shared/medications/schedule.js';

export interface TestPeriod {
  from: string;
  doseAmount: number;
  doseUnit?: string;
  schedule: DoseSchedule;
  paused?: boolean;
}

/**
 * A medication record with its dose periods, written straight into helper A's tables (`medications`,
 * `medication_periods`) so dose tests do not depend on the prescribing use cases.
 */
export async function addMedication(
  db: Db,
  opts: {
    clinicId: string;
    patientId: string;
    prescriberId: string;
    name: string;
    periods: TestPeriod[];
    endDate?: string | null;
    now: number;
  },
): Promise<string> {
  const id = newId();
  const first = opts.periods[0];
  if (!first) throw new Error('a medication needs a period');
  await db
    .insertInto('medications')
    .values({
      id,
      clinic_id: opts.clinicId,
      patient_id: opts.patientId,
      catalogue_id: null,
      name: opts.name,
      drug_class: null,
      form: 'tablet',
      route: 'oral',
      instructions: '',
      start_date: first.from,
      end_date: opts.endDate ?? null,
      status: 'active',
      prescribed_by: opts.prescriberId,
      created_at: opts.now,
      updated_at: opts.now,
      version: 1,
    })
    .execute();
  for (const p of opts.periods) {
    await db
      .insertInto('medication_periods')
      .values({
        id: newId(),
        clinic_id: opts.clinicId,
        medication_id: id,
        starts_on: p.from,
        dose_amount: p.doseAmount,
        dose_unit: p.doseUnit ?? 'mg',
        schedule: JSON.stringify(p.schedule),
        paused: p.paused ? 1 : 0,
        created_at: opts.now,
        change_id: newId(),
      })
      .execute();
  }
  return id;
}

export const daily = (...times: string[]): DoseSchedule => ({ kind: 'times', times, weekdays: null });
