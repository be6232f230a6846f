import { defineRule } from './rule.js';

/**
 * One regular medication below the clinic's threshold over its window (default below 80% over 14 days;
 * care-rules.md "Adherence", product default; issue 11) → high to the prescriber and the therapist, naming
 * the medicine, even when the pooled figure looks fine. The figure is doses logged as taken / doses
 * scheduled (self-reported). The scheduled check emits once per medication per window.
 */
export const adherenceMedicationLow = defineRule({
  name: 'adherence-medication-low',
  on: 'adherence.medication_low',
  evaluate: ({ payload: p }) => {
    const percent = p.scheduled === 0 ? 0 : Math.floor((p.taken * 100) / p.scheduled);
    return [
      {
        type: 'adherence_medication_low',
        severity: 'high',
        title: `${p.medicationName}: ${String(percent)}% of doses taken over ${String(p.windowDays)} days`,
        details: `The patient logged ${String(p.taken)} of ${String(p.scheduled)} scheduled doses of ${p.medicationName} as taken in the last ${String(p.windowDays)} days (below ${String(p.thresholdPercent)}%; self-reported doses, not pharmacy fills). Ask what gets in the way with this medicine.`,
        routeToRoles: ['prescriber', 'therapist'],
        subjectId: p.medicationId,
      },
    ];
  },
});
