import { newId } from '../../platform/ids.js';
import type { Db } from '../../db/database.js';
import type { MedicationCatalogueTable } from '../../db/schema-medications.js';
import { catalogueSeed } from '../../../shared/medications/catalogue-seed.js';
import { catalogueSafetyDefaults } from './catalogue-safety.js';

/** The starting catalogue as rows for one clinic (shared/medications/catalogue-seed.ts). */
export function catalogueRows(clinicId: string, now: number): MedicationCatalogueTable[] {
  return catalogueSeed.map((e) => ({
    id: newId(),
    clinic_id: clinicId,
    generic_name: e.genericName,
    drug_class: e.drugClass,
    drug_group: e.drugGroup,
    rxnorm_code: e.rxnormCode,
    rxnorm_source: e.rxnormSource,
    rxnorm_verified: e.rxnormVerified ? 1 : 0,
    monitoring: e.monitoring,
    notes: e.notes,
    urgent_symptoms: JSON.stringify(e.urgentSymptoms),
    guide_class: e.guideClass,
    monitoring_programs: JSON.stringify(e.monitoringPrograms),
    active: 1,
    created_at: now,
    updated_at: now,
    version: 1,
  }));
}

/**
 * Called when a clinic is created, in the same transaction: every clinic starts with the catalogue and its
 * safety data (migration 026 added the column; migration 010 inserts the rows without it).
 */
export async function seedCatalogueForClinic(db: Db, clinicId: string, now: number): Promise<void> {
  const rows = catalogueRows(clinicId, now).map((row) => {
    const safety = catalogueSafetyDefaults(row.generic_name);
    return { ...row, safety: safety === null ? null : JSON.stringify(safety), safety_changes: null };
  });
  await db.insertInto('medication_catalogue').values(rows).execute();
}
