import type { Kysely } from 'kysely';
import { catalogueSafetyDefaults } from '../../../shared/medication-safety/catalogue-safety-defaults.js';
import { linkFreeTextMedications } from './026-link-free-text.js';

// Prescribing safety (issue 11): the catalogue carries each medicine's safety data (label dose limits,
// interaction classes; JSON, seeded from shared/medication-safety) and marks values a clinic changed; a
// change keeps the prescriber's reason for going above the maximum and their answer to each warning; a
// period keeps the over-maximum reason beside its dose; a free-text medicine keeps the prescriber's answer
// to "does it need monitoring?". Existing free-text records whose name is a brand or salt of a catalogue
// medicine are linked to it, so its monitoring, guide and urgent symptoms apply.
interface Db026 {
  medication_catalogue: {
    id: string;
    clinic_id: string;
    generic_name: string;
    drug_class: string;
    safety: string | null;
  };
}

export async function up(db: Kysely<unknown>): Promise<void> {
  const add = async (table: string, column: string) => {
    await db.schema.alterTable(table).addColumn(column, 'text').execute();
  };
  await add('medication_catalogue', 'safety');
  await add('medication_catalogue', 'safety_changes');
  await add('medication_changes', 'over_maximum');
  await add('medication_changes', 'safety_answers');
  await add('medication_periods', 'over_maximum_reason');
  await add('medications', 'monitoring_answer');

  const typed = db as unknown as Kysely<Db026>;
  const entries = await typed
    .selectFrom('medication_catalogue')
    .select(['id', 'clinic_id', 'generic_name', 'drug_class'])
    .execute();
  for (const e of entries) {
    const safety = catalogueSafetyDefaults(e.generic_name);
    if (safety === null) continue;
    await typed
      .updateTable('medication_catalogue')
      .set({ safety: JSON.stringify(safety) })
      .where('id', '=', e.id)
      .execute();
  }
  await linkFreeTextMedications(db);
}
