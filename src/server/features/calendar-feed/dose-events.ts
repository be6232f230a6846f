import { loadRegimens } from '../medications/index.js';
import { expandScheduledDoses } from '../../../shared/medications/schedule.js';
import type { CalendarProvider } from './provider-types.js';

const amount = (n: number) => String(Math.round(n * 1000) / 1000);

/**
 * Dose times as calendar events. Discreet by default ("Medication reminder"); names only when the patient
 * asked for them. The UID is the dose key, so a schedule change moves events instead of duplicating them.
 */
export const doseEvents: CalendarProvider = async (deps, patient, range) => {
  const regimens = (await loadRegimens(deps.db, patient.clinicId, [patient.id])).get(patient.id) ?? [];
  return regimens.flatMap((r) =>
    expandScheduledDoses(r, range.fromDay, range.toDay, patient.timeZone).map((d) => ({
      uid: `dose-${d.doseKey}@duet`,
      start: d.dueAt,
      end: null,
      summary: deps.showMedicationNames
        ? `${r.displayName} ${amount(d.doseAmount)} ${d.doseUnit}`
        : 'Medication reminder',
      description: 'Open Duet to log this dose.',
    })),
  );
};
