import { defineRule } from './rule.js';

const names = { phq9: 'PHQ-9', gad7: 'GAD-7' } as const;

/**
 * A scheduled questionnaire more than 7 days overdue (care-rules.md, product default) → routine to the
 * care manager, or to the therapist when the patient has no care manager.
 */
export const measureOverdue = defineRule({
  name: 'measure-overdue',
  on: 'measure.overdue',
  evaluate: ({ payload: p }) => [
    {
      type: 'measure_overdue',
      severity: 'routine',
      title: `${names[p.instrument]} overdue`,
      details: `The ${names[p.instrument]} due on ${p.dueDate} is ${String(p.daysOverdue)} days overdue. Remind the patient or ask it at the next contact.`,
      routeToRoles: ['care_manager'],
      fallbackRoles: ['therapist'],
      subjectId: `${p.instrument}:${p.dueDate}`,
    },
  ],
});
