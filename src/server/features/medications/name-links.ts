import type { MedicationNameLinker } from '../../platform/deps.js';
import { resolveMedicationName } from '../../../shared/medication-safety/names.js';
import * as repo from './name-links.repository.js';

/**
 * Records already typed by a name the clinic just added to a catalogue entry (free text, no catalogue entry)
 * are linked to the entry, as a record typed by a name Duet knows is when prescribed (and as migration 026
 * did): its monitoring, guide, urgent symptoms and adherence rules then apply. Each link is a new version of
 * the record, audited on the patient. The clinic-safety-data feature asks for this through
 * deps.linkMedicationsByName (wired by bootstrap.ts), since medications already depends on it (issue 18).
 */
export const linkMedicationsByName: MedicationNameLinker = async (trx, deps, actor, link) => {
  let linked = 0;
  for (const m of await repo.freeTextMedications(trx, actor.clinicId)) {
    const resolved = resolveMedicationName(m.name, link.activeGenericNames, [link.added]);
    if (resolved?.genericName !== link.entry.genericName) continue;
    const ok = await repo.linkMedication(trx, actor.clinicId, m.id, m.version, {
      catalogue_id: link.entry.id,
      drug_class: link.entry.drugClass,
      updated_at: link.now,
    });
    if (!ok) continue;
    linked++;
    await deps.audit.record(trx, actor.clinicId, actor, {
      action: 'medication.link_by_name',
      resourceType: 'medication',
      resourceId: m.id,
      patientId: m.patient_id,
      outcome: 'allowed',
    });
  }
  return linked;
};
