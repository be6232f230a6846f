import { isLowRating } from '../../feedback/rules.js';
import { defineRule } from './rule.js';

/**
 * Session feedback with a low rating ("met my goals" or "felt heard" at or below the clinic's threshold,
 * default 4 of 10; shared/clinic/settings.ts): a routine alert to the therapist, who can take it up at the
 * next session (issue 6). The text of the answers stays in Duet's feedback page, not in the alert.
 */
export const feedbackLowRating = defineRule({
  name: 'feedback-low-rating',
  on: 'feedback.session_rated',
  evaluate: ({ payload: p }) =>
    isLowRating(p.goalsRating, p.heardRating, p.lowThreshold)
      ? [
          {
            type: 'session_feedback_low',
            severity: 'routine',
            title: 'Low rating in session feedback',
            details: `For the session on ${p.sessionDay} the patient rated "met my goals" ${String(p.goalsRating)}/10 and "felt heard" ${String(p.heardRating)}/10. Open What helps to read their answers.`,
            routeToRoles: ['therapist'],
            subjectId: p.feedbackId,
          },
        ]
      : [],
});
