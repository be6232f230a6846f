import { localDate } from '../../../shared/time/index.js';
import type { Db } from '../../db/database.js';
import type { PatientView } from '../../../shared/treatment-plans/api-schemas.js';
import * as repo from './medications.repository.js';
import { medicationViews } from './medications.service.js';
import { patientBasics } from '../../platform/patients/patient-basics.js';

/**
 * The treatment plan's medication part links medication records (medicationIds). These lines show the real
 * regimen of the linked records today, e.g. "Sertraline: 50 mg, 08:00 every day; 100 mg from 2026-11-16".
 * Ids that are not this patient's records are ignored.
 */
export async function linkedMedicationLines(
  trx: Db,
  clinicId: string,
  patientId: string,
  medicationIds: string[],
  now: number,
): Promise<string[]> {
  if (medicationIds.length === 0) return [];
  const zone = (await patientBasics(trx, clinicId, patientId))?.timeZone;
  if (zone === undefined) return [];
  const today = localDate(now, zone);
  const rows = await repo.medicationsByIds(trx, clinicId, patientId, medicationIds);
  const meds = await medicationViews(trx, clinicId, rows, today);
  return meds.map((m) => {
    if (m.status === 'stopped') return `${m.name}: stopped${m.endDate ? ` (last day ${m.endDate})` : ''}`;
    const now = m.current
      ? m.current.paused
        ? 'paused'
        : `${String(m.current.doseAmount)} ${m.current.doseUnit}, ${m.current.scheduleText}`
      : `from ${m.startDate}`;
    const next = m.upcoming
      .slice(0, 3)
      .map((p) =>
        p.paused ? `pause from ${p.from}` : `${String(p.doseAmount)} ${p.doseUnit} from ${p.from}`,
      );
    return `${m.name}: ${now}${next.length > 0 ? `; then ${next.join(', ')}` : ''}`;
  });
}

/** Adds the linked regimen to the "Your medication" part of the patient's view of the plan. */
export async function withLinkedMedications(
  trx: Db,
  clinicId: string,
  patientId: string,
  medicationIds: string[],
  now: number,
  view: PatientView,
): Promise<PatientView> {
  const lines = await linkedMedicationLines(trx, clinicId, patientId, medicationIds, now);
  if (lines.length === 0) return view;
  return {
    ...view,
    sections: view.sections.map((s) =>
      s.key === 'medication' ? { ...s, whatWeAgreed: [...s.whatWeAgreed, ...lines] } : s,
    ),
  };
}
