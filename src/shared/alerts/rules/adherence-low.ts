import { defineRule } from './rule.js';

/**
 * Adherence (doses logged as taken / doses scheduled, self-reported) below the clinic's threshold over its
 * window (default: below 80% over 14 days; care-rules.md "Adherence", product default) → high to the
 * prescriber and the therapist, so it can be talked about in session as well as in a medication review.
 * The scheduled check (server/features/adherence/adherence.check.ts) decides the condition and emits once
 * per patient per window.
 */
export const adherenceLow = defineRule({
  name: 'adherence-low',
  on: 'adherence.low',
  evaluate: ({ payload: p }) => {
    const percent = p.scheduled === 0 ? 0 : Math.floor((p.taken * 100) / p.scheduled);
    return [
      {
        type: 'adherence_low',
        severity: 'high',
        title: `Adherence ${String(percent)}% over ${String(p.windowDays)} days`,
        details: `The patient logged ${String(p.taken)} of ${String(p.scheduled)} scheduled doses taken in the last ${String(p.windowDays)} days (below ${String(p.thresholdPercent)}%). Ask what gets in the way: side effects, cost, forgetting, doubts about the medication.`,
        routeToRoles: ['prescriber', 'therapist'],
        subjectId: null,
      },
    ];
  },
});
