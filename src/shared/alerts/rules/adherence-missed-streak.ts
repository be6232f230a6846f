import { defineRule } from './rule.js';

/**
 * Scheduled doses of one medication missed in a row (default 3; issue 4) → routine to the prescriber.
 * Not to the therapist: a short run of missed doses is a medication question first, and the therapist
 * already sees streaks on the adherence card and gets the high alert if adherence stays below 80% over 14
 * days (fewer alerts that matter rather than every blip). One alert per streak (keyed by its first dose).
 */
export const adherenceMissedStreak = defineRule({
  name: 'adherence-missed-streak',
  on: 'adherence.missed_streak',
  evaluate: ({ payload: p }) => [
    {
      type: 'adherence_missed_streak',
      severity: 'routine',
      title: `${p.medicationName}: ${String(p.missedInARow)} doses missed in a row`,
      details: `${String(p.missedInARow)} scheduled doses of ${p.medicationName} in a row were skipped or not logged, starting ${p.firstMissedDay}. Check in with the patient.`,
      routeToRoles: ['prescriber'],
      subjectId: p.firstMissedDoseKey,
    },
  ],
});
