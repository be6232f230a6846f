import { defineRule } from './rule.js';

/**
 * The psychiatric consultant recorded a case-review recommendation (issue 5) → to the whole team, which
 * decides with the patient what to change, at the priority the consultant chose (routine or high). An
 * urgent concern goes through a consult request instead.
 */
export const caseReviewRecommendation = defineRule({
  name: 'case-review-recommendation',
  on: 'case_review.recommendation',
  evaluate: ({ payload: p }) => [
    {
      type: 'case_review_recommendation',
      severity: p.priority ?? 'routine',
      title:
        p.priority === 'high' ? 'Case review recommendation (high priority)' : 'Case review recommendation',
      details: p.summary,
      routeToRoles: ['therapist', 'prescriber', 'care_manager'],
      subjectId: p.recommendationId,
    },
  ],
});
