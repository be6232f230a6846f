import { defineRule } from './rule.js';

/**
 * Not improving (issue 5; IMPACT via care-rules.md): at week 10 or later of the current treatment with less
 * than a 50% fall in PHQ-9 from baseline → high "review treatment" to the prescriber and the therapist.
 * The scheduled check decides the condition with the clinic's thresholds and emits the event once.
 */
export const treatmentNotImproving = defineRule({
  name: 'treatment-not-improving',
  on: 'treatment.not_improving',
  evaluate: ({ payload: p }) => [
    {
      type: 'treatment_not_improving',
      severity: 'high',
      title: 'Not improving: review treatment',
      details: `Week ${String(p.weeksInTreatment)} of treatment: PHQ-9 ${String(p.latestTotal)} against ${String(p.baselineTotal)} at baseline (${String(Math.round(p.changePercent))}% fall; the target is at least 50%). Consider changing the treatment or discussing at case review.`,
      routeToRoles: ['prescriber', 'therapist'],
      subjectId: null,
    },
  ],
});
