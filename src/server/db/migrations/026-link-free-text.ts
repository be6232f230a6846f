import type { Kysely } from 'kysely';
import { resolveMedicationName } from '../../../shared/medication-safety/names.js';

// Free-text medication records whose name is a brand, salt or release form of a catalogue medicine of the same
// clinic ("Clozaril", "Depakote ER", "Lithium carbonate ER") are linked to that entry (issue 11), so its
// monitoring, guide, urgent symptoms and checks apply. Part of migration 026: links the records made before it (a migration's own step, not a feature's code).
interface LinkTables {
  medication_catalogue: {
    id: string;
    clinic_id: string;
    generic_name: string;
    drug_class: string;
    active: number;
  };
  medications: {
    id: string;
    clinic_id: string;
    name: string;
    catalogue_id: string | null;
    drug_class: string | null;
  };
}

/** Links every resolvable free-text record; returns how many were linked. */
export async function linkFreeTextMedications(db: Kysely<unknown>): Promise<number> {
  const typed = db as unknown as Kysely<LinkTables>;
  const entries = await typed
    .selectFrom('medication_catalogue')
    .select(['id', 'clinic_id', 'generic_name', 'drug_class'])
    .where('active', '=', 1)
    .execute();
  const freeText = await typed
    .selectFrom('medications')
    .select(['id', 'clinic_id', 'name'])
    .where('catalogue_id', 'is', null)
    .execute();
  let linked = 0;
  for (const m of freeText) {
    const clinicEntries = entries.filter((e) => e.clinic_id === m.clinic_id);
    const resolved = resolveMedicationName(
      m.name,
      clinicEntries.map((e) => e.generic_name),
    );
    const entry = resolved && clinicEntries.find((e) => e.generic_name === resolved.genericName);
    if (!entry) continue;
    await typed
      .updateTable('medications')
      .set({ catalogue_id: entry.id, drug_class: entry.drug_class })
      .where('id', '=', m.id)
      .where('catalogue_id', 'is', null)
      .execute();
    linked++;
  }
  return linked;
}
