import type { Db } from '../../db/database.js';

const CHUNK = 500;

/** Zones of these patients (adherence works in each patient's local days). */
export async function patientZones(db: Db, clinicId: string, patientIds: readonly string[]) {
  const out: { id: string; time_zone: string }[] = [];
  for (let i = 0; i < patientIds.length; i += CHUNK)
    out.push(
      ...(await db
        .selectFrom('patients')
        .select(['id', 'time_zone'])
        .where('clinic_id', '=', clinicId)
        .where('id', 'in', patientIds.slice(i, i + CHUNK))
        .execute()),
    );
  return out;
}

export interface ScheduledLogRow {
  patient_id: string;
  dose_key: string;
  status: string;
}

/**
 * Logs of scheduled doses (as-needed logs have no dose key) on local days from `fromDay` on, for many
 * patients: the (clinic_id, patient_id, local_date) index of dose_logs serves it; the covering index of
 * migration 013 lets SQLite answer from the index alone.
 */
export async function scheduledLogs(
  db: Db,
  clinicId: string,
  patientIds: readonly string[],
  fromDay: string,
): Promise<ScheduledLogRow[]> {
  const out: ScheduledLogRow[] = [];
  for (let i = 0; i < patientIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('dose_logs')
      .select(['patient_id', 'dose_key', 'status'])
      .where('clinic_id', '=', clinicId)
      .where('patient_id', 'in', patientIds.slice(i, i + CHUNK))
      .where('local_date', '>=', fromDay)
      .where('dose_key', 'is not', null)
      .execute();
    for (const r of rows) if (r.dose_key !== null) out.push({ ...r, dose_key: r.dose_key });
  }
  return out;
}

/** Patients of a clinic with a medication not ended before `sinceDay` (the scheduled check's population). */
export async function patientsWithMedicationsSince(
  db: Db,
  clinicId: string,
  sinceDay: string,
): Promise<string[]> {
  const rows = await db
    .selectFrom('medications')
    .select('patient_id')
    .distinct()
    .where('clinic_id', '=', clinicId)
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', sinceDay)]))
    .execute();
  return rows.map((r) => r.patient_id);
}

/** Which of these dedupe keys already have an event (500 per query). */
export async function existingDedupeKeys(db: Db, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += CHUNK) {
    const rows = await db
      .selectFrom('outbox_events')
      .select('dedupe_key')
      .where('dedupe_key', 'in', keys.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) if (r.dedupe_key) found.add(r.dedupe_key);
  }
  return found;
}

/**
 * Every name a medication goes by (record name and catalogue generic name) for these patients, so the
 * per-medication rules recognise lithium, clozapine and the mood stabilisers however they were entered.
 */
export async function medicationNames(
  db: Db,
  clinicId: string,
  patientIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (let i = 0; i < patientIds.length; i += CHUNK) {
    const rows = await db
      .selectFrom('medications as m')
      .leftJoin('medication_catalogue as c', (j) =>
        j.onRef('c.id', '=', 'm.catalogue_id').onRef('c.clinic_id', '=', 'm.clinic_id'),
      )
      .select(['m.id', 'm.name', 'c.generic_name'])
      .where('m.clinic_id', '=', clinicId)
      .where('m.patient_id', 'in', patientIds.slice(i, i + CHUNK))
      .execute();
    for (const r of rows) out.set(r.id, [r.name, ...(r.generic_name === null ? [] : [r.generic_name])]);
  }
  return out;
}

/** The latest local day with a scheduled dose of this medication logged as taken (null: never). */
export async function lastTakenDay(db: Db, clinicId: string, medicationId: string): Promise<string | null> {
  const row = await db
    .selectFrom('dose_logs')
    .select((eb) => eb.fn.max('local_date').as('day'))
    .where('clinic_id', '=', clinicId)
    .where('medication_id', '=', medicationId)
    .where('status', '=', 'taken')
    .where('dose_key', 'is not', null)
    .executeTakeFirst();
  return row?.day ?? null;
}
