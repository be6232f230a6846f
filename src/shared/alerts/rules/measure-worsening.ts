import { defineRule } from './rule.js';

const names = { phq9: 'PHQ-9', gad7: 'GAD-7' } as const;

/**
 * Worsening (issue 5, issue 12) → high, to the prescriber and the therapist, when either:
 * - reliable deterioration against the baseline: PHQ-9 up >= 6 points, GAD-7 up >= 4 (instruments.md,
 *   "Change over time": NHS Talking Therapies, unverified); or
 * - relapse against the best recent score (shared/measures/interpretation.ts relapseFrom: a rise of 5 or
 *   more PHQ-9 points from the lowest of the last 12 weeks, Löwe et al. 2004's minimal important change;
 *   or from remission back to 10 or more; product policy).
 */
export const measureWorsening = defineRule({
  name: 'measure-worsening',
  on: 'measure.submitted',
  evaluate: ({ payload: p }) => {
    const relapse = p.relapse ?? null;
    if ((!p.reliableDeterioration && relapse === null) || p.total === null) return [];
    const name = names[p.instrument];
    const reasons: string[] = [];
    if (p.reliableDeterioration && p.baselineTotal !== null)
      reasons.push(`from ${String(p.baselineTotal)} at baseline, a reliable deterioration`);
    else if (p.reliableDeterioration) reasons.push('a reliable deterioration');
    if (relapse?.kind === 'back_from_remission')
      reasons.push(`back from ${String(relapse.fromTotal)} (remission) in the last 12 weeks`);
    else if (relapse)
      reasons.push(
        `up ${String(relapse.risePoints)} points from ${String(relapse.fromTotal)}, the lowest in the last 12 weeks`,
      );
    return [
      {
        type: 'measure_worsening',
        severity: 'high',
        title: `Worsening: ${name} ${String(p.total)}`,
        details: `${name} rose to ${String(p.total)}: ${reasons.join('; ')}. Review the treatment with the patient.`,
        routeToRoles: ['prescriber', 'therapist'],
        subjectId: p.responseId,
      },
    ];
  },
});
