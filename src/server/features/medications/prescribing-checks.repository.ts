import type { Db } from '../../db/database.js';

// SQL of the prescribing checks (issue 11): the clinic catalogue's names and safety data, and the patient's
// current prescriptions (one query each).

export interface CatalogueFactsRow {
  id: string;
  generic_name: string;
  drug_class: string;
  safety: string | null;
  active: number;
}

export async function catalogueFacts(db: Db, clinicId: string): Promise<CatalogueFactsRow[]> {
  const rows = await db
    .selectFrom('medication_catalogue')
    .select(['id', 'generic_name', 'drug_class', 'safety', 'active'])
    .where('clinic_id', '=', clinicId)
    .execute();
  return rows.map((r) => ({ ...r, safety: r.safety ?? null }));
}

/** Medications not stopped and not ended before `today`. */
export async function currentPrescriptions(db: Db, clinicId: string, patientId: string, today: string) {
  return db
    .selectFrom('medications')
    .select(['id', 'name', 'catalogue_id'])
    .where('clinic_id', '=', clinicId)
    .where('patient_id', '=', patientId)
    .where('status', '!=', 'stopped')
    .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>=', today)]))
    .execute();
}
