import type { Db } from '../../db/database.js';

const CHUNK = 500;

/** Birth dates and zones of these patients born after `bornAfter` (the only ones a watch can apply to). */
export async function youngPatients(
  db: Db,
  clinicId: string,
  patientIds: readonly string[],
  bornAfter: string,
): Promise<{ id: string; birth_date: string; time_zone: string }[]> {
  const out: { id: string; birth_date: string; time_zone: string }[] = [];
  for (let i = 0; i < patientIds.length; i += CHUNK)
    out.push(
      ...(await db
        .selectFrom('patients')
        .select(['id', 'birth_date', 'time_zone'])
        .where('clinic_id', '=', clinicId)
        .where('id', 'in', patientIds.slice(i, i + CHUNK))
        .where('birth_date', '>', bornAfter)
        .execute()),
    );
  return out;
}

/** The names and catalogue group of these patients' medications (to tell which are antidepressants). */
export async function medicationKinds(
  db: Db,
  clinicId: string,
  patientIds: readonly string[],
): Promise<
  {
    id: string;
    name: string;
    drug_class: string | null;
    generic_name: string | null;
    drug_group: string | null;
  }[]
> {
  const out: {
    id: string;
    name: string;
    drug_class: string | null;
    generic_name: string | null;
    drug_group: string | null;
  }[] = [];
  for (let i = 0; i < patientIds.length; i += CHUNK)
    out.push(
      ...(await db
        .selectFrom('medications as m')
        .leftJoin('medication_catalogue as c', (j) =>
          j.onRef('c.id', '=', 'm.catalogue_id').onRef('c.clinic_id', '=', 'm.clinic_id'),
        )
        .select(['m.id', 'm.name', 'm.drug_class', 'c.generic_name', 'c.drug_group'])
        .where('m.clinic_id', '=', clinicId)
        .where('m.patient_id', 'in', patientIds.slice(i, i + CHUNK))
        .execute()),
    );
  return out;
}
