import type { Db } from '../../db/database.js';
import { periodInEffect } from '../../../shared/medications/schedule.js';
import { guideByKey, guideKeyFor, type GuideKey } from '../../../shared/medication-guides/guides.js';
import { symptomCodesFrom, type SymptomCode } from '../../../shared/side-effects/symptoms.js';
import { loadRegimens } from '../medications/regimens.repository.js';
import * as repo from './side-effects.repository.js';

export interface SuspectableMedication {
  id: string;
  name: string;
  doseAmount: number | null;
  doseUnit: string | null;
  guideKey: GuideKey;
  /** Symptoms urgent for this medication: the catalogue's list, else its class guide's (custom medications). */
  urgentSymptoms: SymptomCode[];
}

/**
 * The medications a patient can name in a report on `today` (their local day): started, not ended, not
 * stopped (paused ones count: a side effect can outlast the last dose), each with the dose in effect that
 * day from the regimen's periods (shared/medications/schedule.ts periodInEffect).
 */
export async function suspectableMedications(
  trx: Db,
  clinicId: string,
  patientId: string,
  today: string,
): Promise<SuspectableMedication[]> {
  const rows = await repo.medicationsOfPatient(trx, clinicId, patientId);
  const current = rows.filter(
    (m) => m.status !== 'stopped' && m.start_date <= today && (m.end_date === null || m.end_date >= today),
  );
  if (current.length === 0) return [];
  const regimens = (await loadRegimens(trx, clinicId, [patientId])).get(patientId) ?? [];
  return current.map((m) => {
    const regimen = regimens.find((r) => r.medicationId === m.id);
    const period = regimen ? periodInEffect(regimen, today) : null;
    const guideKey = guideKeyFor({
      name: m.name,
      drugClass: m.catalogue_class ?? m.drug_class,
      drugGroup: m.drug_group,
      guideClass: m.guide_class,
    });
    return {
      id: m.id,
      name: m.name,
      doseAmount: period ? period.doseAmount : null,
      doseUnit: period ? period.doseUnit : null,
      guideKey,
      urgentSymptoms:
        m.urgent_symptoms !== null
          ? symptomCodesFrom(m.urgent_symptoms)
          : (guideByKey(guideKey)?.urgentSymptoms ?? []),
    };
  });
}
