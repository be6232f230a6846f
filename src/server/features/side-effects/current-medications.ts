import type { Db } from '../../db/database.js';
import { periodInEffect, type DosePeriod } from '../../../shared/medications/schedule.js';
import { guideKeyFor, type GuideKey } from '../../../shared/medication-guides/guides.js';
import { symptomCodesFrom, type SymptomCode } from '../../../shared/side-effects/symptoms.js';
import {
  urgentSymptomsForMedication,
  type PatientMedication,
} from '../../../shared/medication-safety/urgent-symptoms.js';
import { loadRegimens } from '../medications/index.js';
import * as repo from './side-effects.repository.js';

export interface SuspectableMedication extends PatientMedication {
  id: string;
  name: string;
  doseAmount: number | null;
  doseUnit: string | null;
  guideKey: GuideKey;
  /**
   * Symptoms urgent for this medication (medication-safety.md section 4 through
   * shared/medication-safety/urgent-symptoms.ts): catalogue and free-text names alike.
   */
  urgentSymptoms: SymptomCode[];
}

/**
 * The first day of the start or the latest change of the amount (the early-treatment window of
 * medication-safety.md sections 4 and 5): pauses and schedule-only changes do not count, as in
 * shared/measures/early-treatment-watch.ts.
 */
function lastStartOrDoseChange(periods: readonly DosePeriod[], today: string): string | null {
  let since: string | null = null;
  let previous: DosePeriod | null = null;
  for (const p of periods) {
    if (p.from > today) break;
    if (p.paused) continue;
    if (previous?.doseAmount !== p.doseAmount || previous.doseUnit !== p.doseUnit) since = p.from;
    previous = p;
  }
  return since;
}

/**
 * The medications a patient can name in a report on `today` (their local day): started, not ended, not
 * stopped (paused ones count: a side effect can outlast the last dose), each with the dose in effect that
 * day from the regimen's periods (shared/medications/schedule.ts periodInEffect), what the urgent-symptom
 * rows need (generic name, class, group, the start or latest dose change) and its urgent symptoms.
 */
export async function suspectableMedications(
  trx: Db,
  clinicId: string,
  patientId: string,
  today: string,
  ageYears: number | null = null,
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
      name: m.generic_name ?? m.name,
      drugClass: m.catalogue_class ?? m.drug_class,
      drugGroup: m.drug_group,
      guideClass: m.guide_class,
    });
    const med: PatientMedication = {
      id: m.id,
      name: m.name,
      genericName: m.generic_name,
      drugClass: m.catalogue_class ?? m.drug_class,
      drugGroup: m.drug_group,
      lastStartOrChange: regimen ? lastStartOrDoseChange(regimen.periods, today) : m.start_date,
      clinicUrgentSymptoms: m.urgent_symptoms === null ? [] : symptomCodesFrom(m.urgent_symptoms),
    };
    return {
      ...med,
      doseAmount: period ? period.doseAmount : null,
      doseUnit: period ? period.doseUnit : null,
      guideKey,
      urgentSymptoms: urgentSymptomsForMedication(med, { ageYears, today }),
    };
  });
}
