import { defineRule } from './rule.js';

/** `changePercent` is the fall from baseline (positive = better): say "rose by" when the score rose (issue 12). */
export function changeWords(fallPercent: number): string {
  const n = Math.round(Math.abs(fallPercent));
  if (n === 0) return 'no change';
  if (fallPercent < 0) return `rose by ${String(n)}%`;
  return `fell by ${String(n)}%`;
}

/**
 * Not improving (issue 5; IMPACT via care-rules.md): at week 10 or later of the current treatment with less
 * than a 50% fall in PHQ-9 from baseline → high "review treatment" to the prescriber and the therapist.
 * The scheduled check decides the condition with the clinic's thresholds and emits the event once. Issue 12:
 * the plan's target questionnaire decides (PHQ-9, GAD-7 or both, worst counts); the event names it.
 */
export const treatmentNotImproving = defineRule({
  name: 'treatment-not-improving',
  on: 'treatment.not_improving',
  evaluate: ({ payload: p }) => [
    {
      type: 'treatment_not_improving',
      severity: 'high',
      title: 'Not improving: review treatment',
      details: `Week ${String(p.weeksInTreatment)} of treatment: ${p.instrument === 'gad7' ? 'GAD-7' : 'PHQ-9'} ${String(p.latestTotal)} against ${String(p.baselineTotal)} at baseline (${changeWords(p.changePercent)}; the target is a fall of at least 50%). Consider changing the treatment or discussing at case review.`,
      routeToRoles: ['prescriber', 'therapist'],
      subjectId: null,
    },
  ],
});
