import type { Severity } from '../alert.js';
import { defineRule } from './rule.js';

/**
 * A laboratory result outside its range (medication-safety.md §3; shared/medication-safety/labs.ts):
 * - critical → URGENT to the prescriber and the whole care team (escalates like any urgent alert);
 * - high → the prescriber, today (severity high);
 * - abnormal → the prescriber, routine ("out of range: prescriber").
 * With no prescriber on the team, high and abnormal go to the care manager (never to no one).
 */
const severityOf: Record<'abnormal' | 'high' | 'critical', Severity> = {
  abnormal: 'routine',
  high: 'high',
  critical: 'urgent',
};

export const labResultFlagged = defineRule({
  name: 'lab-result-flagged',
  on: 'lab.result_flagged',
  evaluate: ({ payload: p }) => {
    const forWhat = p.medicationName ? ` (${p.medicationName})` : '';
    const details = [
      `${p.testLabel}${forWhat}: ${p.valueText} on ${p.takenOn}. ${p.label}.`,
      p.action,
      p.emergencyAdvice,
      p.nextDueOn ? `Next test due ${p.nextDueOn}${p.nextDueReason ? `: ${p.nextDueReason}` : ''}.` : null,
    ]
      .filter((x): x is string => x !== null && x !== '')
      .join(' ');
    return [
      {
        type: 'lab_result_flagged',
        severity: severityOf[p.tier],
        title: `${p.tier === 'critical' ? 'Critical' : p.tier === 'high' ? 'High' : 'Out of range'}: ${p.testLabel} ${p.valueText}${forWhat}`,
        details,
        routeToRoles: p.tier === 'critical' ? ['prescriber', 'therapist', 'care_manager'] : ['prescriber'],
        fallbackRoles: ['care_manager'],
        subjectId: p.resultId,
      },
    ];
  },
});
