import type { Db } from '../../db/database.js';

// Set-based reads of the monitoring-overdue check: one query per table per clinic.

/** Active or paused medications whose catalogue entry names a monitoring program, with the patient's zone. */
export async function monitoredMedications(db: Db, clinicId: string) {
  return db
    .selectFrom('medications as m')
    .innerJoin('medication_catalogue as c', 'c.id', 'm.catalogue_id')
    .innerJoin('patients as p', 'p.id', 'm.patient_id')
    .selectAll('m')
    .select(['p.time_zone'])
    .where('m.clinic_id', '=', clinicId)
    .where('m.status', '!=', 'stopped')
    .where('c.monitoring_programs', '!=', '[]')
    .execute();
}

export async function resultsOfPatients(db: Db, clinicId: string, patientIds: string[]) {
  const out: {
    patient_id: string;
    test: string;
    taken_on: string;
    recorded_at: number;
    interpretation: string | null;
  }[] = [];
  const unique = [...new Set(patientIds)];
  for (let i = 0; i < unique.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('monitoring_results')
        .select(['patient_id', 'test', 'taken_on', 'recorded_at', 'interpretation'])
        .where('clinic_id', '=', clinicId)
        .where('patient_id', 'in', unique.slice(i, i + 500))
        .execute()),
    );
  }
  return out;
}

export async function existingDedupeKeys(db: Db, keys: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const rows = await db
      .selectFrom('outbox_events')
      .select('dedupe_key')
      .where('dedupe_key', 'in', keys.slice(i, i + 500))
      .execute();
    for (const r of rows) if (r.dedupe_key) found.add(r.dedupe_key);
  }
  return found;
}
