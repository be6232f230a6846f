import {
  ADHERENCE_WINDOWS,
  timesOfDay,
  type AdherenceSummary,
  type Rate,
} from '../../../shared/adherence/adherence.js';
import type { AdherenceSettings } from '../../../shared/adherence/settings.js';
import type { AdherenceSummaryDto, WindowRate } from '../../../shared/adherence/schemas.js';
import type { PatientDoses } from './adherence-inputs.js';

const windowsOf = (rates: Record<number, Rate>): WindowRate[] =>
  ADHERENCE_WINDOWS.map((days) => ({ days, ...(rates[days] ?? { taken: 0, scheduled: 0, percent: null }) }));

export function toSummaryDto(
  patientId: string,
  inputs: PatientDoses,
  summary: AdherenceSummary,
  settings: AdherenceSettings,
  alertWindow: Rate,
  /** One medication's rate over the alert window. */
  medicationWindow: (medicationId: string) => Rate,
): AdherenceSummaryDto {
  const names = new Map(inputs.regimens.map((r) => [r.medicationId, r]));
  return {
    patientId,
    today: inputs.today,
    timeZone: inputs.timeZone,
    thresholdPercent: settings.adherenceThresholdPercent,
    criticalMedicationGapDays: settings.criticalMedicationGapDays,
    missedDosesInARow: settings.missedDosesInARow,
    alertWindow: { days: settings.adherenceWindowDays, ...alertWindow },
    overall: windowsOf(summary.overall),
    medications: summary.medications.map((m) => {
      const regimen = names.get(m.medicationId);
      return {
        medicationId: m.medicationId,
        name: regimen?.displayName ?? 'Medication',
        current: regimen ? regimen.endDate === null || regimen.endDate >= inputs.today : false,
        windows: windowsOf(m.windows),
        alertWindow: { days: settings.adherenceWindowDays, ...medicationWindow(m.medicationId) },
        streaks: { current: m.streaks.current, longest: m.streaks.longest },
      };
    }),
    pattern: {
      days: Math.max(...ADHERENCE_WINDOWS),
      byWeekday: summary.pattern.byWeekday.map((r, i) => ({ weekday: i + 1, ...r })),
      byTimeOfDay: timesOfDay.map((t) => ({ timeOfDay: t, ...summary.pattern.byTimeOfDay[t] })),
      cells: summary.pattern.cells,
    },
  };
}
