import type { Db } from '../../db/database.js';
import type { Regimen } from '../../../shared/medications/schedule.js';
import { toPeriods } from '../../../shared/medications/dose-periods.js';

/**
 * Regimens (dates + dose periods) of many patients in two batched queries: Today, reminders, adherence and
 * the registry read the schedule through this. Stopped medications are included (their end date bounds them),
 * so adherence over past windows still counts the doses that were scheduled then.
 */
export async function loadRegimens(
  db: Db,
  clinicId: string,
  patientIds: string[],
): Promise<Map<string, Regimen[]>> {
  const result = new Map<string, Regimen[]>();
  if (patientIds.length === 0) return result;
  const unique = [...new Set(patientIds)];
  const meds: {
    id: string;
    patient_id: string;
    name: string;
    start_date: string;
    end_date: string | null;
  }[] = [];
  const periods: {
    medication_id: string;
    starts_on: string;
    dose_amount: number;
    dose_unit: string;
    schedule: string;
    paused: number;
    created_at: number;
    id: string;
  }[] = [];
  // Chunked so a 5,000-patient registry stays under the engines' bound-parameter limits.
  for (let i = 0; i < unique.length; i += 500) {
    const chunk = unique.slice(i, i + 500);
    meds.push(
      ...(await db
        .selectFrom('medications')
        .select(['id', 'patient_id', 'name', 'start_date', 'end_date'])
        .where('clinic_id', '=', clinicId)
        .where('patient_id', 'in', chunk)
        .orderBy('start_date')
        .orderBy('id')
        .execute()),
    );
    periods.push(
      ...(await db
        .selectFrom('medication_periods as p')
        .innerJoin('medications as m', 'm.id', 'p.medication_id')
        .select([
          'p.medication_id',
          'p.starts_on',
          'p.dose_amount',
          'p.dose_unit',
          'p.schedule',
          'p.paused',
          'p.created_at',
          'p.id',
        ])
        .where('m.clinic_id', '=', clinicId)
        .where('m.patient_id', 'in', chunk)
        .execute()),
    );
  }
  const byMedication = new Map<string, typeof periods>();
  for (const p of periods) {
    const list = byMedication.get(p.medication_id) ?? [];
    list.push(p);
    byMedication.set(p.medication_id, list);
  }
  for (const m of meds) {
    const regimen: Regimen = {
      medicationId: m.id,
      displayName: m.name,
      startDate: m.start_date,
      endDate: m.end_date,
      periods: toPeriods(byMedication.get(m.id) ?? []),
    };
    const list = result.get(m.patient_id) ?? [];
    list.push(regimen);
    result.set(m.patient_id, list);
  }
  return result;
}
