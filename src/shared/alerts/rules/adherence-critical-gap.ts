import { defineRule } from './rule.js';

/**
 * Lithium, clozapine or an anticonvulsant mood stabiliser not taken at all for days in a row (default 3;
 * issue 11, product policy; shared/adherence/per-medication.ts) → high to the prescriber: stopping these
 * suddenly carries its own risk and restarting after a gap may need re-titration (FDA labels, "Dosage and
 * Administration"). One alert per run of untaken days (keyed by its first day).
 */
export const adherenceCriticalGap = defineRule({
  name: 'adherence-critical-gap',
  on: 'adherence.critical_gap',
  evaluate: ({ payload: p }) => [
    {
      type: 'adherence_critical_gap',
      severity: 'high',
      title: `${p.medicationName}: not taken for ${String(p.days)} days`,
      details: `No scheduled dose of ${p.medicationName} has been logged as taken since ${p.firstDay} (${String(p.days)} days). Call the patient today: a gap in this medicine may need a restart plan rather than simply resuming the old dose.`,
      routeToRoles: ['prescriber'],
      subjectId: `${p.medicationId}:${p.firstDay}`,
    },
  ],
});
