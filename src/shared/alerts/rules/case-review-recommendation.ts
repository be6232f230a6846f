import { defineRule } from './rule.js';

/**
 * The psychiatric consultant recorded a case-review recommendation (issue 5) → routine to the whole team,
 * which decides with the patient what to change. The event carries no priority, so every recommendation is
 * routine; an urgent concern goes through a consult request instead.
 */
export const caseReviewRecommendation = defineRule({
  name: 'case-review-recommendation',
  on: 'case_review.recommendation',
  evaluate: ({ payload: p }) => [
    {
      type: 'case_review_recommendation',
      severity: 'routine',
      title: 'Case review recommendation',
      details: p.summary,
      routeToRoles: ['therapist', 'prescriber', 'care_manager'],
      subjectId: p.recommendationId,
    },
  ],
});
