import type { Db } from '../../db/database.js';

// SQL of linking free-text medication records to a catalogue entry by a name the clinic added (issue 11).

/** The clinic's medication records typed by a name Duet did not know (no catalogue entry). */
export function freeTextMedications(
  db: Db,
  clinicId: string,
): Promise<{ id: string; patient_id: string; name: string; version: number }[]> {
  return db
    .selectFrom('medications')
    .select(['id', 'patient_id', 'name', 'version'])
    .where('clinic_id', '=', clinicId)
    .where('catalogue_id', 'is', null)
    .execute();
}

/** Links a free-text record to a catalogue entry (a new version); false when it changed meanwhile. */
export async function linkMedication(
  db: Db,
  clinicId: string,
  id: string,
  expectedVersion: number,
  values: { catalogue_id: string; drug_class: string; updated_at: number },
): Promise<boolean> {
  const result = await db
    .updateTable('medications')
    .set({ ...values, version: expectedVersion + 1 })
    .where('clinic_id', '=', clinicId)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('catalogue_id', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
