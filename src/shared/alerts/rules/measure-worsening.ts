import { defineRule } from './rule.js';

const names = { phq9: 'PHQ-9', gad7: 'GAD-7' } as const;

/**
 * Worsening (issue 5): reliable deterioration on PHQ-9 (up >= 6 points) or GAD-7 (up >= 4) against the
 * baseline → high, to the prescriber and the therapist. The measures feature decides reliable deterioration
 * with the clinic's thresholds (instruments.md, "Change over time": NHS Talking Therapies, unverified).
 */
export const measureWorsening = defineRule({
  name: 'measure-worsening',
  on: 'measure.submitted',
  evaluate: ({ payload: p }) => {
    if (!p.reliableDeterioration || p.total === null) return [];
    const from = p.baselineTotal === null ? '' : ` from ${String(p.baselineTotal)} at baseline`;
    return [
      {
        type: 'measure_worsening',
        severity: 'high',
        title: `Worsening: ${names[p.instrument]} ${String(p.total)}`,
        details: `${names[p.instrument]} rose to ${String(p.total)}${from}, a reliable deterioration. Review the treatment with the patient.`,
        routeToRoles: ['prescriber', 'therapist'],
        subjectId: p.responseId,
      },
    ];
  },
});
