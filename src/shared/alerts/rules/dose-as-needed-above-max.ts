import { defineRule } from './rule.js';

/**
 * As-needed doses above the prescribed maximum per day (issue 11) → high to the prescriber, once per
 * medication per local day. The patient is warned as they log; the prescriber must hear of it too (more
 * than prescribed of a benzodiazepine or a sleep aid is a safety question, not only an adherence one).
 */
export const doseAsNeededAboveMax = defineRule({
  name: 'dose-as-needed-above-max',
  on: 'dose.as_needed_above_max',
  evaluate: ({ payload: p }) => [
    {
      type: 'as_needed_above_max',
      severity: 'high',
      title: `${p.medicationName}: ${String(p.count)} as-needed doses on ${p.localDate} (max ${String(p.maxPerDay)})`,
      details: `The patient logged ${String(p.count)} as-needed doses of ${p.medicationName} on ${p.localDate}, above the prescribed maximum of ${String(p.maxPerDay)} a day. Check in with the patient about why they needed more.`,
      routeToRoles: ['prescriber'],
      subjectId: `${p.medicationId}:${p.localDate}`,
    },
  ],
});
