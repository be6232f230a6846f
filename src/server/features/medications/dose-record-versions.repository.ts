import type { Db } from '../../db/database.js';

/**
 * dose_record_versions (migration 025), owned by the medications feature (issue 18: the lowest of the three
 * features that use it, so doses writes it and adherence reads it through the medications face without an
 * import cycle): one counter per patient, raised in the transaction of every write
 * that can change their adherence — a dose logged or corrected (doses.repository.ts), a medication started
 * or updated, a dose period added or replaced (medications.repository.ts). A patient never written to has
 * no row (version 0).
 */
export async function raiseDoseRecordVersion(db: Db, clinicId: string, patientId: string): Promise<void> {
  await db
    .insertInto('dose_record_versions')
    .values({ patient_id: patientId, clinic_id: clinicId, version: 1 })
    .onConflict((oc) =>
      oc.column('patient_id').doUpdateSet((eb) => ({ version: eb('dose_record_versions.version', '+', 1) })),
    )
    .execute();
}

/** The same for the patient a medication belongs to (period writes know only the medication). */
export async function raiseDoseRecordVersionOfMedication(db: Db, medicationId: string): Promise<void> {
  const med = await db
    .selectFrom('medications')
    .select(['clinic_id', 'patient_id'])
    .where('id', '=', medicationId)
    .executeTakeFirst();
  if (med) await raiseDoseRecordVersion(db, med.clinic_id, med.patient_id);
}

/** The counters of the given patients, by primary key (absent → 0). */
export async function doseRecordVersions(
  db: Db,
  clinicId: string,
  patientIds: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < patientIds.length; i += 500) {
    const rows = await db
      .selectFrom('dose_record_versions')
      .select(['patient_id', 'version'])
      .where('patient_id', 'in', patientIds.slice(i, i + 500))
      .where('clinic_id', '=', clinicId)
      .execute();
    for (const r of rows) out.set(r.patient_id, r.version);
  }
  return out;
}
