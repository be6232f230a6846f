import { defineRule } from './rule.js';

const answerLabels: Record<number, string> = {
  1: 'Several days',
  2: 'More than half the days',
  3: 'Nearly every day',
};

/**
 * PHQ-9 item 9 answered above 0, whatever the total: urgent, to every clinician on the care team
 * (care-rules.md, "Safety"; instruments.md: any answer above 0 must reach a clinician the same day).
 * Escalation of an unacknowledged urgent alert is the inbox's (features/alerts/escalation.ts).
 */
export const measureSelfHarm = defineRule({
  name: 'measure-self-harm',
  on: 'measure.self_harm_reported',
  evaluate: (event) => [
    {
      type: 'self_harm_answer',
      severity: 'urgent',
      title: 'PHQ-9 item 9: thoughts of self-harm',
      details:
        `Answered "${answerLabels[event.payload.item9] ?? String(event.payload.item9)}" to thoughts that they would be better off dead or of hurting themselves` +
        (event.payload.total === null
          ? ' (questionnaire incomplete).'
          : ` (PHQ-9 total ${String(event.payload.total)}).`) +
        ' Contact the patient today and record a risk assessment.',
      routeToRoles: ['therapist', 'prescriber', 'care_manager'],
      subjectId: event.payload.responseId,
    },
  ],
});
